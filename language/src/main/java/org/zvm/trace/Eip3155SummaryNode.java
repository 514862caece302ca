// SPDX-License-Identifier: Apache-2.0
package org.zvm.trace;

import java.io.PrintStream;

import org.zvm.error.HaltReason;
import org.zvm.error.ZvmException;
import org.zvm.nodes.Stack;
import org.zvm.runtime.Message;
import org.zvm.util.Hex;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.ExecutionEventNode;

/**
 * The last line of an EIP-3155 trace, printed when the outermost frame ends, as geth and evmone print it:
 * {@code {"output":"…","gasUsed":"0x…"}}, with {@code "error"} when the frame did not succeed. Tools that
 * diff traces (goevmlab) match on this line.
 */
final class Eip3155SummaryNode extends ExecutionEventNode {
    private final PrintStream out;

    Eip3155SummaryNode(PrintStream out) {
        this.out = out;
    }

    @Override
    protected void onReturnValue(VirtualFrame frame, Object result) {
        if (result instanceof HaltReason reason) {
            summarize(frame.materialize(), reason, frame.getLongStatic(Stack.GAS));
        }
    }

    @Override
    protected void onReturnExceptional(VirtualFrame frame, Throwable exception) {
        if (exception instanceof ZvmException e) {
            summarize(frame.materialize(), e.reason(), 0);
        }
    }

    @TruffleBoundary
    private void summarize(MaterializedFrame frame, HaltReason reason, long gasLeft) {
        Message m = Stack.message(frame);
        if (m.depth != 0) {
            return;
        }
        byte[] output = reason.consumesAllGas() ? Message.EMPTY : m.output;
        StringBuilder sb = new StringBuilder(64 + 2 * output.length);
        sb.append("{\"output\":\"").append(Hex.strip(Hex.of(output))).append("\",\"gasUsed\":\"0x").append(Long.toHexString(m.gas - gasLeft)).append('"');
        if (!reason.isSuccess()) {
            sb.append(",\"error\":\"").append(reason == HaltReason.REVERT ? "execution reverted" : reason.message).append('"');
        }
        out.println(sb.append('}'));
    }
}
