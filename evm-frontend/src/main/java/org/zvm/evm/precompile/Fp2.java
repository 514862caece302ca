// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;

/** An element a + b·i of the bn254 quadratic extension Fp[i]/(i² + 1); immutable, parts in {@link Fp} form. */
final class Fp2 {
    static final Fp2 ZERO = new Fp2(Fp.ZERO, Fp.ZERO);
    static final Fp2 ONE = new Fp2(Fp.ONE, Fp.ZERO);
    /** ξ = 9 + i: w⁶ = ξ defines Fp12 over Fp2, and the G2 twist is y² = x³ + 3/ξ. */
    static final Fp2 XI = of(BigInteger.valueOf(9), BigInteger.ONE);

    private final long[] a;
    private final long[] b;

    private Fp2(long[] a, long[] b) {
        this.a = a;
        this.b = b;
    }

    /** re + im·i from integers below p. */
    static Fp2 of(BigInteger re, BigInteger im) {
        return new Fp2(Fp.of(re), Fp.of(im));
    }

    BigInteger re() {
        return Fp.toBigInteger(a);
    }

    BigInteger im() {
        return Fp.toBigInteger(b);
    }

    Fp2 add(Fp2 o) {
        return new Fp2(Fp.add(a, o.a), Fp.add(b, o.b));
    }

    Fp2 sub(Fp2 o) {
        return new Fp2(Fp.sub(a, o.a), Fp.sub(b, o.b));
    }

    Fp2 neg() {
        return new Fp2(Fp.neg(a), Fp.neg(b));
    }

    /** Karatsuba: three base-field products. */
    Fp2 mul(Fp2 o) {
        long[] aa = Fp.mul(a, o.a);
        long[] bb = Fp.mul(b, o.b);
        long[] cross = Fp.mul(Fp.add(a, b), Fp.add(o.a, o.b));
        return new Fp2(Fp.sub(aa, bb), Fp.sub(Fp.sub(cross, aa), bb));
    }

    Fp2 square() {
        long[] ab = Fp.mul(a, b);
        return new Fp2(Fp.mul(Fp.add(a, b), Fp.sub(a, b)), Fp.add(ab, ab));
    }

    /** Multiplication by an element of Fp (in {@link Fp} form). */
    Fp2 mul(long[] k) {
        return new Fp2(Fp.mul(a, k), Fp.mul(b, k));
    }

    /** Multiplication by ξ = 9 + i: (9a − b) + (a + 9b)·i, by additions only. */
    Fp2 mulXi() {
        return new Fp2(Fp.sub(times9(a), b), Fp.add(a, times9(b)));
    }

    /** The Frobenius map x ↦ xᵖ, which on Fp2 is conjugation. */
    Fp2 conj() {
        return new Fp2(a, Fp.neg(b));
    }

    Fp2 inverse() {
        long[] norm = Fp.inverse(Fp.add(Fp.mul(a, a), Fp.mul(b, b)));
        return new Fp2(Fp.mul(a, norm), Fp.neg(Fp.mul(b, norm)));
    }

    boolean isZero() {
        return Fp.isZero(a) && Fp.isZero(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fp2 f && Fp.equal(f.a, a) && Fp.equal(f.b, b);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(a) * 31 + Arrays.hashCode(b);
    }

    private static long[] times9(long[] x) {
        long[] x2 = Fp.add(x, x);
        long[] x4 = Fp.add(x2, x2);
        return Fp.add(Fp.add(x4, x4), x);
    }
}
