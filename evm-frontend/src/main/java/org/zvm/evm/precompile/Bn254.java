// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The bn254 (alt_bn128) precompiles: 0x06 add and 0x07 scalar multiplication on G1 (EIP-196), 0x08
 * the optimal ate pairing check (EIP-197), priced per EIP-1108. G1 arithmetic is BouncyCastle's
 * generic prime curve; no maintained Java library on Maven Central has the pairing, so G2 and the
 * pairing are implemented here (Fp2, {@link Fp12}) and checked against the EIP-197 vectors.
 */
final class Bn254 {
    private Bn254() {
    }

    static final Precompile ADD = new Fixed(150) {
        @Override
        public byte[] run(byte[] input) throws PrecompileFailure {
            byte[] in = Arrays.copyOf(input, 128);
            return encode(g1(in, 0).add(g1(in, 64)));
        }
    };

    static final Precompile MUL = new Fixed(6000) {
        @Override
        public byte[] run(byte[] input) throws PrecompileFailure {
            byte[] in = Arrays.copyOf(input, 96);
            return encode(g1(in, 0).multiply(new BigInteger(1, in, 64, 32)));
        }
    };

    /** Input: pairs of a G1 point (64 bytes) and a G2 point (128 bytes); output 1 iff the product of their pairings is 1. */
    static final Precompile PAIRING = new Precompile() {
        @Override
        public long gas(byte[] input) {
            return 45000 + 34000L * (input.length / PAIR_LENGTH);
        }

        @Override
        public byte[] run(byte[] input) throws PrecompileFailure {
            if (input.length % PAIR_LENGTH != 0) {
                throw new PrecompileFailure("pairing input must be a multiple of 192 bytes, not " + input.length);
            }
            int k = input.length / PAIR_LENGTH;
            BigInteger[][] g1 = new BigInteger[k][];
            G2[] g2 = new G2[k];
            int n = 0;
            for (int i = 0; i < k; i++) {
                ECPoint p = g1(input, i * PAIR_LENGTH).normalize();
                G2 q = G2.decode(input, i * PAIR_LENGTH + 64);
                if (!p.isInfinity() && q != null) {
                    g1[n] = new BigInteger[] {p.getAffineXCoord().toBigInteger(), p.getAffineYCoord().toBigInteger()};
                    g2[n++] = q;
                }
            }
            byte[] out = new byte[32];
            out[31] = (byte) (finalExponentiation(miller(g1, g2, n)).isOne() ? 1 : 0);
            return out;
        }
    };

