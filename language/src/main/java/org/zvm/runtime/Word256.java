// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

/**
 * EVM 256-bit word arithmetic on four little-endian 64-bit limbs ({@code w[0]} least significant), the
 * layout the operand stack keeps in frame slots, so opcodes need no conversion to a wider type.
 *
 * <p>Every operation reads its {@code long[4]} inputs without modifying them and returns a new array, so
 * callers may pass slot copies or shared constants freely. For binary opcodes {@code a} is the top of the
 * stack and {@code b} the next, and the result is {@code a OP b}, exactly as the Yellow Paper orders them.
 * Division is Knuth's algorithm D on 32-bit digits: every partial product then fits a {@code long}, which
 * keeps the code short and free of BigInteger on the interpreter's slow paths.
 */
public final class Word256 {
    private static final long DIGIT = 0xFFFF_FFFFL;

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

    /** SHL: {@code b << shift}, 0 once {@code shift >= 256}. */
    public static long[] shl(long[] shift, long[] b) {
        long[] r = new long[4];
        if (!below(shift, 256)) {
            return r;
        }
        int s = (int) shift[0];
        int limbs = s >>> 6;
        int bits = s & 63;
        for (int i = 3; i >= limbs; i--) {
            long v = b[i - limbs] << bits;
            if (bits != 0 && i - limbs - 1 >= 0) {
                v |= b[i - limbs - 1] >>> (64 - bits);
            }
            r[i] = v;
        }
        return r;
    }

    /** SHR: logical {@code b >>> shift}, 0 once {@code shift >= 256}. */
    public static long[] shr(long[] shift, long[] b) {
        long[] r = new long[4];
        if (!below(shift, 256)) {
            return r;
        }
        shiftRightInto(b, (int) shift[0], r);
        return r;
    }

