// SPDX-License-Identifier: Apache-2.0
package org.zvm.trace;

import org.zvm.error.HaltReason;
import org.zvm.error.ZvmException;
import org.zvm.nodes.Stack;
import org.zvm.runtime.Message;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.ExecutionEventNode;

/** Reports one contract body's entry and exit to the {@link CallTree}. */
final class CallTraceNode extends ExecutionEventNode {
    private final CallTree tree;

    CallTraceNode(CallTree tree) {
        this.tree = tree;
    }

    @Override
    protected void onEnter(VirtualFrame frame) {
        enter(Stack.message(frame));
    }

    @Override
    protected void onReturnValue(VirtualFrame frame, Object result) {
        exit(Stack.message(frame), result instanceof HaltReason r ? r : HaltReason.STOP, frame.getLongStatic(Stack.GAS));
    }

    /** A halt: the frame's gas is all consumed (as the root node records it). */
    @Override
    protected void onReturnExceptional(VirtualFrame frame, Throwable exception) {
        exit(Stack.message(frame), exception instanceof ZvmException z ? z.reason() : HaltReason.INTERNAL_ERROR, 0);
    }

    @TruffleBoundary
    private void enter(Message m) {
        tree.enter(m);
    }

    @TruffleBoundary
    private void exit(Message m, HaltReason reason, long gasLeft) {
        tree.exit(m, reason, gasLeft);
    }
}
