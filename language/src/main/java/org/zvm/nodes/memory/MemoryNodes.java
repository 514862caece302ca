// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes.memory;

import org.zvm.nodes.Gas;
import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.opcode.GasCosts;
import org.zvm.runtime.Memory;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/** MLOAD, MSTORE, MSTORE8, MSIZE, MCOPY: memory expansion is charged before the access. */
public final class MemoryNodes {
    private MemoryNodes() {
    }

    public static final class MLoad extends ZvmInstructionNode {
        @Override
        @ExplodeLoop
        public void execute(VirtualFrame f) {
            int top = sp(f) - 1;
            long offset = Stack.readSaturated(f, top);
            Memory memory = Stack.message(f).memory;
            Gas.chargeMemory(f, memory, offset, 32, this);
            for (int limb = 0; limb < 4; limb++) {
                Stack.set(f, top, limb, memory.readLimb(offset, limb));
            }
        }
    }

    public static final class MStore extends ZvmInstructionNode {
        @Override
        @ExplodeLoop
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            long offset = Stack.readSaturated(f, sp - 1);
            Memory memory = Stack.message(f).memory;
            Gas.chargeMemory(f, memory, offset, 32, this);
            for (int limb = 0; limb < 4; limb++) {
                memory.writeLimb(offset, limb, Stack.get(f, sp - 2, limb));
            }
            Stack.setSp(f, sp - 2);
        }
    }

    public static final class MStore8 extends ZvmInstructionNode {
        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            long offset = Stack.readSaturated(f, sp - 1);
            Memory memory = Stack.message(f).memory;
            Gas.chargeMemory(f, memory, offset, 1, this);
            memory.set(offset, (byte) Stack.get(f, sp - 2, 0));
            Stack.setSp(f, sp - 2);
        }
    }

    public static final class MSize extends ZvmInstructionNode {
        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            Stack.setLong(f, sp, Stack.message(f).memory.size());
            Stack.setSp(f, sp + 1);
        }
    }

    /** MCOPY (EIP-5656): dest (top), source, length; the regions may overlap. */
    public static final class MCopy extends ZvmInstructionNode {
        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            long dest = Stack.readSaturated(f, sp - 1);
            long src = Stack.readSaturated(f, sp - 2);
            long len = Stack.readSaturated(f, sp - 3);
            Memory memory = Stack.message(f).memory;
            Gas.charge(f, Gas.perWord(len, GasCosts.COPY_WORD), this);
            Gas.chargeMemory(f, memory, src, len, this);
            Gas.chargeMemory(f, memory, dest, len, this);
            if (len > 0) {
                memory.write(dest, memory.read(src, len));
            }
            Stack.setSp(f, sp - 3);
        }
    }
}
