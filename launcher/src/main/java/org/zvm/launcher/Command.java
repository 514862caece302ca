// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

/** The subcommands of {@code zvm}; the table also feeds {@code --help}. */
enum Command {
    // @formatter:off
    //            name            operand      summary
    RUN          ("run",          "FILE",      "deploy FILE at a fixed address and call it once"),
    BENCH        ("bench",        "FILE",      "warm up, then time repeated calls of FILE or of each --suite case (state rolled back each call)"),
    ASM          ("asm",          "IN.zasm",   "assemble zasm text into a .zvmc container (or raw .zvm code with -o OUT.zvm)"),
    DISASM       ("disasm",       "FILE",      "disassemble a .zvmc container or .zvm code"),
    GAS_SCHEDULE ("gas-schedule", null,        "print the native gas schedule"),
    STATETEST    ("statetest",    "PATH...",   "run Ethereum state test files or directories of them"),
    KEYGEN       ("keygen",       null,        "write a key file: --alg ALG [--seed HEX] --out KEYFILE"),
    SIGN         ("sign",         null,        "sign the file --payload DATA with --key KEYFILE into --out SIG.zsig"),
    VERIFY       ("verify",       "SIG.zsig",  "check SIG.zsig against the file --payload DATA: exit 0 valid, 1 invalid, 2 bad input"),
    WASM_SPECTEST("wasm-spectest", "PATH...",  "run WebAssembly spec test command files (wast2json .json) or directories of them"),
    ABI          ("abi",          null,        "encode SIG ARG... | decode TYPES HEX: ABI-encode arguments or decode data, as cast abi-encode/abi-decode"),
    SELECTOR     ("selector",     null,        "SIG: the 4-byte function selector, as cast sig"),
    STEP         ("step",         "FILE",      "call FILE once under a terminal debugger: each instruction or line, stack, memory, storage; breakpoints by pc or line"),
    SOROBAN      ("soroban",      null,        "invoke FILE.wasm FUNCTION [ARG...] [--state DIR] [--gas N] [--json]: call a Soroban contract with typed arguments (i32:7 sym:hi vec:[...])"),
    CALL         ("call",         "FILE FN ARG...", "call function FN of FILE's ABI (a KALIX or solc ABI in the .zvmc, or X.abi.json beside X) and print its decoded results");
    // @formatter:on

    final String word;
    /** What the positional operand is called in messages, or null when the command takes none; "..." takes several. */
    final String operand;
    final String summary;

    Command(String word, String operand, String summary) {
        this.word = word;
        this.operand = operand;
        this.summary = summary;
    }

    static Command byWord(String word) {
        for (Command c : values()) {
            if (c.word.equals(word)) {
                return c;
            }
        }
        return null;
    }

    static String words() {
        StringBuilder sb = new StringBuilder();
        for (Command c : values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(c.word);
        }
        return sb.toString();
    }
}
