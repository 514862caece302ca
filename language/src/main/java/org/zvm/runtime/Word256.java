// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import java.util.Arrays;

/**
 * EVM 256-bit word arithmetic on four little-endian 64-bit limbs ({@code w[0]} least significant), the
 * layout the operand stack keeps in frame slots, so opcodes need no conversion to a wider type.
 *
 * <p>Every operation reads its {@code long[4]} inputs without modifying them and returns a new array, so
 * callers may pass slot copies or shared constants freely. For binary opcodes {@code a} is the top of the
 * stack and {@code b} the next, and the result is {@code a OP b}, exactly as the Yellow Paper orders them.
 * Division is Knuth's algorithm D on the 64-bit limbs themselves, as evmone's intx does it: each quotient
 * limb comes from multiplying by a precomputed reciprocal of the divisor's top limbs instead of a hardware
 * division, so DIV, MOD, ADDMOD and MULMOD on full words cost a few dozen multiplications.
 */
public final class Word256 {
    /** {@code 0x7FD00 / d9} for the 256 values of a normalized word's top nine bits: the 11-bit seed of {@link #reciprocal2by1}. */
    private static final char[] RECIPROCAL_SEEDS = new char[256];

    static {
        for (int i = 0; i < 256; i++) {
            RECIPROCAL_SEEDS[i] = (char) (0x7FD00 / (256 + i));
        }
    }

    private Word256() {
    }

    // ---- construction and predicates ----

    /** The word whose value is {@code unsignedValue} read as an unsigned 64-bit integer. */
    public static long[] fromLong(long unsignedValue) {
        return new long[]{unsignedValue, 0, 0, 0};
    }

    public static boolean isZero(long[] w) {
        return (w[0] | w[1] | w[2] | w[3]) == 0;
    }

    /** Number of significant bytes, 0 for zero; EXP charges per byte of its exponent. */
    public static int byteLength(long[] w) {
        for (int i = 3; i >= 0; i--) {
            if (w[i] != 0) {
                return i * 8 + byteLength(w[i]);
            }
        }
        return 0;
    }

    /** {@link #byteLength(long[])} of a word that fits the low limb, read unsigned: EXP's fast path. */
    public static int byteLength(long v) {
        return (64 - Long.numberOfLeadingZeros(v) + 7) / 8;
    }

    /** Number of significant bits, 0 for zero. */
    public static int bitLength(long[] w) {
        for (int i = 3; i >= 0; i--) {
            if (w[i] != 0) {
                return i * 64 + 64 - Long.numberOfLeadingZeros(w[i]);
            }
        }
        return 0;
    }

    /** Unsigned three-way comparison: negative, zero or positive as {@code a} is below, equal to or above {@code b}. */
    public static int compareUnsigned(long[] a, long[] b) {
        for (int i = 3; i >= 0; i--) {
            if (a[i] != b[i]) {
                return Long.compareUnsigned(a[i], b[i]);
            }
        }
        return 0;
    }

    /** Two's-complement three-way comparison. */
    public static int compareSigned(long[] a, long[] b) {
        if (a[3] != b[3]) {
            return Long.compare(a[3], b[3]);
        }
        for (int i = 2; i >= 0; i--) {
            if (a[i] != b[i]) {
                return Long.compareUnsigned(a[i], b[i]);
            }
        }
        return 0;
    }

    public static boolean lt(long[] a, long[] b) {
        return compareUnsigned(a, b) < 0;
    }

    public static boolean gt(long[] a, long[] b) {
        return compareUnsigned(a, b) > 0;
    }

    public static boolean slt(long[] a, long[] b) {
        return compareSigned(a, b) < 0;
    }

    public static boolean sgt(long[] a, long[] b) {
        return compareSigned(a, b) > 0;
    }

    public static boolean eq(long[] a, long[] b) {
        return a[0] == b[0] && a[1] == b[1] && a[2] == b[2] && a[3] == b[3];
    }

    // ---- bitwise ----

    public static long[] and(long[] a, long[] b) {
        return new long[]{a[0] & b[0], a[1] & b[1], a[2] & b[2], a[3] & b[3]};
    }

