// SPDX-License-Identifier: Apache-2.0
package org.zvm.parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.zvm.error.ZvmParseException;
import org.zvm.opcode.Opcode;

/**
 * Splits native code into instructions using only the {@link Opcode} table (byte lookup and immediate
 * width). {@link #decode} is the strict validator: any byte that is not an opcode, or a PUSH cut off by
 * the end of the code, is a {@link ZvmParseException} naming the offset. {@link #instructionStarts} is the
 * lenient walk the jump check needs, which must work on any code.
 */
public final class CodeDecoder {
    private CodeDecoder() {
    }

    /** All instructions in order; throws on the first invalid opcode or truncated immediate. */
    public static List<Instruction> decode(byte[] code) {
        List<Instruction> out = new ArrayList<>();
        int pc = 0;
        while (pc < code.length) {
            Instruction insn = decodeAt(code, pc);
            out.add(insn);
            pc = insn.nextOffset();
        }
        return out;
    }

    /** Checks that {@code code} decodes, as {@link #decode} does, without keeping the result. */
    public static void validate(byte[] code) {
        int pc = 0;
        while (pc < code.length) {
            pc += decodeAt(code, pc).length();
        }
    }

    /** The instruction at {@code offset}; throws if the byte there is not an opcode or its immediate is cut off. */
    public static Instruction decodeAt(byte[] code, int offset) {
        Opcode op = Opcode.fromByte(code[offset]);
        if (op == null) {
            throw ZvmParseException.atOffset(offset, String.format("invalid opcode 0x%02x", code[offset] & 0xFF));
        }
        int remaining = code.length - offset - 1;
        if (remaining < op.immediateSize) {
            throw ZvmParseException.atOffset(offset, "truncated " + op.mnemonic() + " (needs " + op.immediateSize + " immediate bytes, " + remaining + " remain)");
        }
        return new Instruction(offset, op, Arrays.copyOfRange(code, offset + 1, offset + op.length()));
    }

    /**
     * The offsets where an instruction begins, i.e. the valid jump destinations. Works on any bytes, as
     * execution must: an invalid byte is a one-byte instruction (running it halts), and a PUSH always
     * hides its immediate, even when the code ends inside it.
     */
    public static BitSet instructionStarts(byte[] code) {
        BitSet starts = new BitSet(code.length);
        int pc = 0;
        while (pc < code.length) {
            starts.set(pc);
            Opcode op = Opcode.fromByte(code[pc]);
            pc += op == null ? 1 : op.length();
        }
        return starts;
    }
}
