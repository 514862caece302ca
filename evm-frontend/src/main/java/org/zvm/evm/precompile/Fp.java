// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Arithmetic modulo the bn254 field prime p on four 64-bit limbs (least significant first) in
 * Montgomery form x·2²⁵⁶ mod p. The pairing performs tens of thousands of field products, and
 * BigInteger's allocating multiply-then-divide made them several times slower. Values are
 * {@code long[4]} arrays that no operation modifies; results are fresh arrays.
 */
final class Fp {
    private Fp() {
    }

    static final BigInteger P = new BigInteger(
            "21888242871839275222246405745257275088696311157297823662689037894645226208583");
    private static final long[] MODULUS = limbs(P);
    /** The limbs again as constants, which the JIT can fold into the Montgomery product's instructions. */
    private static final long P0 = MODULUS[0];
    private static final long P1 = MODULUS[1];
    private static final long P2 = MODULUS[2];
    private static final long P3 = MODULUS[3];
    /** −p⁻¹ mod 2⁶⁴, for Montgomery reduction. */
    private static final long INV = P.negate().modInverse(BigInteger.ONE.shiftLeft(64)).longValue();
    private static final long[] R2 = limbs(BigInteger.ONE.shiftLeft(512).mod(P));
    private static final long[] R3 = limbs(BigInteger.ONE.shiftLeft(768).mod(P));
    private static final long[] PLAIN_ONE = {1, 0, 0, 0};

    static final long[] ZERO = {0, 0, 0, 0};
    static final long[] ONE = of(BigInteger.ONE);

    /** The Montgomery form of 0 ≤ v < p. */
    static long[] of(BigInteger v) {
        return mul(limbs(v), R2);
    }

    static BigInteger toBigInteger(long[] x) {
        return big(mul(x, PLAIN_ONE));
    }

    /** Montgomery product x·y·2⁻²⁵⁶ (CIOS); p < 2²⁵⁴ keeps every intermediate within five limbs. */
    static long[] mul(long[] x, long[] y) {
        long[] t = new long[4];
        long t4 = 0;
        for (int i = 0; i < 4; i++) {
            t4 += addProduct(t, x[i], y[0], y[1], y[2], y[3]);
            long top = addProduct(t, t[0] * INV, P0, P1, P2, P3);
            t[0] = t[1];
            t[1] = t[2];
            t[2] = t[3];
            t[3] = t4 + top;
            t4 = 0;
        }
        // A fresh array, so that t does not escape and the JIT can keep it in registers.
        return reduceOnce(new long[] {t[0], t[1], t[2], t[3]});
    }

    /** t += k·(b0, b1, b2, b3) on four limbs, returning the limb carried out. */
    private static long addProduct(long[] t, long k, long b0, long b1, long b2, long b3) {
        long c = multiplyAdd(t, 0, k, b0, 0);
        c = multiplyAdd(t, 1, k, b1, c);
        c = multiplyAdd(t, 2, k, b2, c);
        return multiplyAdd(t, 3, k, b3, c);
    }

    /** t[j] + k·b + c: the low limb is stored back in t[j] and the high limb returned. */
    private static long multiplyAdd(long[] t, int j, long k, long b, long c) {
        long lo = k * b;
        long hi = Math.unsignedMultiplyHigh(k, b);
        long s = lo + t[j];
        hi += carry(lo, t[j], s);
        long r = s + c;
        t[j] = r;
        return hi + carry(s, c, r);
    }

    static long[] add(long[] a, long[] b) {
        long r0 = a[0] + b[0];
        long c = carry(a[0], b[0], r0);
        long s1 = a[1] + b[1];
        long r1 = s1 + c;
        c = carry(a[1], b[1], s1) | carry(s1, c, r1);
        long s2 = a[2] + b[2];
        long r2 = s2 + c;
        c = carry(a[2], b[2], s2) | carry(s2, c, r2);
        return reduceOnce(new long[] {r0, r1, r2, a[3] + b[3] + c});
    }

    static long[] sub(long[] a, long[] b) {
        long r0 = a[0] - b[0];
        long w = borrow(a[0], b[0], r0);
        long d1 = a[1] - b[1];
        long r1 = d1 - w;
        w = borrow(a[1], b[1], d1) | borrow(d1, w, r1);
        long d2 = a[2] - b[2];
        long r2 = d2 - w;
        w = borrow(a[2], b[2], d2) | borrow(d2, w, r2);
        long d3 = a[3] - b[3];
        long r3 = d3 - w;
        w = borrow(a[3], b[3], d3) | borrow(d3, w, r3);
        long[] r = {r0, r1, r2, r3};
        if (w != 0) {
            addModulus(r);
        }
        return r;
    }

    /** The carry out of s = a + b. */
    private static long carry(long a, long b, long s) {
        return ((a & b) | ((a | b) & ~s)) >>> 63;
    }

    /** The borrow out of d = a − b. */
    private static long borrow(long a, long b, long d) {
        return ((~a & b) | (~(a ^ b) & d)) >>> 63;
    }

    static long[] neg(long[] a) {
        return sub(ZERO, a);
    }

    /** x⁻¹ for x ≠ 0: BigInteger's binary inversion gives (x·2²⁵⁶)⁻¹, and a product with 2⁷⁶⁸ restores the form. */
    static long[] inverse(long[] x) {
        return mul(limbs(big(x).modInverse(P)), R3);
    }

    static boolean isZero(long[] x) {
        return (x[0] | x[1] | x[2] | x[3]) == 0;
    }

    static boolean equal(long[] x, long[] y) {
        return Arrays.equals(x, y);
    }

    private static long[] limbs(BigInteger v) {
        long[] r = new long[4];
        for (int i = 0; i < 4; i++) {
            r[i] = v.shiftRight(64 * i).longValue();
        }
        return r;
    }

    private static BigInteger big(long[] limbs) {
        byte[] b = new byte[32];
        for (int i = 0; i < 32; i++) {
            b[31 - i] = (byte) (limbs[i / 8] >>> (8 * (i % 8)));
        }
        return new BigInteger(1, b);
    }

    /** Maps [0, 2p) to [0, p) in place. */
    private static long[] reduceOnce(long[] r) {
        for (int i = 3; i >= 0; i--) {
            int cmp = Long.compareUnsigned(r[i], MODULUS[i]);
            if (cmp != 0) {
                if (cmp > 0) {
                    subtractModulus(r);
                }
                return r;
            }
        }
        return ZERO.clone();
    }

    /** r += p, dropping the carry out (which wraps a borrowed difference back into range). */
    private static void addModulus(long[] r) {
        long c = 0;
        for (int i = 0; i < 4; i++) {
            long s = r[i] + MODULUS[i];
            long t = s + c;
            c = carry(r[i], MODULUS[i], s) | carry(s, c, t);
            r[i] = t;
        }
    }

    /** r −= p, for r ≥ p. */
    private static void subtractModulus(long[] r) {
        long w = 0;
        for (int i = 0; i < 4; i++) {
            long d = r[i] - MODULUS[i];
            long t = d - w;
            w = borrow(r[i], MODULUS[i], d) | borrow(d, w, t);
            r[i] = t;
        }
    }
}
