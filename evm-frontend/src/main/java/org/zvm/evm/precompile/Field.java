// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

import java.util.function.BinaryOperator;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The field operations curve arithmetic needs, so that one implementation of the point formulas
 * ({@link Jacobian}) serves bn254's G1 over Fp and its G2 over Fp2.
 */
record Field<T>(BinaryOperator<T> add, BinaryOperator<T> sub, BinaryOperator<T> mul, UnaryOperator<T> square,
        UnaryOperator<T> inverse, Predicate<T> isZero, T zero, T one) {
    /** Fp on {@link Fp}'s limb arrays. */
    static final Field<long[]> FP = new Field<>(Fp::add, Fp::sub, Fp::mul, a -> Fp.mul(a, a), Fp::inverse, Fp::isZero,
            Fp.ZERO, Fp.ONE);
    static final Field<Fp2> FP2 = new Field<>(Fp2::add, Fp2::sub, Fp2::mul, Fp2::square, Fp2::inverse, Fp2::isZero,
            Fp2.ZERO, Fp2.ONE);
}
