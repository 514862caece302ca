// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.profiles.CountingConditionProfile;

/**
 * {@code if ... else ... end}: each arm is a block; the condition was popped from {@code conditionSlot}.
 * It is cleared before the arm runs, as {@code br_if} clears its own (the parent cannot: the if's first
 * result may land in that slot), so an arm that leaves the slot alone leaves it as the other arm does.
 */
public final class WasmIfNode extends WasmNode {
    private final int conditionSlot;
    @Child private WasmBlockNode thenBlock;
    @Child private WasmBlockNode elseBlock;
    private final CountingConditionProfile profile = CountingConditionProfile.create();

    public WasmIfNode(int conditionSlot, WasmBlockNode thenBlock, WasmBlockNode elseBlock) {
        this.conditionSlot = conditionSlot;
        this.thenBlock = thenBlock;
        this.elseBlock = elseBlock;
    }

    @Override
    public int execute(VirtualFrame frame) {
        boolean condition = (int) frame.getLongStatic(conditionSlot) != 0;
        clear(frame, conditionSlot, conditionSlot + 1);
        if (profile.profile(condition)) {
            return thenBlock.execute(frame);
        }
        return elseBlock.execute(frame);
    }
}
