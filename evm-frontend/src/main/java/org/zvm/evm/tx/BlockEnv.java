// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.tx;

import java.math.BigInteger;
import java.util.function.LongFunction;

import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;

/** The block a transaction runs in. */
public record BlockEnv(Address coinbase, long gasLimit, long number, long timestamp, UInt256 prevRandao, UInt256 baseFee,
                long excessBlobGas, UInt256 chainId, LongFunction<UInt256> blockHashes) {

    private static final BigInteger BLOB_BASE_FEE_UPDATE_FRACTION = BigInteger.valueOf(3_338_477);

    /** EIP-4844: {@code fake_exponential(1, excess_blob_gas, 3338477)}. */
    public BigInteger blobBaseFee() {
        BigInteger numerator = BigInteger.valueOf(excessBlobGas);
        BigInteger output = BigInteger.ZERO;
        BigInteger accumulator = BLOB_BASE_FEE_UPDATE_FRACTION;
        for (int i = 1; accumulator.signum() > 0; i++) {
            output = output.add(accumulator);
            accumulator = accumulator.multiply(numerator).divide(BLOB_BASE_FEE_UPDATE_FRACTION.multiply(BigInteger.valueOf(i)));
        }
        return output.divide(BLOB_BASE_FEE_UPDATE_FRACTION);
    }
}
