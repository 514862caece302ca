// SPDX-License-Identifier: Apache-2.0
package org.zvm.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zvm.state.StateFixtures.BENEFICIARY;
import static org.zvm.state.StateFixtures.CODE;
import static org.zvm.state.StateFixtures.CONTRACT;
import static org.zvm.state.StateFixtures.EMPTY;
import static org.zvm.state.StateFixtures.EOA;
import static org.zvm.state.StateFixtures.NEW;
import static org.zvm.state.StateFixtures.bytes;
import static org.zvm.state.StateFixtures.describe;
import static org.zvm.state.StateFixtures.hex;
import static org.zvm.state.StateFixtures.seededBackend;
import static org.zvm.state.StateFixtures.storageListing;
import static org.zvm.state.StateFixtures.w;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zvm.runtime.UInt256;
import org.zvm.state.StateFixtures.Diff;

/** One transaction at a time over a seeded in-memory backend: what each operation shows and what it commits. */
class WorldStateTest {
    private static final String EMPTY_CODE_HASH = "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";
    private static final String ZERO_HASH = "00".repeat(32);

    private InMemoryBackend backend;
    private WorldState s;

    @BeforeEach
    void seed() {
        backend = seededBackend();
        s = new WorldState(backend);
        s.beginTransaction();
    }

    private StateDiff commit() {
        StateDiff d = s.finishTransaction();
        backend.apply(d);
        return d;
    }

    // ---- accounts ------------------------------------------------------------------------------

    @Test
    void readingAnAbsentAccountDoesNotCreateIt() {
        assertFalse(s.exists(NEW));
        assertEquals(UInt256.ZERO, s.getBalance(NEW));
        assertEquals(0, s.getNonce(NEW));
        assertEquals(0, s.getCode(NEW).length);
        assertEquals(UInt256.ZERO, s.getStorage(NEW, w(1)));
        assertTrue(s.isEmpty(NEW));
        assertFalse(s.exists(NEW));
        assertTrue(commit().isEmpty());
        assertNull(backend.loadAccount(NEW));
    }

    @Test
    void committedAccountsExistEvenWhenEmpty() {
        assertTrue(s.exists(CONTRACT));
        assertTrue(s.exists(EOA));
        assertTrue(s.exists(EMPTY));
        assertTrue(s.isEmpty(EMPTY));
        assertFalse(s.isEmpty(EOA));
    }

    @Test
    void balanceNonceAndCodeAreSetReadAndCommitted() {
        s.setBalance(NEW, w(7));
        s.setNonce(NEW, 3);
        s.setCode(NEW, CODE);
        assertTrue(s.exists(NEW));
        assertEquals(w(7), s.getBalance(NEW));
        assertEquals(3, s.getNonce(NEW));
        assertEquals(hex(CODE), hex(s.getCode(NEW)));
        commit();
        assertEquals(describe(new AccountRecord(3, w(7), CODE)), describe(backend.loadAccount(NEW)));
    }

    @Test
    void subBalanceRefusesToGoBelowZero() {
        assertFalse(s.subBalance(EOA, w(1001)));
        assertEquals(w(1000), s.getBalance(EOA));
        assertTrue(s.subBalance(EOA, w(1000)));
        assertEquals(UInt256.ZERO, s.getBalance(EOA));
        s.addBalance(EOA, w(5));
        assertEquals(w(5), s.getBalance(EOA));
    }

    @Test
    void transferMovesValueAndCreatesTheRecipient() {
        assertTrue(s.transfer(EOA, NEW, w(30)));
        assertEquals(w(970), s.getBalance(EOA));
        assertEquals(w(30), s.getBalance(NEW));
        assertTrue(s.exists(NEW));
        commit();
        assertEquals(describe(new AccountRecord(0, w(30), new byte[0])), describe(backend.loadAccount(NEW)));
        assertEquals(w(970), backend.loadAccount(EOA).balance());
    }

