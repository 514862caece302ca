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
 * pairing are implemented here ({@link Fp}, {@link Fp2}, {@link Fp12}) and checked against the
 * EIP-197 vectors.
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

    /** Input: pairs of a G1 point (64 bytes) and a G2 point (128 bytes); output 1 iff the pairings multiply to 1. */
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
            long[][][] g1 = new long[k][][];
            G2[] g2 = new G2[k];
            int n = 0;
            for (int i = 0; i < k; i++) {
                ECPoint p = g1(input, i * PAIR_LENGTH).normalize();
                G2 q = G2.decode(input, i * PAIR_LENGTH + 64);
                if (!p.isInfinity() && q != null) {
                    g1[n] = new long[][] {Fp.neg(Fp.of(p.getAffineXCoord().toBigInteger())),
                        Fp.of(p.getAffineYCoord().toBigInteger())};
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
    private static final ECCurve G1_CURVE = new ECCurve.Fp(Fp.P, BigInteger.ZERO, BigInteger.valueOf(3), R, BigInteger.ONE);

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
        if (x.compareTo(Fp.P) >= 0 || y.compareTo(Fp.P) >= 0) {
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

    /**
     * The product of the Miller loops f_{6u+2,Q}(P)·l_{T,π(Q)}(P)·l_{T',−π²(Q)}(P) over the first n
     * pairs, each P given as (−x, y) in {@link Fp} form. T is kept in Jacobian coordinates and each
     * line is scaled by a factor in Fp2, which the final exponentiation sends to 1 (p² − 1 divides
     * (p¹² − 1)/r), so the loop needs no inversion.
     */
    private static Fp12 miller(long[][][] g1, G2[] g2, int n) {
        Jacobian[] t = new Jacobian[n];
        for (int i = 0; i < n; i++) {
            t[i] = Jacobian.INFINITY.plus(g2[i]);
        }
        Fp12 f = Fp12.ONE;
        for (int bit = ATE.bitLength() - 2; bit >= 0; bit--) {
            f = f.square();
            for (int i = 0; i < n; i++) {
                f = f.mul(tangent(t, i, g1[i]));
            }
            if (ATE.testBit(bit)) {
                for (int i = 0; i < n; i++) {
                    f = f.mul(chord(t, i, g2[i], g1[i]));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            G2 q1 = g2[i].frobenius();
            G2 q2 = q1.frobenius();
            f = f.mul(chord(t, i, q1, g1[i]));
            f = f.mul(chord(t, i, new G2(q2.x, q2.y.neg()), g1[i]));
        }
        return f;
    }

    /**
     * The tangent at T = t[i], evaluated at P, and T doubled. Untwisting maps (x, y) to (x·w², y·w³)
     * and a slope λ to λ·w, so the line y_P − y_T − λ(x_P − x_T) is y_P − λ·x_P·w + (λ·x_T − y_T)·w³;
     * with λ = 3X²/(2YZ) and the whole scaled by 2YZ³ it is 2YZ³·y_P − 3X²Z²·x_P·w + (3X³ − 2Y²)·w³.
     */
    private static Fp12 tangent(Jacobian[] t, int i, long[][] p) {
        Jacobian a = t[i];
        Fp2 zz = a.z.square();
        Fp2 xx = a.x.square();
        Fp2 xx3 = xx.add(xx).add(xx);
        Fp2 yy = a.y.square();
        t[i] = a.twice();
        return Fp12.sparse(t[i].z.mul(zz).mul(p[1]), xx3.mul(zz).mul(p[0]),
                xx3.mul(a.x).sub(yy).sub(yy));
    }

    /**
     * The line through T = t[i] and the affine q, evaluated at P, and T replaced by T + q. With
     * H = x_q·Z² − X and R = y_q·Z³ − Y the slope is R/(Z·H); scaled by Z·H, the line (taken through q)
     * is Z·H·y_P − R·x_P·w + (R·x_q − Z·H·y_q)·w³.
     */
    private static Fp12 chord(Jacobian[] t, int i, G2 q, long[][] p) {
        Jacobian a = t[i];
        Fp2 zz = a.z.square();
        Fp2 h = q.x.mul(zz).sub(a.x);
        Fp2 r = q.y.mul(zz).mul(a.z).sub(a.y);
        Fp2 zh = a.z.mul(h);
        t[i] = a.plus(q);
        return Fp12.sparse(zh.mul(p[1]), r.mul(p[0]), r.mul(q.x).sub(zh.mul(q.y)));
    }

    /**
     * f^((p¹²−1)/r): the easy part (p⁶−1)(p²+1) by conjugation, one inversion and Frobenius maps, then
     * the hard part (p⁴−p²+1)/r by the addition chain in u of Scott et al. (three exponentiations by u).
     */
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
        private static final Fp2 B = Fp2.of(BigInteger.valueOf(3), BigInteger.ZERO).mul(Fp2.XI.inverse());

        /**
         * Four 32-byte words x.i, x.1, y.i, y.1 (the imaginary part first); all zeros is infinity. Fails
         * unless the point is on the twist and in the order-r subgroup, which the pairing needs.
         */
        static G2 decode(byte[] in, int off) throws PrecompileFailure {
            BigInteger[] w = new BigInteger[4];
            boolean zero = true;
            for (int i = 0; i < 4; i++) {
                w[i] = new BigInteger(1, in, off + 32 * i, 32);
                if (w[i].compareTo(Fp.P) >= 0) {
                    throw new PrecompileFailure("G2 coordinate not below the field modulus");
                }
                zero &= w[i].signum() == 0;
            }
            if (zero) {
                return null;
            }
            G2 q = new G2(Fp2.of(w[1], w[0]), Fp2.of(w[3], w[2]));
            if (!q.y.square().equals(q.x.square().mul(q.x).add(B))) {
                throw new PrecompileFailure("G2 point not on the twist curve");
            }
            if (multiply(q, R) != null) {
                throw new PrecompileFailure("G2 point not in the order-r subgroup");
            }
            return q;
        }

        /** k·p, in Jacobian coordinates so that its ~380 steps need no field inversion. */
        static G2 multiply(G2 p, BigInteger k) {
            Jacobian r = Jacobian.INFINITY;
            for (int i = k.bitLength() - 1; i >= 0; i--) {
                r = r.twice();
                if (k.testBit(i)) {
                    r = r.plus(p);
                }
            }
            return r.affine();
        }

        /** The p-power Frobenius, carried through the twist: (conj(x)·γ₂, conj(y)·γ₃). */
        G2 frobenius() {
            return new G2(x.conj().mul(Fp12.GAMMA[2]), y.conj().mul(Fp12.GAMMA[3]));
        }
    }

    /** A twist point (X/Z², Y/Z³); Z = 0 is the point at infinity. */
    private record Jacobian(Fp2 x, Fp2 y, Fp2 z) {
        static final Jacobian INFINITY = new Jacobian(Fp2.ONE, Fp2.ONE, Fp2.ZERO);

        /** dbl-2009-l (a = 0). */
        Jacobian twice() {
            if (z.isZero()) {
                return this;
            }
            Fp2 a = x.square();
            Fp2 b = y.square();
            Fp2 c = b.square();
            Fp2 d = x.add(b).square().sub(a).sub(c);
            d = d.add(d);
            Fp2 e = a.add(a).add(a);
            Fp2 x3 = e.square().sub(d).sub(d);
            Fp2 c8 = c.add(c);
            c8 = c8.add(c8);
            c8 = c8.add(c8);
            Fp2 yz = y.mul(z);
            return new Jacobian(x3, e.mul(d.sub(x3)).sub(c8), yz.add(yz));
        }

        /** madd-2007-bl: plus an affine point, with the equal and opposite cases the formula cannot take. */
        Jacobian plus(G2 q) {
            if (z.isZero()) {
                return new Jacobian(q.x, q.y, Fp2.ONE);
            }
            Fp2 zz = z.square();
            Fp2 h = q.x.mul(zz).sub(x);
            Fp2 r = q.y.mul(z).mul(zz).sub(y);
            if (h.isZero()) {
                return r.isZero() ? twice() : INFINITY;
            }
            r = r.add(r);
            Fp2 hh = h.square();
            Fp2 i = hh.add(hh);
            i = i.add(i);
            Fp2 j = h.mul(i);
            Fp2 v = x.mul(i);
            Fp2 x3 = r.square().sub(j).sub(v).sub(v);
            Fp2 yj = y.mul(j);
            return new Jacobian(x3, r.mul(v.sub(x3)).sub(yj).sub(yj), z.add(h).square().sub(zz).sub(hh));
        }

        G2 affine() {
            if (z.isZero()) {
                return null;
            }
            Fp2 zi = z.inverse();
            Fp2 zi2 = zi.square();
            return new G2(x.mul(zi2), y.mul(zi2).mul(zi));
        }
    }
}
