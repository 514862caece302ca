// SPDX-License-Identifier: Apache-2.0
package org.zvm.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.zvm.crypto.Hashes;
import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;
import org.zvm.runtime.Word256;

/**
 * The state one transaction sees and changes, over a {@link StateBackend} that holds the committed
 * state. Every change appends an undo entry to a journal (as geth's): a checkpoint is a journal length,
 * {@link #revertTo} undoes back to it, so a reverted or halted frame leaves nothing behind — balances,
 * nonces, code, storage, transient storage, warm sets (EIP-2929), refunds, logs, created and destructed
 * accounts alike. {@link #finishTransaction} turns what remains into a {@link StateDiff} for the backend.
 *
 * <p>Results iterate sorted collections only, so nothing depends on hash order.
 */
public final class WorldState {
    private static final byte[] ZERO_HASH = new byte[32];

    /** An account as this transaction sees it; storage holds the slots read or written so far. */
    private static final class Account {
        boolean exists;
        long nonce;
        UInt256 balance = UInt256.ZERO;
        byte[] code = new byte[0];
        byte[] codeHash;
        /** The record differs from the backend's (or may). */
        boolean dirty;
        /** The backend's storage no longer applies: the account was (re)created or destroyed. */
        boolean wiped;
        final Map<UInt256, UInt256> storage = new HashMap<>();
        /** Committed value at the start of the transaction, of each slot accessed (EIP-2200). */
        final Map<UInt256, UInt256> original = new HashMap<>();
        final Set<UInt256> written = new HashSet<>();
    }

    private record Slot(Address address, UInt256 key) {
    }

    private final StateBackend backend;
    private final Map<Address, Account> accounts = new HashMap<>();
    private final List<Runnable> journal = new ArrayList<>();

    private final Set<Address> warmAccounts = new HashSet<>();
    private final Set<Slot> warmSlots = new HashSet<>();
    private final Map<Address, Map<UInt256, UInt256>> transientStorage = new HashMap<>();
    private final List<Log> logs = new ArrayList<>();
    private final Set<Address> created = new HashSet<>();
    private final TreeSet<Address> destructed = new TreeSet<>();
    /** Touched in the EIP-161 sense (journaled): deleted at the end if empty. */
    private final TreeSet<Address> touched = new TreeSet<>();
    /** Every account read or written, for reports (not journaled). */
    private final TreeSet<Address> accessed = new TreeSet<>();
    private long refund;

    public WorldState(StateBackend backend) {
        this.backend = backend;
    }

    private Account account(Address a) {
        Account acc = accounts.get(a);
        if (acc == null) {
            acc = new Account();
            AccountRecord r = backend.loadAccount(a);
            if (r != null) {
                acc.exists = true;
                acc.nonce = r.nonce();
                acc.balance = r.balance();
                acc.code = r.code();
            }
            accounts.put(a, acc);
        }
        accessed.add(a);
        return acc;
    }

    /** Marks an account as changed (and, as any change does, bringing it into existence). */
    private Account change(Address a) {
        Account acc = account(a);
        if (!acc.exists) {
            acc.exists = true;
            journal.add(() -> acc.exists = false);
        }
        if (!acc.dirty) {
            acc.dirty = true;
            journal.add(() -> acc.dirty = false);
        }
        touch(a);
        return acc;
    }

    // ---- accounts ------------------------------------------------------------------------------

    public boolean exists(Address a) {
        return account(a).exists;
    }

    /** EIP-161: no nonce, no balance, no code (a non-existent account is empty too). */
    public boolean isEmpty(Address a) {
        Account acc = account(a);
        return acc.nonce == 0 && acc.balance.isZero() && acc.code.length == 0;
    }

    public UInt256 getBalance(Address a) {
        return account(a).balance;
    }

    public void setBalance(Address a, UInt256 value) {
        Account acc = change(a);
        UInt256 old = acc.balance;
        journal.add(() -> acc.balance = old);
        acc.balance = value;
    }

    public void addBalance(Address a, UInt256 value) {
        setBalance(a, UInt256.of(Word256.add(getBalance(a).toLimbs(), value.toLimbs())));
    }

    /** Takes {@code value} from the account; false, changing nothing, when the balance is short. */
    public boolean subBalance(Address a, UInt256 value) {
        UInt256 balance = getBalance(a);
        if (balance.compareTo(value) < 0) {
            return false;
        }
        setBalance(a, UInt256.of(Word256.sub(balance.toLimbs(), value.toLimbs())));
        return true;
    }

    /** Moves {@code value}; a zero value only touches both accounts. */
    public boolean transfer(Address from, Address to, UInt256 value) {
        if (value.isZero()) {
            touch(from);
            touch(to);
            return true;
        }
        if (!subBalance(from, value)) {
            return false;
        }
        addBalance(to, value);
        return true;
    }

    public long getNonce(Address a) {
        return account(a).nonce;
    }

