// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import org.graalvm.polyglot.Value;

/**
 * The launcher's copy of the language's result object, read once through interop so that formatting and
 * exit codes can be tested without an engine.
 *
 * @param status "success", "revert" or "halt"
 * @param reason the HaltReason id (e.g. "out_of_gas"), or null
 * @param gasUsed execution gas only
 * @param output "0x"-prefixed hex
 * @param json the exact object {@code --json} prints
 */
record CallResult(String status, String reason, long gasUsed, long gasLeft, String output, String json) {

    static CallResult from(Value result) {
        Value reason = result.getMember("reason");
        return new CallResult(result.getMember("status").asString(),
                        reason == null || reason.isNull() ? null : reason.asString(),
                        result.getMember("gasUsed").asLong(),
                        result.getMember("gasLeft").asLong(),
                        result.getMember("output").asString(),
                        result.getMember("json").asString());
    }

    /** 0 for success, 1 for a revert or an exceptional halt. */
    int exitCode() {
        return switch (status) {
            case "success" -> 0;
            case "revert", "halt" -> 1;
            default -> throw new IllegalStateException("result object has unknown status '" + status + "'");
        };
    }
}
