// SPDX-License-Identifier: Apache-2.0
package org.zvm.parser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zvm.error.ZvmParseException;
import org.zvm.opcode.Opcode;
import org.zvm.runtime.UInt256;

class CodeDecoderTest {
    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    @Test
    void decodesTheStorageCounter() {
        List<Instruction> insns = CodeDecoder.decode(hex("11 00 90 11 01 30 11 00 91 00"));
        assertEquals(List.of(
                        new Instruction(0, Opcode.PUSH1, new byte[]{0}),
                        new Instruction(2, Opcode.SLOAD, new byte[0]),
                        new Instruction(3, Opcode.PUSH1, new byte[]{1}),
                        new Instruction(5, Opcode.ADD, new byte[0]),
                        new Instruction(6, Opcode.PUSH1, new byte[]{0}),
                        new Instruction(8, Opcode.SSTORE, new byte[0]),
                        new Instruction(9, Opcode.HALT, new byte[0])), insns);
        assertEquals("PUSH1 0x01", insns.get(2).toString());
        assertEquals(5, insns.get(2).nextOffset());
    }

    @Test
    void immediatesAreBigEndian() {
        List<Instruction> insns = CodeDecoder.decode(hex("12 01 02 13 de ad be ef 16" + "ff".repeat(31) + "fe"));
        assertEquals(UInt256.of(0x0102), insns.get(0).immediateValue());
        assertEquals(UInt256.of(0xdeadbeefL), insns.get(1).immediateValue());
        assertEquals(UInt256.fromHex("ff".repeat(31) + "fe"), insns.get(2).immediateValue());
        assertArrayEquals(hex("deadbeef"), insns.get(1).immediate());
        assertEquals(UInt256.ZERO, new Instruction(0, Opcode.ADD, new byte[0]).immediateValue());
        assertThrows(IllegalArgumentException.class, () -> new Instruction(0, Opcode.PUSH2, new byte[1]));
    }

    @Test
    void emptyCodeIsValid() {
        assertEquals(List.of(), CodeDecoder.decode(new byte[0]));
        assertEquals(new BitSet(), CodeDecoder.instructionStarts(new byte[0]));
    }

    @Test
    void rejectsInvalidOpcodes() {
        ZvmParseException e = assertThrows(ZvmParseException.class, () -> CodeDecoder.decode(hex("11 00 90 11 01 30 11 00 91 00 01 01 01 01 01 01 01 0c")));
        assertEquals("invalid opcode 0x0c at offset 17", e.getMessage());
        assertEquals(17, e.offset());
        for (int b = 0; b < 256; b++) {
            byte[] code = {(byte) b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
            if (Opcode.fromByte(b) == null) {
                assertThrows(ZvmParseException.class, () -> CodeDecoder.validate(code), Integer.toHexString(b));
            } else {
                assertDoesNotThrow(() -> CodeDecoder.validate(code), Integer.toHexString(b));
            }
        }
    }

    @Test
    void rejectsTruncatedPush() {
        ZvmParseException e = assertThrows(ZvmParseException.class, () -> CodeDecoder.decode(hex("11 00 11 00 01 01 01 01 01 13 aa bb")));
        assertEquals("truncated PUSH4 (needs 4 immediate bytes, 2 remain) at offset 9", e.getMessage());
        assertEquals(9, e.offset());
        e = assertThrows(ZvmParseException.class, () -> CodeDecoder.validate(hex("16")));
        assertEquals("truncated PUSH32 (needs 32 immediate bytes, 0 remain) at offset 0", e.getMessage());
    }

    @Test
    void instructionStartsSkipImmediates() {
        // PUSH2 0xa0a0, JUMP, invalid 0x0c, PUSH4 cut off after one byte.
        BitSet starts = CodeDecoder.instructionStarts(hex("12 a0 a0 a0 0c 13 a0"));
        BitSet expected = new BitSet();
        expected.set(0);
        expected.set(3);
        expected.set(4);
        expected.set(5);
        assertEquals(expected, starts);
    }
}
