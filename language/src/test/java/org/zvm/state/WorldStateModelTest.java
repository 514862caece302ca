// SPDX-License-Identifier: Apache-2.0
package org.zvm.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zvm.state.StateFixtures.addr;
import static org.zvm.state.StateFixtures.bytes;
import static org.zvm.state.StateFixtures.describe;
import static org.zvm.state.StateFixtures.hex;
import static org.zvm.state.StateFixtures.storageListing;
import static org.zvm.state.StateFixtures.w;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zvm.crypto.Hashes;
import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;
import org.zvm.state.StateFixtures.Diff;

/**
 * Random transactions, with nested checkpoints, commits and reverts, run against WorldState and against a
 * reference made of plain maps that is copied whole at each checkpoint, so the reference needs no journal
 * at all. Both are compared after every step, and the backend with the reference after every transaction;
 * a second run compares only the backend, so that the reads of a comparison cannot hide a fault behind
 * what they cache.
 */
class WorldStateModelTest {
    private static final int TRANSACTIONS = 60;
    private static final int MAX_STEPS = 40;
    /** Two pairs of neighbours, so wiping one account's storage range is checked against the next one's. */
    private static final Address[] ADDRESSES = {addr("01"), addr("02"), addr("03"), addr("01ff"), addr("0200")};
    private static final UInt256[] KEYS = {UInt256.ZERO, w(1), w(2), UInt256.MAX};
    private static final byte[][] CODES = {new byte[0], bytes(0x00), bytes(0x60, 0x01, 0x60, 0x00, 0x55)};
    private static final byte[] ZERO_HASH = new byte[32];

    private enum Op {
        SET_BALANCE, ADD_BALANCE, SUB_BALANCE, TRANSFER, SET_NONCE, SET_CODE, SET_STORAGE, CREATE, SELF_DESTRUCT, TOUCH, SET_TRANSIENT,
        WARM_ACCOUNT, WARM_SLOT, REFUND, LOG, CHECKPOINT, COMMIT, REVERT
    }

    /** The draw: storage writes, checkpoints and reverts twice as likely as the rest. */
    private static final Op[] DRAW = {Op.SET_BALANCE, Op.ADD_BALANCE, Op.SUB_BALANCE, Op.TRANSFER, Op.SET_NONCE, Op.SET_CODE, Op.SET_STORAGE,
                    Op.SET_STORAGE, Op.CREATE, Op.SELF_DESTRUCT, Op.TOUCH, Op.SET_TRANSIENT, Op.WARM_ACCOUNT, Op.WARM_SLOT, Op.REFUND, Op.LOG,
                    Op.CHECKPOINT, Op.CHECKPOINT, Op.COMMIT, Op.REVERT, Op.REVERT};

    private static final class Account {
        long nonce;
        UInt256 balance = UInt256.ZERO;
        byte[] code = new byte[0];
        TreeMap<UInt256, UInt256> storage = new TreeMap<>();

        Account copy() {
            Account c = new Account();
            c.nonce = nonce;
            c.balance = balance;
            c.code = code;
            c.storage = new TreeMap<>(storage);
            return c;
        }

        boolean isEmpty() {
            return nonce == 0 && balance.isZero() && code.length == 0;
        }

        AccountRecord record() {
            return new AccountRecord(nonce, balance, code);
        }
    }

    private record Slot(Address address, UInt256 key) {
    }

    /** What WorldState should hold, spelled out from the EIPs rather than from its code. */
    private static final class Model {
        TreeMap<Address, Account> accounts = new TreeMap<>();
        Set<Address> touched = new HashSet<>();
        Set<Address> created = new HashSet<>();
        Set<Address> destructed = new HashSet<>();
        Set<Address> warmAccounts = new HashSet<>();
        Set<Slot> warmSlots = new HashSet<>();
        Map<Slot, UInt256> transientStorage = new HashMap<>();
        long refund;
        List<Log> logs = new ArrayList<>();

        Model copy() {
            Model m = new Model();
            accounts.forEach((a, acc) -> m.accounts.put(a, acc.copy()));
            m.touched = new HashSet<>(touched);
            m.created = new HashSet<>(created);
            m.destructed = new HashSet<>(destructed);
            m.warmAccounts = new HashSet<>(warmAccounts);
            m.warmSlots = new HashSet<>(warmSlots);
            m.transientStorage = new HashMap<>(transientStorage);
            m.refund = refund;
            m.logs = new ArrayList<>(logs);
            return m;
        }

        /** Any change brings the account into existence and touches it (EIP-161). */
        Account change(Address a) {
            touched.add(a);
            return accounts.computeIfAbsent(a, k -> new Account());
        }

        UInt256 balance(Address a) {
            Account acc = accounts.get(a);
            return acc == null ? UInt256.ZERO : acc.balance;
        }

        UInt256 storage(Address a, UInt256 key) {
            Account acc = accounts.get(a);
            return acc == null ? UInt256.ZERO : acc.storage.getOrDefault(key, UInt256.ZERO);
        }

