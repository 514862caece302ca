// SPDX-License-Identifier: Apache-2.0
package org.zvm.hedera;

import java.nio.ByteBuffer;

import org.zvm.crypto.Hashes;

/**
 * A consensus topic's running hash, version 3 (hedera-protobufs {@code transaction_receipt.md},
 * {@code topicRunningHash}): SHA-384 over the previous running hash (48 zero bytes before the first
 * message), the version 3, the payer's and the topic's shard, realm and num, the consensus seconds and
 * nanos, the new sequence number and the SHA-384 of the message; all integers big-endian, nanos 4 bytes,
 * the rest 8.
 */
public final class RunningHash {
    public static final int SIZE = 48;
    public static final long VERSION = 3;

    private RunningHash() {
    }

    public static byte[] next(byte[] previous, EntityId payer, EntityId topic, long seconds, int nanos, long sequence, byte[] message) {
        if (previous.length != SIZE) {
            throw new IllegalArgumentException("a running hash has " + SIZE + " bytes, got " + previous.length);
        }
        ByteBuffer b = ByteBuffer.allocate(SIZE + 8 + 6 * 8 + 8 + 4 + 8 + SIZE);
        b.put(previous).putLong(VERSION);
        b.putLong(payer.shard()).putLong(payer.realm()).putLong(payer.num());
        b.putLong(topic.shard()).putLong(topic.realm()).putLong(topic.num());
        b.putLong(seconds).putInt(nanos).putLong(sequence);
        b.put(Hashes.sha384(message));
        return Hashes.sha384(b.array());
    }
}
