// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import java.math.BigInteger;
import java.util.HexFormat;

import org.zvm.util.Hex;

/**
 * An immutable 256-bit word: a map key and a value the world state and results hand around. Four
 * little-endian 64-bit limbs ({@code w0} least significant), the same layout the operand stack uses in
 * frame slots, so converting between them copies four longs. Arithmetic lives in {@link Word256}.
 */
public record UInt256(long w0, long w1, long w2, long w3) implements Comparable<UInt256> {
    public static final UInt256 ZERO = new UInt256(0, 0, 0, 0);
    public static final UInt256 ONE = new UInt256(1, 0, 0, 0);
    public static final UInt256 MAX = new UInt256(-1, -1, -1, -1);
    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);

    public static UInt256 of(long unsigned) {
        return unsigned == 0 ? ZERO : new UInt256(unsigned, 0, 0, 0);
    }

    public static UInt256 of(long[] limbs) {
        return new UInt256(limbs[0], limbs[1], limbs[2], limbs[3]);
    }

    /** Reduces {@code value} modulo 2^256 (negative values wrap as two's complement). */
    public static UInt256 of(BigInteger value) {
        BigInteger v = value.mod(MOD);
        return new UInt256(v.longValue(), v.shiftRight(64).longValue(), v.shiftRight(128).longValue(), v.shiftRight(192).longValue());
    }

    /** Big-endian bytes {@code b[off, off+len)}, right-aligned; {@code len} is at most 32. */
    public static UInt256 fromBytes(byte[] b, int off, int len) {
        if (len > 32) {
            throw new IllegalArgumentException("more than 32 bytes");
        }
        long[] w = new long[4];
        for (int i = 0; i < len; i++) {
            int bit = (len - 1 - i) * 8;
            w[bit >>> 6] |= (b[off + i] & 0xFFL) << (bit & 63);
        }
        return of(w);
    }

    public static UInt256 fromBytes(byte[] b) {
        return fromBytes(b, 0, b.length);
    }

    /** Parses {@code 0x}-prefixed or bare hex of at most 64 digits. */
    public static UInt256 fromHex(String hex) {
        String h = Hex.strip(hex);
        if (h.isEmpty() || h.length() > 64) {
            throw new NumberFormatException("not a 256-bit hex quantity: " + hex);
        }
        return of(new BigInteger(h, 16));
    }

    public long limb(int i) {
        return switch (i) {
            case 0 -> w0;
            case 1 -> w1;
            case 2 -> w2;
            case 3 -> w3;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    public long[] toLimbs() {
        return new long[]{w0, w1, w2, w3};
    }

    public boolean isZero() {
        return (w0 | w1 | w2 | w3) == 0;
    }

    /** True if the value fits in a non-negative {@code long}. */
    public boolean fitsLong() {
        return (w1 | w2 | w3) == 0 && w0 >= 0;
    }

    public BigInteger toBigInteger() {
        byte[] b = toBytes();
        return new BigInteger(1, b);
    }

    /** The 32 big-endian bytes. */
    public byte[] toBytes() {
        byte[] b = new byte[32];
        toBytes(b, 0);
        return b;
    }

    public void toBytes(byte[] dst, int off) {
        for (int i = 0; i < 4; i++) {
            long limb = limb(3 - i);
            for (int j = 0; j < 8; j++) {
                dst[off + i * 8 + j] = (byte) (limb >>> (56 - 8 * j));
            }
        }
    }

    /**
     * Minimal hex quantity as JSON-RPC prints it: {@code 0x0}, {@code 0x2a}. Straight from the limbs:
     * the EIP-3155 tracer prints every stack word of every step, and going through {@link BigInteger}
     * was most of a traced run's time.
     */
    public String toHexQuantity() {
        int top = 3;
        while (top > 0 && limb(top) == 0) {
            top--;
        }
        StringBuilder sb = new StringBuilder(2 + 16 * (top + 1)).append("0x").append(Long.toHexString(limb(top)));
        for (int i = top - 1; i >= 0; i--) {
            sb.append(HexFormat.of().toHexDigits(limb(i)));
        }
        return sb.toString();
    }

    /** All 64 hex digits with {@code 0x}. */
    public String toHex32() {
        return "0x" + HexFormat.of().formatHex(toBytes());
    }

    @Override
    public int compareTo(UInt256 o) {
        for (int i = 3; i >= 0; i--) {
            int c = Long.compareUnsigned(limb(i), o.limb(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return toHexQuantity();
    }
}
