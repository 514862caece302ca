// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes.arith;

import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmInstructionNode;

import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * An instruction that pops {@code a} (top) and {@code b} and pushes one word, written over {@code b}'s
 * slot (EVM operand order, zvm-native.md).
 */
public abstract class BinaryNode extends ZvmInstructionNode {
    @Override
    public final void execute(VirtualFrame f) {
        int sp = sp(f);
        compute(f, sp - 1, sp - 2);
        Stack.setSp(f, sp - 1);
    }

    /** Reads the words at stack positions {@code a} and {@code b}; writes the result at {@code b}. */
    protected abstract void compute(VirtualFrame f, int a, int b);
}
