// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code select}: operands in {@code slot} and {@code slot + 1}, condition in {@code slot + 2}. */
public final class WasmSelectNode extends WasmNode {
    private final int slot;

    public WasmSelectNode(int slot) {
        this.slot = slot;
    }

    @Override
    public int execute(VirtualFrame frame) {
        if ((int) frame.getLongStatic(slot + 2) == 0) {
            frame.copyStatic(slot + 1, slot);
        }
        return NEXT;
    }
}
