// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

import java.math.BigInteger;

/** An element a + b·i of the bn254 quadratic extension Fp[i]/(i² + 1); immutable, always reduced. */
final class Fp2 {
    static final BigInteger P = new BigInteger(
            "21888242871839275222246405745257275088696311157297823662689037894645226208583");
    static final Fp2 ZERO = new Fp2(BigInteger.ZERO, BigInteger.ZERO);
    static final Fp2 ONE = new Fp2(BigInteger.ONE, BigInteger.ZERO);
    /** ξ = 9 + i: w⁶ = ξ defines Fp12 over Fp2, and the G2 twist is y² = x³ + 3/ξ. */
    static final Fp2 XI = new Fp2(BigInteger.valueOf(9), BigInteger.ONE);

    final BigInteger a;
    final BigInteger b;

    Fp2(BigInteger a, BigInteger b) {
        this.a = a;
        this.b = b;
    }

    Fp2 add(Fp2 o) {
        return new Fp2(reduce(a.add(o.a)), reduce(b.add(o.b)));
    }

    Fp2 sub(Fp2 o) {
        return new Fp2(lift(a.subtract(o.a)), lift(b.subtract(o.b)));
    }

    Fp2 neg() {
        return new Fp2(a.signum() == 0 ? a : P.subtract(a), b.signum() == 0 ? b : P.subtract(b));
    }

    Fp2 mul(Fp2 o) {
        BigInteger aa = a.multiply(o.a);
        BigInteger bb = b.multiply(o.b);
        BigInteger cross = a.add(b).multiply(o.a.add(o.b));
        return new Fp2(aa.subtract(bb).mod(P), cross.subtract(aa).subtract(bb).mod(P));
    }

    Fp2 square() {
        return new Fp2(a.add(b).multiply(a.subtract(b)).mod(P), a.multiply(b).shiftLeft(1).mod(P));
    }

    Fp2 mul(BigInteger k) {
        return new Fp2(a.multiply(k).mod(P), b.multiply(k).mod(P));
    }

    /** Multiplication by ξ = 9 + i, cheaper than a general product. */
    Fp2 mulXi() {
        return new Fp2(a.multiply(BigInteger.valueOf(9)).subtract(b).mod(P),
                b.multiply(BigInteger.valueOf(9)).add(a).mod(P));
    }

    /** The Frobenius map x ↦ xᵖ, which on Fp2 is conjugation. */
    Fp2 conj() {
        return new Fp2(a, b.signum() == 0 ? b : P.subtract(b));
    }

    Fp2 inverse() {
        BigInteger norm = a.multiply(a).add(b.multiply(b)).mod(P).modInverse(P);
        return new Fp2(a.multiply(norm).mod(P), P.subtract(b).multiply(norm).mod(P));
    }

    boolean isZero() {
        return a.signum() == 0 && b.signum() == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fp2 f && f.a.equals(a) && f.b.equals(b);
    }

    @Override
    public int hashCode() {
        return a.hashCode() * 31 + b.hashCode();
    }

    @Override
    public String toString() {
        return a.toString(16) + " + " + b.toString(16) + "i";
    }

    /** x mod p for x in [0, 2p), without a division. */
    private static BigInteger reduce(BigInteger x) {
        return x.compareTo(P) >= 0 ? x.subtract(P) : x;
    }

    /** x mod p for x in (−p, p), without a division. */
    private static BigInteger lift(BigInteger x) {
        return x.signum() < 0 ? x.add(P) : x;
    }
}
