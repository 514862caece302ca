// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import java.util.List;
import java.util.function.LongFunction;

/**
 * Transaction and block values the context opcodes read. Immutable for the duration of a transaction;
 * a host (the launcher, a state test runner, an embedder) supplies them.
 */
public record Environment(Address origin, UInt256 gasPrice, Address coinbase, long timestamp, long number,
                UInt256 prevRandao, long gasLimit, UInt256 chainId, UInt256 baseFee, LongFunction<UInt256> blockHashes,
                List<UInt256> blobHashes, UInt256 blobBaseFee) {

    /** A fixed, documented development block: number 1, timestamp 1, chain id 1, gas limit 30M. */
    public static Environment defaults(Address origin) {
        return new Environment(origin, UInt256.ZERO, Address.fromHex("0x0000000000000000000000000000000000000000"), 1, 1,
                        UInt256.ZERO, 30_000_000L, UInt256.ONE, UInt256.ZERO, n -> UInt256.ZERO, List.of(), UInt256.ONE);
    }

    /** BLOBHASH (EIP-4844): the transaction's versioned hash at {@code index}, else 0. */
    public UInt256 blobHash(long index) {
        return index >= 0 && index < blobHashes.size() ? blobHashes.get((int) index) : UInt256.ZERO;
    }

    /** BLOCKHASH: the hash of one of the 256 most recent blocks, else 0. */
    public UInt256 blockHash(long n) {
        if (n >= number || n < number - 256 || n < 0) {
            return UInt256.ZERO;
        }
        return blockHashes.apply(n);
    }
}