    public void setNonce(Address a, long nonce) {
        Account acc = change(a);
        long old = acc.nonce;
        journal.add(() -> acc.nonce = old);
        acc.nonce = nonce;
    }

    public byte[] getCode(Address a) {
        return account(a).code;
    }

    /** EXTCODEHASH: zero for an account that does not exist or is empty, else keccak256 of its code. */
    public byte[] getCodeHash(Address a) {
        Account acc = account(a);
        if (!acc.exists || isEmpty(a)) {
            return ZERO_HASH;
        }
        if (acc.codeHash == null) {
            acc.codeHash = Hashes.keccak256(acc.code);
        }
        return acc.codeHash;
    }

    public void setCode(Address a, byte[] code) {
        Account acc = change(a);
        byte[] old = acc.code;
        byte[] oldHash = acc.codeHash;
        journal.add(() -> {
            acc.code = old;
            acc.codeHash = oldHash;
        });
        acc.code = code;
        acc.codeHash = null;
    }

    /**
     * Opens an account for CREATE/CREATE2: keeps a balance sent to the address before, clears
     * everything else, and remembers it was created in this transaction (EIP-6780).
     */
    public void createAccount(Address a) {
        Account acc = change(a);
        long oldNonce = acc.nonce;
        byte[] oldCode = acc.code;
        byte[] oldHash = acc.codeHash;
        boolean oldWiped = acc.wiped;
        Map<UInt256, UInt256> oldStorage = new HashMap<>(acc.storage);
        journal.add(() -> {
            acc.nonce = oldNonce;
            acc.code = oldCode;
            acc.codeHash = oldHash;
            acc.wiped = oldWiped;
            acc.storage.clear();
            acc.storage.putAll(oldStorage);
        });
        acc.nonce = 0;
        acc.code = new byte[0];
        acc.codeHash = null;
        acc.wiped = true;
        acc.storage.clear();
        if (created.add(a)) {
            journal.add(() -> created.remove(a));
        }
    }

    public boolean createdInTransaction(Address a) {
        return created.contains(a);
    }

    /** EIP-161: the account was involved in a call or transfer; if it ends empty, it is deleted. */
    public void touch(Address a) {
        account(a);
        if (touched.add(a)) {
            journal.add(() -> touched.remove(a));
        }
    }

    // ---- storage -------------------------------------------------------------------------------

    public UInt256 getStorage(Address a, UInt256 key) {
        Account acc = account(a);
        UInt256 v = acc.storage.get(key);
        if (v == null) {
            if (acc.wiped) {
                v = UInt256.ZERO;
            } else {
                v = backend.loadStorage(a, key);
                acc.original.putIfAbsent(key, v);
            }
            acc.storage.put(key, v);
        }
        return v;
    }

    public void setStorage(Address a, UInt256 key, UInt256 value) {
        UInt256 old = getStorage(a, key);
        Account acc = change(a);
        journal.add(() -> acc.storage.put(key, old));
        acc.storage.put(key, value);
        if (acc.written.add(key)) {
            journal.add(() -> acc.written.remove(key));
        }
    }

    /**
     * The slot's value when the transaction began (EIP-2200's "original value"): zero in an account
     * created by this transaction, else the committed value, whatever creations were since reverted.
     */
    public UInt256 getOriginalStorage(Address a, UInt256 key) {
        if (created.contains(a)) {
            return UInt256.ZERO;
        }
        return account(a).original.computeIfAbsent(key, k -> backend.loadStorage(a, k));
    }

    // ---- transient storage (EIP-1153) ------------------------------------------------------------

    public UInt256 getTransient(Address a, UInt256 key) {
        Map<UInt256, UInt256> slots = transientStorage.get(a);
        return slots == null ? UInt256.ZERO : slots.getOrDefault(key, UInt256.ZERO);
    }

    public void setTransient(Address a, UInt256 key, UInt256 value) {
        Map<UInt256, UInt256> slots = transientStorage.computeIfAbsent(a, k -> new HashMap<>());
        UInt256 old = slots.get(key);
        journal.add(() -> {
            if (old == null) {
                slots.remove(key);
            } else {
                slots.put(key, old);
            }
        });
        slots.put(key, value);
    }

    // ---- access lists (EIP-2929) -----------------------------------------------------------------

    /** Marks the account warm; true if it was cold. */
    public boolean warmAccount(Address a) {
        if (warmAccounts.add(a)) {
            journal.add(() -> warmAccounts.remove(a));
            return true;
        }
        return false;
    }

    public boolean isWarm(Address a) {
        return warmAccounts.contains(a);
    }

    /** Marks the slot warm; true if it was cold. */
    public boolean warmSlot(Address a, UInt256 key) {
        Slot s = new Slot(a, key);
        if (warmSlots.add(s)) {
            journal.add(() -> warmSlots.remove(s));
            return true;
        }
        return false;
    }

    // ---- refunds, logs, self-destruct ----------------------------------------------------------

    public long getRefund() {
        return refund;
    }