    @Test
    void aTransferToItselfKeepsTheBalance() {
        assertTrue(s.transfer(EOA, EOA, w(600)));
        assertEquals(w(1000), s.getBalance(EOA));
    }

    @Test
    void anUnaffordableTransferChangesNothing() {
        assertFalse(s.transfer(EOA, NEW, w(1001)));
        assertEquals(w(1000), s.getBalance(EOA));
        assertEquals(UInt256.ZERO, s.getBalance(NEW));
        assertFalse(s.exists(NEW));
        assertFalse(s.transfer(EMPTY, NEW, w(1)));
        assertTrue(commit().isEmpty(), "an unaffordable transfer must not even touch the empty sender");
        assertNotNull(backend.loadAccount(EMPTY));
    }

    @Test
    void aZeroValueTransferOnlyTouches() {
        assertTrue(s.transfer(EOA, NEW, UInt256.ZERO));
        assertFalse(s.exists(NEW));
        assertEquals(w(1000), s.getBalance(EOA));
        assertTrue(commit().isEmpty());

        s.transfer(EOA, EMPTY, UInt256.ZERO);
        assertTrue(s.exists(EMPTY));
        StateDiff d = commit();
        assertEquals("wiped=[" + EMPTY + "] accounts={" + EMPTY + "=absent} storage={}", describe(d));
        assertNull(backend.loadAccount(EMPTY));
    }

    // ---- code hash (EXTCODEHASH) ---------------------------------------------------------------

    @Test
    void codeHashIsZeroForAbsentAndEmptyAccounts() {
        assertEquals(ZERO_HASH, hex(s.getCodeHash(NEW)));
        assertEquals(ZERO_HASH, hex(s.getCodeHash(EMPTY)));
    }

    @Test
    void codeHashOfAnAccountWithoutCodeIsTheEmptyKeccak() {
        assertEquals(EMPTY_CODE_HASH, hex(s.getCodeHash(EOA)));
        s.setNonce(NEW, 1);
        assertEquals(EMPTY_CODE_HASH, hex(s.getCodeHash(NEW)));
    }

    @Test
    void codeHashIsTheKeccakOfTheCodeAndFollowsIt() {
        s.setCode(NEW, "abc".getBytes(StandardCharsets.US_ASCII));
        assertEquals("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45", hex(s.getCodeHash(NEW)));
        s.setCode(NEW, new byte[0]);
        assertEquals(ZERO_HASH, hex(s.getCodeHash(NEW)), "code removed from an account with nothing else makes it empty");
        s.setBalance(NEW, w(1));
        assertEquals(EMPTY_CODE_HASH, hex(s.getCodeHash(NEW)));
    }

    @Test
    void codeHashAfterCreationDependsOnTheKeptBalance() {
        assertEquals(64, hex(s.getCodeHash(CONTRACT)).length());
        s.createAccount(CONTRACT);
        assertEquals(EMPTY_CODE_HASH, hex(s.getCodeHash(CONTRACT)), "the balance of 100 survives the creation");
        s.setBalance(CONTRACT, UInt256.ZERO);
        assertEquals(ZERO_HASH, hex(s.getCodeHash(CONTRACT)));
    }

    // ---- storage -------------------------------------------------------------------------------

    @Test
    void storageReadsTheBackendAndWritesCommit() {
        assertEquals(w(11), s.getStorage(CONTRACT, w(1)));
        assertEquals(UInt256.ZERO, s.getStorage(CONTRACT, w(3)));
        s.setStorage(CONTRACT, w(1), w(12));
        s.setStorage(CONTRACT, w(2), UInt256.ZERO);
        s.setStorage(CONTRACT, w(3), w(33));
        assertEquals(w(12), s.getStorage(CONTRACT, w(1)));
        assertEquals(UInt256.ZERO, s.getStorage(CONTRACT, w(2)));
        commit();
        assertEquals("0x1=0xc 0x3=0x21", storageListing(backend, CONTRACT));
    }

