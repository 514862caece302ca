// SPDX-License-Identifier: Apache-2.0
package org.zvm.state;

import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;

/** Short names for the addresses, words and diffs the state tests build, and readable forms to compare. */
final class StateFixtures {
    static final byte[] CODE = bytes(0x60, 0x2a, 0x60, 0x00, 0x55, 0x00);
    /** Nonce 1, balance 100, {@link #CODE}, storage {1: 11, 2: 22}. */
    static final Address CONTRACT = addr("c0");
    /** Nonce 5, balance 1000. */
    static final Address EOA = addr("e0");
    /** Committed although empty, as only a backend written by hand can hold it. */
    static final Address EMPTY = addr("e1");
    static final Address NEW = addr("f0");
    static final Address BENEFICIARY = addr("b0");

    private StateFixtures() {
    }

    /** A backend holding {@link #CONTRACT}, {@link #EOA} and {@link #EMPTY}. */
    static InMemoryBackend seededBackend() {
        InMemoryBackend backend = new InMemoryBackend();
        backend.apply(new Diff().account(CONTRACT, 1, w(100), CODE).slot(CONTRACT, w(1), w(11)).slot(CONTRACT, w(2), w(22))
                        .account(EOA, 5, w(1000), new byte[0]).account(EMPTY, 0, UInt256.ZERO, new byte[0]).build());
        return backend;
    }

    static Address addr(String hex) {
        return Address.fromHex(hex);
    }

    static UInt256 w(long unsigned) {
        return UInt256.of(unsigned);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** The backend's storage of {@code a} in the order it reports it (a sorted map would hide a bad order). */
    static String storageListing(StateBackend backend, Address a) {
        StringBuilder s = new StringBuilder();
        backend.forEachStorage(a, (k, v) -> s.append(k).append('=').append(v).append(' '));
        return s.toString().trim();
    }

    /** A record as text, since AccountRecord compares its code by identity. */
    static String describe(AccountRecord r) {
        return r == null ? "absent" : "nonce=" + r.nonce() + " balance=" + r.balance() + " code=" + hex(r.code());
    }

    static String describe(StateDiff d) {
        TreeMap<Address, String> accounts = new TreeMap<>();
        d.accounts().forEach((a, r) -> accounts.put(a, describe(r)));
        return "wiped=" + d.wiped() + " accounts=" + accounts + " storage=" + d.storage();
    }

    /** Builds a diff by hand, to seed a backend or to test one. */
    static final class Diff {
        private final TreeSet<Address> wiped = new TreeSet<>();
        private final TreeMap<Address, AccountRecord> accounts = new TreeMap<>();
        private final TreeMap<Address, SortedMap<UInt256, UInt256>> storage = new TreeMap<>();

        Diff wipe(Address a) {
            wiped.add(a);
            return this;
        }

        Diff account(Address a, long nonce, UInt256 balance, byte[] code) {
            accounts.put(a, new AccountRecord(nonce, balance, code));
            return this;
        }

        Diff delete(Address a) {
            accounts.put(a, null);
            return this;
        }

        Diff slot(Address a, UInt256 key, UInt256 value) {
            storage.computeIfAbsent(a, k -> new TreeMap<>()).put(key, value);
            return this;
        }

        StateDiff build() {
            return new StateDiff(wiped, accounts, storage);
        }
    }
}