    public static long[] or(long[] a, long[] b) {
        return new long[]{a[0] | b[0], a[1] | b[1], a[2] | b[2], a[3] | b[3]};
    }

    public static long[] xor(long[] a, long[] b) {
        return new long[]{a[0] ^ b[0], a[1] ^ b[1], a[2] ^ b[2], a[3] ^ b[3]};
    }

    public static long[] not(long[] a) {
        return new long[]{~a[0], ~a[1], ~a[2], ~a[3]};
    }

    /** BYTE: the {@code i}-th byte of {@code b} counting from the most significant, 0 when {@code i >= 32}. */
    public static long[] byteOp(long[] i, long[] b) {
        if (!below(i, 32)) {
            return new long[4];
        }
        int bit = (31 - (int) i[0]) * 8;
        return fromLong((b[bit >>> 6] >>> (bit & 63)) & 0xFF);
    }

    /** SIGNEXTEND: extends the sign bit of byte {@code k} (0 = least significant) of {@code b}; {@code k >= 31} leaves it. */
    public static long[] signextend(long[] k, long[] b) {
        long[] r = b.clone();
        if (!below(k, 31)) {
            return r;
        }
        int bit = (int) k[0] * 8 + 7;
        int limb = bit >>> 6;
        int off = bit & 63;
        long keep = off == 63 ? -1L : (1L << (off + 1)) - 1;
        boolean negative = ((b[limb] >>> off) & 1) != 0;
        r[limb] = negative ? b[limb] | ~keep : b[limb] & keep;
        long fill = negative ? -1L : 0L;
        for (int i = limb + 1; i < 4; i++) {
            r[i] = fill;
        }
        return r;
    }

    // ---- modular arithmetic ----

    public static long[] add(long[] a, long[] b) {
        long[] r = new long[4];
        long carry = 0;
        for (int i = 0; i < 4; i++) {
            long s = a[i] + b[i];
            long c = Long.compareUnsigned(s, a[i]) < 0 ? 1 : 0;
            long t = s + carry;
            c += Long.compareUnsigned(t, s) < 0 ? 1 : 0;
            r[i] = t;
            carry = c;
        }
        return r;
    }

    public static long[] sub(long[] a, long[] b) {
        long[] r = new long[4];
        long borrow = 0;
        for (int i = 0; i < 4; i++) {
            long d = a[i] - b[i];
            long c = Long.compareUnsigned(a[i], b[i]) < 0 ? 1 : 0;
            long t = d - borrow;
            c += Long.compareUnsigned(d, borrow) < 0 ? 1 : 0;
            r[i] = t;
            borrow = c;
        }
        return r;
    }

    /** Two's-complement negation, {@code 0 - a} mod 2^256. */
    public static long[] negate(long[] a) {
        long[] r = new long[4];
        long carry = 1;
        for (int i = 0; i < 4; i++) {
            long t = ~a[i] + carry;
            carry = carry != 0 && t == 0 ? 1 : 0;
            r[i] = t;
        }
        return r;
    }

    /** DIV: unsigned {@code a / b}, 0 when {@code b} is 0. */
    public static long[] div(long[] a, long[] b) {
        if (isZero(b)) {
            return new long[4];
        }
        if ((a[1] | a[2] | a[3] | b[1] | b[2] | b[3]) == 0) {
            return fromLong(Long.divideUnsigned(a[0], b[0]));
        }
        if (compareUnsigned(a, b) < 0) {
            return new long[4];
        }
        return divRem(Arrays.copyOf(a, 5), 4, b, true);
    }

    /** MOD: unsigned {@code a mod b}, 0 when {@code b} is 0. */
    public static long[] mod(long[] a, long[] b) {
        if (isZero(b)) {
            return new long[4];
        }
        if ((a[1] | a[2] | a[3] | b[1] | b[2] | b[3]) == 0) {
            return fromLong(Long.remainderUnsigned(a[0], b[0]));
        }
        if (compareUnsigned(a, b) < 0) {
            return a.clone();
        }
        return divRem(Arrays.copyOf(a, 5), 4, b, false);
    }

