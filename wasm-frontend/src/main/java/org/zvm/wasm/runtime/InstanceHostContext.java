// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.runtime;

import org.zvm.wasm.WasmException;
import org.zvm.wasm.host.HostContext;

/**
 * What a host function sees of the instance that imported it: memory 0, and the instance's gas
 * ({@link Instance#charge}), which its code charges too; running out traps "out of gas".
 */
final class InstanceHostContext implements HostContext {
    private final Instance instance;

    InstanceHostContext(Instance instance) {
        this.instance = instance;
    }

    @Override
    public boolean hasMemory() {
        return instance.memories.length > 0;
    }

    private WasmMemory memory() {
        if (!hasMemory()) {
            throw WasmException.trap("the calling module has no memory");
        }
        return instance.memories[0];
    }

    @Override
    public byte[] read(long address, int length) {
        WasmMemory m = memory();
        checkAddress(address, length, m);
        byte[] out = new byte[length];
        System.arraycopy(m.data(), (int) address, out, 0, length);
        return out;
    }

    @Override
    public void write(long address, byte[] bytes) {
        WasmMemory m = memory();
        checkAddress(address, bytes.length, m);
        System.arraycopy(bytes, 0, m.data(), (int) address, bytes.length);
    }

    private static void checkAddress(long address, int length, WasmMemory m) {
        if (address < 0 || length < 0 || address + length > m.byteSize()) {
            throw WasmException.trap("out of bounds memory access");
        }
    }

    @Override
    public void charge(long gas) {
        instance.charge(gas);
    }

    @Override
    public long gasLeft() {
        return instance.gasLeft();
    }
}
