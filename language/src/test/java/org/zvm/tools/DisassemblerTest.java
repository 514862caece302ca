// SPDX-License-Identifier: Apache-2.0
package org.zvm.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class DisassemblerTest {
    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    @Test
    void counterListing() {
        Disassembler.Listing l = Disassembler.listing(hex("11 00 90 11 01 30 11 00 91 00"));
        assertEquals("""
                            PUSH1 0x00              ; 0x0000
                            SLOAD                   ; 0x0002
                            PUSH1 0x01              ; 0x0003
                            ADD                     ; 0x0005
                            PUSH1 0x00              ; 0x0006
                            SSTORE                  ; 0x0008
                            HALT                    ; 0x0009
                        """, l.text());
        int[] lines = {1, 1, 2, 3, 3, 4, 5, 5, 6, 7};
        for (int offset = 0; offset < lines.length; offset++) {
            assertEquals(lines[offset], l.sourceMap().lineOf(offset), "offset " + offset);
        }
    }

    @Test
    void jumpTargetsGetLabels() {
        // PUSH1 5, JUMP, invalid, PUSH2 0x0000, JUMPI (target 0), PUSH1 2 (inside PUSH1's immediate: no label), JUMP, HALT
        byte[] code = hex("11 05 a0 0c 0c 12 00 00 a1 11 01 a0 00");
        Disassembler.Listing l = Disassembler.listing(code);
        assertEquals("""
                        L0000:
                            PUSH1 L0005             ; 0x0000
                            JUMP                    ; 0x0002
                            .byte 0x0c              ; 0x0003 invalid opcode 0x0c
                            .byte 0x0c              ; 0x0004 invalid opcode 0x0c
                        L0005:
                            PUSH2 L0000             ; 0x0005
                            JUMPI                   ; 0x0008
                            PUSH1 0x01              ; 0x0009
                            JUMP                    ; 0x000b
                            HALT                    ; 0x000c
                        """, l.text());
        assertEquals(2, l.sourceMap().lineOf(0));
        assertEquals(7, l.sourceMap().lineOf(5));
        assertArrayEquals(code, Assembler.assemble(l.text()).code());
    }

    @Test
    void truncatedPushBecomesBytes() {
        byte[] code = hex("30 13 aa bb");
        String text = Disassembler.disassemble(code);
        assertEquals("""
                            ADD                     ; 0x0000
                            .byte 0x13, 0xaa, 0xbb  ; 0x0001 PUSH4 truncated: 2 of 4 immediate bytes
                        """, text);
        assertArrayEquals(code, Assembler.assemble(text).code());
    }

    @Test
    void offsetsPastFourHexDigitsKeepEveryDigit() {
        byte[] code = new byte[0x10002];
        Arrays.fill(code, (byte) 0x30);
        System.arraycopy(hex("13 00 01 00 01"), 0, code, 0, 5); // PUSH4 0x00010001
        code[5] = (byte) 0xa0; // JUMP
        String text = Disassembler.disassemble(code);
        assertTrue(text.startsWith("    PUSH4 L10001            ; 0x0000\n"), text.substring(0, 80));
        assertTrue(text.endsWith("L10001:\n    ADD                     ; 0x10001\n"));
        assertArrayEquals(code, Assembler.assemble(text).code());
    }

    @Test
    void emptyCode() {
        Disassembler.Listing l = Disassembler.listing(new byte[0]);
        assertEquals("", l.text());
        assertEquals(0, l.sourceMap().size());
        assertEquals(-1, l.sourceMap().lineOf(0));
    }
}
