// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

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
}
