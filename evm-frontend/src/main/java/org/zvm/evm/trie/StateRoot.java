// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.trie;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import org.zvm.crypto.Hashes;
import org.zvm.evm.rlp.Rlp;
import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;
import org.zvm.state.AccountRecord;
import org.zvm.state.Log;

/**
 * The two commitments a state test checks after a transaction: Ethereum's state root and the hash of the
 * logs. Both tries are "secure": keyed by the keccak256 of the address or slot, so their shape does not
 * depend on which keys a contract chooses.
 */
public final class StateRoot {
    private StateRoot() {
    }

    /**
     * The state root over every account in {@code accounts} (deleting empty accounts, EIP-161, is the
     * caller's business): rlp([nonce, balance, storageRoot, codeHash]) keyed by keccak256(address).
     * {@code storage} gives an account's slots; {@code null} means none.
     */
    public static byte[] of(SortedMap<Address, AccountRecord> accounts, Function<Address, SortedMap<UInt256, UInt256>> storage) {
        SortedMap<byte[], byte[]> trie = new TreeMap<>(MerklePatriciaTrie.KEY_ORDER);
        for (Map.Entry<Address, AccountRecord> e : accounts.entrySet()) {
            AccountRecord a = e.getValue();
            SortedMap<UInt256, UInt256> slots = storage.apply(e.getKey());
            byte[] account = Rlp.encodeList(Rlp.encodeLong(a.nonce()), Rlp.encodeUInt256(a.balance()),
                            Rlp.encodeBytes(storageRoot(slots == null ? Map.of() : slots)), Rlp.encodeBytes(Hashes.keccak256(a.code())));
            trie.put(Hashes.keccak256(e.getKey().toBytes()), account);
        }
        return MerklePatriciaTrie.root(trie);
    }

    /** An account's storage root: rlp(value) keyed by keccak256(slot as 32 bytes); zero slots are absent. */
    public static byte[] storageRoot(Map<UInt256, UInt256> slots) {
        SortedMap<byte[], byte[]> trie = new TreeMap<>(MerklePatriciaTrie.KEY_ORDER);
        for (Map.Entry<UInt256, UInt256> e : slots.entrySet()) {
            if (!e.getValue().isZero()) {
                trie.put(Hashes.keccak256(e.getKey().toBytes()), Rlp.encodeUInt256(e.getValue()));
            }
        }
        return MerklePatriciaTrie.root(trie);
    }

    /** keccak256(rlp(list of [address, [topics as 32-byte strings], data])), a state test's {@code logs}. */
    public static byte[] logsHash(List<Log> logs) {
        List<byte[]> encoded = new ArrayList<>(logs.size());
        for (Log log : logs) {
            List<byte[]> topics = new ArrayList<>(log.topics().size());
            for (UInt256 t : log.topics()) {
                topics.add(Rlp.encodeBytes(t.toBytes()));
            }
            encoded.add(Rlp.encodeList(Rlp.encodeBytes(log.address().toBytes()), Rlp.encodeList(topics), Rlp.encodeBytes(log.data())));
        }
        return Hashes.keccak256(Rlp.encodeList(encoded));
    }
}
