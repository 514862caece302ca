// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.profiles.CountingConditionProfile;

/** {@code if ... else ... end}: each arm is a block; the condition was popped from {@code conditionSlot}. */
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
        if (profile.profile((int) frame.getLongStatic(conditionSlot) != 0)) {
            return thenBlock.execute(frame);
        }
        return elseBlock.execute(frame);
    }
}