    /** SDIV: signed division truncating toward zero; 0 when {@code b} is 0, and -2^255 / -1 wraps to -2^255. */
    public static long[] sdiv(long[] a, long[] b) {
        boolean negA = a[3] < 0;
        boolean negB = b[3] < 0;
        long[] q = div(negA ? negate(a) : a, negB ? negate(b) : b);
        return negA != negB ? negate(q) : q;
    }

    /** SMOD: signed remainder whose sign follows the dividend {@code a}; 0 when {@code b} is 0. */
    public static long[] smod(long[] a, long[] b) {
        boolean negA = a[3] < 0;
        long[] r = mod(negA ? negate(a) : a, b[3] < 0 ? negate(b) : b);
        return negA ? negate(r) : r;
    }

    /**
     * ADDMOD: {@code (a + b) mod n} over the full 257-bit sum; 0 when {@code n} is 0. Operands already
     * reduced (the usual case in field arithmetic) need one conditional subtraction, not a division.
     */
    public static long[] addmod(long[] a, long[] b, long[] n) {
        if (isZero(n)) {
            return new long[4];
        }
        if (lt(a, n) && lt(b, n)) {
            long[] sum = add(a, b);
            return lt(sum, a) || !lt(sum, n) ? sub(sum, n) : sum;
        }
        long[] sum = new long[6];
        long carry = 0;
        for (int i = 0; i < 4; i++) {
            long s = a[i] + b[i];
            long c = Long.compareUnsigned(s, a[i]) < 0 ? 1 : 0;
            long t = s + carry;
            c += Long.compareUnsigned(t, s) < 0 ? 1 : 0;
            sum[i] = t;
            carry = c;
        }
        sum[4] = carry;
        return divRem(sum, 5, n, false);
    }

    /** MULMOD: {@code (a * b) mod n} over the full 512-bit product; 0 when {@code n} is 0. */
    public static long[] mulmod(long[] a, long[] b, long[] n) {
        if (isZero(n)) {
            return new long[4];
        }
        long[] product = new long[9];
        int aLimbs = limbCount(a, 4);
        int bLimbs = limbCount(b, 4);
        for (int i = 0; i < aLimbs; i++) {
            long carry = 0;
            for (int j = 0; j < bLimbs; j++) {
                long lo = a[i] * b[j];
                long hi = Math.unsignedMultiplyHigh(a[i], b[j]);
                long s = lo + product[i + j];
                hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
                long t = s + carry;
                hi += Long.compareUnsigned(t, s) < 0 ? 1 : 0;
                product[i + j] = t;
                carry = hi;
            }
            product[i + bLimbs] = carry;
        }
        return divRem(product, 8, n, false);
    }

    /**
     * ADDMOD of words that fit the low limb, read unsigned; no arrays, for the nodes' fast path. Agrees
     * with {@link #addmod(long[], long[], long[])}: the 65-bit sum is reduced exactly, 0 when {@code n} is 0.
     */
    public static long addmod(long a, long b, long n) {
        if (n == 0) {
            return 0;
        }
        long x = Long.remainderUnsigned(a, n);
        long y = Long.remainderUnsigned(b, n);
        long s = x + y;
        boolean carry = Long.compareUnsigned(s, x) < 0;
        return carry || Long.compareUnsigned(s, n) >= 0 ? s - n : s;
    }

    /** MULMOD of words that fit the low limb, read unsigned, over the full 128-bit product; 0 when {@code n} is 0. */
    public static long mulmod(long a, long b, long n) {
        if (n == 0) {
            return 0;
        }
        return remainder128(Math.unsignedMultiplyHigh(a, b), a * b, n);
    }

    /** The unsigned {@code (hi * 2^64 + lo) mod n} for a non-zero {@code n}: two 2-by-1 steps against the normalized {@code n}. */
    static long remainder128(long hi, long lo, long n) {
        if (hi == 0) {
            return Long.remainderUnsigned(lo, n);
        }
        int s = Long.numberOfLeadingZeros(n);
        long d = n << s;
        long v = reciprocal2by1(d);
        long u1 = hi << s | topBits(lo, s);
        long u0 = lo << s;
        long r = u1 - quotient2by1(topBits(hi, s), u1, d, v) * d;
        r = u0 - quotient2by1(r, u0, d, v) * d;
        return r >>> s;
    }

