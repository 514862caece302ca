// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes.memory;

import org.zvm.nodes.Gas;
import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.runtime.Memory;

import com.oracle.truffle.api.frame.VirtualFrame;

/** MLOAD, MSTORE, MSTORE8, MSIZE: memory expansion is charged before the access. */
public final class MemoryNodes {
    private MemoryNodes() {
    }

    public static final class MLoad extends ZvmInstructionNode {
        @Override
        public void execute(VirtualFrame f) {
            int top = Stack.sp(f) - 1;
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
        public void execute(VirtualFrame f) {
            int sp = Stack.sp(f);
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
            int sp = Stack.sp(f);
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
            int sp = Stack.sp(f);
            Stack.setLong(f, sp, Stack.message(f).memory.size());
            Stack.setSp(f, sp + 1);
        }
    }
}
