// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.zvm.crypto.Hashes;

/**
 * 0x01: the address that signed a hash. Input is hash, v, r, s as 32-byte words. A signature that
 * cannot be recovered is not a failure: the call succeeds with empty output, as contracts expect.
 */
final class EcRecover implements Precompile {
    static final EcRecover INSTANCE = new EcRecover();

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final BigInteger N = CURVE.getN();
    private static final byte[] EMPTY = new byte[0];

    private EcRecover() {
    }

    @Override
    public long gas(byte[] input) {
        return 3000;
    }

    @Override
    public byte[] run(byte[] input) {
        byte[] in = Arrays.copyOf(input, 128);
        for (int i = 32; i < 63; i++) {
            if (in[i] != 0) {
                return EMPTY;
            }
        }
        int v = in[63];
        BigInteger r = new BigInteger(1, in, 64, 32);
        BigInteger s = new BigInteger(1, in, 96, 32);
        if ((v != 27 && v != 28) || !inRange(r) || !inRange(s)) {
            return EMPTY;
        }
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (v == 27 ? 2 : 3);
        System.arraycopy(in, 64, compressed, 1, 32);
        ECPoint big;
        try {
            big = CURVE.getCurve().decodePoint(compressed);
        } catch (IllegalArgumentException notOnCurve) {
            return EMPTY;
        }
        BigInteger rInv = r.modInverse(N);
        BigInteger e = new BigInteger(1, in, 0, 32);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(big, s.multiply(rInv).mod(N),
                CURVE.getG(), N.subtract(e).multiply(rInv).mod(N)).normalize();
        if (q.isInfinity()) {
            return EMPTY;
        }
        byte[] key = q.getEncoded(false);
        byte[] hash = Hashes.keccak256(key, 1, 64);
        byte[] out = new byte[32];
        System.arraycopy(hash, 12, out, 12, 20);
        return out;
    }

    private static boolean inRange(BigInteger x) {
        return x.signum() > 0 && x.compareTo(N) < 0;
    }
}
