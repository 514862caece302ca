// SPDX-License-Identifier: Apache-2.0
package org.zvm.tools;

import java.util.Locale;

import org.zvm.error.HaltReason;

/** Renders {@code docs/reference/errors.md} from {@link HaltReason}: the ids and messages tools match on. */
public final class ErrorDocGenerator {
    private ErrorDocGenerator() {
    }

    public static String generate() {
        StringBuilder md = new StringBuilder();
        md.append(ReferenceDocs.generatedFrom("org.zvm.error.HaltReason")).append("\n\n");
        md.append("# Halt reasons\n\n");
        md.append("Every way an execution ends, for all three code formats. `id` is what tools print and golden files ");
        md.append("match; the message is fixed. Kinds other than success and revert consume all gas given to the frame.\n\n");
        md.append("| id | kind | message | consumes all gas |\n");
        md.append("|---|---|---|---|\n");
        for (HaltReason r : HaltReason.values()) {
            md.append("| `").append(r.id()).append("` | ").append(r.kind.name().toLowerCase(Locale.ROOT)).append(" | ")
                            .append(ReferenceDocs.cell(r.message)).append(" | ").append(r.consumesAllGas() ? "yes" : "no").append(" |\n");
        }
        return md.toString();
    }
}
