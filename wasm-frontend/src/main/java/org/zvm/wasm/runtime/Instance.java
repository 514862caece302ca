// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module instance: the function, table, memory and global instances its index spaces name (imports
 * first), its element and data segments (emptied when dropped) and its exports. The nodes of its code
 * hold it, and read these arrays when they run; the linker fills them.
 */
public final class Instance {
    public final String name;
    public FuncType[] types;
    public WasmFunction[] functions;
    public WasmTable[] tables;
    public WasmMemory[] memories;
    public WasmGlobal[] globals;
    public Object[][] elements;
    public byte[][] data;
    public final Map<String, Object> exports = new LinkedHashMap<>();
    /**
     * Gas left for the instance's code: each block charges its instructions on entry and host functions
     * charge through {@link org.zvm.wasm.host.HostContext#charge}; unlimited unless an embedder sets it
     * (a Soroban host moves the ZVM gas meter's figure in and out around a call).
     */
    public long gasLeft = Long.MAX_VALUE;

    public Instance(String name) {
        this.name = name;
    }

    public WasmMemory memory(int index) {
        return memories[index];
    }
}
