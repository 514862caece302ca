// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * {@code br_table}: the index in {@code indexSlot} picks a label (the last entry is the default). Compiled
 * code tests the entries in turn, so each taken branch has constant slots and depth.
 */
public final class WasmBranchTableNode extends WasmNode {
    private final int indexSlot;
    @CompilationFinal(dimensions = 1) private final int[] depths;
    @CompilationFinal(dimensions = 1) private final int[] targets;
    private final int from;
    private final int count;

    public WasmBranchTableNode(int indexSlot, int[] depths, int[] targets, int from, int count) {
        this.indexSlot = indexSlot;
        this.depths = depths;
        this.targets = targets;
        this.from = from;
        this.count = count;
    }

    /** Tables larger than this are indexed, not unrolled, to keep compiled code small. */
    private static final int UNROLL_LIMIT = 32;

    @Override
    public int execute(VirtualFrame frame) {
        int index = (int) frame.getLongStatic(indexSlot);
        if (depths.length > UNROLL_LIMIT) {
            int i = Integer.compareUnsigned(index, depths.length - 1) < 0 ? index : depths.length - 1;
            WasmBranchNode.move(frame, from, targets[i], count);
            return depths[i];
        }
        return unrolled(frame, index);
    }

    @ExplodeLoop
    private int unrolled(VirtualFrame frame, int index) {
        int last = depths.length - 1;
        for (int i = 0; i < last; i++) {
            if (index == i) {
                WasmBranchNode.move(frame, from, targets[i], count);
                return depths[i];
            }
        }
        WasmBranchNode.move(frame, from, targets[last], count);
        return depths[last];
    }
}
