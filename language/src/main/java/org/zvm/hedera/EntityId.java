// SPDX-License-Identifier: Apache-2.0
package org.zvm.hedera;

import java.nio.ByteBuffer;

import org.zvm.runtime.Address;

/**
 * A Hedera entity id {@code shard.realm.num} and its "long-zero" EVM address: shard (4 bytes), realm (8),
 * num (8), big-endian, so {@code 0.0.1234} is {@code 0x…04d2}. Any address splits this way, so an account
 * known only by an EVM alias still has a (large) deterministic id where a running hash needs one.
 */
public record EntityId(long shard, long realm, long num) {
    public static EntityId of(Address a) {
        ByteBuffer b = ByteBuffer.wrap(a.toBytes());
        return new EntityId(b.getInt() & 0xFFFFFFFFL, b.getLong(), b.getLong());
    }

    /** {@code 0.0.num}. */
    public static EntityId num(long num) {
        return new EntityId(0, 0, num);
    }

    public Address toAddress() {
        return Address.of(ByteBuffer.allocate(20).putInt((int) shard).putLong(realm).putLong(num).array());
    }

    /** True for an address that is an entity's long-zero address of shard 0, realm 0. */
    public static boolean isLongZero(Address a) {
        EntityId id = of(a);
        return id.shard == 0 && id.realm == 0;
    }

    @Override
    public String toString() {
        return shard + "." + realm + "." + Long.toUnsignedString(num);
    }
}
