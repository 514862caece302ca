// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;

/** A numeric constant ({@code i32.const} ... {@code f64.const}) as its bit pattern. */
public final class WasmConstNode extends WasmNode {
    private final int slot;
    private final long bits;

    public WasmConstNode(int slot, long bits) {
        this.slot = slot;
        this.bits = bits;
    }

    @Override
    public int execute(VirtualFrame frame) {
        frame.setLongStatic(slot, bits);
        return NEXT;
    }
}
