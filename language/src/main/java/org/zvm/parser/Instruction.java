// SPDX-License-Identifier: Apache-2.0
package org.zvm.parser;

import java.util.Arrays;
import java.util.HexFormat;

import org.zvm.opcode.Opcode;
import org.zvm.runtime.UInt256;

/**
 * One decoded native instruction: where it starts, what it is and its immediate bytes exactly as they
 * appear in the code (so the disassembler can print the width the author chose).
 *
 * @param offset byte offset of the opcode in the code
 * @param op the opcode
 * @param immediate the {@code op.immediateSize} big-endian immediate bytes, empty for non-PUSH opcodes
 */
public record Instruction(int offset, Opcode op, byte[] immediate) {
    private static final byte[] NONE = new byte[0];

    public Instruction {
        if (immediate.length != op.immediateSize) {
            throw new IllegalArgumentException(op + " takes " + op.immediateSize + " immediate bytes, not " + immediate.length);
        }
        immediate = immediate.length == 0 ? NONE : immediate.clone();
    }

    @Override
    public byte[] immediate() {
        return immediate.length == 0 ? NONE : immediate.clone();
    }

    /** The PUSH value (zero for opcodes without an immediate). */
    public UInt256 immediateValue() {
        return UInt256.fromBytes(immediate);
    }

    /** Instruction length in bytes. */
    public int length() {
        return op.length();
    }

    /** Offset of the instruction after this one. */
    public int nextOffset() {
        return offset + op.length();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Instruction i && offset == i.offset && op == i.op && Arrays.equals(immediate, i.immediate);
    }

    @Override
    public int hashCode() {
        return (31 * offset + op.hashCode()) * 31 + Arrays.hashCode(immediate);
    }

    /** {@code PUSH2 0x002a} or {@code ADD}: the assembler syntax, offset left out. */
    @Override
    public String toString() {
        return immediate.length == 0 ? op.mnemonic() : op.mnemonic() + " 0x" + HexFormat.of().formatHex(immediate);
    }
}