    public void addRefund(long delta) {
        long old = refund;
        journal.add(() -> refund = old);
        refund += delta;
    }

    public void addLog(Log log) {
        logs.add(log);
        journal.add(() -> logs.remove(logs.size() - 1));
    }

    public List<Log> logs() {
        return List.copyOf(logs);
    }

    /**
     * SELFDESTRUCT: the balance goes to the beneficiary, and the account is deleted at the end of the
     * transaction (then a self-beneficiary burns the balance). With {@code onlyIfCreated} (EIP-6780) only
     * an account created in this transaction is deleted. Returns whether this marked the account for
     * deletion for the first time (the pre-London refund).
     */
    public boolean selfDestruct(Address self, Address beneficiary, boolean onlyIfCreated) {
        UInt256 balance = getBalance(self);
        boolean deletes = !onlyIfCreated || created.contains(self);
        if (!beneficiary.equals(self)) {
            setBalance(self, UInt256.ZERO);
            addBalance(beneficiary, balance);
        } else if (deletes) {
            setBalance(self, UInt256.ZERO);
        }
        if (deletes && destructed.add(self)) {
            journal.add(() -> destructed.remove(self));
            return true;
        }
        return false;
    }

    // ---- journal ---------------------------------------------------------------------------------

    public int checkpoint() {
        return journal.size();
    }

    /** Keeps the changes since {@code checkpoint}; an enclosing checkpoint can still undo them. */
    public void commit(int checkpoint) {
        if (checkpoint > journal.size()) {
            throw new IllegalStateException("checkpoint " + checkpoint + " is past the journal");
        }
    }

    public void revertTo(int checkpoint) {
        for (int i = journal.size() - 1; i >= checkpoint; i--) {
            journal.remove(i).run();
        }
    }

    // ---- transactions ------------------------------------------------------------------------------

    /** Starts a transaction: cold access lists, no refund, no logs, empty transient storage. */
    public void beginTransaction() {
        accounts.clear();
        journal.clear();
        warmAccounts.clear();
        warmSlots.clear();
        transientStorage.clear();
        logs.clear();
        created.clear();
        destructed.clear();
        touched.clear();
        accessed.clear();
        refund = 0;
    }

    /**
     * Ends the transaction: deletes self-destructed accounts and touched empty ones (EIP-161), and
     * returns what changed, for the backend to apply.
     */
    public StateDiff finishTransaction() {
        for (Address a : destructed) {
            Account acc = account(a);
            acc.exists = false;
            acc.dirty = true;
            acc.wiped = true;
            acc.storage.clear();
        }
        for (Address a : touched) {
            Account acc = accounts.get(a);
            if (acc != null && acc.exists && isEmpty(a)) {
                acc.exists = false;
                acc.dirty = true;
            }
        }
        TreeSet<Address> wiped = new TreeSet<>();
        TreeMap<Address, AccountRecord> records = new TreeMap<>();
        TreeMap<Address, SortedMap<UInt256, UInt256>> storage = new TreeMap<>();
        for (Map.Entry<Address, Account> e : new TreeMap<>(accounts).entrySet()) {
            Account acc = e.getValue();
            if (acc.dirty) {
                records.put(e.getKey(), acc.exists ? new AccountRecord(acc.nonce, acc.balance, acc.code) : null);
                if (!acc.exists || acc.wiped) {
                    wiped.add(e.getKey());
                }
            }
            if (acc.exists && !acc.written.isEmpty()) {
                TreeMap<UInt256, UInt256> slots = new TreeMap<>();
                for (UInt256 k : acc.written) {
                    UInt256 v = acc.storage.get(k);
                    if (v != null) {
                        slots.put(k, v);
                    }
                }
                storage.put(e.getKey(), slots);
            }
        }
        StateDiff diff = new StateDiff(wiped, records, storage);
        beginTransaction();
        return diff;
    }

    // ---- reports -------------------------------------------------------------------------------

    /** Every account read or written in this transaction, sorted. */
    public Set<Address> touchedAccounts() {
        return new TreeSet<>(accessed);
    }

    /**
     * The slots of {@code a} read or written so far in this transaction, with their current values: what
     * a debugger shows as "storage touched". Reads nothing from the backend.
     */
    public SortedMap<UInt256, UInt256> accessedStorage(Address a) {
        Account acc = accounts.get(a);
        return acc == null ? new TreeMap<>() : new TreeMap<>(acc.storage);
    }

    /** The account's non-zero storage as it stands: committed slots overlaid with this transaction's. */
    public SortedMap<UInt256, UInt256> nonZeroStorage(Address a) {
        Account acc = account(a);
        TreeMap<UInt256, UInt256> result = new TreeMap<>();
        if (!acc.exists) {
            return result;
        }
        if (!acc.wiped) {
            backend.forEachStorage(a, result::put);
        }
        acc.storage.forEach((k, v) -> {
            if (v.isZero()) {
                result.remove(k);
            } else {
                result.put(k, v);
            }
        });
        return result;
    }
}
