// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contracts reach nothing the embedder has not granted: the only file access zvm has, the persistent
 * world state, is refused unless the context allows file IO and native access.
 */
class SandboxTest {
    private static final Source STORE_ONE = Source.newBuilder("zvm", "PUSH1 1\nPUSH1 0\nSSTORE\nHALT\n", "store.zasm").mimeType("text/x-zasm").buildLiteral();

    private static Object[] call() {
        return new Object[]{"0x", 100_000L, "0x0", "0x00000000000000000000000000000000000000c0", true};
    }

    @Test
    void persistentStateIsRefusedWithoutFileAccess(@TempDir Path dir) {
        Path world = dir.resolve("world");
        try (Context c = Context.newBuilder("zvm").option("zvm.StateDir", world.toString()).build()) {
            PolyglotException e = assertThrows(PolyglotException.class, () -> c.eval(STORE_ONE).invokeMember("call", call()));
            assertTrue(e.isGuestException() && !e.isInternalError(), e.toString());
            assertEquals("--state " + world + ": persistent state needs file IO and native access, which the embedder has not allowed (Context.Builder allowIO, allowNativeAccess)",
                            e.getMessage());
        }
        assertFalse(Files.exists(world), "nothing was written");
    }

    @Test
    void persistentStateWorksWhenTheEmbedderAllowsIt(@TempDir Path dir) {
        Path world = dir.resolve("world");
        try (Context c = Context.newBuilder("zvm").option("zvm.StateDir", world.toString()).allowIO(IOAccess.ALL).allowNativeAccess(true).build()) {
            assertEquals("success", c.eval(STORE_ONE).invokeMember("call", call()).getMember("status").asString());
        }
        assertTrue(Files.isDirectory(world));
    }

    @Test
    void inMemoryStateNeedsNoAccess() {
        try (Context c = Context.create("zvm")) {
            assertEquals("success", c.eval(STORE_ONE).invokeMember("call", call()).getMember("status").asString());
        }
    }

    /** An embedder's wall-clock guard: cancelling the context from another thread stops a runaway loop. */
    @Test
    void embedderCanCancelARunawayContract() throws Exception {
        Source spin = Source.newBuilder("zvm", ByteSequence.create(new byte[]{0x5b, 0x60, 0x00, 0x56}), "spin.evm").mimeType("application/x-evm").build();
        Context c = Context.create("zvm");
        Value contract = c.eval(spin);
        Thread guard = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            c.close(true);
        });
        PolyglotException e = assertThrows(PolyglotException.class, () -> contract.invokeMember("call", "0x", 1L << 62, "0x0", "0x00000000000000000000000000000000000000c0", false));
        assertTrue(e.isCancelled(), e.toString());
        guard.join();
    }

}
