// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The ZVMC container the launcher writes itself (layout from zvm-native.md). */
class ToolsTest {
    @Test
    void containerHeaderIsLittleEndianWithEmptyAbi() {
        byte[] code = {0x11, 0x00, (byte) 0x90, 0x00};
        byte[] expected = {'Z', 'V', 'M', 'C', 1, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0x11, 0x00, (byte) 0x90, 0x00};
        assertArrayEquals(expected, Tools.wrapContainer(code));
    }

    @Test
    void sizeAboveOneByte() {
        byte[] container = Tools.wrapContainer(new byte[0x1234]);
        assertArrayEquals(new byte[]{0x34, 0x12, 0, 0}, java.util.Arrays.copyOfRange(container, 8, 12));
        assertArrayEquals(new byte[]{'Z', 'V', 'M', 'C'}, java.util.Arrays.copyOfRange(container, 0, 4));
    }

    @Test
    void emptyCode() {
        assertArrayEquals(new byte[]{'Z', 'V', 'M', 'C', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, Tools.wrapContainer(new byte[0]));
    }

    @Test
    void evmCodeFromHexTextOrBytes() {
        assertArrayEquals(new byte[]{0x60, 0x01, 0x00}, Tools.evmCode("0x6001\n00\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        byte[] binary = {0x60, 0x01, 0x56};
        assertArrayEquals(binary, Tools.evmCode(binary));
        byte[] oddHex = "600".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertArrayEquals(oddHex, Tools.evmCode(oddHex), "not hex text: the bytes are the code");
    }

    @Test
    void evmListingSkipsPushData() {
        assertEquals("0000  PUSH2 0x5b00\n0003  JUMPDEST\n", Tools.disassembleEvm(new byte[]{0x61, 0x5b, 0x00, 0x5b}, "Cancun"));
    }
}