    @Test
    void originalStorageIsTheCommittedValueWhateverTheTransactionWrites() {
        s.setStorage(CONTRACT, w(1), w(12));
        s.setStorage(CONTRACT, w(1), w(13));
        s.setStorage(CONTRACT, w(3), w(33));
        assertEquals(w(11), s.getOriginalStorage(CONTRACT, w(1)));
        assertEquals(w(22), s.getOriginalStorage(CONTRACT, w(2)), "a slot never read");
        assertEquals(UInt256.ZERO, s.getOriginalStorage(CONTRACT, w(3)));
        commit();
        assertEquals(w(13), s.getOriginalStorage(CONTRACT, w(1)), "the next transaction starts from the commit");
    }

    @Test
    void originalStorageIsZeroInAnAccountCreatedInTheTransaction() {
        s.createAccount(CONTRACT);
        s.setStorage(CONTRACT, w(1), w(5));
        assertEquals(UInt256.ZERO, s.getOriginalStorage(CONTRACT, w(1)));
        assertEquals(UInt256.ZERO, s.getOriginalStorage(CONTRACT, w(2)));
        s.createAccount(NEW);
        assertEquals(UInt256.ZERO, s.getOriginalStorage(NEW, w(1)));
    }

    @Test
    void originalStorageSurvivesARevertedCreation() {
        assertEquals(w(22), s.getStorage(CONTRACT, w(2)));
        int cp = s.checkpoint();
        s.createAccount(CONTRACT);
        assertEquals(UInt256.ZERO, s.getStorage(CONTRACT, w(1)));
        s.setStorage(CONTRACT, w(1), w(5));
        s.setStorage(CONTRACT, w(2), w(6));
        s.revertTo(cp);
        assertEquals(w(11), s.getOriginalStorage(CONTRACT, w(1)), "slot first seen inside the creation");
        assertEquals(w(22), s.getOriginalStorage(CONTRACT, w(2)), "slot read before the creation");
        assertEquals(w(11), s.getStorage(CONTRACT, w(1)));
        assertEquals(w(22), s.getStorage(CONTRACT, w(2)));
    }

    @Test
    void creationWipesStorageButKeepsTheBalance() {
        s.setStorage(CONTRACT, w(2), w(23));
        s.createAccount(CONTRACT);
        assertTrue(s.createdInTransaction(CONTRACT));
        assertEquals(UInt256.ZERO, s.getStorage(CONTRACT, w(1)));
        assertEquals(UInt256.ZERO, s.getStorage(CONTRACT, w(2)));
        assertEquals(w(100), s.getBalance(CONTRACT));
        assertEquals(0, s.getNonce(CONTRACT));
        assertEquals(0, s.getCode(CONTRACT).length);
        s.setNonce(CONTRACT, 1);
        s.setStorage(CONTRACT, w(9), w(99));
        assertEquals("{0x9=0x63}", s.nonZeroStorage(CONTRACT).toString());
        commit();
        assertEquals(describe(new AccountRecord(1, w(100), new byte[0])), describe(backend.loadAccount(CONTRACT)));
        assertEquals("0x9=0x63", storageListing(backend, CONTRACT));
    }

    @Test
    void nonZeroStorageOverlaysTheTransactionOnTheCommittedSlots() {
        backend.apply(new Diff().slot(CONTRACT, w(5), w(55)).slot(CONTRACT, UInt256.MAX, w(1)).build());
        s.setStorage(CONTRACT, w(2), UInt256.ZERO);
        s.setStorage(CONTRACT, w(3), w(33));
        s.setStorage(CONTRACT, w(5), w(56));
        s.setStorage(CONTRACT, w(4), UInt256.ZERO);
        assertEquals("{0x1=0xb, 0x3=0x21, 0x5=0x38, 0x" + "f".repeat(64) + "=0x1}", s.nonZeroStorage(CONTRACT).toString());
        assertTrue(s.nonZeroStorage(NEW).isEmpty());
    }

    // ---- EIP-161 ---------------------------------------------------------------------------------

