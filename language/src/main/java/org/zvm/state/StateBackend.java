// SPDX-License-Identifier: Apache-2.0
package org.zvm.state;

import java.util.function.BiConsumer;

import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;

/**
 * Committed state, as revm's {@code Database}: what a transaction starts from and what a finished
 * transaction's {@link StateDiff} is applied to. {@link WorldState} does all journaling above it.
 */
public interface StateBackend extends AutoCloseable {
    /** The account, or null when it does not exist. */
    AccountRecord loadAccount(Address address);

    /** The slot's value, zero when absent. */
    UInt256 loadStorage(Address address, UInt256 key);

    /** Every non-zero slot of the account, in ascending key order. */
    void forEachStorage(Address address, BiConsumer<UInt256, UInt256> action);

    /** Applies one transaction's changes atomically. */
    void apply(StateDiff diff);

    @Override
    void close();
}
