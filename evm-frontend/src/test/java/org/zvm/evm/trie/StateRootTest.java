// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;
import org.zvm.state.AccountRecord;
import org.zvm.state.Log;

/**
 * Expected roots come from a slow reference written separately from this code (Python: its own Keccak,
 * RLP and a literal transcription of the yellow paper's trie definition), which also reproduces the root
 * of all 1,166 invalid-transaction cases of the state tests; {@code StateTestsDataTest} checks those here.
 */
class StateRootTest {
    static final Address A = Address.fromHex("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");
    static final Address B = Address.fromHex("0x095e7baea6a6c7c4c2dfeb977efac326af552d87");
    static final UInt256 ONE_ETHER = UInt256.fromHex("0x0de0b6b3a7640000");

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static SortedMap<Address, AccountRecord> accounts(Object... addressAndRecord) {
        SortedMap<Address, AccountRecord> m = new TreeMap<>();
        for (int i = 0; i < addressAndRecord.length; i += 2) {
            m.put((Address) addressAndRecord[i], (AccountRecord) addressAndRecord[i + 1]);
        }
        return m;
    }

    @Test
    void emptyState() {
        assertEquals(MerklePatriciaTrieTest.EMPTY_ROOT, hex(StateRoot.of(new TreeMap<>(), a -> null)));
    }

    @Test
    void singleAccount() {
        assertEquals("517f2cdf6adb1a644878c390ffab4e130f1bed4b498ef7ce58c5addd98d61018",
                        hex(StateRoot.of(accounts(A, new AccountRecord(0, ONE_ETHER, new byte[0])), a -> null)));
    }

    @Test
    void largestNonceAndBalance() {
        assertEquals("ccd8ddca1f6921aa0d5a69ab73b716c7802acbd0abfcc80001d69695cfbd1d87",
                        hex(StateRoot.of(accounts(A, new AccountRecord(-1, UInt256.MAX, new byte[0])), a -> new TreeMap<>())));
    }

    @Test
    void codeAndStorageWithAZeroSlot() {
        SortedMap<UInt256, UInt256> slots = new TreeMap<>(Map.of(UInt256.ZERO, UInt256.ONE, UInt256.ONE, UInt256.ZERO, UInt256.MAX, UInt256.of(0xdeadbeefL)));
        SortedMap<Address, AccountRecord> state = accounts(A, new AccountRecord(0, ONE_ETHER, new byte[0]), B,
                        new AccountRecord(1, ONE_ETHER, HexFormat.of().parseHex("6001600055")));
        assertEquals("11443768965cb01483043a02497ee5549184c56886af1c5a2e178591dbfb0c2a", hex(StateRoot.of(state, a -> a.equals(B) ? slots : null)));
    }

    @Test
    void thousandsOfSlots() {
        SortedMap<UInt256, UInt256> slots = new TreeMap<>();
        for (int i = 1; i <= 3000; i++) {
            slots.put(UInt256.of(i), UInt256.of(i + 1));
        }
        assertEquals("e6830d98eb660d652bfa37311e696b41f32906ebb729fec30308484c934431b5", hex(StateRoot.storageRoot(slots)));
    }

    @Test
    void logsHash() {
        assertEquals("1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347", hex(StateRoot.logsHash(List.of())));
        List<Log> logs = List.of(new Log(Address.fromHex("0x0f572e5295c57f15886f9b263e2f6d2d6c7b5ec6"), List.of(UInt256.ONE, UInt256.ZERO), new byte[]{(byte) 0xFF}),
                        new Log(A, List.of(), new byte[0]));
        assertEquals("24862e4902aabbb14dc5b6c330cfaab74c3f2606c118925542b3d733756fe4e5", hex(StateRoot.logsHash(logs)));
    }
}
