// SPDX-License-Identifier: Apache-2.0
package org.zvm.state;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BiConsumer;

import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.zvm.crypto.Hashes;
import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;

/**
 * Durable committed state in RocksDB, the embedded store Besu uses. Layout:
 * <ul>
 * <li>{@code 'A' ‖ address(20)} → {@code nonce(8) ‖ balance(32) ‖ codeHash(32)}</li>
 * <li>{@code 'C' ‖ codeHash(32)} → code (stored once however many accounts share it)</li>
 * <li>{@code 'S' ‖ address(20) ‖ key(32)} → value(32), only non-zero values, so an account's storage is
 * one ordered key range</li>
 * </ul>
 * A transaction's diff is one atomic, synced write batch.
 */
public final class RocksDbBackend implements StateBackend {
    private static final byte ACCOUNT = 'A';
    private static final byte CODE = 'C';
    private static final byte STORAGE = 'S';

    private final RocksDB db;
    private final Options options;

    public RocksDbBackend(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is not a directory");
        }
        RocksDB.loadLibrary();
        options = new Options().setCreateIfMissing(true);
        try {
            Files.createDirectories(dir);
            db = RocksDB.open(options, dir.toString());
        } catch (RocksDBException | java.io.IOException e) {
            options.close();
            throw new IllegalStateException("cannot open the state in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static byte[] key(byte prefix, byte[]... parts) {
        int n = 1;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n).put(prefix);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    private byte[] get(byte[] key) {
        try {
            return db.get(key);
        } catch (RocksDBException e) {
            throw new IllegalStateException("reading the state: " + e.getMessage(), e);
        }
    }

    @Override
    public AccountRecord loadAccount(Address address) {
        byte[] v = get(key(ACCOUNT, address.toBytes()));
        if (v == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(v);
        long nonce = b.getLong();
        UInt256 balance = UInt256.fromBytes(v, 8, 32);
        byte[] codeHash = Arrays.copyOfRange(v, 40, 72);
        byte[] code = Arrays.equals(codeHash, Hashes.EMPTY_KECCAK) ? new byte[0] : get(key(CODE, codeHash));
        return new AccountRecord(nonce, balance, code == null ? new byte[0] : code);
    }

    @Override
    public UInt256 loadStorage(Address address, UInt256 slot) {
        byte[] v = get(key(STORAGE, address.toBytes(), slot.toBytes()));
        return v == null ? UInt256.ZERO : UInt256.fromBytes(v);
    }

    @Override
    public void forEachStorage(Address address, BiConsumer<UInt256, UInt256> action) {
        byte[] prefix = key(STORAGE, address.toBytes());
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                byte[] k = it.key();
                if (k.length != prefix.length + 32 || !Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length)) {
                    break;
                }
                action.accept(UInt256.fromBytes(k, prefix.length, 32), UInt256.fromBytes(it.value()));
            }
        }
    }

    @Override
    public void apply(StateDiff diff) {
        if (diff.isEmpty()) {
            return;
        }
        try (WriteBatch batch = new WriteBatch(); WriteOptions sync = new WriteOptions().setSync(true)) {
            for (Address a : diff.wiped()) {
                byte[] from = key(STORAGE, a.toBytes());
                byte[] to = from.clone();
                to[to.length - 1]++;
                if (to[to.length - 1] == 0) {
                    // The address ends in 0xff: delete its slots one by one instead of by range.
                    forEachStorage(a, (k, v) -> deleteSlot(batch, a, k));
                } else {
                    batch.deleteRange(from, to);
                }
            }
            for (var e : diff.accounts().entrySet()) {
                byte[] k = key(ACCOUNT, e.getKey().toBytes());
                AccountRecord r = e.getValue();
                if (r == null) {
                    batch.delete(k);
                    continue;
                }
                byte[] codeHash = Hashes.keccak256(r.code());
                if (r.code().length > 0) {
                    batch.put(key(CODE, codeHash), r.code());
                }
                batch.put(k, ByteBuffer.allocate(72).putLong(r.nonce()).put(r.balance().toBytes()).put(codeHash).array());
            }
            for (var e : diff.storage().entrySet()) {
                for (var slot : e.getValue().entrySet()) {
                    byte[] k = key(STORAGE, e.getKey().toBytes(), slot.getKey().toBytes());
                    if (slot.getValue().isZero()) {
                        batch.delete(k);
                    } else {
                        batch.put(k, slot.getValue().toBytes());
                    }
                }
            }
            db.write(sync, batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("writing the state: " + e.getMessage(), e);
        }
    }

    private static void deleteSlot(WriteBatch batch, Address a, UInt256 k) {
        try {
            batch.delete(key(STORAGE, a.toBytes(), k.toBytes()));
        } catch (RocksDBException e) {
            throw new IllegalStateException("writing the state: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        db.close();
        options.close();
    }
}