    @Test
    void touchedEmptyAccountsAreDeleted() {
        s.touch(EMPTY);
        s.touch(NEW);
        s.touch(EOA);
        StateDiff d = commit();
        assertEquals("wiped=[" + EMPTY + "] accounts={" + EMPTY + "=absent} storage={}", describe(d));
        assertNull(backend.loadAccount(EMPTY));
        assertNotNull(backend.loadAccount(EOA));
    }

    @Test
    void untouchedEmptyAccountsStay() {
        s.getBalance(EMPTY);
        s.getStorage(EMPTY, w(1));
        s.getCodeHash(EMPTY);
        assertTrue(commit().isEmpty());
        assertNotNull(backend.loadAccount(EMPTY));
    }

    @Test
    void accountsLeftEmptyByTheTransactionAreDeleted() {
        s.transfer(EOA, NEW, w(10));
        s.setNonce(EOA, 0);
        s.transfer(EOA, NEW, w(990));
        s.setBalance(BENEFICIARY, UInt256.ZERO);
        commit();
        assertNull(backend.loadAccount(EOA));
        assertNull(backend.loadAccount(BENEFICIARY));
        assertEquals(w(1000), backend.loadAccount(NEW).balance());
    }

    // ---- EIP-6780 --------------------------------------------------------------------------------

    @Test
    void selfDestructOfAnOlderContractOnlyMovesItsBalance() {
        s.selfDestruct(CONTRACT, BENEFICIARY, true);
        assertEquals(UInt256.ZERO, s.getBalance(CONTRACT));
        assertEquals(w(100), s.getBalance(BENEFICIARY));
        commit();
        assertEquals(describe(new AccountRecord(1, UInt256.ZERO, CODE)), describe(backend.loadAccount(CONTRACT)));
        assertEquals("0x1=0xb 0x2=0x16", storageListing(backend, CONTRACT));
        assertEquals(w(100), backend.loadAccount(BENEFICIARY).balance());
    }

    @Test
    void selfDestructOfAnOlderContractToItselfChangesNothing() {
        s.selfDestruct(CONTRACT, CONTRACT, true);
        assertEquals(w(100), s.getBalance(CONTRACT));
        assertTrue(commit().isEmpty());
    }

    @Test
    void selfDestructOfANewContractDeletesIt() {
        s.createAccount(NEW);
        s.setNonce(NEW, 1);
        s.setCode(NEW, CODE);
        s.setStorage(NEW, w(1), w(1));
        assertTrue(s.transfer(EOA, NEW, w(50)));
        s.selfDestruct(NEW, BENEFICIARY, true);
        assertEquals(w(50), s.getBalance(BENEFICIARY));
        assertTrue(s.exists(NEW), "deleted only when the transaction ends");
        assertTrue(s.transfer(EOA, NEW, w(7)));
        commit();
        assertNull(backend.loadAccount(NEW));
        assertEquals("", storageListing(backend, NEW));
        assertEquals(w(943), backend.loadAccount(EOA).balance(), "value sent after the self-destruct is burnt with the account");
    }

    @Test
    void aNewContractDestructingToItselfBurnsItsBalance() {
        s.createAccount(NEW);
        s.setNonce(NEW, 1);
        s.transfer(EOA, NEW, w(50));
        s.selfDestruct(NEW, NEW, true);
        assertEquals(UInt256.ZERO, s.getBalance(NEW));
        commit();
        assertNull(backend.loadAccount(NEW));
        assertEquals(w(950), backend.loadAccount(EOA).balance());
    }

    @Test
    void aContractRecreatedAndDestructedLosesItsCommittedStorage() {
        s.createAccount(CONTRACT);
        s.selfDestruct(CONTRACT, BENEFICIARY, true);
        commit();
        assertNull(backend.loadAccount(CONTRACT));
        assertEquals("", storageListing(backend, CONTRACT));
        assertEquals(w(100), backend.loadAccount(BENEFICIARY).balance());
    }

