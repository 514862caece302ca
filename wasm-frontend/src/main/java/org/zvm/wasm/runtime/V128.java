// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.runtime;

/**
 * A 128-bit SIMD value, immutable, as two little-endian halves; lanes are read and built by width in bytes
 * (1, 2, 4 or 8), lane 0 in the low bits of {@link #lo}.
 */
public final class V128 {
    public static final V128 ZERO = new V128(0, 0);

    public final long lo;
    public final long hi;

    public V128(long lo, long hi) {
        this.lo = lo;
        this.hi = hi;
    }

    /** Lane {@code i} of {@code bytes} bytes, sign-extended. */
    public long lane(int bytes, int i) {
        int bits = bytes * 8;
        int perHalf = 8 / bytes;
        long half = i < perHalf ? lo : hi;
        int shift = (i % perHalf) * bits;
        return bits == 64 ? half : (half << (64 - bits - shift)) >> (64 - bits);
    }

    /** Lane {@code i} of {@code bytes} bytes, zero-extended. */
    public long unsignedLane(int bytes, int i) {
        long v = lane(bytes, i);
        return bytes == 8 ? v : v & ((1L << (bytes * 8)) - 1);
    }

    /** A value from lanes of {@code bytes} bytes (each truncated to its width). */
    public static V128 of(int bytes, long[] lanes) {
        int bits = bytes * 8;
        int perHalf = 8 / bytes;
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < lanes.length; i++) {
            long v = (lanes[i] & mask) << ((i % perHalf) * bits);
            if (i < perHalf) {
                lo |= v;
            } else {
                hi |= v;
            }
        }
        return new V128(lo, hi);
    }

    /** All lanes of {@code bytes} bytes, sign-extended. */
    public long[] lanes(int bytes) {
        long[] r = new long[16 / bytes];
        for (int i = 0; i < r.length; i++) {
            r[i] = lane(bytes, i);
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof V128 v && v.lo == lo && v.hi == hi;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(lo) * 31 + Long.hashCode(hi);
    }

    @Override
    public String toString() {
        return String.format("0x%016x%016x", hi, lo);
    }
}
