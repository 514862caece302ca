// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import static org.zvm.launcher.Command.ASM;
import static org.zvm.launcher.Command.BENCH;
import static org.zvm.launcher.Command.CALL;
import static org.zvm.launcher.Command.DISASM;
import static org.zvm.launcher.Command.GAS_SCHEDULE;
import static org.zvm.launcher.Command.KEYGEN;
import static org.zvm.launcher.Command.RUN;
import static org.zvm.launcher.Command.SIGN;
import static org.zvm.launcher.Command.STATETEST;
import static org.zvm.launcher.Command.VERIFY;
import static org.zvm.launcher.Command.WASM_SPECTEST;
import static org.zvm.launcher.Command.STEP;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.zvm.crypto.SignatureAlgorithm;
import org.zvm.hedera.HederaConfig;

/**
 * The launcher's own options, one row each: the parser and {@code --help} both read this table. Anything
 * starting with {@code -} that is not here goes to the GraalVM option parser ({@code --engine.*},
 * {@code --inspect}, ...), which is why these names must never collide with a polyglot option.
 */
enum Option {
    // @formatter:off
    //        names                       value   applies to                 help
    CALLDATA (List.of("--calldata"),      "HEX",  EnumSet.of(RUN, BENCH, STEP), "call data, 0x prefix optional (default: empty)"),
    GAS      (List.of("--gas"),           "N",    EnumSet.of(RUN, BENCH, STEP, CALL), "gas limit, decimal or 0x-hex (default: " + Arguments.DEFAULT_GAS + "; 2^62 with --suite)"),
    VALUE    (List.of("--value"),         "N",    EnumSet.of(RUN, BENCH, STEP, CALL), "value sent with the call, decimal or 0x-hex (default: 0)"),
    CALLER   (List.of("--caller"),        "ADDR", EnumSet.of(RUN, BENCH, STEP, CALL), "caller, 20 bytes hex (default: " + Arguments.DEFAULT_CALLER + ")"),
    STATE    (List.of("--state"),         "DIR",  EnumSet.of(RUN, BENCH, STEP, CALL), "load and save the world state in DIR (default: fresh, in memory)"),
    FORK     (List.of("--fork"),          "NAME", EnumSet.of(RUN, BENCH, DISASM, STATETEST, STEP, CALL), "EVM fork " + Arguments.FORKS + " (default: Cancun)"),
    CHAIN    (List.of("--chain"),         "NAME", EnumSet.of(RUN, BENCH, STEP, CALL), "chain whose system contracts EVM code calls: " + HederaConfig.CHAINS + " (default: ethereum; hedera: HTS at 0x167, exchange rate 0x168, PRNG 0x169)"),
    FORMAT   (List.of("--format"),        "F",    EnumSet.of(RUN, BENCH, DISASM, STEP, CALL), "input format " + Format.choices() + " (default: from the extension)"),
    CREATE   (List.of("--create"),        null,   EnumSet.of(RUN, BENCH, STEP), "run FILE as init code and deploy the code it returns"),
    TRACE    (List.of("--trace"),         null,   EnumSet.of(RUN, BENCH),    "EIP-3155 JSON line per instruction on stderr; --trace=calls: the call tree (as forge -vvvv)"),
    JSON     (List.of("--json"),          null,   EnumSet.of(RUN, BENCH, GAS_SCHEDULE, STATETEST, WASM_SPECTEST, CALL), "print JSON instead of text"),
    FILTER   (List.of("--filter"),        "REGEX", EnumSet.of(STATETEST),    "run only the tests whose name contains a match"),
    SECONDS  (List.of("--seconds"),       "S",    EnumSet.of(BENCH),         "measure for S seconds after warm-up (default: " + Arguments.DEFAULT_SECONDS + "; " + Arguments.SUITE_SECONDS + " per case with --suite)"),
    WARMUP   (List.of("--warmup"),        "S",    EnumSet.of(BENCH),         "warm up for at least S seconds (default: " + Arguments.DEFAULT_WARMUP + "; " + Arguments.SUITE_WARMUP + " per case with --suite)"),
    SUITE    (List.of("--suite"),         "TSV",  EnumSet.of(BENCH),         "instead of FILE, every case of TSV (name, code file, calldata hex), as EVM code"),
    OUTPUT   (List.of("-o", "--output"),  "OUT",  EnumSet.of(ASM),           "write OUT: .zvmc container or .zvm raw code (default: IN with .zvmc)"),
    ALG      (List.of("--alg"),           "ALG",  EnumSet.of(KEYGEN),        "signature algorithm " + SignatureAlgorithm.ids()),
    SEED     (List.of("--seed"),          "HEX",  EnumSet.of(KEYGEN),        "32-byte seed the key pair derives from (default: random)"),
    KEY      (List.of("--key"),           "KEYFILE", EnumSet.of(SIGN),       "key file written by zvm keygen"),
    PAYLOAD  (List.of("--payload"),       "DATA", EnumSet.of(SIGN, VERIFY),  "the file whose bytes are signed or verified"),
    OUT      (List.of("--out"),           "FILE", EnumSet.of(KEYGEN, SIGN),  "write the key file or the .zsig signature to FILE"),
    INVOKE   (List.of("--invoke"),        "EXPORT", EnumSet.of(RUN, BENCH),      "call exported function EXPORT of a .wasm module; typed arguments follow FILE (i32:7 i64:-1 f32:1.5 f64:2)"),
    SOURCE_MAP(List.of("--source-map"),   "FILE", EnumSet.of(RUN, STEP),     "solc's source map of FILE's EVM code: debuggers show the Solidity source (needs --sources)"),
    SOURCES  (List.of("--sources"),       "A.sol[,B.sol]", EnumSet.of(RUN, STEP), "the Solidity files the source map refers to, in solc's source id order"),
    ABI      (List.of("--abi"),           "FILE[,FILE]", EnumSet.of(RUN),    "solc JSON ABIs: --trace=calls names functions, arguments and results"),
    COVERAGE (List.of("--coverage"),      null,   EnumSet.of(RUN),           "per-line instruction coverage of every contract on stderr at the end"),
    TIMEOUT  (List.of("--timeout"),       "S",    EnumSet.of(RUN, STATETEST, WASM_SPECTEST, CALL), "stop after S seconds of wall-clock time, whatever the gas limit (default: none)");
    // @formatter:on

    final List<String> names;
    /** Placeholder for the value in help, or null for a flag. */
    final String value;
    final Set<Command> commands;
    final String help;

    Option(List<String> names, String value, Set<Command> commands, String help) {
        this.names = names;
        this.value = value;
        this.commands = commands;
        this.help = help;
    }

    boolean takesValue() {
        return value != null;
    }

    /** The name used in messages. */
    String display() {
        return names.getFirst();
    }

    /** The option an argument names, either alone or as {@code name=value}; null when it is not ours. */
    static Option match(String arg) {
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg : arg.substring(0, eq);
        for (Option o : values()) {
            if (o.names.contains(name)) {
                return o;
            }
        }
        return null;
    }
}
