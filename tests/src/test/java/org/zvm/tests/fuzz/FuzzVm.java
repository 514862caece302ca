// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.zvm.ZvmContext;
import org.zvm.error.ZvmLoadError;
import org.zvm.error.ZvmParseException;
import org.zvm.evm.trie.StateRoot;
import org.zvm.runtime.Address;
import org.zvm.runtime.InteropRecord;
import org.zvm.runtime.Transaction;
import org.zvm.runtime.UInt256;
import org.zvm.state.AccountRecord;
import org.zvm.state.InMemoryBackend;
import org.zvm.state.StateDiff;
import org.zvm.state.WorldState;

/**
 * Runs fuzzed contract code and checks the invariants every execution must keep, whatever the code:
 * no Java exception escapes a transaction, gas used never exceeds the limit, a failed frame leaves the
 * world state root exactly as before, and the same input gives the same result three times — without
 * tracing, and twice under the EIP-3155 tracer with the same trace hash (the traced runs on a sample
 * of the inputs that use much gas, see {@link #TRACE_ALWAYS_GAS}).
 *
 * <p>The fuzzed code sits at {@link #TARGET} and is called by an EVM wrapper at {@link #WRAPPER} that
 * forwards the call data, stores the call's success flag in its slot 0 and returns what the target
 * returned. So a frame that fails inside a successful transaction is checked too: when the flag is 0
 * nothing may have changed (storing 0 into an empty slot is no change).
 */
final class FuzzVm {
    static final Address TARGET = Address.fromHex("0x00000000000000000000000000000000000000aa");
    static final Address WRAPPER = Address.fromHex("0x00000000000000000000000000000000000000bb");
    private static final Address CALLER = Address.fromHex("0x00000000000000000000000000000000000000c0");
    private static final List<String> FORKS = List.of("Istanbul", "Berlin", "London", "Shanghai", "Cancun");
    /** CALLDATACOPY(0, 0, CALLDATASIZE); CALL(GAS, TARGET, 0, 0, CALLDATASIZE, 0, 0); SSTORE(0, success); return the return data. */
    private static final byte[] WRAPPER_CODE = HexFormat.of().parseHex("365f5f37" + "5f5f365f5f73" + "00000000000000000000000000000000000000aa" + "5af1" + "5f55"
                    + "3d5f5f3e" + "3d5ff3");

    /**
     * The traced runs cost with the steps times the stack depth (every EIP-3155 line prints the whole
     * stack): a loop over a deep stack made 10 s of trace per run, ten thousand times its untraced run.
     * So they follow every input whose untraced run used at most this much gas, and one in
     * {@link #TRACE_SAMPLE} of the others, picked by a hash of the input, so that a replay checks the same.
     */
    private static final long TRACE_ALWAYS_GAS = 5_000;
    private static final int TRACE_SAMPLE = 32;
    private static final HashingStream TRACE = new HashingStream();
    private static final Engine PLAIN = FuzzPolyglot.interpreterOnly().build();
    private static final Engine TRACED = FuzzPolyglot.interpreterOnly().option("zvm-trace", "true").err(TRACE).build();
    /**
     * The three runs' contexts per fork, kept open across inputs: building a context cost most of a run.
     * Each run ends by deleting every account ({@link #clear}), so the next one starts from the empty
     * world a fresh context has. The runs of one input are still in three different contexts.
     */
    private static final Map<String, Context> CONTEXTS = new HashMap<>();

    private FuzzVm() {
    }

    /** What one execution produced: the report, the trace hash (traced runs) and the state roots around it. */
    private record Outcome(String json, long gasUsed, boolean wrapperSawSuccess, String status, byte[] rootBefore, byte[] rootAfter, byte[] trace) {
    }

    /**
     * Splits a fuzz input into gas (bytes 0-1, times 4), fork (byte 2), call data (byte 3 gives its
     * length, then the bytes) and, from what is left, the account code {@code code} makes of it; then
     * {@link #run(byte[], byte[], long, int)}.
     */
    static void run(byte[] input, UnaryOperator<byte[]> code) {
        if (input.length < 4) {
            return;
        }
        long gas = (((input[0] & 0xFF) << 8) | (input[1] & 0xFF)) * 4L;
        int calldataEnd = Math.min(input.length, 4 + (input[3] & 0xFF));
        run(code.apply(Arrays.copyOfRange(input, calldataEnd, input.length)), Arrays.copyOfRange(input, 4, calldataEnd), gas, input[2]);
    }

