// SPDX-License-Identifier: Apache-2.0
package org.zvm.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HexTest {
    @Test
    void offsetsHaveAtLeastFourDigits() {
        assertEquals("0000", Hex.offset(0));
        assertEquals("002a", Hex.offset(0x2a));
        assertEquals("ffff", Hex.offset(0xffff));
        assertEquals("10000", Hex.offset(0x10000));
    }

    @Test
    void codeReadsSolcBinText() {
        assertArrayEquals(new byte[]{0x60, (byte) 0x80, 0x60, 0x40}, Hex.code("60806040\n"));
        assertArrayEquals(new byte[]{0x60, (byte) 0x80}, Hex.code("  0x60 80\r\n"));
        assertArrayEquals(new byte[]{(byte) 0xab}, Hex.code("AB"));
    }

    @Test
    void codeNamesWhatIsWrongAndWhere() {
        assertEquals("not a hex digit: byte 0x67 at offset 3", assertThrows(IllegalArgumentException.class, () -> Hex.code("606g")).getMessage());
        assertEquals("not a hex digit: byte 0xe9 at offset 2", assertThrows(IllegalArgumentException.class, () -> Hex.code("60\u00e9")).getMessage());
        assertEquals("odd number of hex digits (3)", assertThrows(IllegalArgumentException.class, () -> Hex.code("0x608")).getMessage());
        assertEquals("no hex digits (empty code is almost surely the wrong file)", assertThrows(IllegalArgumentException.class, () -> Hex.code(" \n")).getMessage());
    }
}
