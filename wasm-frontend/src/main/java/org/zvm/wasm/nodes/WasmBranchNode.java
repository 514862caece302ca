// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.profiles.CountingConditionProfile;

/**
 * {@code br}, {@code br_if} and {@code return}: move the label's {@code count} values from the top of the
 * stack ({@code from}) to where the label expects them ({@code to}), then leave {@code depth} blocks.
 * For {@code br_if} the condition sits in {@code conditionSlot} (-1 for an unconditional branch).
 * <p>
 * {@code br_if} clears its condition slot (its only dropped slot) before it decides, not after as a block
 * does for other nodes: both ways out then carry the same frame state, so compiled code merges no slot
 * values where they meet and the test of the returned depth folds into the branch itself.
 */
public final class WasmBranchNode extends WasmNode {
    private final int depth;
    private final int from;
    private final int to;
    private final int count;
    private final int conditionSlot;
    private final CountingConditionProfile profile = CountingConditionProfile.create();

    public WasmBranchNode(int depth, int from, int to, int count, int conditionSlot) {
        this.depth = depth;
        this.from = from;
        this.to = to;
        this.count = count;
        this.conditionSlot = conditionSlot;
    }

    @Override
    public int execute(VirtualFrame frame) {
        if (conditionSlot >= 0) {
            boolean taken = (int) frame.getLongStatic(conditionSlot) != 0;
            drop(frame);
            if (!profile.profile(taken)) {
                return NEXT;
            }
        }
        move(frame, from, to, count);
        return depth;
    }

    @ExplodeLoop
    static void move(VirtualFrame frame, int from, int to, int count) {
        if (from != to) {
            for (int i = 0; i < count; i++) {
                frame.copyStatic(from + i, to + i);
            }
        }
    }
}