    /**
     * Runs {@code code} (account code: raw EVM or a ZVMC container) with {@code calldata} and
     * {@code gas} under fork number {@code fork} (any int, reduced), checking every invariant. Code the
     * loader rejects is a documented parse error and ends the check.
     */
    static void run(byte[] code, byte[] calldata, long gas, int fork) {
        String forkName = FORKS.get(Math.floorMod(fork, FORKS.size()));
        Outcome plain = execute(Run.PLAIN, forkName, code, calldata, gas);
        if (plain == null) {
            return;
        }
        String what = plain.json;
        assertTrue(plain.gasUsed >= 0 && plain.gasUsed <= gas, "gas used " + plain.gasUsed + " within the limit " + gas + ": " + what);
        if (!plain.status.equals("success") || !plain.wrapperSawSuccess) {
            assertArrayEquals(plain.rootBefore, plain.rootAfter, "a failed frame leaves the state root as it was: " + what);
        }
        if (plain.gasUsed > TRACE_ALWAYS_GAS && !sampled(code, calldata, gas, fork)) {
            return;
        }
        Outcome traced = execute(Run.TRACED, forkName, code, calldata, gas);
        Outcome again = execute(Run.AGAIN, forkName, code, calldata, gas);
        assertEquals(plain.json, traced.json, "tracing does not change the result");
        assertEquals(traced.json, again.json, "the same input gives the same result");
        assertArrayEquals(plain.rootAfter, traced.rootAfter, "tracing does not change the state");
        assertArrayEquals(traced.rootAfter, again.rootAfter, "the same input gives the same state");
        assertArrayEquals(traced.trace, again.trace, "the same input gives the same trace: " + what);
    }

    /** Whether the input is in the one in {@link #TRACE_SAMPLE}: the top bits of its hash, mixed, since similar inputs have similar low bits. */
    private static boolean sampled(byte[] code, byte[] calldata, long gas, int fork) {
        long mixed = Objects.hash(Arrays.hashCode(code), Arrays.hashCode(calldata), gas, fork) * 0x9E3779B97F4A7C15L;
        return Long.remainderUnsigned(mixed >>> 32, TRACE_SAMPLE) == 0;
    }

    /** The three runs of an input: untraced, traced, and traced again in a context of its own. */
    private enum Run {
        PLAIN,
        TRACED,
        AGAIN
    }

    /** One transaction into the wrapper in {@code run}'s context for {@code fork}; null when the loader refuses the code. */
    private static Outcome execute(Run run, String fork, byte[] code, byte[] calldata, long gas) {
        Context polyglot = CONTEXTS.computeIfAbsent(fork + run, k -> {
            Context c = Context.newBuilder("zvm").engine(run == Run.PLAIN ? PLAIN : TRACED).option("zvm.Fork", fork).build();
            c.initialize("zvm");
            return c;
        });
        polyglot.enter();
        try {
            ZvmContext context = ZvmContext.get(null);
            try {
                context.load(code);
            } catch (ZvmParseException | ZvmLoadError e) {
                return null;
            }
            try {
                deploy(context, TARGET, code);
                deploy(context, WRAPPER, WRAPPER_CODE);
                byte[] before = root(context);
                TRACE.reset();
                InteropRecord r = Transaction.run(context, WRAPPER, context.load(WRAPPER_CODE), calldata, gas, UInt256.ZERO, CALLER, true);
                byte[] trace = TRACE.digest();
                byte[] after = root(context);
                context.state().beginTransaction();
                boolean sawSuccess = !context.state().getStorage(WRAPPER, UInt256.ZERO).isZero();
                context.state().finishTransaction();
                return new Outcome(r.get("json").toString(), ((Number) r.get("gasUsed")).longValue(), sawSuccess, (String) r.get("status"), before, after, trace);
            } finally {
                clear(context);
            }
        } finally {
            polyglot.leave();
        }
    }

    /** Deletes every account with its storage: the context's world is empty again, as a fresh one's. */
    private static void clear(ZvmContext context) {
        InMemoryBackend backend = (InMemoryBackend) context.backend();
        TreeMap<Address, AccountRecord> deleted = new TreeMap<>();
        backend.accounts().keySet().forEach(a -> deleted.put(a, null));
        backend.apply(new StateDiff(new TreeSet<>(deleted.keySet()), deleted, new TreeMap<>()));
        assertTrue(backend.accounts().isEmpty(), "the world is empty for the next input");
    }

    private static void deploy(ZvmContext context, Address a, byte[] code) {
        WorldState s = context.state();
        s.beginTransaction();
        s.setCode(a, code);
        s.setNonce(a, 1);
        context.backend().apply(s.finishTransaction());
    }

    /** The Ethereum state root of everything committed. */
    private static byte[] root(ZvmContext context) {
        InMemoryBackend backend = (InMemoryBackend) context.backend();
        return StateRoot.of(backend.accounts(), a -> {
            TreeMap<UInt256, UInt256> slots = new TreeMap<>();
            backend.forEachStorage(a, slots::put);
            return slots;
        });
    }

    /** The trace stream: keeps a SHA-256 of what is written, not the (possibly long) text itself. */
    private static final class HashingStream extends OutputStream {
        private final MessageDigest digest;

        HashingStream() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(int b) {
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }

        void reset() {
            digest.reset();
        }

        /** The hash of everything written since {@link #reset}. */
        byte[] digest() {
            return digest.digest();
        }
    }
}
