// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

import java.math.BigInteger;

import org.zvm.crypto.Hashes;

/**
 * The deterministic random numbers of the {@code prng_*} host functions: SHA-256 of the seed and a
 * block counter, one 32-byte block after another. Soroban's host uses ChaCha20 for this, so values
 * differ from it; what matters to contracts is that a run repeats exactly.
 */
final class Prng {
    private final byte[] seed;
    private long counter;
    private byte[] block = new byte[0];
    private int used;

    Prng(byte[] seed) {
        this.seed = Hashes.sha256(seed, 0, seed.length);
    }

    byte[] bytes(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            if (used == block.length) {
                byte[] input = new byte[40];
                System.arraycopy(seed, 0, input, 0, 32);
                for (int k = 0; k < 8; k++) {
                    input[32 + k] = (byte) (counter >>> 8 * k);
                }
                counter++;
                block = Hashes.sha256(input, 0, input.length);
                used = 0;
            }
            out[i] = block[used++];
        }
        return out;
    }

    /** Uniform in {@code [lo, hi]} (unsigned), by rejection so no value is favoured. */
    long inRange(long lo, long hi) {
        BigInteger span = new BigInteger(Long.toUnsignedString(hi)).subtract(new BigInteger(Long.toUnsignedString(lo))).add(BigInteger.ONE);
        BigInteger limit = BigInteger.ONE.shiftLeft(64).divide(span).multiply(span);
        while (true) {
            BigInteger r = new BigInteger(1, bytes(8));
            if (r.compareTo(limit) < 0) {
                return lo + r.mod(span).longValue();
            }
        }
    }
}
