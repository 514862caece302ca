// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.runtime;

/** A global instance: numbers as bit patterns in {@link #value}, references in {@link #ref}. */
public final class WasmGlobal {
    public final byte type;
    public final boolean mutable;
    public long value;
    public Object ref;

    public WasmGlobal(byte type, boolean mutable) {
        this.type = type;
        this.mutable = mutable;
        this.ref = RefNull.INSTANCE;
    }
}