    /** EXP: {@code base ^ exponent} mod 2^256 by right-to-left square-and-multiply. */
    public static long[] exp(long[] base, long[] exponent) {
        long[] result = fromLong(1);
        int bits = bitLength(exponent);
        if (bits == 0) {
            return result;
        }
        long[] square = base.clone();
        long[] tmp = new long[4];
        for (int i = 0; i < bits; i++) {
            if (((exponent[i >>> 6] >>> (i & 63)) & 1) != 0) {
                mulLowInto(result, square, tmp);
                System.arraycopy(tmp, 0, result, 0, 4);
            }
            if (i + 1 < bits) {
                mulLowInto(square, square, tmp);
                System.arraycopy(tmp, 0, square, 0, 4);
            }
        }
        return result;
    }

    // ---- internals ----

    /** True when the word is below {@code limit}, a small non-negative int. */
    private static boolean below(long[] w, int limit) {
        return (w[1] | w[2] | w[3]) == 0 && Long.compareUnsigned(w[0], limit) < 0;
    }

    /** Low 256 bits of {@code a * b} into {@code r}, which must not alias {@code a} or {@code b}. */
    private static void mulLowInto(long[] a, long[] b, long[] r) {
        r[0] = 0;
        r[1] = 0;
        r[2] = 0;
        r[3] = 0;
        for (int i = 0; i < 4; i++) {
            if (a[i] == 0) {
                continue;
            }
            long carry = 0;
            for (int j = 0; i + j < 4; j++) {
                long lo = a[i] * b[j];
                long hi = Math.unsignedMultiplyHigh(a[i], b[j]);
                long s = lo + r[i + j];
                hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
                long t = s + carry;
                hi += Long.compareUnsigned(t, s) < 0 ? 1 : 0;
                r[i + j] = t;
                carry = hi;
            }
        }
    }

