// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import org.zvm.wasm.runtime.Instance;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * {@code block} (and a function body, and each arm of {@code if}): a branch to it ends it. On entry it
 * charges its instructions (one gas each, nested blocks counting one) to a metered instance's gas, once
 * for the straight-line run rather than per instruction.
 */
public final class WasmBlockNode extends WasmNode {
    @Children private final WasmNode[] body;
    private final Instance instance;
    /** The one value this block returns, or {@link #MANY}. */
    private final int result;

    public WasmBlockNode(WasmNode[] body, Instance instance, int result) {
        this.body = body;
        this.instance = instance;
        this.result = result;
    }

    @Override
    @ExplodeLoop
    public int execute(VirtualFrame frame) {
        instance.charge(body.length);
        for (WasmNode n : body) {
            int r = n.execute(frame);
            if (r != NEXT) {
                return result != MANY ? result : r == 0 ? NEXT : r - 1;
            }
            n.drop(frame);
        }
        return result != MANY ? result : NEXT;
    }
}
