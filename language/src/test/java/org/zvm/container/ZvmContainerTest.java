// SPDX-License-Identifier: Apache-2.0
package org.zvm.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.zvm.container.ZvmContainer.Target;
import org.zvm.error.ZvmParseException;

/** Round trips and every rejection listed in the ZVMC section of {@code zvm-native.md}. */
class ZvmContainerTest {
    private static final byte[] COUNTER = HexFormat.of().parseHex("11009011013011009100");
    private static final String ABI = "{\"contract\": \"Counter\", \"functions\": [], \"note\": \"é\"}";

    @Test
    void headerLayout() {
        byte[] b = ZvmContainer.of(Target.NATIVE, COUNTER, "{}").write();
        assertEquals("5a564d4301000000" + "0a000000" + "02000000" + "11009011013011009100" + "7b7d", HexFormat.of().formatHex(b));
    }

    @Test
    void roundTripsEveryTarget() {
        for (Target t : Target.values()) {
            for (String abi : new String[]{"", ABI, "[]"}) {
                ZvmContainer c = ZvmContainer.of(t, COUNTER, abi);
                byte[] bytes = c.write();
                ZvmContainer back = ZvmContainer.read(bytes);
                assertEquals(c, back);
                assertArrayEquals(COUNTER, back.code());
                assertEquals(abi, back.abiJson());
                assertEquals(t, back.target());
                assertEquals(1, back.version());
                assertArrayEquals(bytes, back.write());
            }
        }
        assertEquals(ZvmContainer.of(Target.EVM, new byte[0], null), ZvmContainer.read(ZvmContainer.of(Target.EVM, new byte[0], "").write()));
    }

    @Test
    void isAValue() {
        byte[] code = COUNTER.clone();
        ZvmContainer c = ZvmContainer.of(Target.NATIVE, code, "");
        code[0] = 0;
        c.code()[1] = 5;
        assertArrayEquals(COUNTER, c.code());
        assertEquals(c.hashCode(), ZvmContainer.of(Target.NATIVE, COUNTER, "").hashCode());
        assertThrows(IllegalArgumentException.class, () -> new ZvmContainer(2, Target.NATIVE, COUNTER, ""));
    }

    @Test
    void looksLikeContainer() {
        assertTrue(ZvmContainer.looksLikeContainer("ZVMC".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(ZvmContainer.looksLikeContainer("ZVM".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(ZvmContainer.looksLikeContainer(COUNTER));
    }

    private static byte[] valid() {
        return ZvmContainer.of(Target.NATIVE, COUNTER, ABI).write();
    }

    private static void rejects(byte[] bytes, long offset, String message) {
        ZvmParseException e = assertThrows(ZvmParseException.class, () -> ZvmContainer.read(bytes));
        assertEquals(message, e.getMessage());
        assertEquals(offset, e.offset());
    }

    @Test
    void rejectsShortInput() {
        rejects(new byte[0], 0, "ZVMC: 0 bytes is shorter than the 16-byte header at offset 0");
        rejects(Arrays.copyOf(valid(), 15), 15, "ZVMC: 15 bytes is shorter than the 16-byte header at offset 15");
    }

    @Test
    void rejectsHeaderFields() {
        byte[] b = valid();
        b[0] = 'X';
        rejects(b, 0, "ZVMC: bad magic 0x58564d43, expected \"ZVMC\" at offset 0");
        b = valid();
        b[4] = 2;
        rejects(b, 4, "ZVMC: unknown version 2 at offset 4");
        b = valid();
        b[4] = 0;
        rejects(b, 4, "ZVMC: unknown version 0 at offset 4");
        b = valid();
        b[5] = 3;
        rejects(b, 5, "ZVMC: unknown target 3 at offset 5");
        b = valid();
        b[6] = 1;
        rejects(b, 6, "ZVMC: flags must be 0, found 1 at offset 6");
        b = valid();
        b[7] = (byte) 0x80;
        rejects(b, 7, "ZVMC: reserved byte must be 0, found 128 at offset 7");
    }

    @Test
    void rejectsSizesPastTheEnd() {
        byte[] b = valid();
        b[8] = (byte) 0xA0;
        b[9] = 0x0F;
        rejects(b, 8, "ZVMC: code_size 4000 runs past the end of the container at offset 8");
        b = valid();
        b[8] = b[9] = b[10] = b[11] = (byte) 0xFF;
        rejects(b, 8, "ZVMC: code_size 4294967295 runs past the end of the container at offset 8");
        b = valid();
        b[12]++;
        rejects(b, 12, "ZVMC: abi_size " + (ABI.getBytes(StandardCharsets.UTF_8).length + 1) + " runs past the end of the container at offset 12");
        b = valid();
        b[15] = (byte) 0x80;
        rejects(b, 12, "ZVMC: abi_size " + (0x80000000L + ABI.getBytes(StandardCharsets.UTF_8).length) + " runs past the end of the container at offset 12");
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] b = Arrays.copyOf(valid(), valid().length + 3);
        rejects(b, valid().length, "ZVMC: 3 trailing bytes after the ABI at offset " + valid().length);
        // A code_size one short leaves the ABI one byte longer than abi_size says.
        b = ZvmContainer.of(Target.NATIVE, COUNTER, "").write();
        b[8]--;
        rejects(b, 25, "ZVMC: 1 trailing byte after the ABI at offset 25");
    }

    @Test
    void rejectsBadAbi() {
        byte[] b = ZvmContainer.of(Target.NATIVE, COUNTER, "{\"a\":\"xx\"}").write();
        b[16 + 10 + 6] = (byte) 0xC3;
        rejects(b, 32, "ZVMC: ABI is not valid UTF-8 at offset 32");
        b = ZvmContainer.of(Target.NATIVE, COUNTER, "{\"a\":\"xx\"}").write();
        b[16 + 10 + 7] = (byte) 0xFF;
        rejects(b, 33, "ZVMC: ABI is not valid UTF-8 at offset 33");
        rejects(ZvmContainer.of(Target.NATIVE, COUNTER, "{\"é\": 1,}").write(), 35,
                        "ZVMC: ABI is not valid JSON (expected a member name, found character '}') at offset 35");
        rejects(ZvmContainer.of(Target.NATIVE, COUNTER, "not json").write(), 26,
                        "ZVMC: ABI is not valid JSON (expected a value, found character 'n') at offset 26");
        rejects(ZvmContainer.of(Target.NATIVE, new byte[0], " ").write(), 17,
                        "ZVMC: ABI is not valid JSON (expected a value, found end of input) at offset 17");
    }
}