    /** SAR: arithmetic {@code b >> shift}; a shift of 256 or more leaves only the sign (0 or all ones). */
    public static long[] sar(long[] shift, long[] b) {
        if (b[3] >= 0) {
            return shr(shift, b);
        }
        // For negative b, b >> s == ~(~b >>> s): the complement is non-negative, so the logical shift applies.
        long[] r = new long[4];
        if (below(shift, 256)) {
            long[] nb = not(b);
            shiftRightInto(nb, (int) shift[0], r);
        }
        r[0] = ~r[0];
        r[1] = ~r[1];
        r[2] = ~r[2];
        r[3] = ~r[3];
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

    public static long[] mul(long[] a, long[] b) {
        long[] r = new long[4];
        mulLowInto(a, b, r);
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
        return divRem(a, 4, b, true);
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
        return divRem(a, 4, b, false);
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

    /** ADDMOD: {@code (a + b) mod n} over the full 257-bit sum; 0 when {@code n} is 0. */
    public static long[] addmod(long[] a, long[] b, long[] n) {
        if (isZero(n)) {
            return new long[4];
        }
        long[] sum = new long[5];
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
        long[] product = new long[8];
        for (int i = 0; i < 4; i++) {
            long carry = 0;
            for (int j = 0; j < 4; j++) {
                long lo = a[i] * b[j];
                long hi = Math.unsignedMultiplyHigh(a[i], b[j]);
                long s = lo + product[i + j];
                hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
                long t = s + carry;
                hi += Long.compareUnsigned(t, s) < 0 ? 1 : 0;
                product[i + j] = t;
                carry = hi;
            }
            product[i + 4] = carry;
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

    /**
     * The unsigned {@code (hi * 2^64 + lo) mod n} for a non-zero {@code n}: Hacker's Delight {@code divlu}
     * (two 32-bit quotient digits against the normalized divisor), keeping only the remainder.
     */
    static long remainder128(long hi, long lo, long n) {
        long u1 = Long.remainderUnsigned(hi, n);
        if (u1 == 0) {
            return Long.remainderUnsigned(lo, n);
        }
        int s = Long.numberOfLeadingZeros(n);
        long v = n << s;
        long vn1 = v >>> 32;
        long vn0 = v & DIGIT;
        long un32 = s == 0 ? u1 : u1 << s | lo >>> (64 - s);
        long un10 = lo << s;
        long un21 = quotientDigitStep(un32, un10 >>> 32, v, vn1, vn0);
        return quotientDigitStep(un21, un10 & DIGIT, v, vn1, vn0) >>> s;
    }

    /**
     * One step of {@link #remainder128}: divides {@code (u * 2^32 + digit)} by the normalized {@code v}
     * ({@code u < v}), estimating the 32-bit quotient digit from {@code v}'s top digit and correcting it at
     * most twice, and returns the remainder.
     */
    private static long quotientDigitStep(long u, long digit, long v, long vn1, long vn0) {
        long q = Long.divideUnsigned(u, vn1);
        long rhat = u - q * vn1;
        while (Long.compareUnsigned(q, DIGIT) > 0 || Long.compareUnsigned(q * vn0, rhat << 32 | digit) > 0) {
            q--;
            rhat += vn1;
            if (Long.compareUnsigned(rhat, DIGIT) > 0) {
                break;
            }
        }
        return (u << 32 | digit) - q * v;
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

    /** Logical right shift of {@code b} by {@code s} in [0, 256) into the zeroed {@code r}. */
    private static void shiftRightInto(long[] b, int s, long[] r) {
        int limbs = s >>> 6;
        int bits = s & 63;
        for (int i = 0; i + limbs < 4; i++) {
            long v = b[i + limbs] >>> bits;
            if (bits != 0 && i + limbs + 1 < 4) {
                v |= b[i + limbs + 1] << (64 - bits);
            }
            r[i] = v;
        }
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

    /** The {@code i}-th 32-bit digit of a little-endian limb array. */
    private static int digit(long[] w, int i) {
        return (int) (w[i >>> 1] >>> ((i & 1) << 5));
    }

    /** ORs the 32-bit digit {@code value} into position {@code i} of a zeroed limb array. */
    private static void putDigit(long[] w, int i, long value) {
        w[i >>> 1] |= (value & DIGIT) << ((i & 1) << 5);
    }

    /** Number of significant 32-bit digits among the first {@code limbs} limbs. */
    private static int digitCount(long[] w, int limbs) {
        for (int i = 2 * limbs - 1; i >= 0; i--) {
            if (digit(w, i) != 0) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * Unsigned division of the {@code uLimbs}-limb {@code u} by the non-zero 256-bit {@code d}, returning
     * the quotient (only when {@code uLimbs <= 4}, so it fits a word) or the remainder. Knuth, TAOCP vol. 2,
     * 4.3.1, algorithm D, following Hacker's Delight {@code divmnu}.
     */
    private static long[] divRem(long[] u, int uLimbs, long[] d, boolean quotient) {
        long[] out = new long[4];
        int n = digitCount(d, 4);
        int m = digitCount(u, uLimbs);
        if (m < n) {
            if (!quotient) {
                System.arraycopy(u, 0, out, 0, 4);
            }
            return out;
        }
        if (n == 1) {
            long v = digit(d, 0) & DIGIT;
            long r = 0;
            for (int j = m - 1; j >= 0; j--) {
                long cur = (r << 32) | (digit(u, j) & DIGIT);
                long q = Long.divideUnsigned(cur, v);
                r = cur - q * v;
                if (quotient) {
                    putDigit(out, j, q);
                }
            }
            if (!quotient) {
                out[0] = r;
            }
            return out;
        }
        // D1: normalize so the divisor's top digit has its high bit set; long shifts make s == 0 harmless.
        int s = Integer.numberOfLeadingZeros(digit(d, n - 1));
        int[] vn = new int[n];
        for (int i = n - 1; i > 0; i--) {
            vn[i] = (int) ((((long) digit(d, i) << 32) | (digit(d, i - 1) & DIGIT)) >>> (32 - s));
        }
        vn[0] = digit(d, 0) << s;
        int[] un = new int[m + 1];
        un[m] = (int) ((digit(u, m - 1) & DIGIT) >>> (32 - s));
        for (int i = m - 1; i > 0; i--) {
            un[i] = (int) ((((long) digit(u, i) << 32) | (digit(u, i - 1) & DIGIT)) >>> (32 - s));
        }
        un[0] = digit(u, 0) << s;
        long vTop = vn[n - 1] & DIGIT;
        long vNext = vn[n - 2] & DIGIT;
        for (int j = m - n; j >= 0; j--) {
            // D3: estimate the quotient digit from the top two dividend digits, then refine with the third.
            long num = ((un[j + n] & DIGIT) << 32) | (un[j + n - 1] & DIGIT);
            long qhat = Long.divideUnsigned(num, vTop);
            long rhat = num - qhat * vTop;
            while (qhat > DIGIT
                    || Long.compareUnsigned(qhat * vNext, (rhat << 32) | (un[j + n - 2] & DIGIT)) > 0) {
                qhat--;
                rhat += vTop;
                if (rhat > DIGIT) {
                    break;
                }
            }
            // D4: multiply and subtract.
            long borrow = 0;
            long t;
            for (int i = 0; i < n; i++) {
                long p = qhat * (vn[i] & DIGIT);
                t = (un[i + j] & DIGIT) - borrow - (p & DIGIT);
                un[i + j] = (int) t;
                borrow = (p >>> 32) - (t >> 32);
            }
            t = (un[j + n] & DIGIT) - borrow;
            un[j + n] = (int) t;
            // D6: the estimate was one too large (rare); add the divisor back.
            if (t < 0) {
                qhat--;
                long carry = 0;
                for (int i = 0; i < n; i++) {
                    t = (un[i + j] & DIGIT) + (vn[i] & DIGIT) + carry;
                    un[i + j] = (int) t;
                    carry = t >>> 32;
                }
                un[j + n] = (int) (un[j + n] + carry);
            }
            if (quotient) {
                putDigit(out, j, qhat);
            }
        }
        if (!quotient) {
            // D8: the remainder is un[0, n) shifted back down by s.
            for (int i = 0; i < n; i++) {
                long hi = i + 1 < n ? un[i + 1] & DIGIT : 0;
                putDigit(out, i, ((hi << 32) | (un[i] & DIGIT)) >>> s);
            }
        }
        return out;
    }
}
