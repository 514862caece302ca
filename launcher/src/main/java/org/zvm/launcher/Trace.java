// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

/** What {@code --trace[=KIND]} prints on stderr, and the instrument option that does it. */
enum Trace {
    NONE(null),
    /** {@code --trace} or {@code --trace=eip3155}: one EIP-3155 JSON line per instruction. */
    EIP3155("zvm-trace"),
    /** {@code --trace=calls}: the call tree, as {@code forge test -vvvv} prints it. */
    CALLS("zvm-calltrace");

    /** The polyglot option that enables the instrument, or null. */
    final String instrumentOption;

    Trace(String instrumentOption) {
        this.instrumentOption = instrumentOption;
    }

    /** The kind an option value names: "true" is what a bare {@code --trace} stores. */
    static Trace parse(String value) throws UsageException {
        return switch (value) {
            case "true", "eip3155" -> EIP3155;
            case "calls" -> CALLS;
            default -> throw new UsageException("--trace=" + value + ": unknown trace (eip3155 or calls)");
        };
    }
}
