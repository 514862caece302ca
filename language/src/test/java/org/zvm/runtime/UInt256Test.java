// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Round trips between UInt256 and its BigInteger, byte, limb and hex forms. */
class UInt256Test {
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
    private final Random random = new Random(0x0256_0256L);

    private BigInteger gen() {
        return switch (random.nextInt(4)) {
            case 0 -> BigInteger.valueOf(random.nextInt(1000));
            case 1 -> new BigInteger(8 * random.nextInt(33), random);
            case 2 -> TWO_256.subtract(BigInteger.ONE).subtract(BigInteger.valueOf(random.nextInt(1000)));
            default -> new BigInteger(256, random);
        };
    }

    @Test
    void bigIntegerRoundTrip() {
        for (int i = 0; i < 5_000; i++) {
            BigInteger v = gen();
            UInt256 u = UInt256.of(v);
            assertEquals(v, u.toBigInteger());
            for (int l = 0; l < 4; l++) {
                assertEquals(v.shiftRight(64 * l).longValue(), u.limb(l));
            }
            assertEquals(u, UInt256.of(u.toLimbs()));
            assertEquals(v.signum() == 0, u.isZero());
            assertEquals(v.bitLength() < 64, u.fitsLong());
        }
    }

    @Test
    void bytesRoundTrip() {
        for (int i = 0; i < 5_000; i++) {
            BigInteger v = gen();
            UInt256 u = UInt256.of(v);
            byte[] b = u.toBytes();
            assertEquals(32, b.length);
            assertEquals(v, new BigInteger(1, b));
            assertEquals(u, UInt256.fromBytes(b));
            // Right-aligned short input: the minimal big-endian encoding reads back as the same value.
            int len = (v.bitLength() + 7) / 8;
            assertEquals(u, UInt256.fromBytes(Arrays.copyOfRange(b, 32 - len, 32)));
            byte[] padded = new byte[40];
            u.toBytes(padded, 5);
            assertArrayEquals(b, Arrays.copyOfRange(padded, 5, 37));
            assertEquals(u, UInt256.fromBytes(padded, 5, 32));
        }
        assertEquals(UInt256.ZERO, UInt256.fromBytes(new byte[0]));
        assertEquals(UInt256.of(0x0102), UInt256.fromBytes(new byte[]{1, 2}));
        assertThrows(IllegalArgumentException.class, () -> UInt256.fromBytes(new byte[33]));
    }

    @Test
    void hexRoundTrip() {
        for (int i = 0; i < 5_000; i++) {
            BigInteger v = gen();
            UInt256 u = UInt256.of(v);
            String full = u.toHex32();
            assertEquals(66, full.length());
            assertEquals("0x" + "0".repeat(64 - v.toString(16).length()) + v.toString(16), full);
            assertEquals("0x" + v.toString(16), u.toHexQuantity());
            assertEquals(u.toHexQuantity(), u.toString());
            assertEquals(u, UInt256.fromHex(full));
            assertEquals(u, UInt256.fromHex(u.toHexQuantity()));
            assertEquals(u, UInt256.fromHex(v.toString(16)));
        }
        assertEquals("0x0", UInt256.ZERO.toHexQuantity());
        assertEquals("0x1" + "0".repeat(47) + "2", new UInt256(2, 0, 0, 1).toHexQuantity(), "inner limbs keep all their digits");
        assertEquals(UInt256.of(42), UInt256.fromHex("0X2A"));
        assertThrows(NumberFormatException.class, () -> UInt256.fromHex("0x"));
        assertThrows(NumberFormatException.class, () -> UInt256.fromHex("0x1" + "0".repeat(64)));
        assertThrows(NumberFormatException.class, () -> UInt256.fromHex("0xzz"));
    }

    @Test
    void wrapsAndOrders() {
        assertEquals(UInt256.MAX, UInt256.of(BigInteger.ONE.negate()));
        assertEquals(UInt256.ONE, UInt256.of(TWO_256.add(BigInteger.ONE)));
        assertEquals(UInt256.ZERO, UInt256.of(TWO_256));
        assertEquals(UInt256.of(-1L).toBigInteger(), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        assertEquals(UInt256.ZERO, UInt256.of(0L));
        assertFalse(UInt256.of(-1L).fitsLong());
        assertTrue(UInt256.of(Long.MAX_VALUE).fitsLong());
        for (int i = 0; i < 5_000; i++) {
            BigInteger x = gen();
            BigInteger y = random.nextInt(4) == 0 ? x : gen();
            assertEquals(Integer.signum(x.compareTo(y)), Integer.signum(UInt256.of(x).compareTo(UInt256.of(y))));
            assertEquals(x.equals(y), UInt256.of(x).equals(UInt256.of(y)));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> UInt256.ONE.limb(4));
    }
}