    /** Number of significant limbs among the first {@code limbs} of {@code w}. */
    private static int limbCount(long[] w, int limbs) {
        for (int i = limbs - 1; i >= 0; i--) {
            if (w[i] != 0) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The top {@code s} bits of {@code x} moved to the bottom, {@code x >>> (64 - s)}, but 0 when {@code s} is 0. */
    private static long topBits(long x, int s) {
        return (x >>> 1) >>> (63 - s);
    }

    /** The bottom {@code s} bits of {@code x} moved to the top, {@code x << (64 - s)}, but 0 when {@code s} is 0. */
    private static long bottomBits(long x, int s) {
        return (x << 1) << (63 - s);
    }

    /**
     * {@code floor((2^128 - 1) / d) - 2^64} for a normalized {@code d} (top bit set), which turns dividing
     * by {@code d} into two multiplications: Möller and Granlund, "Improved division by invariant integers"
     * (2011), algorithm 2, a table seed refined by Newton steps to 22, 35 and then 64 bits, and one
     * final adjustment.
     */
    static long reciprocal2by1(long d) {
        long d0 = d & 1;
        long d40 = (d >>> 24) + 1;
        long d63 = (d >>> 1) + d0;
        long v0 = RECIPROCAL_SEEDS[(int) (d >>> 55) - 256];
        long v1 = (v0 << 11) - ((v0 * v0 * d40) >>> 40) - 1;
        long v2 = (v1 << 13) + ((v1 * ((1L << 60) - v1 * d40)) >>> 47);
        long e = ((v2 >>> 1) & -d0) - v2 * d63;
        long v3 = (Math.unsignedMultiplyHigh(v2, e) >>> 1) + (v2 << 31);
        long lo = v3 * d;
        long hi = Math.unsignedMultiplyHigh(v3, d) + (Long.compareUnsigned(lo + d, lo) < 0 ? 1 : 0);
        return v3 - hi - d;
    }

    /**
     * {@code floor((2^192 - 1) / (d1 * 2^64 + d0)) - 2^64} for a normalized {@code d1}: the reciprocal that
     * {@link #divStep3by2} divides by (the same paper, algorithm 6).
     */
    static long reciprocal3by2(long d1, long d0) {
        long v = reciprocal2by1(d1);
        long p = d1 * v + d0;
        if (Long.compareUnsigned(p, d0) < 0) {
            v--;
            if (Long.compareUnsigned(p, d1) >= 0) {
                v--;
                p -= d1;
            }
            p -= d1;
        }
        long t1 = Math.unsignedMultiplyHigh(v, d0);
        long t0 = v * d0;
        p += t1;
        if (Long.compareUnsigned(p, t1) < 0) {
            v--;
            if (Long.compareUnsigned(p, d1) > 0 || p == d1 && Long.compareUnsigned(t0, d0) >= 0) {
                v--;
            }
        }
        return v;
    }

    /**
     * The quotient of {@code (u1 * 2^64 + u0) / d} for a normalized {@code d} above {@code u1}, given
     * {@code v = reciprocal2by1(d)}: one estimate from the reciprocal, off by at most one either way
     * (algorithm 4 of the paper). The remainder is {@code u0 - q * d} mod 2^64.
     */
    static long quotient2by1(long u1, long u0, long d, long v) {
        long q0 = v * u1;
        long q1 = Math.unsignedMultiplyHigh(v, u1);
        long s = q0 + u0;
        q1 += u1 + (Long.compareUnsigned(s, q0) < 0 ? 1 : 0) + 1;
        q0 = s;
        long r = u0 - q1 * d;
        if (Long.compareUnsigned(r, q0) > 0) {
            q1--;
            r += d;
        }
        if (Long.compareUnsigned(r, d) >= 0) {
            q1++;
        }
        return q1;
    }

    /**
     * Divides the three limbs {@code u[i + 2], u[i + 1], u[i]} by the normalized {@code d1 * 2^64 + d0},
     * which must be above the top two, given {@code v = reciprocal3by2(d1, d0)}: returns the quotient limb
     * and leaves the two-limb remainder in {@code u[i + 1], u[i]} (algorithm 5 of the paper).
     */
    static long divStep3by2(long[] u, int i, long d1, long d0, long v) {
        long u2 = u[i + 2];
        long u1 = u[i + 1];
        long u0 = u[i];
        long q0 = v * u2;
        long q1 = Math.unsignedMultiplyHigh(v, u2);
        long s = q0 + u1;
        q1 += u2 + (Long.compareUnsigned(s, q0) < 0 ? 1 : 0);
        q0 = s;
        // r = (u1 - q1 * d1, u0) - q1 * d0 - d, modulo 2^128.
        long r1 = u1 - q1 * d1;
        long t0 = q1 * d0;
        long t1 = Math.unsignedMultiplyHigh(q1, d0);
        long r0 = u0 - t0;
        r1 = r1 - t1 - (Long.compareUnsigned(u0, t0) < 0 ? 1 : 0);
        long borrow = Long.compareUnsigned(r0, d0) < 0 ? 1 : 0;
        r0 -= d0;
        r1 = r1 - d1 - borrow;
        q1++;
        if (Long.compareUnsigned(r1, q0) >= 0) {
            q1--;
            long sum0 = r0 + d0;
            r1 += d1 + (Long.compareUnsigned(sum0, r0) < 0 ? 1 : 0);
            r0 = sum0;
        }
        if (Long.compareUnsigned(r1, d1) > 0 || r1 == d1 && Long.compareUnsigned(r0, d0) >= 0) {
            q1++;
            r1 = r1 - d1 - (Long.compareUnsigned(r0, d0) < 0 ? 1 : 0);
            r0 -= d0;
        }
        u[i + 1] = r1;
        u[i] = r0;
        return q1;
    }

    /** Subtracts {@code q * d[0, count)} from {@code u[j, j + count)} and returns what borrows out of the top. */
    private static long subtractProduct(long[] u, int j, long[] d, int count, long q) {
        long borrow = 0;
        for (int i = 0; i < count; i++) {
            long lo = q * d[i] + borrow;
            long hi = Math.unsignedMultiplyHigh(q, d[i]) + (Long.compareUnsigned(lo, borrow) < 0 ? 1 : 0);
            long x = u[j + i];
            u[j + i] = x - lo;
            borrow = hi + (Long.compareUnsigned(x, lo) < 0 ? 1 : 0);
        }
        return borrow;
    }

    /** Adds {@code d[0, count)} to {@code u[j, j + count)}, dropping the carry out of the top. */
    private static void addBack(long[] u, int j, long[] d, int count) {
        long carry = 0;
        for (int i = 0; i < count; i++) {
            long x = u[j + i];
            long s = x + d[i];
            long t = s + carry;
            carry = (Long.compareUnsigned(s, x) < 0 ? 1 : 0) + (Long.compareUnsigned(t, s) < 0 ? 1 : 0);
            u[j + i] = t;
        }
    }

    /**
     * Unsigned division of the {@code uLimbs}-limb {@code u} by the non-zero 256-bit {@code d}, returning
     * the quotient (only when {@code uLimbs <= 4}, so it fits a word) or the remainder. {@code u} is scratch:
     * it needs one spare zero limb above {@code uLimbs}, and its contents are overwritten. Knuth's
     * algorithm D (TAOCP vol. 2, 4.3.1) on 64-bit limbs: after normalizing, each quotient limb comes from
     * a reciprocal-based 2-by-1 step (one-limb divisor) or 3-by-2 step (longer ones); with a 3-by-2
     * estimate the multiply-subtract covers only the divisor's lower limbs and is at most one too large.
     */
    private static long[] divRem(long[] u, int uLimbs, long[] d, boolean quotient) {
        long[] out = new long[4];
        int n = limbCount(d, 4);
        int m = limbCount(u, uLimbs);
        if (m < n) {
            if (!quotient) {
                System.arraycopy(u, 0, out, 0, 4);
            }
            return out;
        }
        // Normalize: shift both so the divisor's top limb has its high bit set; u grows into u[m].
        int s = Long.numberOfLeadingZeros(d[n - 1]);
        u[m] = topBits(u[m - 1], s);
        for (int i = m - 1; i > 0; i--) {
            u[i] = u[i] << s | topBits(u[i - 1], s);
        }
        u[0] <<= s;
        if (n == 1) {
            long dn = d[0] << s;
            long v = reciprocal2by1(dn);
            long r = u[m];
            for (int j = m - 1; j >= 0; j--) {
                long q = quotient2by1(r, u[j], dn, v);
                r = u[j] - q * dn;
                if (quotient) {
                    out[j] = q;
                }
            }
            if (!quotient) {
                out[0] = r >>> s;
            }
            return out;
        }
        long[] dn = new long[n];
        for (int i = n - 1; i > 0; i--) {
            dn[i] = d[i] << s | topBits(d[i - 1], s);
        }
        dn[0] = d[0] << s;
        long d1 = dn[n - 1];
        long d0 = dn[n - 2];
        long v = reciprocal3by2(d1, d0);
        for (int j = m - n; j >= 0; j--) {
            long q;
            if (u[j + n] == d1 && u[j + n - 1] == d0) {
                // The top limbs equal the divisor's, so the 3-by-2 estimate would be 2^64; as the remainder
                // so far is below the divisor, the quotient limb is exactly 2^64 - 1.
                q = -1;
                subtractProduct(u, j, dn, n, q);
            } else {
                q = divStep3by2(u, j + n - 2, d1, d0, v);
                long borrow = subtractProduct(u, j, dn, n - 2, q);
                long r0 = u[j + n - 2];
                long r1 = u[j + n - 1];
                long borrow1 = Long.compareUnsigned(r0, borrow) < 0 ? 1 : 0;
                u[j + n - 2] = r0 - borrow;
                u[j + n - 1] = r1 - borrow1;
                if (Long.compareUnsigned(r1, borrow1) < 0) {
                    // The estimate was one too large (rare): add the divisor back.
                    q--;
                    addBack(u, j, dn, n);
                }
            }
            if (quotient) {
                out[j] = q;
            }
        }
        if (!quotient) {
            for (int i = 0; i < n; i++) {
                out[i] = u[i] >>> s | (i + 1 < n ? bottomBits(u[i + 1], s) : 0);
            }
        }
        return out;
    }
}
