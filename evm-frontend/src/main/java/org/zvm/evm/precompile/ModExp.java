// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

import java.math.BigInteger;

/**
 * 0x05: base^exp % mod on big-endian numbers of any length (EIP-198). Input is the three lengths as
 * 32-byte words, then the three numbers, zero-padded. Gas follows EIP-198, or EIP-2565 from Berlin on.
 * Lengths come from the caller and may be astronomically large, so gas is computed exactly on the
 * length words without allocating anything of those sizes.
 */
final class ModExp implements Precompile {
    static final ModExp EIP198 = new ModExp(false);
    static final ModExp EIP2565 = new ModExp(true);

    private static final byte[] EMPTY = new byte[0];
    private static final BigInteger WORD = BigInteger.valueOf(32);

    private final boolean eip2565;

    private ModExp(boolean eip2565) {
        this.eip2565 = eip2565;
    }

    @Override
    public long gas(byte[] input) {
        BigInteger baseLen = Bytes.unsigned(input, 0, 32);
        BigInteger expLen = Bytes.unsigned(input, 32, 32);
        BigInteger x = baseLen.max(Bytes.unsigned(input, 64, 32));
        BigInteger gas = (eip2565 ? complexity2565(x) : complexity198(x))
                .multiply(adjustedExponentLength(input, baseLen, expLen).max(BigInteger.ONE))
                .divide(BigInteger.valueOf(eip2565 ? 3 : 20));
        long g = gas.bitLength() < 64 ? gas.longValue() : Long.MAX_VALUE;
        return eip2565 ? Math.max(g, 200) : g;
    }

    @Override
    public byte[] run(byte[] input) throws PrecompileFailure {
        BigInteger modLen = Bytes.unsigned(input, 64, 32);
        if (modLen.signum() == 0) {
            return EMPTY;
        }
        BigInteger baseLen = Bytes.unsigned(input, 0, 32);
        BigInteger expLen = Bytes.unsigned(input, 32, 32);
        if (baseLen.bitLength() > 31 || expLen.bitLength() > 31 || modLen.bitLength() > 31) {
            throw new PrecompileFailure("modexp operands too long to hold (their gas cannot be paid)");
        }
        int b = baseLen.intValue();
        int e = expLen.intValue();
        int m = modLen.intValue();
        BigInteger mod = Bytes.unsigned(input, 96L + b + e, m);
        byte[] out = new byte[m];
        if (mod.signum() != 0) {
            BigInteger base = Bytes.unsigned(input, 96, b);
            BigInteger exp = Bytes.unsigned(input, 96L + b, e);
            Bytes.put(base.modPow(exp, mod), out, 0, m);
        }
        return out;
    }

    /**
     * EIP-198's adjusted exponent length: about the exponent's bit length, from its first 32 bytes.
     * Exact for any lengths, since the gas divisor makes a saturated intermediate price the call wrongly.
     */
    private static BigInteger adjustedExponentLength(byte[] input, BigInteger baseLen, BigInteger expLen) {
        BigInteger headStart = baseLen.add(BigInteger.valueOf(96));
        long start = headStart.bitLength() < 32 ? headStart.longValue() : input.length;
        int headLen = expLen.min(WORD).intValue();
        BigInteger highBit = BigInteger.valueOf(Math.max(Bytes.unsigned(input, start, headLen).bitLength() - 1, 0));
        if (expLen.compareTo(WORD) <= 0) {
            return highBit;
        }
        return expLen.subtract(WORD).shiftLeft(3).add(highBit);
    }

    private static BigInteger complexity198(BigInteger x) {
        BigInteger sq = x.multiply(x);
        if (x.compareTo(BigInteger.valueOf(64)) <= 0) {
            return sq;
        }
        if (x.compareTo(BigInteger.valueOf(1024)) <= 0) {
            return sq.shiftRight(2).add(x.multiply(BigInteger.valueOf(96))).subtract(BigInteger.valueOf(3072));
        }
        return sq.shiftRight(4).add(x.multiply(BigInteger.valueOf(480))).subtract(BigInteger.valueOf(199680));
    }

    private static BigInteger complexity2565(BigInteger x) {
        BigInteger words = x.add(BigInteger.valueOf(7)).shiftRight(3);
        return words.multiply(words);
    }
}
