// SPDX-License-Identifier: Apache-2.0
package org.zvm.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmCodeRootNode;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.runtime.Message;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.EventContext;
import com.oracle.truffle.api.instrumentation.ExecutionEventNode;
import com.oracle.truffle.api.instrumentation.SourceSectionFilter;
import com.oracle.truffle.api.instrumentation.TruffleInstrument;
import com.oracle.truffle.api.nodes.Node;

/**
 * Follows the internal Solidity function calls of code shown through a source map: solc marks the JUMP
 * into a function {@code i} and the JUMP back {@code o}, and this instrument records, per contract
 * invocation, the calls entered and not yet left. Internal functions are jumps inside one Truffle root,
 * so they cannot be Truffle frames; debuggers read this record ({@link SolidityCalls#calls}) to name the
 * frame after the innermost Solidity function and to list the Solidity call stack.
 *
 * <p>The language creates the instrument (by looking up its service) when it loads code with a source
 * map, so nothing is instrumented otherwise; its nodes sit only on the marked jumps, and execution nodes
 * keep no record of their own.
 */
@TruffleInstrument.Registration(id = SolidityCallsInstrument.ID, name = "ZVM Solidity call stack", version = "0.1.0", internal = true, services = SolidityCallsInstrument.SolidityCalls.class)
public final class SolidityCallsInstrument extends TruffleInstrument {
    public static final String ID = "zvm-solidity-calls";

    /** The internal calls entered and not left, per running contract invocation. */
    public static final class SolidityCalls {
        /** Weak: an invocation that ends (or reverts mid-function) leaves no record behind. */
        private final Map<Message, List<int[]>> open = new WeakHashMap<>();

        @TruffleBoundary
        synchronized void enter(Message m, int site, int target) {
            open.computeIfAbsent(m, k -> new ArrayList<>()).add(new int[]{site, target});
        }

        @TruffleBoundary
        synchronized void leave(Message m) {
            List<int[]> calls = open.get(m);
            if (calls != null && !calls.isEmpty()) {
                calls.removeLast();
            }
        }

        /** {@code {call site pc, target pc}} of each internal call {@code m} is in, outermost first. */
        public synchronized List<int[]> calls(Message m) {
            return List.copyOf(open.getOrDefault(m, List.of()));
        }
    }

    /** The record of the context's engine, creating the instrument on first use. */
    public static SolidityCalls of(TruffleLanguage.Env env) {
        return env.lookup(env.getInstruments().get(ID), SolidityCalls.class);
    }

    @Override
    protected void onCreate(Env env) {
        SolidityCalls calls = new SolidityCalls();
        env.registerService(calls);
        SourceSectionFilter filter = SourceSectionFilter.newBuilder().tagIs(InstructionTag.class).mimeTypeIs(SoliditySourceMap.SOLIDITY_MIME).build();
        env.getInstrumenter().attachExecutionEventFactory(filter, context -> follower(context, calls));
    }

    /** A node for a jump marked {@code i} or {@code o}; none for any other instruction. */
    private static ExecutionEventNode follower(EventContext context, SolidityCalls calls) {
        Node node = context.getInstrumentedNode();
        if (!(node instanceof ZvmInstructionNode instruction) || !(node.getRootNode() instanceof ZvmCodeRootNode root) || root.solidity() == null) {
            return null;
        }
        return switch (root.solidity().jump(instruction.pc())) {
            case 'i' -> new Enter(calls, instruction.pc());
            case 'o' -> new Leave(calls);
            default -> null;
        };
    }

    /** After a jump into a function: records the call and where it went (the jump's destination). */
    private static final class Enter extends ExecutionEventNode {
        private final SolidityCalls calls;
        private final int site;

        Enter(SolidityCalls calls, int site) {
            this.calls = calls;
            this.site = site;
        }

        @Override
        protected void onReturnValue(VirtualFrame frame, Object result) {
            long dest = frame.getLongStatic(Stack.DEST);
            calls.enter(Stack.message(frame), site, (int) Math.min(dest, Integer.MAX_VALUE));
        }
    }

    /** After a jump out of a function: the innermost call is left. */
    private static final class Leave extends ExecutionEventNode {
        private final SolidityCalls calls;

        Leave(SolidityCalls calls) {
            this.calls = calls;
        }

        @Override
        protected void onReturnValue(VirtualFrame frame, Object result) {
            calls.leave(Stack.message(frame));
        }
    }
}
