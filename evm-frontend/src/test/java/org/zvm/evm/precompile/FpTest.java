// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The limb arithmetic against BigInteger, on random values and the edges where carries and borrows occur. */
class FpTest {
    private static final BigInteger P = Fp.P;

    @Test
    void agreesWithBigInteger() {
        List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO), P.shiftRight(1), BigInteger.ONE.shiftLeft(64),
                BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(192)));
        Random random = new Random(254);
        for (int i = 0; i < 200; i++) {
            values.add(new BigInteger(254, random).mod(P));
        }
        for (BigInteger a : values) {
            long[] x = Fp.of(a);
            assertEquals(a, Fp.toBigInteger(x));
            assertEquals(a.negate().mod(P), Fp.toBigInteger(Fp.neg(x)));
            if (a.signum() != 0) {
                assertEquals(a.modInverse(P), Fp.toBigInteger(Fp.inverse(x)));
            }
            for (int j = 0; j < 20; j++) {
                BigInteger b = values.get(random.nextInt(values.size()));
                long[] y = Fp.of(b);
                assertEquals(a.multiply(b).mod(P), Fp.toBigInteger(Fp.mul(x, y)), a + " * " + b);
                assertEquals(a.add(b).mod(P), Fp.toBigInteger(Fp.add(x, y)), a + " + " + b);
                assertEquals(a.subtract(b).mod(P), Fp.toBigInteger(Fp.sub(x, y)), a + " - " + b);
            }
        }
    }
}
