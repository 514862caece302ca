// SPDX-License-Identifier: Apache-2.0
package org.zvm.tools;

import org.zvm.opcode.Opcode;

/** Renders {@code docs/reference/opcodes.md}: one table per {@link Opcode.Category}, then the invalid bytes. */
public final class OpcodeDocGenerator {
    private OpcodeDocGenerator() {
    }

    public static String generate() {
        StringBuilder md = new StringBuilder();
        md.append(ReferenceDocs.generatedFrom("org.zvm.opcode.Opcode")).append("\n\n");
        md.append("# Native ZVM opcodes\n\n");
        md.append(Opcode.values().length).append(" opcodes. `in` words are popped (the first is the top of the stack), `out` words pushed. ");
        md.append("Gas is the base cost charged before the instruction runs; \"+ dynamic\" marks a further charge computed from ");
        md.append("the operands (memory expansion, cold access, per word or byte), listed in `gas-schedule.json`.\n");
        for (Opcode.Category category : Opcode.Category.values()) {
            md.append("\n## ").append(category.title).append("\n\n");
            md.append("| byte | mnemonic | immediate | in | out | gas | summary |\n");
            md.append("|---|---|---|---|---|---|---|\n");
            for (Opcode op : Opcode.values()) {
                if (op.category != category) {
                    continue;
                }
                md.append(String.format("| 0x%02X | %s | %d | %d | %d | %d%s | %s |\n", op.code, op.mnemonic(), op.immediateSize,
                                op.inputs, op.outputs, op.baseGas, op.has(Opcode.Flag.DYNAMIC_GAS) ? " + dynamic" : "", ReferenceDocs.cell(op.summary)));
            }
        }
        md.append("\n## Invalid bytes\n\n");
        int invalid = 256 - Opcode.values().length;
        md.append("Every other byte (").append(invalid).append(" of 256) is invalid: executing one is an exceptional halt ");
        md.append("that consumes all gas, and the validator reports it with its offset: ").append(invalidRanges()).append(".\n");
        return md.toString();
    }

    /** The undefined bytes as ranges, e.g. {@code 0x02–0x0F, 0x1F–0x2F}. */
    private static String invalidRanges() {
        StringBuilder sb = new StringBuilder();
        int b = 0;
        while (b < 256) {
            if (Opcode.fromByte(b) != null) {
                b++;
                continue;
            }
            int start = b;
            while (b + 1 < 256 && Opcode.fromByte(b + 1) == null) {
                b++;
            }
            sb.append(sb.isEmpty() ? "" : ", ").append(String.format("0x%02X", start));
            if (b > start) {
                sb.append(String.format("–0x%02X", b));
            }
            b++;
        }
        return sb.toString();
    }
}
