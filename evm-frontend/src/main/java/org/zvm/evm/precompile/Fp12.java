// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An element Σ cᵢ·wⁱ (i < 6) of Fp12 = Fp2[w]/(w⁶ − ξ), where bn254 pairings take their values.
 * One flat representation over Fp2, rather than the Fp6 tower, keeps multiplication a single loop
 * that skips zero coefficients, so the Miller loop's sparse line values multiply cheaply.
 */
final class Fp12 {
    static final Fp12 ONE = new Fp12(new Fp2[] {Fp2.ONE, Fp2.ZERO, Fp2.ZERO, Fp2.ZERO, Fp2.ZERO, Fp2.ZERO});

    /** ξ^(i(p−1)/6) = w^(i(p−1)): the Frobenius map sends cᵢwⁱ to conj(cᵢ)·γᵢ·wⁱ. */
    static final Fp2[] GAMMA = new Fp2[6];

    static {
        BigInteger e = Fp.P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
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
        Fp2[] t = zeros();
        for (int i = 0; i < 6; i++) {
            if (c[i].isZero()) {
                continue;
            }
            for (int j = 0; j < 6; j++) {
                if (!o.c[j].isZero()) {
                    t[i + j] = t[i + j].add(c[i].mul(o.c[j]));
                }
            }
        }
        return fold(t);
    }

    /** Like {@link #mul} with itself, but each cross product cᵢcⱼ (i < j) is formed once and doubled. */
    Fp12 square() {
        Fp2[] t = zeros();
        for (int i = 0; i < 6; i++) {
            t[2 * i] = t[2 * i].add(c[i].square());
            for (int j = i + 1; j < 6; j++) {
                Fp2 cross = c[i].mul(c[j]);
                t[i + j] = t[i + j].add(cross).add(cross);
            }
        }
        return fold(t);
    }

    /** The eleven coefficients of a product, all zero. */
    private static Fp2[] zeros() {
        Fp2[] t = new Fp2[11];
        Arrays.fill(t, Fp2.ZERO);
        return t;
    }

    /** Folds a product's coefficients of w⁶..w¹⁰ back into w⁰..w⁴, since w⁶ = ξ. */
    private static Fp12 fold(Fp2[] t) {
        Fp2[] r = new Fp2[6];
        for (int k = 0; k < 5; k++) {
            r[k] = t[k].add(t[k + 6].mulXi());
        }
        r[5] = t[5];
        return new Fp12(r);
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
     * x⁻¹ = conj(x)·n⁻¹, where n = x·conj(x) lies in Fp6 = Fp2[w²]; and n⁻¹ = n'·n''/N, where n', n''
     * are n's other two conjugates over Fp2 (Frobenius squared, twice) and N = n·n'·n'' lies in Fp2.
     * One Fp inversion in all, for the final exponentiation's easy part.
     */
    Fp12 inverse() {
        Fp12 conj = conj();
        Fp12 n = mul(conj);
        Fp12 n2 = n.frobenius().frobenius();
        Fp12 n4 = n2.frobenius().frobenius();
        Fp12 others = n2.mul(n4);
        Fp2 normInverse = n.mul(others).c[0].inverse();
        Fp12 r = conj.mul(others);
        Fp2[] out = new Fp2[6];
        for (int i = 0; i < 6; i++) {
            out[i] = r.c[i].mul(normInverse);
        }
        return new Fp12(out);
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
