// SPDX-License-Identifier: Apache-2.0
package org.zvm.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.zvm.state.StateFixtures.addr;
import static org.zvm.state.StateFixtures.bytes;
import static org.zvm.state.StateFixtures.describe;
import static org.zvm.state.StateFixtures.storageListing;
import static org.zvm.state.StateFixtures.w;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zvm.runtime.Address;
import org.zvm.state.StateFixtures.Diff;

/** The backend contract over RocksDB, each reload a close and reopen, plus what only a durable store promises. */
class RocksDbBackendTest extends StateBackendContract {
    @TempDir
    Path dir;

    @Override
    protected StateBackend open() {
        return new RocksDbBackend(dir.resolve("state"));
    }

    @Override
    protected StateBackend reload(StateBackend old) {
        old.close();
        return open();
    }

    @Test
    void committedTransactionsSurviveReopening() {
        Address a = addr("0a");
        WorldState s = new WorldState(backend);
        s.beginTransaction();
        s.setNonce(a, 1);
        s.setCode(a, bytes(0x00));
        s.setStorage(a, w(1), w(2));
        backend.apply(s.finishTransaction());
        backend.close();

        backend = open();
        s = new WorldState(backend);
        s.beginTransaction();
        assertEquals(w(2), s.getStorage(a, w(1)));
        assertEquals(1, s.getNonce(a));
        assertEquals(describe(new AccountRecord(1, w(0), bytes(0x00))), describe(backend.loadAccount(a)));
        assertEquals("0x1=0x2", storageListing(backend, a));
    }

    @Test
    void aFileInPlaceOfTheDirectoryIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "not a database");
        assertThrows(IllegalStateException.class, () -> new RocksDbBackend(file));
    }

    @Test
    void aSecondHandleOnAnOpenDatabaseIsRefused() {
        backend.apply(new Diff().account(addr("0a"), 1, w(0), bytes(0x00)).build());
        assertThrows(IllegalStateException.class, this::open);
    }
}
