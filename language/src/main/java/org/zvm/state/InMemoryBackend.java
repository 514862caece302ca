// SPDX-License-Identifier: Apache-2.0
package org.zvm.state;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;

/** Committed state in sorted maps: a fresh world for each run, and the reference for the durable one. */
public final class InMemoryBackend implements StateBackend {
    private final TreeMap<Address, AccountRecord> accounts = new TreeMap<>();
    private final Map<Address, TreeMap<UInt256, UInt256>> storage = new TreeMap<>();

    @Override
    public AccountRecord loadAccount(Address address) {
        return accounts.get(address);
    }

    @Override
    public UInt256 loadStorage(Address address, UInt256 key) {
        TreeMap<UInt256, UInt256> slots = storage.get(address);
        return slots == null ? UInt256.ZERO : slots.getOrDefault(key, UInt256.ZERO);
    }

    @Override
    public void forEachStorage(Address address, BiConsumer<UInt256, UInt256> action) {
        TreeMap<UInt256, UInt256> slots = storage.get(address);
        if (slots != null) {
            slots.forEach(action);
        }
    }

    @Override
    public void apply(StateDiff diff) {
        diff.wiped().forEach(storage::remove);
        diff.accounts().forEach((a, r) -> {
            if (r == null) {
                accounts.remove(a);
            } else {
                accounts.put(a, r);
            }
        });
        diff.storage().forEach((a, slots) -> {
            TreeMap<UInt256, UInt256> target = storage.computeIfAbsent(a, k -> new TreeMap<>());
            slots.forEach((k, v) -> {
                if (v.isZero()) {
                    target.remove(k);
                } else {
                    target.put(k, v);
                }
            });
            if (target.isEmpty()) {
                storage.remove(a);
            }
        });
    }

    /** Every account in address order (read-only), for state roots and dumps. */
    public SortedMap<Address, AccountRecord> accounts() {
        return Collections.unmodifiableSortedMap(accounts);
    }

    @Override
    public void close() {
    }
}
