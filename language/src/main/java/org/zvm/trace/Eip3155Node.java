// SPDX-License-Identifier: Apache-2.0
package org.zvm.trace;

import java.io.PrintStream;

import org.zvm.nodes.Gas;
import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.runtime.Message;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.EventContext;
import com.oracle.truffle.api.instrumentation.ExecutionEventNode;
import com.oracle.truffle.api.instrumentation.StandardTags;

/**
 * Traces one instruction. The line shows the state before the instruction (captured on entry); its
 * {@code gasCost} includes dynamic gas, so it is printed when the instruction returns — except for
 * calls, printed on entry so the callee's lines follow theirs, as in geth's traces.
 */
final class Eip3155Node extends ExecutionEventNode {
    private final EventContext context;
    private final PrintStream out;
    private final boolean call;
    /** The line up to the gas cost, the line after it, and the counter, captured on entry (instructions other than calls cannot re-enter). */
    private String head;
    private String tail;
    private long counterBefore;

    Eip3155Node(EventContext context, PrintStream out) {
        this.context = context;
        this.out = out;
        this.call = context.hasTag(StandardTags.CallTag.class);
    }

    @Override
    protected void onEnter(VirtualFrame frame) {
        enter(frame.materialize());
    }

    @Override
    protected void onReturnValue(VirtualFrame frame, Object result) {
        exit(frame.materialize());
    }

    @Override
    protected void onReturnExceptional(VirtualFrame frame, Throwable exception) {
        exit(frame.materialize());
    }

    @TruffleBoundary
    private void enter(MaterializedFrame frame) {
        ZvmInstructionNode n = (ZvmInstructionNode) context.getInstrumentedNode();
        Message m = Stack.message(frame);
        counterBefore = frame.getLongStatic(Stack.GAS);
        head = "{\"pc\":" + n.pc() + ",\"op\":" + n.opcode() + ",\"gas\":\"0x" + Long.toHexString(Gas.before(frame, n)) + "\",\"gasCost\":\"0x";
        StringBuilder sb = new StringBuilder(160);
        sb.append("\",\"memSize\":").append(m.memory.size());
        sb.append(",\"stack\":[");
        int sp = Stack.sp(frame);
        for (int i = 0; i < sp; i++) {
            sb.append(i == 0 ? "\"" : ",\"").append(Stack.readWord(frame, i).toHexQuantity()).append('"');
        }
        sb.append("],\"depth\":").append(m.depth + 1);
        sb.append(",\"refund\":").append(m.state.getRefund());
        sb.append(",\"opName\":\"").append(n.mnemonic()).append("\"}");
        tail = sb.toString();
        if (call) {
            print(n.baseGas());
        }
    }

    @TruffleBoundary
    private void exit(MaterializedFrame frame) {
        if (call || head == null) {
            return;
        }
        ZvmInstructionNode n = (ZvmInstructionNode) context.getInstrumentedNode();
        long dynamic = counterBefore - frame.getLongStatic(Stack.GAS);
        print(n.baseGas() + Math.max(0, dynamic));
    }

    private void print(long cost) {
        out.println(head + Long.toHexString(cost) + tail);
        head = null;
    }
}
