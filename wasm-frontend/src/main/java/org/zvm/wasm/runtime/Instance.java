// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import org.zvm.wasm.WasmException;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.Truffle;

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
     * Holds until an embedder meters the instance ({@link #meter}): until then nothing is charged, so compiled
     * code of an unmetered instance (a plain {@code --invoke}) has no meter reads and writes at all.
     */
    private final Assumption unmetered = Truffle.getRuntime().createAssumption("unmetered WASM instance");
    private long gasLeft = Long.MAX_VALUE;

    public Instance(String name) {
        this.name = name;
    }

    /**
     * Meters the instance with {@code gas}: from now on each block charges its instructions on entry and host
     * functions charge through {@link org.zvm.wasm.host.HostContext#charge} (a Soroban host moves the ZVM gas
     * meter's figure in and out around a call). Compiled code that skipped the meter is invalidated.
     */
    public void meter(long gas) {
        unmetered.invalidate();
        gasLeft = gas;
    }

    /** The gas left; {@link Long#MAX_VALUE} while the instance is unmetered. */
    public long gasLeft() {
        return gasLeft;
    }

    /** Takes {@code gas} from a metered instance; traps "out of gas" (leaving 0) when too little is left. */
    public void charge(long gas) {
        if (unmetered.isValid()) {
            return;
        }
        if (gas < 0 || gas > gasLeft) {
            CompilerDirectives.transferToInterpreter();
            gasLeft = 0;
            throw WasmException.trap("out of gas");
        }
        gasLeft -= gas;
    }

    public WasmMemory memory(int index) {
        return memories[index];
    }
}
