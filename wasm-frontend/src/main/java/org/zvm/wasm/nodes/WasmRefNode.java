// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import org.zvm.wasm.runtime.Instance;
import org.zvm.wasm.runtime.RefNull;

import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code ref.null} (0xd0), {@code ref.is_null} (0xd1) and {@code ref.func} (0xd2, of function {@code function}). */
public final class WasmRefNode extends WasmNode {
    private final int opcode;
    private final int slot;
    private final int function;
    private final Instance instance;

    public WasmRefNode(int opcode, int slot, int function, Instance instance) {
        this.opcode = opcode;
        this.slot = slot;
        this.function = function;
        this.instance = instance;
    }

    @Override
    public int execute(VirtualFrame frame) {
        switch (opcode) {
            case 0xD0 -> frame.setObjectStatic(slot, RefNull.INSTANCE);
            case 0xD1 -> frame.setLongStatic(slot, frame.getObjectStatic(slot) == RefNull.INSTANCE ? 1 : 0);
            default -> frame.setObjectStatic(slot, instance.functions[function]);
        }
        return NEXT;
    }
}
