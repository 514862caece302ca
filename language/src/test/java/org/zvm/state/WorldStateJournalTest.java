// SPDX-License-Identifier: Apache-2.0
package org.zvm.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zvm.state.StateFixtures.BENEFICIARY;
import static org.zvm.state.StateFixtures.CONTRACT;
import static org.zvm.state.StateFixtures.EMPTY;
import static org.zvm.state.StateFixtures.EOA;
import static org.zvm.state.StateFixtures.NEW;
import static org.zvm.state.StateFixtures.bytes;
import static org.zvm.state.StateFixtures.describe;
import static org.zvm.state.StateFixtures.hex;
import static org.zvm.state.StateFixtures.seededBackend;
import static org.zvm.state.StateFixtures.w;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;

/**
 * Checkpoints and reverts: each kind of change, undone, must leave exactly what a transaction that never
 * made it would show and commit.
 */
class WorldStateJournalTest {
    private static final Address[] ADDRESSES = {CONTRACT, EOA, EMPTY, NEW, BENEFICIARY};
    private static final UInt256[] KEYS = {w(1), w(2), w(3)};

    /** A named change, so a failing case says which one. */
    record Change(String name, Consumer<WorldState> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Change> changes() {
        return List.of(
                        new Change("setBalance", s -> s.setBalance(EOA, w(1))),
                        new Change("addBalance to an absent account", s -> s.addBalance(NEW, w(5))),
                        new Change("transfer", s -> s.transfer(CONTRACT, BENEFICIARY, w(60))),
                        new Change("setNonce", s -> s.setNonce(CONTRACT, 2)),
                        new Change("setCode", s -> {
                            s.setCode(CONTRACT, bytes(0xfe));
                            s.getCodeHash(CONTRACT);
                        }),
                        new Change("setCode of an absent account", s -> s.setCode(NEW, bytes(0x00))),
                        new Change("setStorage", s -> s.setStorage(CONTRACT, w(1), w(99))),
                        new Change("setStorage of a slot written before", s -> s.setStorage(CONTRACT, w(2), w(24))),
                        new Change("setStorage to zero", s -> s.setStorage(CONTRACT, w(1), UInt256.ZERO)),
                        new Change("setStorage of an absent account", s -> s.setStorage(NEW, w(3), w(1))),
                        new Change("setTransient", s -> {
                            s.setTransient(CONTRACT, w(1), w(8));
                            s.setTransient(EOA, w(2), w(1));
                        }),
                        new Change("warmAccount", s -> s.warmAccount(CONTRACT)),
                        new Change("warmSlot", s -> s.warmSlot(CONTRACT, w(3))),
                        new Change("addRefund", s -> s.addRefund(4800)),
                        new Change("addLog", s -> s.addLog(new Log(EOA, List.of(w(9)), bytes(9)))),
                        new Change("createAccount over committed storage", s -> {
                            s.createAccount(CONTRACT);
                            s.setStorage(CONTRACT, w(3), w(3));
                        }),
                        new Change("createAccount of an absent account", s -> {
                            s.createAccount(NEW);
                            s.setNonce(NEW, 1);
                        }),
                        new Change("selfDestruct of an older contract", s -> s.selfDestruct(CONTRACT, BENEFICIARY, true)),
                        new Change("selfDestruct of a new contract", s -> {
                            s.createAccount(NEW);
                            s.addBalance(NEW, w(5));
                            s.selfDestruct(NEW, NEW, true);
                        }),
                        new Change("touch an empty account", s -> s.touch(EMPTY)),
                        new Change("zero-value transfer to an empty account", s -> s.transfer(EOA, EMPTY, UInt256.ZERO)),
                        new Change("nested checkpoints", s -> {
                            int outer = s.checkpoint();
                            s.setBalance(CONTRACT, w(1));
                            int inner = s.checkpoint();
                            s.setStorage(CONTRACT, w(1), w(2));
                            s.commit(inner);
                            int last = s.checkpoint();
                            s.createAccount(CONTRACT);
                            s.revertTo(last);
                            s.touch(EMPTY);
                            s.commit(outer);
                        }));
    }

    static Stream<Arguments> changesObservedFirstOrNot() {
        return changes().stream().flatMap(c -> Stream.of(Arguments.of(c, false), Arguments.of(c, true)));
    }

    /** Changes made in the transaction before the checkpoint, so a revert must stop at them. */
    private static WorldState startedTransaction() {
        WorldState s = new WorldState(seededBackend());
        s.beginTransaction();
        s.setStorage(CONTRACT, w(2), w(23));
        s.setBalance(EOA, w(900));
        s.warmAccount(EOA);
        s.warmSlot(CONTRACT, w(1));
        s.setTransient(CONTRACT, w(1), w(7));
        s.addRefund(10);
        s.addLog(new Log(CONTRACT, List.of(), bytes(1)));
        return s;
    }

    /** Everything a transaction can read without changing anything a later read would see. */
    private static String observe(WorldState s) {
        StringBuilder b = new StringBuilder();
        for (Address a : ADDRESSES) {
            b.append(a).append(" exists=").append(s.exists(a)).append(" empty=").append(s.isEmpty(a))
                            .append(" balance=").append(s.getBalance(a)).append(" nonce=").append(s.getNonce(a))
                            .append(" code=").append(hex(s.getCode(a))).append(" codeHash=").append(hex(s.getCodeHash(a)))
                            .append(" created=").append(s.createdInTransaction(a)).append(" warm=").append(s.isWarm(a))
                            .append(" nonZero=").append(s.nonZeroStorage(a));
            for (UInt256 k : KEYS) {
                b.append(" [").append(k).append("]=").append(s.getStorage(a, k)).append('/').append(s.getOriginalStorage(a, k))
                                .append('/').append(s.getTransient(a, k));
            }
            b.append('\n');
        }
        b.append("refund=").append(s.getRefund()).append('\n');
        for (Log log : s.logs()) {
            b.append("log ").append(log.address()).append(log.topics()).append(hex(log.data())).append('\n');
        }
        return b.toString();
    }

    /** The observation, then the slots still cold (warming them, so it goes last), then the commit. */
    private static String finish(WorldState s) {
        StringBuilder b = new StringBuilder(observe(s)).append("cold slots:");
        for (Address a : ADDRESSES) {
            for (UInt256 k : KEYS) {
                if (s.warmSlot(a, k)) {
                    b.append(' ').append(a).append('[').append(k).append(']');
                }
            }
        }
        return b.append('\n').append(describe(s.finishTransaction())).toString();
    }

    @ParameterizedTest(name = "{0}, observed first: {1}")
    @MethodSource("changesObservedFirstOrNot")
    void aRevertedChangeLeavesNoTrace(Change change, boolean observeFirst) {
        String expected = finish(startedTransaction());
        WorldState s = startedTransaction();
        if (observeFirst) {
            observe(s);
        }
        int cp = s.checkpoint();
        change.apply().accept(s);
        s.revertTo(cp);
        assertEquals(expected, finish(s));
    }

    /** Without this, a change the observation cannot see would pass the revert test above vacuously. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void everyChangeIsObservable(Change change) {
        WorldState s = startedTransaction();
        change.apply().accept(s);
        assertNotEquals(finish(startedTransaction()), finish(s));
    }

    @Test
    void aFullyRevertedTransactionCommitsNothing() {
        WorldState s = new WorldState(seededBackend());
        s.beginTransaction();
        s.warmAccount(EOA);
        int start = s.checkpoint();
        for (Change c : changes()) {
            int cp = s.checkpoint();
            c.apply().accept(s);
            if (c.name().startsWith("set")) {
                s.revertTo(cp);
            } else {
                s.commit(cp);
            }
        }
        s.revertTo(start);
        assertTrue(s.finishTransaction().isEmpty());
    }

    @Test
    void aRevertUndoesCommittedInnerCheckpoints() {
        WorldState s = new WorldState(seededBackend());
        s.beginTransaction();
        int outer = s.checkpoint();
        s.setBalance(EOA, w(1));
        int inner = s.checkpoint();
        s.setStorage(CONTRACT, w(1), w(2));
        s.createAccount(NEW);
        s.commit(inner);
        assertEquals(w(2), s.getStorage(CONTRACT, w(1)));
        s.revertTo(outer);
        assertEquals(w(1000), s.getBalance(EOA));
        assertEquals(w(11), s.getStorage(CONTRACT, w(1)));
        assertTrue(!s.exists(NEW) && !s.createdInTransaction(NEW));
        assertTrue(s.finishTransaction().isEmpty());
    }

    @Test
    void anInnerRevertKeepsTheOuterChanges() {
        InMemoryBackend backend = seededBackend();
        WorldState s = new WorldState(backend);
        s.beginTransaction();
        int outer = s.checkpoint();
        s.setBalance(EOA, w(1));
        s.setStorage(CONTRACT, w(1), w(12));
        int inner = s.checkpoint();
        s.setStorage(CONTRACT, w(1), w(13));
        s.setBalance(EOA, w(2));
        s.revertTo(inner);
        assertEquals(w(12), s.getStorage(CONTRACT, w(1)));
        assertEquals(w(1), s.getBalance(EOA));
        s.commit(outer);
        backend.apply(s.finishTransaction());
        assertEquals(w(1), backend.loadAccount(EOA).balance());
        assertEquals(w(12), backend.loadStorage(CONTRACT, w(1)));
    }

    @Test
    void revertingTwiceToTheSameCheckpointIsHarmless() {
        WorldState s = new WorldState(seededBackend());
        s.beginTransaction();
        int cp = s.checkpoint();
        s.setNonce(EOA, 9);
        s.revertTo(cp);
        s.setNonce(EOA, 8);
        s.revertTo(cp);
        s.revertTo(cp);
        assertEquals(5, s.getNonce(EOA));
        assertTrue(s.finishTransaction().isEmpty());
    }
}
