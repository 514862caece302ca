// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes.env;

import java.util.ArrayList;
import java.util.List;

import org.zvm.error.HaltReason;
import org.zvm.error.ZvmException;
import org.zvm.nodes.Gas;
import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.opcode.GasCosts;
import org.zvm.runtime.Message;
import org.zvm.runtime.UInt256;
import org.zvm.state.Log;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/** LOG0–LOG4: offset (top), length, then the topics; the base gas already covers the topics. */
public final class LogNode extends ZvmInstructionNode {
    private final int topics;

    public LogNode(int topics) {
        this.topics = topics;
    }

    @Override
    @ExplodeLoop
    public void execute(VirtualFrame f) {
        int sp = sp(f);
        Message m = Stack.message(f);
        if (m.isStatic) {
            throw ZvmException.create(HaltReason.STATIC_STATE_CHANGE, this);
        }
        long offset = Stack.readSaturated(f, sp - 1);
        long len = Stack.readSaturated(f, sp - 2);
        Gas.charge(f, len > Long.MAX_VALUE / GasCosts.LOG_DATA_BYTE ? Long.MAX_VALUE : len * GasCosts.LOG_DATA_BYTE, this);
        Gas.chargeMemory(f, m.memory, offset, len, this);
        List<UInt256> t = new ArrayList<>(topics);
        for (int i = 0; i < topics; i++) {
            t.add(Stack.readWord(f, sp - 3 - i));
        }
        emit(m, t, m.memory.read(offset, len));
        Stack.setSp(f, sp - 2 - topics);
    }

    @TruffleBoundary
    private static void emit(Message m, List<UInt256> topics, byte[] data) {
        m.state.addLog(new Log(m.address, List.copyOf(topics), data));
    }
}
