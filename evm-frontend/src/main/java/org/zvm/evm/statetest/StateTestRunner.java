// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.statetest;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.zvm.ZvmContext;
import org.zvm.crypto.Hashes;
import org.zvm.evm.Fork;
import org.zvm.evm.trie.StateRoot;
import org.zvm.evm.tx.BlockEnv;
import org.zvm.evm.tx.EvmTransaction;
import org.zvm.evm.tx.TransactionProcessor;
import org.zvm.runtime.UInt256;
import org.zvm.state.AccountRecord;
import org.zvm.state.InMemoryBackend;
import org.zvm.state.StateDiff;
import org.zvm.state.WorldState;
import org.zvm.util.Hex;

/**
 * Runs the cases of a state test: each on a fresh world built from the pre-state, one transaction through
 * {@link TransactionProcessor}, then the state root and logs hash compared with the expected ones, and
 * an expected invalid transaction checked to be rejected.
 */
public final class StateTestRunner {
    private StateTestRunner() {
    }

    /** One case's outcome; {@code error} is the transaction's rejection or what went wrong, else null. */
    public record CaseResult(String file, String test, String fork, int data, int gas, int value, boolean pass, String expectedHash,
                    String actualHash, String error) {
    }

    public static List<CaseResult> run(ZvmContext context, StateTest test, Fork fork) {
        List<CaseResult> results = new ArrayList<>();
        for (StateTest.PostEntry post : test.post()) {
            results.add(runCase(context, test, post, fork));
        }
        return results;
    }

    private static CaseResult runCase(ZvmContext context, StateTest test, StateTest.PostEntry post, Fork fork) {
        InMemoryBackend backend = new InMemoryBackend();
        backend.apply(preState(test));
        WorldState state = new WorldState(backend);
        String expected = Hex.of(post.hash());
        String error;
        String actual;
        boolean pass;
        try {
            TransactionProcessor.Result r = TransactionProcessor.apply(context, state, backend, block(test.env()), transaction(test.transaction(), post), fork);
            byte[] root = StateRoot.of(backend.accounts(), a -> storageOf(backend, a));
            actual = Hex.of(root);
            error = r.error();
            boolean logsMatch = Arrays.equals(StateRoot.logsHash(r.logs()), post.logs());
            boolean validityMatches = (post.expectException() == null) == (r.error() == null);
            pass = Arrays.equals(root, post.hash()) && logsMatch && validityMatches;
            if (!validityMatches) {
                error = post.expectException() == null ? "rejected valid transaction: " + r.error() : "accepted invalid transaction, expected " + post.expectException();
            } else if (!logsMatch) {
                error = "logs hash differs";
            }
        } catch (RuntimeException e) {
            actual = null;
            pass = false;
            error = "internal error: " + e;
        }
        return new CaseResult(test.file(), test.name(), fork.displayName(), post.dataIndex(), post.gasIndex(), post.valueIndex(), pass, expected, actual, error);
    }

    private static StateDiff preState(StateTest test) {
        TreeMap<org.zvm.runtime.Address, AccountRecord> accounts = new TreeMap<>();
        TreeMap<org.zvm.runtime.Address, java.util.SortedMap<UInt256, UInt256>> storage = new TreeMap<>();
        test.pre().forEach((a, acc) -> {
            accounts.put(a, acc.record());
            storage.put(a, new TreeMap<>(acc.storage()));
        });
        return new StateDiff(new TreeSet<>(), accounts, storage);
    }

    private static java.util.SortedMap<UInt256, UInt256> storageOf(InMemoryBackend backend, org.zvm.runtime.Address a) {
        TreeMap<UInt256, UInt256> slots = new TreeMap<>();
        backend.forEachStorage(a, slots::put);
        return slots;
    }

    /** BLOCKHASH in state tests is keccak256 of the block number's decimal string. */
    private static BlockEnv block(StateTest.Env env) {
        UInt256 prevRandao = env.random() != null ? env.random() : env.difficulty();
        return new BlockEnv(env.coinbase(), env.gasLimit(), env.number(), env.timestamp(), prevRandao, env.baseFee(), env.excessBlobGas(),
                        UInt256.ONE, n -> UInt256.fromBytes(Hashes.keccak256(Long.toString(n).getBytes(StandardCharsets.US_ASCII))));
    }

    private static EvmTransaction transaction(StateTest.TxTemplate t, StateTest.PostEntry post) {
        List<StateTest.AccessListEntry> accessList = t.accessLists() == null ? null : t.accessLists().get(post.dataIndex());
        int type;
        if (t.blobVersionedHashes() != null) {
            type = 3;
        } else if (t.maxFeePerGas() != null) {
            type = 2;
        } else {
            type = accessList != null ? 1 : 0;
        }
        List<EvmTransaction.AccessEntry> entries = new ArrayList<>();
        if (accessList != null) {
            for (StateTest.AccessListEntry e : accessList) {
                entries.add(new EvmTransaction.AccessEntry(e.address(), e.storageKeys()));
            }
        }
        return new EvmTransaction(type, t.sender(), t.to(), new BigInteger(Long.toUnsignedString(t.nonce())), BigInteger.valueOf(t.gasLimit().get(post.gasIndex())),
                        t.value().get(post.valueIndex()), t.data().get(post.dataIndex()), big(t.gasPrice()), big(t.maxFeePerGas()),
                        big(t.maxPriorityFeePerGas()), entries, big(t.maxFeePerBlobGas()),
                        t.blobVersionedHashes() == null ? List.of() : t.blobVersionedHashes());
    }

    private static BigInteger big(UInt256 v) {
        return v == null ? null : v.toBigInteger();
    }

    /** The results as the JSON lines of {@code zvm statetest --json}. */
    public static Map<String, Object> json(CaseResult r) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("file", r.file());
        m.put("test", r.test());
        m.put("fork", r.fork());
        Map<String, Object> indexes = new java.util.LinkedHashMap<>();
        indexes.put("data", (long) r.data());
        indexes.put("gas", (long) r.gas());
        indexes.put("value", (long) r.value());
        m.put("indexes", indexes);
        m.put("pass", r.pass());
        m.put("expectedHash", r.expectedHash());
        m.put("actualHash", r.actualHash() == null ? org.zvm.util.Json.NULL : r.actualHash());
        m.put("error", r.error() == null ? org.zvm.util.Json.NULL : r.error());
        return m;
    }
}
