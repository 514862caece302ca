// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way to get the command line wrong ends in its one-line message; everything right is normalised. */
class ArgumentsTest {
    @TempDir
    Path dir;
    private String zasm;
    private String zvmc;
    private String zvm;

    @BeforeEach
    void files() throws IOException {
        zasm = Files.writeString(dir.resolve("prog.zasm"), "HALT\n").toString();
        zvmc = Files.write(dir.resolve("prog.zvmc"), new byte[]{'Z', 'V', 'M', 'C'}).toString();
        zvm = Files.write(dir.resolve("prog.zvm"), new byte[]{0}).toString();
    }

    private static Arguments parse(String... args) throws UsageException {
        return Arguments.parse(Arrays.asList(args));
    }

    private static void fails(String message, String... args) {
        UsageException e = assertThrows(UsageException.class, () -> parse(args));
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void runDefaults() throws UsageException {
        Arguments a = parse("run", zasm);
        assertEquals(Command.RUN, a.command());
        assertEquals(Path.of(zasm), a.file());
        assertEquals(Format.ZASM, a.format());
        assertEquals("0x", a.calldata());
        assertEquals(10_000_000L, a.gas());
        assertEquals("0x0", a.value());
        assertEquals("0x00000000000000000000000000000000000000c0", a.caller());
        assertEquals("Cancun", a.fork());
        assertNull(a.stateDir());
        assertEquals(Trace.NONE, a.trace());
        assertFalse(a.json());
        assertEquals(List.of(), a.passthrough());
    }

    @Test
    void traceKindsAbiAndSourceMaps() throws Exception {
        assertEquals(Trace.CALLS, parse("run", zvm, "--trace=calls").trace());
        assertEquals(Trace.EIP3155, parse("run", zvm, "--trace=eip3155").trace());
        fails("--trace=bogus: unknown trace (eip3155 or calls)", "run", zvm, "--trace=bogus");
        String abi = Files.writeString(dir.resolve("C.abi"), "[]").toString();
        assertEquals(List.of("--zvm-calltrace.Abi=" + Path.of(abi).toAbsolutePath()), parse("run", zvm, "--trace=calls", "--abi", abi).passthrough());
        fails("--abi: names calls in --trace=calls only", "run", zvm, "--abi", abi);
        String map = Files.writeString(dir.resolve("C.srcmap"), "0:1:0").toString();
        String sol = Files.writeString(dir.resolve("C.sol"), "contract C {}").toString();
        assertEquals(List.of("--zvm.SourceMap=" + Path.of(map).toAbsolutePath(), "--zvm.Sources=" + Path.of(sol).toAbsolutePath()),
                        parse("step", zvm, "--source-map", map, "--sources", sol).passthrough());
        fails("--source-map: needs --sources A.sol[,B.sol]", "run", zvm, "--source-map", map);
        fails("missing.sol: no such file", "run", zvm, "--source-map", map, "--sources", "missing.sol");
        assertEquals(List.of("--zvm-coverage"), parse("run", zvm, "--coverage").passthrough());
    }

    @Test
    void runWithEverything() throws UsageException {
        Arguments a = parse("run", zvm, "--calldata", "0xA9059CBB", "--gas=21000", "--value", "1000000000000000000",
                        "--caller", "1234567890ABCDEF1234567890abcdef12345678", "--state", dir.resolve("state").toString(),
                        "--trace", "--json");
        assertEquals("0xa9059cbb", a.calldata());
        assertEquals(21000, a.gas());
        assertEquals("0xde0b6b3a7640000", a.value());
        assertEquals("0x1234567890abcdef1234567890abcdef12345678", a.caller());
        assertEquals(dir.resolve("state"), a.stateDir());
        assertEquals(Trace.EIP3155, a.trace());
        assertTrue(a.json());
    }

    @Test
    void optionsAndGraalVMOptionsMayComeAnywhere() throws UsageException {
        Arguments a = parse("--inspect=9229", "--json", "run", "--engine.TraceCompilation", zvmc, "--cpusampler", "--gas", "5");
        assertEquals(Command.RUN, a.command());
        assertEquals(Format.ZVMC, a.format());
        assertEquals(5, a.gas());
        assertTrue(a.json());
        assertEquals(List.of("--inspect=9229", "--engine.TraceCompilation", "--cpusampler"), a.passthrough());
    }

    @Test
    void valuesInHexAndDecimal() throws UsageException {
        assertEquals(255, parse("run", zvm, "--gas", "0xff").gas());
        assertEquals(0, parse("run", zvm, "--gas", "0").gas());
        assertEquals("0xff", parse("run", zvm, "--value", "0xFF").value());
        assertEquals("0x0", parse("run", zvm, "--value", "0").value());
        String max = "0x" + "f".repeat(64);
        assertEquals(max, parse("run", zvm, "--value", max).value());
        assertEquals("0x", parse("run", zvm, "--calldata", "").calldata());
        assertEquals("0x00ff", parse("run", zvm, "--calldata", "00FF").calldata());
    }

    @Test
    void badCalldata() {
        fails("--calldata: odd number of hex digits", "run", zvm, "--calldata", "0xabc");
        fails("--calldata: not hex: '0xzz'", "run", zvm, "--calldata", "0xzz");
        fails("--calldata: not hex: '12 34'", "run", zvm, "--calldata", "12 34");
    }

    @Test
    void badGas() {
        fails("--gas: must not be negative: '-1'", "run", zvm, "--gas", "-1");
        fails("--gas: not a decimal or 0x-hex number: 'lots'", "run", zvm, "--gas", "lots");
        fails("--gas: not a decimal or 0x-hex number: '1e6'", "run", zvm, "--gas", "1e6");
        fails("--gas: not a decimal or 0x-hex number: ''", "run", zvm, "--gas=");
        fails("--gas: not a decimal or 0x-hex number: '0x'", "run", zvm, "--gas", "0x");
        fails("--gas: too large (at most 9223372036854775807)", "run", zvm, "--gas", "9223372036854775808");
        fails("--gas: missing N", "run", zvm, "--gas");
    }

    @Test
    void badValue() {
        fails("--value: not a decimal or 0x-hex number: '1.5'", "run", zvm, "--value", "1.5");
        fails("--value: must not be negative: '-3'", "run", zvm, "--value", "-3");
        fails("--value: not a decimal or 0x-hex number: '0xg'", "run", zvm, "--value", "0xg");
        fails("--value: larger than 2^256-1", "run", zvm, "--value", "0x1" + "0".repeat(64));
    }

    @Test
    void badCaller() {
        fails("--caller: not a 20-byte hex address: '0x12'", "run", zvm, "--caller", "0x12");
        String long21 = "0x" + "11".repeat(21);
        fails("--caller: not a 20-byte hex address: '" + long21 + "'", "run", zvm, "--caller", long21);
        String notHex = "0x" + "g".repeat(40);
        fails("--caller: not a 20-byte hex address: '" + notHex + "'", "run", zvm, "--caller", notHex);
    }

    @Test
    void badStateAndFormat() {
        fails("--state: not a directory: " + zvm, "run", zvm, "--state", zvm);
        fails("--state: empty path", "run", zvm, "--state=");
        fails("--format: unknown format 'elf' (zvmc|zasm|zvm|evm|wasm)", "run", zvm, "--format", "elf");
    }

    @Test
    void fileProblems() throws IOException {
        fails("missing.zasm: no such file", "run", "missing.zasm");
        fails(dir + ": is a directory", "run", dir.toString());
        String dat = Files.write(dir.resolve("prog.dat"), new byte[]{0}).toString();
        fails(dat + ": unknown file type; use --format zvmc|zasm|zvm|evm|wasm", "run", dat);
        fails(zasm + ": disasm reads .zvmc or .zvm code, not zasm text", "disasm", zasm);
    }

    @Test
    void formatOptionOverridesTheExtension() throws UsageException, IOException {
        String bin = Files.write(dir.resolve("prog.bin"), new byte[]{0}).toString();
        assertEquals(Format.ZVM, parse("run", bin, "--format", "zvm").format());
        assertEquals(Format.ZASM, parse("run", zvm, "--format=zasm").format());
    }

    @Test
    void commandProblems() {
        fails("missing command (run, bench, asm, disasm, gas-schedule, statetest, keygen, sign, verify, wasm-spectest, abi, selector, step; see zvm --help)", "--gas", "5");
        fails("unknown command 'bogus' (run, bench, asm, disasm, gas-schedule, statetest, keygen, sign, verify, wasm-spectest, abi, selector, step; see zvm --help)", "bogus");
        fails("run: missing FILE", "run");
        fails("asm: missing IN.zasm", "asm");
        fails("run: unexpected argument 'extra'", "run", zvm, "extra");
        fails("gas-schedule: unexpected argument 'x'", "gas-schedule", "x");
        fails("--seconds: not an option of 'run'", "run", zvm, "--seconds", "3");
        fails("--calldata: not an option of 'asm'", "asm", zasm, "--calldata", "00");
        fails("-o: not an option of 'run'", "run", zvm, "-o", "x.zvmc");
        fails("--json: takes no value", "run", zvm, "--json=yes");
    }

    @Test
    void signingCommands() throws UsageException, IOException {
        String sig = Files.writeString(dir.resolve("s.zsig"), "{}").toString();
        Arguments v = parse("verify", sig, "--payload", zasm);
        assertEquals(Command.VERIFY, v.command());
        assertEquals(Path.of(sig), v.file());
        assertEquals(zasm, v.options().get(Option.PAYLOAD));
        assertEquals("ML-DSA-65", parse("keygen", "--alg", "ML-DSA-65", "--out", "k.json").options().get(Option.ALG));
        fails("verify: missing SIG.zsig", "verify", "--payload", zasm);
        fails("keygen: unexpected argument 'x'", "keygen", "x");
        fails("--alg: not an option of 'sign'", "sign", "--alg", "Ed25519");
        fails("--payload: not an option of 'keygen'", "keygen", "--payload", zasm);
    }

    @Test
    void onlyGraalVMOptionsLeaveTheCommandToTheLauncher() throws UsageException {
        Arguments a = parse("--version:graalvm");
        assertNull(a.command());
        assertEquals(List.of("--version:graalvm"), a.passthrough());
        assertEquals("missing command (run, bench, asm, disasm, gas-schedule, statetest, keygen, sign, verify, wasm-spectest, abi, selector, step; see zvm --help)", Arguments.missingCommand().getMessage());
    }

    @Test
    void bench() throws UsageException {
        Arguments a = parse("bench", zvmc, "--seconds", "2.5", "--warmup", "0", "--calldata", "01");
        assertEquals(Command.BENCH, a.command());
        assertEquals(2.5, a.seconds());
        assertEquals(0.0, a.warmup());
        assertEquals("0x01", a.calldata());
        Arguments d = parse("bench", zvmc);
        assertEquals(10.0, d.seconds());
        assertEquals(5.0, d.warmup());
        fails("--seconds: not a positive number of seconds: '0'", "bench", zvmc, "--seconds", "0");
        fails("--seconds: not a positive number of seconds: '-1'", "bench", zvmc, "--seconds", "-1");
        fails("--seconds: not a positive number of seconds: 'NaN'", "bench", zvmc, "--seconds", "NaN");
        fails("--seconds: not a positive number of seconds: '1e9999'", "bench", zvmc, "--seconds", "1e9999");
        fails("--warmup: not a number of seconds: 'soon'", "bench", zvmc, "--warmup", "soon");
    }

    @Test
    void benchSuiteHasItsOwnDefaultsAndNoFile() throws UsageException, IOException {
        String tsv = Files.writeString(dir.resolve("cases.tsv"), "").toString();
        Arguments a = parse("bench", "--suite", tsv, "--fork", "Istanbul");
        assertEquals(Path.of(tsv), a.suite());
        assertNull(a.file());
        assertEquals(1L << 62, a.gas());
        assertEquals(2.0, a.seconds());
        assertEquals(2.0, a.warmup());
        Arguments b = parse("bench", "--suite=" + tsv, "--gas", "1000", "--seconds", "0.2", "--warmup", "0", "--json");
        assertEquals(1000, b.gas());
        assertEquals(0.2, b.seconds());
        assertTrue(b.json());
        assertNull(parse("bench", zvmc).suite());
        fails("bench: give FILE or --suite, not both", "bench", zvmc, "--suite", tsv);
        fails("--calldata: not an option of 'bench --suite' (each case brings its own code and calldata)", "bench", "--suite", tsv, "--calldata", "00");
        fails("--format: not an option of 'bench --suite' (each case brings its own code and calldata)", "bench", "--suite", tsv, "--format", "evm");
        fails("missing.tsv: no such file", "bench", "--suite", "missing.tsv");
        fails("--suite: not an option of 'run'", "run", zvmc, "--suite", tsv);
    }

    @Test
    void asmOutput() throws UsageException {
        assertEquals(dir.resolve("prog.zvmc"), parse("asm", zasm).output());
        assertEquals(dir.resolve("out.zvm"), parse("asm", zasm, "-o", dir.resolve("out.zvm").toString()).output());
        assertEquals(Path.of("x.zvmc"), parse("asm", zasm, "--output=x.zvmc").output());
        fails("-o: out.bin: name must end in .zvmc (container) or .zvm (raw code)", "asm", zasm, "-o", "out.bin");
        fails("-o: out.zasm: name must end in .zvmc (container) or .zvm (raw code)", "asm", zasm, "-o", "out.zasm");
        fails("-o: out.evm: name must end in .zvmc (container) or .zvm (raw code)", "asm", zasm, "-o", "out.evm");
        fails("-o: missing OUT", "asm", zasm, "-o");
        assertEquals(Path.of("dir", "code.txt.zvmc"), Arguments.defaultOutput(Path.of("dir", "code.txt")));
    }

    @Test
    void disasmAndGasSchedule() throws UsageException {
        assertEquals(Format.ZVMC, parse("disasm", zvmc).format());
        assertEquals(Format.ZVM, parse("disasm", zvm).format());
        assertTrue(parse("gas-schedule", "--json").json());
        assertFalse(parse("gas-schedule").json());
    }

    @Test
    void helpIsRecognisedAnywhere() {
        assertTrue(Arguments.wantsHelp(List.of("run", "x.zasm", "--help")));
        assertTrue(Arguments.wantsHelp(List.of("-h")));
        assertTrue(Arguments.wantsHelp(List.of("help")));
        assertTrue(Arguments.wantsHelp(List.of("--help:tools")));
        assertFalse(Arguments.wantsHelp(List.of("run", "help.zasm")));
        assertEquals(List.of("--help"), Arguments.helpArguments(List.of("help")));
        assertEquals(List.of("--help"), Arguments.helpArguments(List.of("run", "-h", "--gas", "5")));
        assertEquals(List.of("--experimental-options", "--help:tools"),
                        Arguments.helpArguments(new ArrayList<>(List.of("--experimental-options", "--help:tools"))));
    }

    @Test
    void formatTable() {
        assertEquals("application/x-zvm-container", Format.ZVMC.mimeType);
        assertEquals("text/x-zasm", Format.ZASM.mimeType);
        assertEquals("application/x-zvm-native", Format.ZVM.mimeType);
        assertEquals(Format.ZVMC, Format.byExtension(Path.of("A.ZVMC")));
        assertNull(Format.byExtension(Path.of(".zvm")));
        assertNull(Format.byExtension(Path.of("x.zvmcx")));
        assertEquals(Format.EVM, Format.byExtension(Path.of("Token.bin")), "solc's hex output");
        assertNull(Format.byExtension(Path.of(".bin")));
    }

    @Test
    void forks() throws UsageException {
        assertEquals("Istanbul", parse("run", zvm, "--fork", "istanbul").fork());
        assertEquals("Shanghai", parse("bench", zvm, "--fork=SHANGHAI").fork());
        fails("--fork: unknown fork 'Frontier' (known: Istanbul, Berlin, London, Shanghai, Cancun)", "run", zvm, "--fork", "Frontier");
        fails("--fork: not an option of 'asm'", "asm", zasm, "--fork", "Cancun");
    }

    @Test
    void wasmInvokeTakesTypedArguments() throws Exception {
        String wasm = Files.write(dir.resolve("m.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}).toString();
        Arguments a = parse("run", wasm, "--invoke", "add", "i32:7", "i64:-1", "f32:1.5", "f64:2");
        assertEquals(Format.WASM, a.format());
        assertEquals("add", a.invoke());
        assertEquals(List.of("i32:7", "i64:-1", "f32:1.5", "f64:2"), a.invokeArguments());
        assertEquals(7, WasmInvoke.parse("i32:7"));
        assertEquals(-1, WasmInvoke.parse("i32:4294967295"));
        assertEquals(-1L, WasmInvoke.parse("i64:-1"));
        fails(wasm + ": a .wasm module runs with --invoke EXPORT", "run", wasm);
        fails("--invoke: " + zasm + " is not a .wasm module", "run", zasm, "--invoke", "f");
        fails("i32:x: not a i32 value", "run", wasm, "--invoke", "f", "i32:x");
        fails("i32:4294967296: not a i32 value", "run", wasm, "--invoke", "f", "i32:4294967296");
        fails("7: argument must be TYPE:VALUE with TYPE i32, i64, f32 or f64", "run", wasm, "--invoke", "f", "7");
        fails("--invoke: not an option of 'bench'", "bench", wasm, "--invoke", "f");
        fails("--gas: not an option of 'run --invoke' (a WASM module is no contract)", "run", wasm, "--invoke", "f", "--gas", "5");
    }

    @Test
    void wasmSpectestTakesPaths() throws Exception {
        Arguments a = parse("wasm-spectest", dir.toString(), "--json");
        assertEquals(Command.WASM_SPECTEST, a.command());
        assertEquals(List.of(dir), a.paths());
        assertTrue(a.json());
    }
}
