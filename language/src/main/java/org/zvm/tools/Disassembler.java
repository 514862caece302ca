// SPDX-License-Identifier: Apache-2.0
package org.zvm.tools;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;

import org.zvm.opcode.Opcode;
import org.zvm.parser.CodeDecoder;
import org.zvm.parser.Instruction;
import org.zvm.util.Hex;

/**
 * Turns native code back into {@code .zasm} that {@link Assembler} turns into the same bytes, for any
 * input, valid or not. The same text serves as the listing the interpreter shows as the source when no
 * {@code .zasm} exists, hence the {@link SourceMap}.
 *
 * <p>Format: one statement per line, indented, with the byte offset as a comment ({@code ; 0x0004}).
 * PUSHes keep their width and print every immediate byte. A PUSH directly followed by {@code JUMP} or
 * {@code JUMPI} whose value is the start of a statement prints a label ({@code L0007}) instead, defined
 * on its own line before the target; that is round-trip safe because the label resolves to the same value
 * and the width is explicit. A byte that is not an opcode becomes {@code .byte 0x0c} and a PUSH cut off
 * by the end of the code becomes one {@code .byte} line holding what is there, each with a comment
 * saying why.
 */
public final class Disassembler {
    private Disassembler() {
    }

    /** Column where the offset comment starts. */
    private static final int COMMENT_COLUMN = 28;
    private static final HexFormat HEX = HexFormat.of();

    /**
     * A disassembly and where each statement landed in it.
     *
     * @param text the {@code .zasm} text, one statement per line, each line ending in {@code \n}
     * @param sourceMap byte offset → 1-based line of {@code text}
     */
    public record Listing(String text, SourceMap sourceMap) {
    }

    /** The {@code .zasm} text for {@code code}. */
    public static String disassemble(byte[] code) {
        return listing(code).text();
    }

    /** The {@code .zasm} text for {@code code} plus the line of every statement. */
    public static Listing listing(byte[] code) {
        List<Object> statements = new ArrayList<>();
        BitSet starts = new BitSet(code.length);
        int pc = 0;
        while (pc < code.length) {
            starts.set(pc);
            Opcode op = Opcode.fromByte(code[pc]);
            if (op == null) {
                statements.add(new Raw(pc, 1, "invalid opcode 0x" + HEX.toHexDigits(code[pc])));
                pc++;
            } else if (pc + op.length() > code.length) {
                int have = code.length - pc - 1;
                statements.add(new Raw(pc, code.length - pc, op.mnemonic() + " truncated: " + have + " of " + op.immediateSize + " immediate bytes"));
                pc = code.length;
            } else {
                Instruction insn = CodeDecoder.decodeAt(code, pc);
                statements.add(insn);
                pc = insn.nextOffset();
            }
        }

        BitSet targets = new BitSet(code.length);
        for (int i = 0; i + 1 < statements.size(); i++) {
            Integer target = jumpTarget(statements.get(i), statements.get(i + 1));
            if (target != null && starts.get(target)) {
                targets.set(target);
            }
        }

        StringBuilder text = new StringBuilder();
        SourceMap.Builder map = new SourceMap.Builder();
        int line = 0;
        for (int i = 0; i < statements.size(); i++) {
            Object s = statements.get(i);
            int offset = s instanceof Instruction insn ? insn.offset() : ((Raw) s).offset;
            if (targets.get(offset)) {
                text.append(label(offset)).append(":\n");
                line++;
            }
            String body;
            String note = "";
            if (s instanceof Instruction insn) {
                Integer target = i + 1 < statements.size() ? jumpTarget(insn, statements.get(i + 1)) : null;
                body = target != null && targets.get(target) ? insn.op().mnemonic() + " " + label(target) : insn.toString();
            } else {
                Raw raw = (Raw) s;
                StringBuilder bytes = new StringBuilder(".byte ");
                for (int k = 0; k < raw.length; k++) {
                    bytes.append(k == 0 ? "" : ", ").append("0x").append(HEX.toHexDigits(code[raw.offset + k]));
                }
                body = bytes.toString();
                note = " " + raw.why;
            }
            String statement = "    " + body;
            text.append(statement).repeat(' ', Math.max(1, COMMENT_COLUMN - statement.length()))
                            .append("; 0x").append(Hex.offset(offset)).append(note).append('\n');
            map.add(offset, ++line);
        }
        return new Listing(text.toString(), map.build(code.length));
    }

    /** Bytes that are not a whole instruction, kept verbatim. */
    private record Raw(int offset, int length, String why) {
    }

    /** The value of a PUSH that a following JUMP or JUMPI consumes as its destination, if it fits an int. */
    private static Integer jumpTarget(Object push, Object next) {
        if (push instanceof Instruction p && p.op().isPush() && next instanceof Instruction j && j.op().has(Opcode.Flag.BRANCH)) {
            var value = p.immediateValue();
            if (value.fitsLong() && value.w0() <= Integer.MAX_VALUE) {
                return (int) value.w0();
            }
        }
        return null;
    }

    private static String label(int offset) {
        return "L" + Hex.offset(offset);
    }
}
