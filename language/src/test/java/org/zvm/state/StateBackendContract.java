// SPDX-License-Identifier: Apache-2.0
package org.zvm.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zvm.state.StateFixtures.addr;
import static org.zvm.state.StateFixtures.bytes;
import static org.zvm.state.StateFixtures.describe;
import static org.zvm.state.StateFixtures.storageListing;
import static org.zvm.state.StateFixtures.w;

import java.math.BigInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;
import org.zvm.state.StateFixtures.Diff;

/**
 * What every {@link StateBackend} must do, so the in-memory reference and the durable store cannot drift
 * apart: each subclass supplies a backend and a way to reload it, and every check runs after a reload.
 */
abstract class StateBackendContract {
    private static final Address A = addr("0a");
    /** Neighbours whose keys share all but the last byte of a storage prefix with each other. */
    private static final Address LOW_7F = addr("017f");
    private static final Address HIGH_80 = addr("0180");
    private static final Address LOW_FF = addr("01ff");
    private static final Address HIGH_00 = addr("0200");
    private static final byte[] CODE = bytes(0x60, 0x01, 0x60, 0x00, 0x55, 0x00);

    protected StateBackend backend;

    /** A new, empty backend. */
    protected abstract StateBackend open();

    /** The same committed state through a fresh handle (closing the old one if that means anything). */
    protected abstract StateBackend reload(StateBackend old);

    @BeforeEach
    void openBackend() {
        backend = open();
    }

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    private void applyAndReload(Diff d) {
        backend.apply(d.build());
        backend = reload(backend);
    }

    @Test
    void emptyBackendHasNothing() {
        assertNull(backend.loadAccount(A));
        assertEquals(UInt256.ZERO, backend.loadStorage(A, w(1)));
        assertEquals("", storageListing(backend, A));
    }

    @Test
    void appliedAccountsReloadFieldForField() {
        Address plain = addr("0b");
        applyAndReload(new Diff().account(A, 1L << 40, UInt256.MAX, CODE).account(plain, 0, w(7), new byte[0]));
        assertEquals(describe(new AccountRecord(1L << 40, UInt256.MAX, CODE)), describe(backend.loadAccount(A)));
        assertEquals(describe(new AccountRecord(0, w(7), new byte[0])), describe(backend.loadAccount(plain)));
        assertNull(backend.loadAccount(addr("0c")));
    }

    @Test
    void accountsSharingCodeKeepItWhenOneChangesOrGoes() {
        Address b = addr("0b");
        applyAndReload(new Diff().account(A, 1, w(0), CODE).account(b, 1, w(0), CODE));
        applyAndReload(new Diff().account(A, 1, w(0), bytes(0xfe)).wipe(b).delete(b));
        applyAndReload(new Diff().account(b, 1, w(0), CODE));
        assertArrayEquals(bytes(0xfe), backend.loadAccount(A).code());
        assertArrayEquals(CODE, backend.loadAccount(b).code());
    }

    @Test
    void aZeroValueDeletesTheSlot() {
        applyAndReload(new Diff().account(A, 1, w(0), CODE).slot(A, w(5), w(50)).slot(A, w(6), w(60)));
        assertEquals(w(50), backend.loadStorage(A, w(5)));
        applyAndReload(new Diff().slot(A, w(5), UInt256.ZERO));
        assertEquals(UInt256.ZERO, backend.loadStorage(A, w(5)));
        assertEquals("0x6=0x3c", storageListing(backend, A));
    }

    @Test
    void forEachStorageIsAscendingUnsignedAndSkipsZeros() {
        UInt256 top = UInt256.of(BigInteger.ONE.shiftLeft(255));
        UInt256 signBitOfLowLimb = UInt256.of(Long.MIN_VALUE);
        UInt256 secondLimb = UInt256.of(BigInteger.ONE.shiftLeft(64));
        applyAndReload(new Diff().account(A, 1, w(0), CODE).slot(A, UInt256.MAX, w(1)).slot(A, top, w(2)).slot(A, w(0x100), w(3)));
        applyAndReload(new Diff().slot(A, secondLimb, w(4)).slot(A, signBitOfLowLimb, w(5)).slot(A, w(1), w(6)).slot(A, w(2), UInt256.ZERO)
                        .slot(A, UInt256.ZERO, w(7)).slot(addr("0b"), w(3), w(8)).slot(addr("09"), w(3), w(9)));
        assertEquals("0x0=0x7 0x1=0x6 0x100=0x3 0x8000000000000000=0x5 0x10000000000000000=0x4 "
                        + "0x8000000000000000000000000000000000000000000000000000000000000000=0x2 "
                        + "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff=0x1", storageListing(backend, A));
    }

