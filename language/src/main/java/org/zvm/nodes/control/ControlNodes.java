// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes.control;

import org.zvm.error.HaltReason;
import org.zvm.error.ZvmException;
import org.zvm.nodes.Gas;
import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.runtime.Message;

import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * Instructions that end a block or a frame. Jumps only pop and record their operands; where control goes
 * is decided by the dispatch from the block's exit, so it stays a compile-time fact.
 */
public final class ControlNodes {
    private ControlNodes() {
    }

    /** JUMP: pops the destination. */
    public static final class Jump extends ZvmInstructionNode {
        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            f.setLongStatic(Stack.DEST, destination(f, sp - 1));
            Stack.setSp(f, sp - 1);
        }
    }

    /** JUMPI: pops the destination (top), then the condition. */
    public static final class JumpI extends ZvmInstructionNode {
        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            f.setLongStatic(Stack.DEST, destination(f, sp - 1));
            f.setIntStatic(Stack.COND, Stack.isZero(f, sp - 2) ? 0 : 1);
            Stack.setSp(f, sp - 2);
        }
    }

    static long destination(VirtualFrame f, int pos) {
        long d = Stack.readSaturated(f, pos);
        return d == Long.MAX_VALUE ? -1 : d;
    }

    /** HALT (native) and STOP (EVM): end with empty output. */
    public static final class Halt extends ZvmInstructionNode {
        @Override
        public void execute(VirtualFrame f) {
        }
    }

    /** RETURN and REVERT: offset (top), then length; the output is copied out of memory. */
    public static final class Output extends ZvmInstructionNode {
        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            long offset = Stack.readSaturated(f, sp - 1);
            long len = Stack.readSaturated(f, sp - 2);
            Message m = Stack.message(f);
            Gas.chargeMemory(f, m.memory, offset, len, this);
            m.output = m.memory.read(offset, len);
            Stack.setSp(f, sp - 2);
        }
    }

    public static final class Pc extends ZvmInstructionNode {
        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            Stack.setLong(f, sp, pc);
            Stack.setSp(f, sp + 1);
        }
    }

    /** A byte that is no instruction, or one numbered for a later release: halts. */
    public static final class Invalid extends ZvmInstructionNode {
        private final HaltReason reason;

        public Invalid(HaltReason reason) {
            this.reason = reason;
        }

        @Override
        public void execute(VirtualFrame f) {
            throw ZvmException.create(reason, reason == HaltReason.INVALID_OPCODE ? String.format("0x%02x at offset %d", opcode, pc) : mnemonic, this);
        }
    }
}
