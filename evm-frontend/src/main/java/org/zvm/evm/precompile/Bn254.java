// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;

import org.zvm.evm.precompile.Jacobian.Affine;

/**
 * The bn254 (alt_bn128) precompiles: 0x06 add and 0x07 scalar multiplication on G1 (EIP-196), 0x08
 * the optimal ate pairing check (EIP-197), priced per EIP-1108. No maintained Java library on Maven
 * Central has the pairing, so the fields ({@link Fp}, {@link Fp2}, {@link Fp12}), the curves and the
 * pairing are implemented here, checked against the EIP-196/197 vectors. G1 shares the limb field
 * and the point formulas ({@link Jacobian}) with G2; a scalar multiplication that way takes about 60%
 * of the time of BouncyCastle's BigInteger-based generic prime curve.
 */
final class Bn254 {
    private Bn254() {
    }

    static final Precompile ADD = new Fixed(150) {
        @Override
        public byte[] run(byte[] input) throws PrecompileFailure {
            byte[] in = Arrays.copyOf(input, 128);
            return encode(Jacobian.infinity(Field.FP).plus(g1(in, 0)).plus(g1(in, 64)).affine());
        }
    };

    static final Precompile MUL = new Fixed(6000) {
        @Override
        public byte[] run(byte[] input) throws PrecompileFailure {
            byte[] in = Arrays.copyOf(input, 96);
            return encode(Jacobian.multiply(Field.FP, g1(in, 0), new BigInteger(1, in, 64, 32)));
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
            @SuppressWarnings("unchecked")
            Affine<Fp2>[] g2 = new Affine[k];
            int n = 0;
            for (int i = 0; i < k; i++) {
                Affine<long[]> p = g1(input, i * PAIR_LENGTH);
                Affine<Fp2> q = g2(input, i * PAIR_LENGTH + 64);
                if (p != null && q != null) {
                    g1[n] = new long[][] {Fp.neg(p.x()), p.y()};
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
    private static final long[] B1 = Fp.of(BigInteger.valueOf(3));
    /** The twist's coefficient 3/ξ. */
    private static final Fp2 B2 = Fp2.of(BigInteger.valueOf(3), BigInteger.ZERO).mul(Fp2.XI.inverse());

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

    /** A G1 point as two 32-byte coordinates, which must lie on y² = x³ + 3; (0, 0) is infinity (null). */
    private static Affine<long[]> g1(byte[] in, int off) throws PrecompileFailure {
        BigInteger x = coordinate(in, off);
        BigInteger y = coordinate(in, off + 32);
        if (x.signum() == 0 && y.signum() == 0) {
            return null;
        }
        Affine<long[]> p = new Affine<>(Fp.of(x), Fp.of(y));
        long[] x3 = Fp.mul(Fp.mul(p.x(), p.x()), p.x());
        if (!Fp.equal(Fp.mul(p.y(), p.y()), Fp.add(x3, B1))) {
            throw new PrecompileFailure("G1 point not on the curve");
        }
        return p;
    }

    /**
     * A G2 point as four 32-byte words x.i, x.1, y.i, y.1 (imaginary parts first); all zeros is
     * infinity (null). It must lie on the twist y² = x³ + 3/ξ and, for the pairing to be defined, in
     * the order-r subgroup (the twist's other points are not).
     */
    static Affine<Fp2> g2(byte[] in, int off) throws PrecompileFailure {
        BigInteger xi = coordinate(in, off);
        BigInteger x1 = coordinate(in, off + 32);
        BigInteger yi = coordinate(in, off + 64);
        BigInteger y1 = coordinate(in, off + 96);
        if (xi.signum() == 0 && x1.signum() == 0 && yi.signum() == 0 && y1.signum() == 0) {
            return null;
        }
        Affine<Fp2> q = new Affine<>(Fp2.of(x1, xi), Fp2.of(y1, yi));
        if (!q.y().square().equals(q.x().square().mul(q.x()).add(B2))) {
            throw new PrecompileFailure("G2 point not on the twist curve");
        }
        if (Jacobian.multiply(Field.FP2, q, R) != null) {
            throw new PrecompileFailure("G2 point not in the order-r subgroup");
        }
        return q;
    }

    private static BigInteger coordinate(byte[] in, int off) throws PrecompileFailure {
        BigInteger v = new BigInteger(1, in, off, 32);
        if (v.compareTo(Fp.P) >= 0) {
            throw new PrecompileFailure("coordinate not below the field modulus");
        }
        return v;
    }

    private static byte[] encode(Affine<long[]> p) {
        byte[] out = new byte[64];
        if (p != null) {
            Bytes.put(Fp.toBigInteger(p.x()), out, 0, 32);
            Bytes.put(Fp.toBigInteger(p.y()), out, 32, 32);
        }
        return out;
    }

    /**
     * The product of the Miller loops f_{6u+2,Q}(P)·l_{T,π(Q)}(P)·l_{T',−π²(Q)}(P) over the first n
     * pairs, each P given as (−x, y) in {@link Fp} form. T is kept in Jacobian coordinates and each
     * line is scaled by a factor in Fp2, which the final exponentiation sends to 1 (p² − 1 divides
     * (p¹² − 1)/r), so the loop needs no inversion.
     */
    private static Fp12 miller(long[][][] g1, Affine<Fp2>[] g2, int n) {
        @SuppressWarnings("unchecked")
        Jacobian<Fp2>[] t = new Jacobian[n];
        for (int i = 0; i < n; i++) {
            t[i] = Jacobian.infinity(Field.FP2).plus(g2[i]);
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
            Affine<Fp2> q1 = frobenius(g2[i]);
            Affine<Fp2> q2 = frobenius(q1);
            f = f.mul(chord(t, i, q1, g1[i]));
            f = f.mul(chord(t, i, new Affine<>(q2.x(), q2.y().neg()), g1[i]));
        }
        return f;
    }

    /**
     * The tangent at T = t[i], evaluated at P, and T doubled. Untwisting maps (x, y) to (x·w², y·w³)
     * and a slope λ to λ·w, so the line y_P − y_T − λ(x_P − x_T) is y_P − λ·x_P·w + (λ·x_T − y_T)·w³;
     * with λ = 3X²/(2YZ) and the whole scaled by 2YZ³ it is 2YZ³·y_P − 3X²Z²·x_P·w + (3X³ − 2Y²)·w³.
     */
    private static Fp12 tangent(Jacobian<Fp2>[] t, int i, long[][] p) {
        Jacobian<Fp2> a = t[i];
        Fp2 zz = a.z().square();
        Fp2 xx = a.x().square();
        Fp2 xx3 = xx.add(xx).add(xx);
        Fp2 yy = a.y().square();
        t[i] = a.twice();
        return Fp12.sparse(t[i].z().mul(zz).mul(p[1]), xx3.mul(zz).mul(p[0]),
                xx3.mul(a.x()).sub(yy).sub(yy));
    }

    /**
     * The line through T = t[i] and the affine q, evaluated at P, and T replaced by T + q. With
     * H = x_q·Z² − X and R = y_q·Z³ − Y the slope is R/(Z·H); scaled by Z·H, the line (taken through q)
     * is Z·H·y_P − R·x_P·w + (R·x_q − Z·H·y_q)·w³.
     */
    private static Fp12 chord(Jacobian<Fp2>[] t, int i, Affine<Fp2> q, long[][] p) {
        Jacobian<Fp2> a = t[i];
        Fp2 zz = a.z().square();
        Fp2 h = q.x().mul(zz).sub(a.x());
        Fp2 r = q.y().mul(zz).mul(a.z()).sub(a.y());
        Fp2 zh = a.z().mul(h);
        t[i] = a.plus(q);
        return Fp12.sparse(zh.mul(p[1]), r.mul(p[0]), r.mul(q.x()).sub(zh.mul(q.y())));
    }

    /** The p-power Frobenius on a G2 point, carried through the twist: (conj(x)·γ₂, conj(y)·γ₃). */
    private static Affine<Fp2> frobenius(Affine<Fp2> q) {
        return new Affine<>(q.x().conj().mul(Fp12.GAMMA[2]), q.y().conj().mul(Fp12.GAMMA[3]));
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
}
