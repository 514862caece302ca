// SPDX-License-Identifier: Apache-2.0
package org.zvm.hedera;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.zvm.crypto.Hashes;

/**
 * The PRNG system contract's seeds (0x169, HIP-351), replayable: on a network they come from the record
 * stream's running hash; offline, seed number n is the first 32 bytes of SHA-384(seed ‖ n as 8 bytes
 * big-endian), n counting the seeds the world has handed out (kept in the ledger, so it reverts and
 * persists with the state).
 */
public record Prng(byte[] seed) {
    public byte[] draw(long n) {
        byte[] in = ByteBuffer.allocate(seed.length + 8).put(seed).putLong(n).array();
        return Arrays.copyOf(Hashes.sha384(in), 32);
    }
}