        boolean subBalance(Address a, UInt256 value) {
            UInt256 balance = balance(a);
            if (balance.compareTo(value) < 0) {
                return false;
            }
            change(a).balance = UInt256.of(balance.toBigInteger().subtract(value.toBigInteger()));
            return true;
        }

        void addBalance(Address a, UInt256 value) {
            change(a).balance = UInt256.of(balance(a).toBigInteger().add(value.toBigInteger()));
        }

        boolean transfer(Address from, Address to, UInt256 value) {
            if (value.isZero()) {
                touched.add(from);
                touched.add(to);
                return true;
            }
            if (!subBalance(from, value)) {
                return false;
            }
            addBalance(to, value);
            return true;
        }

        void setStorage(Address a, UInt256 key, UInt256 value) {
            Account acc = change(a);
            if (value.isZero()) {
                acc.storage.remove(key);
            } else {
                acc.storage.put(key, value);
            }
        }

        void createAccount(Address a) {
            Account acc = change(a);
            acc.nonce = 0;
            acc.code = new byte[0];
            acc.storage.clear();
            created.add(a);
        }

        /** EIP-6780. */
        void selfDestruct(Address self, Address beneficiary) {
            UInt256 balance = balance(self);
            boolean sameTransaction = created.contains(self);
            if (!beneficiary.equals(self)) {
                change(self).balance = UInt256.ZERO;
                addBalance(beneficiary, balance);
            } else if (sameTransaction) {
                change(self).balance = UInt256.ZERO;
            }
            if (sameTransaction) {
                destructed.add(self);
            }
        }

        /** Self-destructed accounts go, then touched empty ones (EIP-161); nothing else outlives the transaction. */
        Model finishTransaction() {
            destructed.forEach(accounts::remove);
            for (Address a : touched) {
                Account acc = accounts.get(a);
                if (acc != null && acc.isEmpty()) {
                    accounts.remove(a);
                }
            }
            Model next = new Model();
            next.accounts = accounts;
            return next;
        }
    }

    private final Random random = new Random(0x2200_6780L);
    private WorldState s;
    private Model model;
    /** The reference at the start of the transaction: the committed state EIP-2200 calls original. */
    private Model committed;
    private final Deque<Integer> checkpoints = new ArrayDeque<>();
    private final Deque<Model> snapshots = new ArrayDeque<>();
    private String trace;

    @ParameterizedTest(name = "{0}, compared after every step: {1}")
    @CsvSource({"memory, true", "memory, false", "rocksdb, true", "rocksdb, false"})
    void randomTransactionsMatchTheReference(String kind, boolean compareEveryStep, @TempDir Path dir) {
        try (StateBackend backend = kind.equals("rocksdb") ? new RocksDbBackend(dir) : new InMemoryBackend()) {
            s = new WorldState(backend);
            model = new Model();
            for (int tx = 0; tx < TRANSACTIONS; tx++) {
                if (random.nextInt(3) == 0) {
                    commitEmptyAccount(backend);
                }
                s.beginTransaction();
                committed = model.copy();
                int start = s.checkpoint();
                trace = "tx " + tx + ":";
                int steps = 1 + random.nextInt(MAX_STEPS);
                for (int i = 0; i < steps; i++) {
                    step();
                    if (compareEveryStep) {
                        compare();
                    }
                }
                unwind();
                boolean revertAll = random.nextInt(5) == 0;
                if (revertAll) {
                    s.revertTo(start);
                    model = committed.copy();
                    trace += " revert all";
                }
                if (compareEveryStep) {
                    compare();
                }
                StateDiff diff = s.finishTransaction();
                if (revertAll) {
                    assertTrue(diff.isEmpty(), trace + "\n" + describe(diff));
                }
                backend.apply(diff);
                model = model.finishTransaction();
                compareCommitted(backend);
            }
        }
    }

    /** Only a backend written by hand holds an empty account; touching it is what deletes it (EIP-161). */
    private void commitEmptyAccount(StateBackend backend) {
        List<Address> absent = Arrays.stream(ADDRESSES).filter(a -> !model.accounts.containsKey(a)).toList();
        if (!absent.isEmpty()) {
            Address a = absent.get(random.nextInt(absent.size()));
            backend.apply(new Diff().account(a, 0, UInt256.ZERO, new byte[0]).build());
            model.accounts.put(a, new Account());
        }
    }

    private Address anyAddress() {
        return ADDRESSES[random.nextInt(ADDRESSES.length)];
    }

    private UInt256 anyKey() {
        return KEYS[random.nextInt(KEYS.length)];
    }

    /** Small, so that balances run short and accounts end empty often. */
    private UInt256 anyValue() {
        return random.nextInt(4) == 0 ? UInt256.ZERO : w(1 + random.nextInt(20));
    }

