// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An element Σ cᵢ·wⁱ (i < 6) of Fp12 = Fp2[w]/(w⁶ − ξ), where bn254 pairings take their values.
 * One flat representation over Fp2, rather than the Fp6 tower, keeps multiplication a single loop
 * that skips zero coefficients (so sparse line values multiply cheaply) and reduces once per coefficient.
 */
final class Fp12 {
    private static final BigInteger NINE = BigInteger.valueOf(9);
    static final Fp12 ONE = new Fp12(new Fp2[] {Fp2.ONE, Fp2.ZERO, Fp2.ZERO, Fp2.ZERO, Fp2.ZERO, Fp2.ZERO});

    /** ξ^(i(p−1)/6) = w^(i(p−1)): the Frobenius map sends cᵢwⁱ to conj(cᵢ)·γᵢ·wⁱ. */
    static final Fp2[] GAMMA = new Fp2[6];

    static {
        BigInteger e = Fp2.P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
        Fp12 xi = new Fp12(new Fp2[] {Fp2.XI, Fp2.ZERO, Fp2.ZERO, Fp2.ZERO, Fp2.ZERO, Fp2.ZERO});
        for (int i = 0; i < 6; i++) {
            GAMMA[i] = xi.pow(e.multiply(BigInteger.valueOf(i))).c[0];
        }
    }

    final Fp2[] c;

    Fp12(Fp2[] c) {
        this.c = c;
    }

    /** The line value c0 + c1·w + c3·w³ that the Miller loop multiplies in. */
    static Fp12 sparse(Fp2 c0, Fp2 c1, Fp2 c3) {
        return new Fp12(new Fp2[] {c0, c1, Fp2.ZERO, c3, Fp2.ZERO, Fp2.ZERO});
    }

    Fp12 mul(Fp12 o) {
        BigInteger[] re = new BigInteger[11];
        BigInteger[] im = new BigInteger[11];
        Arrays.fill(re, BigInteger.ZERO);
        Arrays.fill(im, BigInteger.ZERO);
        for (int i = 0; i < 6; i++) {
            Fp2 x = c[i];
            if (x.isZero()) {
                continue;
            }
            for (int j = 0; j < 6; j++) {
                Fp2 y = o.c[j];
                if (y.isZero()) {
                    continue;
                }
                re[i + j] = re[i + j].add(x.a.multiply(y.a)).subtract(x.b.multiply(y.b));
                im[i + j] = im[i + j].add(x.a.multiply(y.b)).add(x.b.multiply(y.a));
            }
        }
        return reduce(re, im);
    }

    /** Folds the product's coefficients of w⁶..w¹⁰ back with w⁶ = ξ = 9 + i, then reduces mod p. */
    private static Fp12 reduce(BigInteger[] re, BigInteger[] im) {
        Fp2[] r = new Fp2[6];
        for (int k = 0; k < 6; k++) {
            BigInteger a = re[k];
            BigInteger b = im[k];
            if (k + 6 < 11) {
                a = a.add(re[k + 6].multiply(NINE)).subtract(im[k + 6]);
                b = b.add(im[k + 6].multiply(NINE)).add(re[k + 6]);
            }
            r[k] = new Fp2(a.mod(Fp2.P), b.mod(Fp2.P));
        }
        return new Fp12(r);
    }

    /** Like {@link #mul} with itself, but each cross product cᵢcⱼ (i < j) is formed once and doubled. */
    Fp12 square() {
        BigInteger[] re = new BigInteger[11];
        BigInteger[] im = new BigInteger[11];
        Arrays.fill(re, BigInteger.ZERO);
        Arrays.fill(im, BigInteger.ZERO);
        for (int i = 0; i < 6; i++) {
            Fp2 x = c[i];
            re[2 * i] = re[2 * i].add(x.a.multiply(x.a)).subtract(x.b.multiply(x.b));
            im[2 * i] = im[2 * i].add(x.a.multiply(x.b).shiftLeft(1));
            for (int j = i + 1; j < 6; j++) {
                Fp2 y = c[j];
                re[i + j] = re[i + j].add(x.a.multiply(y.a).subtract(x.b.multiply(y.b)).shiftLeft(1));
                im[i + j] = im[i + j].add(x.a.multiply(y.b).add(x.b.multiply(y.a)).shiftLeft(1));
            }
        }
        return reduce(re, im);
    }

    /** x ↦ x^p. */
    Fp12 frobenius() {
        Fp2[] r = new Fp2[6];
        for (int i = 0; i < 6; i++) {
            r[i] = c[i].conj().mul(GAMMA[i]);
        }
        return new Fp12(r);
    }

    /** x ↦ x^(p⁶), since w^(p⁶) = −w; on the pairing's unitary values this is the inverse. */
    Fp12 conj() {
        Fp2[] r = c.clone();
        for (int i = 1; i < 6; i += 2) {
            r[i] = r[i].neg();
        }
        return new Fp12(r);
    }

    /**
     * x⁻¹ = conj(x)·n⁻¹ with n = x·conj(x) in Fp6 (w⁶-conjugation), and n⁻¹ = n'·n''/N, where n', n''
     * are n's other two conjugates over Fp2 (Frobenius squared) and N = n·n'·n'' lies in Fp2.
     */
    Fp12 inverse() {
        Fp12 conj = conj();
        Fp12 n = mul(conj);
        Fp12 n2 = n.frobenius().frobenius();
        Fp12 n4 = n2.frobenius().frobenius();
        Fp12 others = n2.mul(n4);
        Fp2 normInverse = n.mul(others).c[0].inverse();
        Fp12 r = conj.mul(others);
        Fp2[] c = new Fp2[6];
        for (int i = 0; i < 6; i++) {
            c[i] = r.c[i].mul(normInverse);
        }
        return new Fp12(c);
    }

    Fp12 pow(BigInteger e) {
        Fp12 r = ONE;
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            r = r.square();
            if (e.testBit(i)) {
                r = r.mul(this);
            }
        }
        return r;
    }

    boolean isOne() {
        if (!c[0].equals(Fp2.ONE)) {
            return false;
        }
        for (int i = 1; i < 6; i++) {
            if (!c[i].isZero()) {
                return false;
            }
        }
        return true;
    }
}