    @Test
    void beforeCancunAnOlderContractIsDeletedAndDestructingToItselfBurns() {
        assertTrue(s.selfDestruct(CONTRACT, CONTRACT, false), "first self-destruct of the account: the pre-London refund applies");
        assertFalse(s.selfDestruct(CONTRACT, CONTRACT, false), "a second one earns no refund");
        assertEquals(UInt256.ZERO, s.getBalance(CONTRACT));
        commit();
        assertNull(backend.loadAccount(CONTRACT));
        assertEquals("", storageListing(backend, CONTRACT));
    }

    // ---- transient storage, logs, refunds, access lists -------------------------------------------

    @Test
    void transientStorageLastsOneTransactionAndIsNeverCommitted() {
        s.setTransient(CONTRACT, w(1), w(5));
        s.setTransient(EOA, w(1), w(6));
        assertEquals(w(5), s.getTransient(CONTRACT, w(1)));
        assertEquals(w(6), s.getTransient(EOA, w(1)));
        assertEquals(UInt256.ZERO, s.getTransient(CONTRACT, w(2)));
        assertEquals(w(11), s.getStorage(CONTRACT, w(1)), "transient and persistent slots are apart");
        assertTrue(commit().isEmpty());
        assertEquals(UInt256.ZERO, s.getTransient(CONTRACT, w(1)));

        s.setTransient(CONTRACT, w(1), w(5));
        s.beginTransaction();
        assertEquals(UInt256.ZERO, s.getTransient(CONTRACT, w(1)));
    }

    @Test
    void logsKeepTheirOrderAndLastOneTransaction() {
        Log first = new Log(CONTRACT, List.of(w(1)), bytes(1));
        Log second = new Log(EOA, List.of(), bytes(2));
        Log third = new Log(CONTRACT, List.of(w(3), w(4)), new byte[0]);
        s.addLog(first);
        s.addLog(second);
        s.addLog(third);
        List<Log> logs = s.logs();
        assertEquals(List.of(first, second, third), logs);
        assertThrows(UnsupportedOperationException.class, () -> logs.add(first));
        s.beginTransaction();
        assertEquals(List.of(), s.logs());
    }

    @Test
    void refundsAddUpAndResetWithTheTransaction() {
        s.addRefund(4800);
        s.addRefund(-2800);
        s.addRefund(19900);
        assertEquals(21900, s.getRefund());
        s.beginTransaction();
        assertEquals(0, s.getRefund());
    }

    @Test
    void accessListsAreColdOnceAndResetWithTheTransaction() {
        assertFalse(s.isWarm(EOA));
        assertTrue(s.warmAccount(EOA));
        assertFalse(s.warmAccount(EOA));
        assertTrue(s.isWarm(EOA));
        assertTrue(s.warmSlot(CONTRACT, w(1)));
        assertFalse(s.warmSlot(CONTRACT, w(1)));
        assertTrue(s.warmSlot(CONTRACT, w(2)));
        assertTrue(s.warmSlot(EOA, w(1)), "a slot is warm for one account only");
        s.beginTransaction();
        assertFalse(s.isWarm(EOA));
        assertTrue(s.warmSlot(CONTRACT, w(1)));
    }

    @Test
    void theReportListsEveryAccountReadOrWrittenInOrder() {
        s.getBalance(NEW);
        s.setStorage(CONTRACT, w(1), w(2));
        s.touch(BENEFICIARY);
        assertEquals(List.of(BENEFICIARY, CONTRACT, NEW), List.copyOf(s.touchedAccounts()));
        s.beginTransaction();
        assertTrue(s.touchedAccounts().isEmpty());
    }

    @Test
    void committingACheckpointPastTheJournalIsAnError() {
        int cp = s.checkpoint();
        s.setNonce(EOA, 6);
        int inner = s.checkpoint();
        s.revertTo(cp);
        assertThrows(IllegalStateException.class, () -> s.commit(inner));
    }
}
