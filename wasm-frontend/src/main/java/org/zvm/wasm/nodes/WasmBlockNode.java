// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/** {@code block} (and a function body, and each arm of {@code if}): a branch to it ends it. */
public final class WasmBlockNode extends WasmNode {
    @Children private final WasmNode[] body;

    public WasmBlockNode(WasmNode[] body) {
        this.body = body;
    }

    @Override
    @ExplodeLoop
    public int execute(VirtualFrame frame) {
        for (WasmNode n : body) {
            int r = n.execute(frame);
            if (r != NEXT) {
                return r == 0 ? NEXT : r - 1;
            }
        }
        return NEXT;
    }
}