    private static final int PAIR_LENGTH = 192;
    /** The curve order r, which is also the order of G1 and G2. */
    static final BigInteger R = new BigInteger(
            "21888242871839275222246405745257275088548364400416034343698204186575808495617");
    /** The curve's parameter u (p and r are polynomials in it), for the final exponentiation. */
    private static final BigInteger U = new BigInteger("4965661367192848881");
    /** 6u + 2, the optimal ate Miller loop's length. */
    private static final BigInteger ATE = U.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO);
    private static final ECCurve G1_CURVE = new ECCurve.Fp(Fp2.P, BigInteger.ZERO, BigInteger.valueOf(3), R, BigInteger.ONE);

    private abstract static class Fixed implements Precompile {
        private final long gas;

        Fixed(long gas) {
            this.gas = gas;
        }

        @Override
        public long gas(byte[] input) {
            return gas;
        }
    }

    /** A G1 point as two 32-byte coordinates; (0, 0) encodes the point at infinity. */
    private static ECPoint g1(byte[] in, int off) throws PrecompileFailure {
        BigInteger x = new BigInteger(1, in, off, 32);
        BigInteger y = new BigInteger(1, in, off + 32, 32);
        if (x.compareTo(Fp2.P) >= 0 || y.compareTo(Fp2.P) >= 0) {
            throw new PrecompileFailure("G1 coordinate not below the field modulus");
        }
        if (x.signum() == 0 && y.signum() == 0) {
            return G1_CURVE.getInfinity();
        }
        ECPoint p = G1_CURVE.createPoint(x, y);
        if (!p.isValid()) {
            throw new PrecompileFailure("G1 point not on the curve");
        }
        return p;
    }

    private static byte[] encode(ECPoint p) {
        byte[] out = new byte[64];
        if (!p.isInfinity()) {
            ECPoint n = p.normalize();
            Bytes.put(n.getAffineXCoord().toBigInteger(), out, 0, 32);
            Bytes.put(n.getAffineYCoord().toBigInteger(), out, 32, 32);
        }
        return out;
    }

    /** The product of the Miller loops f_{6u+2,Q}(P)·l_{T,π(Q)}(P)·l_{T',−π²(Q)}(P) over the first n pairs. */
    private static Fp12 miller(BigInteger[][] g1, G2[] g2, int n) {
        G2[] t = g2.clone();
        Fp12 f = Fp12.ONE;
        for (int bit = ATE.bitLength() - 2; bit >= 0; bit--) {
            f = f.square();
            for (int i = 0; i < n; i++) {
                f = f.mul(lineStep(t, i, t[i], g1[i]));
            }
            if (ATE.testBit(bit)) {
                for (int i = 0; i < n; i++) {
                    f = f.mul(lineStep(t, i, g2[i], g1[i]));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            G2 q1 = g2[i].frobenius();
            G2 q2 = q1.frobenius();
            f = f.mul(lineStep(t, i, q1, g1[i]));
            f = f.mul(lineStep(t, i, new G2(q2.x, q2.y.neg()), g1[i]));
        }
        return f;
    }

    /**
     * The line through t[i] and q (the tangent when they are equal) at P, replacing t[i] by t[i] + q.
     * Untwisting maps (x, y) to (x·w², y·w³) and the slope λ to λ·w, so the line
     * y_P − y_T − λ(x_P − x_T) becomes y_P − λ·x_P·w + (λ·x_T − y_T)·w³.
     */
    private static Fp12 lineStep(G2[] t, int i, G2 q, BigInteger[] p) {
        G2 a = t[i];
        Fp2 lambda = a.slope(q);
        t[i] = a.through(q, lambda);
        return Fp12.sparse(new Fp2(p[1], BigInteger.ZERO), lambda.mul(Fp2.P.subtract(p[0])),
                lambda.mul(a.x).sub(a.y));
    }

    /** f^((p¹²−1)/r): the easy part (p⁶−1)(p²+1), then the hard part (p⁴−p²+1)/r by Devegili–Scott–Dahab's chain in u. */
    private static Fp12 finalExponentiation(Fp12 f) {
        Fp12 t1 = f.conj().mul(f.inverse());
        t1 = t1.frobenius().frobenius().mul(t1);

        Fp12 fp = t1.frobenius();
        Fp12 fp2 = fp.frobenius();
        Fp12 fp3 = fp2.frobenius();
        Fp12 fu = t1.pow(U);
        Fp12 fu2 = fu.pow(U);
        Fp12 fu3 = fu2.pow(U);

        Fp12 y0 = fp.mul(fp2).mul(fp3);
        Fp12 y1 = t1.conj();
        Fp12 y2 = fu2.frobenius().frobenius();
        Fp12 y3 = fu.frobenius().conj();
        Fp12 y4 = fu.mul(fu2.frobenius()).conj();
        Fp12 y5 = fu2.conj();
        Fp12 y6 = fu3.mul(fu3.frobenius()).conj();

        Fp12 t0 = y6.square().mul(y4).mul(y5);
        Fp12 t = y3.mul(y5).mul(t0);
        t0 = t0.mul(y2);
        t = t.square().mul(t0).square();
        t0 = t.mul(y1);
        t = t.mul(y0);
        return t0.square().mul(t);
    }

    /** An affine point on the twist y² = x³ + 3/ξ over Fp2, where G2 lives; null is the point at infinity. */
    record G2(Fp2 x, Fp2 y) {
        private static final Fp2 B = new Fp2(BigInteger.valueOf(3), BigInteger.ZERO).mul(Fp2.XI.inverse());
        private static final BigInteger THREE = BigInteger.valueOf(3);

        /**
         * Four 32-byte words x.i, x.1, y.i, y.1 (the imaginary part first); all zeros is infinity. Fails
         * unless the point is on the twist and in the order-r subgroup, which the pairing needs.
         */
        static G2 decode(byte[] in, int off) throws PrecompileFailure {
            BigInteger[] w = new BigInteger[4];
            boolean zero = true;
            for (int i = 0; i < 4; i++) {
                w[i] = new BigInteger(1, in, off + 32 * i, 32);
                if (w[i].compareTo(Fp2.P) >= 0) {
                    throw new PrecompileFailure("G2 coordinate not below the field modulus");
                }
                zero &= w[i].signum() == 0;
            }
            if (zero) {
                return null;
            }
            G2 q = new G2(new Fp2(w[1], w[0]), new Fp2(w[3], w[2]));
            if (!q.y.square().equals(q.x.square().mul(q.x).add(B))) {
                throw new PrecompileFailure("G2 point not on the twist curve");
            }
            if (multiply(q, R) != null) {
                throw new PrecompileFailure("G2 point not in the order-r subgroup");
            }
            return q;
        }

        static G2 add(G2 p, G2 q) {
            if (p == null) {
                return q;
            }
            if (q == null) {
                return p;
            }
            if (p.x.equals(q.x) && (!p.y.equals(q.y) || p.y.isZero())) {
                return null;
            }
            return p.through(q, p.slope(q));
        }

        static G2 multiply(G2 p, BigInteger k) {
            G2 r = null;
            for (int i = k.bitLength() - 1; i >= 0; i--) {
                r = add(r, r);
                if (k.testBit(i)) {
                    r = add(r, p);
                }
            }
            return r;
        }

        /** The slope of the line through this point and q (the tangent if equal); q must not be the negation. */
        Fp2 slope(G2 q) {
            if (x.equals(q.x)) {
                return x.square().mul(THREE).mul(y.add(y).inverse());
            }
            return q.y.sub(y).mul(q.x.sub(x).inverse());
        }

        /** The third intersection of the line with that slope, reflected: this + q. */
        G2 through(G2 q, Fp2 lambda) {
            Fp2 x3 = lambda.square().sub(x).sub(q.x);
            return new G2(x3, lambda.mul(x.sub(x3)).sub(y));
        }

        /** The p-power Frobenius, carried through the twist: (conj(x)·γ₂, conj(y)·γ₃). */
        G2 frobenius() {
            return new G2(x.conj().mul(Fp12.GAMMA[2]), y.conj().mul(Fp12.GAMMA[3]));
        }
    }
}