    @Test
    void wipingAnAccountKeepsItsNeighboursStorage() {
        for (Address[] pair : new Address[][]{{LOW_7F, HIGH_80}, {LOW_FF, HIGH_00}}) {
            Address wiped = pair[0];
            Address next = pair[1];
            Address before = addr(wiped.toWord().toBigInteger().subtract(BigInteger.ONE).toString(16));
            Diff seed = new Diff();
            for (Address a : pair) {
                seed.account(a, 1, w(0), CODE).slot(a, w(1), w(11)).slot(a, UInt256.MAX, w(12));
            }
            applyAndReload(seed.account(before, 1, w(0), CODE).slot(before, UInt256.MAX, w(13)));
            applyAndReload(new Diff().wipe(wiped).account(wiped, 0, w(0), new byte[0]));
            assertEquals("", storageListing(backend, wiped), wiped.toString());
            assertEquals(UInt256.ZERO, backend.loadStorage(wiped, UInt256.MAX));
            assertEquals("0x1=0xb 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff=0xc", storageListing(backend, next));
            assertEquals(w(13), backend.loadStorage(before, UInt256.MAX));
        }
    }

    @Test
    void slotsWrittenWithAWipeSurviveIt() {
        for (Address a : new Address[]{LOW_7F, LOW_FF}) {
            applyAndReload(new Diff().account(a, 1, w(0), CODE).slot(a, w(1), w(11)).slot(a, w(2), w(22)));
            applyAndReload(new Diff().wipe(a).account(a, 1, w(0), CODE).slot(a, w(2), w(33)).slot(a, w(3), w(44)));
            assertEquals("0x2=0x21 0x3=0x2c", storageListing(backend, a), a.toString());
            assertEquals(UInt256.ZERO, backend.loadStorage(a, w(1)));
        }
    }

    @Test
    void aDeletedAccountVanishesWithItsStorage() {
        Address other = addr("0b");
        applyAndReload(new Diff().account(A, 3, w(9), CODE).slot(A, w(1), w(2)).account(other, 1, w(0), CODE).slot(other, w(1), w(3)));
        applyAndReload(new Diff().wipe(A).delete(A));
        assertNull(backend.loadAccount(A));
        assertEquals("", storageListing(backend, A));
        assertEquals(UInt256.ZERO, backend.loadStorage(A, w(1)));
        assertEquals("0x1=0x3", storageListing(backend, other));
    }

    @Test
    void anEmptyDiffChangesNothing() {
        applyAndReload(new Diff().account(A, 1, w(2), CODE).slot(A, w(1), w(2)));
        applyAndReload(new Diff());
        assertEquals(describe(new AccountRecord(1, w(2), CODE)), describe(backend.loadAccount(A)));
        assertEquals("0x1=0x2", storageListing(backend, A));
    }

    @Test
    void worldStateTransactionsCommitThroughTheBackend() {
        Address deployer = addr("0d");
        backend.apply(new Diff().account(deployer, 0, w(1000), new byte[0]).build());
        WorldState s = new WorldState(backend);
        s.beginTransaction();
        s.createAccount(A);
        s.setNonce(A, 1);
        s.setCode(A, CODE);
        assertTrue(s.transfer(deployer, A, w(10)));
        s.setNonce(deployer, 1);
        s.setStorage(A, w(1), w(100));
        s.setStorage(A, w(2), w(200));
        backend.apply(s.finishTransaction());
        backend = reload(backend);

        s = new WorldState(backend);
        s.beginTransaction();
        assertEquals(w(100), s.getStorage(A, w(1)));
        s.setStorage(A, w(1), UInt256.ZERO);
        s.setStorage(A, w(3), w(300));
        backend.apply(s.finishTransaction());
        backend = reload(backend);

        assertEquals(describe(new AccountRecord(1, w(10), CODE)), describe(backend.loadAccount(A)));
        assertEquals(describe(new AccountRecord(1, w(990), new byte[0])), describe(backend.loadAccount(deployer)));
        assertEquals("0x2=0xc8 0x3=0x12c", storageListing(backend, A));
    }
}
