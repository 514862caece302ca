// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes.stack;

import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.runtime.UInt256;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/** Instructions that only move words: push, pop, dup, swap, and the no-ops. */
public final class StackNodes {
    private StackNodes() {
    }

    /** Pushes an immediate; its limbs are constants, so compiled code folds whatever consumes them. */
    public static final class Push extends ZvmInstructionNode {
        private final long w0;
        private final long w1;
        private final long w2;
        private final long w3;

        public Push(UInt256 value) {
            this.w0 = value.w0();
            this.w1 = value.w1();
            this.w2 = value.w2();
            this.w3 = value.w3();
        }

        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            Stack.set(f, sp, w0, w1, w2, w3);
            Stack.setSp(f, sp + 1);
        }
    }

    public static final class Pop extends ZvmInstructionNode {
        @Override
        public void execute(VirtualFrame f) {
            Stack.setSp(f, sp(f) - 1);
        }
    }

    /** DUPn: copies the n-th word (1 = top) onto the top. */
    public static final class Dup extends ZvmInstructionNode {
        private final int n;

        public Dup(int n) {
            this.n = n;
        }

        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            Stack.copy(f, sp - n, sp);
            Stack.setSp(f, sp + 1);
        }
    }

    /** SWAPn: exchanges the top with the (n+1)-th word. */
    public static final class Swap extends ZvmInstructionNode {
        private final int n;

        public Swap(int n) {
            this.n = n;
        }

        @Override
        @ExplodeLoop
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            int top = sp - 1;
            int other = sp - 1 - n;
            for (int limb = 0; limb < 4; limb++) {
                long t = Stack.get(f, top, limb);
                Stack.set(f, top, limb, Stack.get(f, other, limb));
                Stack.set(f, other, limb, t);
            }
        }
    }

    /** NOP and JUMPDEST: nothing beyond the gas the block charged. */
    public static final class Nop extends ZvmInstructionNode {
        @Override
        public void execute(VirtualFrame f) {
        }
    }
}
