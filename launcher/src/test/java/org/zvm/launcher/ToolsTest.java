// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The ZVMC container the launcher writes itself (layout from zvm-native.md). */
class ToolsTest {
    @Test
    void containerHeaderIsLittleEndianWithEmptyAbi() {
        byte[] code = {0x11, 0x00, (byte) 0x90, 0x00};
        byte[] expected = {'Z', 'V', 'M', 'C', 1, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0x11, 0x00, (byte) 0x90, 0x00};
        assertArrayEquals(expected, Tools.wrapContainer(code, ""));
    }

    @Test
    void sizeAboveOneByte() {
        byte[] container = Tools.wrapContainer(new byte[0x1234], "");
        assertArrayEquals(new byte[]{0x34, 0x12, 0, 0}, java.util.Arrays.copyOfRange(container, 8, 12));
        assertArrayEquals(new byte[]{'Z', 'V', 'M', 'C'}, java.util.Arrays.copyOfRange(container, 0, 4));
    }

    @Test
    void emptyCode() {
        assertArrayEquals(new byte[]{'Z', 'V', 'M', 'C', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, Tools.wrapContainer(new byte[0], ""));
    }

    @Test
    void evmCodeFromHexTextOrBinaryByExtension() throws UsageException {
        assertArrayEquals(new byte[]{0x60, 0x01, 0x00}, Tools.evmCode(Path.of("a.hex"), ascii("0x6001\n00\n")));
        byte[] binary = {0x60, 0x01, 0x56};
        assertArrayEquals(binary, Tools.evmCode(Path.of("a.evm"), binary));
        assertArrayEquals(new byte[]{0x60, 0x01, 0x00}, Tools.evmCode(Path.of("Token.bin"), ascii("600100\n")));
    }

    @Test
    void malformedHexNamesTheProblem() {
        UsageException odd = assertThrows(UsageException.class, () -> Tools.evmCode(Path.of("a.hex"), ascii("600")));
        assertEquals("a.hex: odd number of hex digits (3)", odd.getMessage());
        UsageException junk = assertThrows(UsageException.class, () -> Tools.evmCode(Path.of("a.hex"), ascii("0x60 0g")));
        assertEquals("a.hex: not a hex digit: byte 0x67 at offset 6 (a binary EVM file needs the .evm extension)", junk.getMessage());
        UsageException binary = assertThrows(UsageException.class, () -> Tools.evmCode(Path.of("code"), new byte[]{0x60, 0x01, 0x56}));
        assertEquals("code: not a hex digit: byte 0x60 at offset 0 (a binary EVM file needs the .evm extension)", binary.getMessage());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void evmListingSkipsPushData() {
        assertEquals("0000  PUSH2 0x5b00\n0003  JUMPDEST\n", Tools.disassembleEvm(new byte[]{0x61, 0x5b, 0x00, 0x5b}, "Cancun"));
    }
}
