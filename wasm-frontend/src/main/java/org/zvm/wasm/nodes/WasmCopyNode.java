// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code local.get}, {@code local.set} and {@code local.tee}: one slot to another, whatever it holds. */
public final class WasmCopyNode extends WasmNode {
    private final int from;
    private final int to;

    public WasmCopyNode(int from, int to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public int execute(VirtualFrame frame) {
        frame.copyStatic(from, to);
        return NEXT;
    }
}
