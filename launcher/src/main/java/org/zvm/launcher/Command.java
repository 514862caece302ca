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
    STEP         ("step",         "FILE",      "call FILE once under a terminal debugger: each instruction or line, stack, memory, storage; breakpoints by pc or line");
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
