// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import org.zvm.wasm.runtime.Instance;
import org.zvm.wasm.runtime.WasmGlobal;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code global.get} ({@code set} false) and {@code global.set} of global {@code index} of the instance. */
public final class WasmGlobalNode extends WasmNode {
    private final Instance instance;
    private final int index;
    private final int slot;
    private final boolean set;
    private final boolean reference;

    public WasmGlobalNode(Instance instance, int index, int slot, boolean set, boolean reference) {
        this.instance = instance;
        this.index = index;
        this.slot = slot;
        this.set = set;
        this.reference = reference;
    }

    @Override
    public int execute(VirtualFrame frame) {
        WasmGlobal g = instance.globals[index];
        if (set) {
            if (reference) {
                g.ref = frame.getObjectStatic(slot);
            } else {
                g.value = frame.getLongStatic(slot);
            }
        } else if (reference) {
            frame.setObjectStatic(slot, g.ref);
        } else {
            frame.setLongStatic(slot, g.value);
        }
        return NEXT;
    }
}
