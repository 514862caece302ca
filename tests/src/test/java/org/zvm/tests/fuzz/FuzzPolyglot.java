// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.zvm.ZvmLanguage;

/**
 * Evaluates fuzzed bytes as zvm source through the embedder's API, as a host application would, with a
 * wall-clock guard: WASM has no gas, and a state test may set a huge one, so an input that is still
 * running after {@link #GUARD_MS} is cancelled and counts as no result. Every failure must be a guest
 * exception; an internal error (a Java exception escaping zvm) fails the fuzz test.
 */
final class FuzzPolyglot {
    private static final long GUARD_MS = 2000;
    /** One engine for every run: a context on a shared engine is cheap, one with an engine of its own cost most of a run. */
    private static final Engine ENGINE = interpreterOnly().build();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fuzz-watchdog");
        t.setDaemon(true);
        return t;
    });

    private FuzzPolyglot() {
    }

    /** An engine for fuzzing: the interpreter only, since compiling code that runs once is wasted. */
    static Engine.Builder interpreterOnly() {
        return Engine.newBuilder(ZvmLanguage.ID).allowExperimentalOptions(true).option("engine.Compilation", "false").option("engine.WarnInterpreterOnly", "false");
    }

    /**
     * A source of fuzzed bytes for a binary MIME type. Not cached: each evaluation parses it again, so
     * the second run of {@link #assertSameTwice} checks the reader too, and the engine keeps no input.
     */
    static Source binary(String mimeType, byte[] bytes) {
        return Source.newBuilder(ZvmLanguage.ID, ByteSequence.create(bytes), "fuzz").mimeType(mimeType).cached(false).buildLiteral();
    }

    /** A source of fuzzed bytes, read as UTF-8, for a text MIME type; not cached, as {@link #binary}. */
    static Source text(String mimeType, byte[] bytes) {
        return Source.newBuilder(ZvmLanguage.ID, new String(bytes, StandardCharsets.UTF_8), "fuzz").mimeType(mimeType).cached(false).buildLiteral();
    }

    /**
     * Evaluates {@code source} in a fresh context of the shared engine and gives the value to {@code use}; returns what
     * {@code use} returns, {@code "error: MESSAGE"} for a guest exception, or null when the guard
     * cancelled the run.
     */
    static String eval(Source source, Function<Value, String> use) {
        Context context = Context.newBuilder(ZvmLanguage.ID).engine(ENGINE).build();
        AtomicBoolean fired = new AtomicBoolean();
        try {
            context.initialize(ZvmLanguage.ID);
            ScheduledFuture<?> guard = WATCHDOG.schedule(() -> {
                fired.set(true);
                context.close(true);
            }, GUARD_MS, TimeUnit.MILLISECONDS);
            try {
                return use.apply(context.eval(source));
            } catch (PolyglotException e) {
                if (e.isCancelled() || fired.get()) {
                    return null;
                }
                assertFalse(e.isInternalError(), () -> "internal error: " + e + "\n" + stackTrace(e));
                assertTrue(e.isGuestException(), () -> "not a guest exception: " + e);
                return "error: " + e.getMessage();
            } catch (IllegalStateException e) {
                // Using a value of the context the guard has just closed.
                if (fired.get()) {
                    return null;
                }
                throw e;
            } finally {
                guard.cancel(false);
            }
        } finally {
            close(context);
        }
    }

    /**
     * {@link #eval} twice, each in its own context: the same source gives the same text, unless the
     * guard cancelled either run. When it cancelled the first there is nothing to compare, so the second
     * run, which would only wait for the guard again, is skipped.
     */
    static void assertSameTwice(Source source, Function<Value, String> use) {
        String first = eval(source, use);
        if (first == null) {
            return;
        }
        String second = eval(source, use);
        if (second != null) {
            assertEquals(first, second, "the same input gives the same results");
        }
    }

    /** Closes {@code context}, which the guard may be cancelling at the same moment. */
    private static void close(Context context) {
        try {
            context.close();
        } catch (PolyglotException e) {
            if (!e.isCancelled()) {
                throw e;
            }
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