    private void step() {
        Address a = anyAddress();
        Address b = anyAddress();
        UInt256 k = anyKey();
        UInt256 v = anyValue();
        Op op = DRAW[random.nextInt(DRAW.length)];
        trace += " " + op + "(" + a + "," + b + "," + k + "," + v + ")";
        switch (op) {
            case SET_BALANCE -> {
                s.setBalance(a, v);
                model.change(a).balance = v;
            }
            case ADD_BALANCE -> {
                s.addBalance(a, v);
                model.addBalance(a, v);
            }
            case SUB_BALANCE -> assertEquals(model.subBalance(a, v), s.subBalance(a, v), trace);
            case TRANSFER -> assertEquals(model.transfer(a, b, v), s.transfer(a, b, v), trace);
            case SET_NONCE -> {
                long nonce = random.nextInt(3);
                s.setNonce(a, nonce);
                model.change(a).nonce = nonce;
            }
            case SET_CODE -> {
                byte[] code = CODES[random.nextInt(CODES.length)];
                s.setCode(a, code);
                model.change(a).code = code;
            }
            case SET_STORAGE -> {
                s.setStorage(a, k, v);
                model.setStorage(a, k, v);
            }
            case CREATE -> {
                s.createAccount(a);
                model.createAccount(a);
            }
            case SELF_DESTRUCT -> {
                s.selfDestruct(a, b, true);
                model.selfDestruct(a, b);
            }
            case TOUCH -> {
                s.touch(a);
                model.touched.add(a);
            }
            case SET_TRANSIENT -> {
                s.setTransient(a, k, v);
                model.transientStorage.put(new Slot(a, k), v);
            }
            case WARM_ACCOUNT -> assertEquals(model.warmAccounts.add(a), s.warmAccount(a), trace);
            case WARM_SLOT -> assertEquals(model.warmSlots.add(new Slot(a, k)), s.warmSlot(a, k), trace);
            case REFUND -> {
                long delta = random.nextInt(100) - 30;
                s.addRefund(delta);
                model.refund += delta;
            }
            case LOG -> {
                Log log = new Log(a, List.of(k), v.toBytes());
                s.addLog(log);
                model.logs.add(log);
            }
            case CHECKPOINT -> {
                checkpoints.push(s.checkpoint());
                snapshots.push(model.copy());
            }
            case COMMIT -> {
                if (!checkpoints.isEmpty()) {
                    s.commit(checkpoints.pop());
                    snapshots.pop();
                }
            }
            case REVERT -> {
                if (!checkpoints.isEmpty()) {
                    s.revertTo(checkpoints.pop());
                    model = snapshots.pop();
                }
            }
        }
    }

    /** Closes the checkpoints still open, each kept or undone at random, as frames return. */
    private void unwind() {
        while (!checkpoints.isEmpty()) {
            Model snapshot = snapshots.pop();
            if (random.nextBoolean()) {
                s.commit(checkpoints.pop());
            } else {
                s.revertTo(checkpoints.pop());
                model = snapshot;
            }
        }
    }

    private void compare() {
        for (Address a : ADDRESSES) {
            String at = trace + "\n at " + a;
            Account acc = model.accounts.get(a);
            boolean exists = acc != null;
            Account view = exists ? acc : new Account();
            assertEquals(exists, s.exists(a), at);
            assertEquals(view.balance, s.getBalance(a), at);
            assertEquals(view.nonce, s.getNonce(a), at);
            assertEquals(hex(view.code), hex(s.getCode(a)), at);
            assertEquals(view.isEmpty(), s.isEmpty(a), at);
            assertEquals(hex(exists && !view.isEmpty() ? Hashes.keccak256(view.code) : ZERO_HASH), hex(s.getCodeHash(a)), at);
            assertEquals(model.created.contains(a), s.createdInTransaction(a), at);
            assertEquals(model.warmAccounts.contains(a), s.isWarm(a), at);
            assertEquals(view.storage, s.nonZeroStorage(a), at);
            for (UInt256 k : KEYS) {
                assertEquals(model.storage(a, k), s.getStorage(a, k), at + "[" + k + "]");
                UInt256 original = model.created.contains(a) ? UInt256.ZERO : committed.storage(a, k);
                assertEquals(original, s.getOriginalStorage(a, k), at + " original [" + k + "]");
                assertEquals(model.transientStorage.getOrDefault(new Slot(a, k), UInt256.ZERO), s.getTransient(a, k), at + " transient [" + k + "]");
            }
        }
        assertEquals(model.refund, s.getRefund(), trace);
        assertEquals(model.logs, s.logs(), trace);
    }

    private void compareCommitted(StateBackend backend) {
        for (Address a : ADDRESSES) {
            Account acc = model.accounts.get(a);
            String at = trace + "\n committed " + a;
            assertEquals(describe(acc == null ? null : acc.record()), describe(backend.loadAccount(a)), at);
            String slots = acc == null ? "" : acc.storage.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
            assertEquals(slots, storageListing(backend, a), at);
        }
    }
}
