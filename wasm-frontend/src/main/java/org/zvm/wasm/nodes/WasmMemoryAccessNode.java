// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import org.zvm.wasm.runtime.Instance;
import org.zvm.wasm.runtime.WasmMemory;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * Loads (0x28-0x35: address in {@code slot}, result replaces it) and stores (0x36-0x3e: address in
 * {@code slot}, value in {@code slot + 1}) of memory 0 at the address plus the constant {@code offset}.
 */
public final class WasmMemoryAccessNode extends WasmNode {
    private final int opcode;
    private final int slot;
    private final long offset;
    private final Instance instance;

    public WasmMemoryAccessNode(int opcode, int slot, long offset, Instance instance) {
        this.opcode = opcode;
        this.slot = slot;
        this.offset = offset;
        this.instance = instance;
    }

    /** How many bytes the access of {@code opcode} touches. */
    public static int size(int opcode) {
        return switch (opcode) {
            case 0x2C, 0x2D, 0x30, 0x31, 0x3A, 0x3C -> 1;
            case 0x2E, 0x2F, 0x32, 0x33, 0x3B, 0x3D -> 2;
            case 0x28, 0x2A, 0x34, 0x35, 0x36, 0x38, 0x3E -> 4;
            default -> 8;
        };
    }

    @Override
    public int execute(VirtualFrame frame) {
        WasmMemory m = instance.memories[0];
        long i = m.address((int) frame.getLongStatic(slot), offset, size(opcode));
        if (opcode <= 0x35) {
            frame.setLongStatic(slot, load(m, i));
        } else {
            store(m, i, frame.getLongStatic(slot + 1));
        }
        return NEXT;
    }

    private long load(WasmMemory m, long i) {
        return switch (opcode) {
            case 0x28, 0x2A, 0x34 -> m.getInt(i);
            case 0x29, 0x2B -> m.getLong(i);
            case 0x2C, 0x30 -> m.getByte(i);
            case 0x2D -> m.getByte(i) & 0xff;
            case 0x31 -> m.getByte(i) & 0xffL;
            case 0x2E, 0x32 -> m.getShort(i);
            case 0x2F -> m.getShort(i) & 0xffff;
            case 0x33 -> m.getShort(i) & 0xffffL;
            case 0x35 -> m.getInt(i) & 0xffffffffL;
            default -> throw CompilerDirectives.shouldNotReachHere("load " + opcode);
        };
    }

    private void store(WasmMemory m, long i, long v) {
        switch (opcode) {
            case 0x36, 0x38, 0x3E -> m.putInt(i, (int) v);
            case 0x37, 0x39 -> m.putLong(i, v);
            case 0x3A, 0x3C -> m.putByte(i, (byte) v);
            case 0x3B, 0x3D -> m.putShort(i, (short) v);
            default -> throw CompilerDirectives.shouldNotReachHere("store " + opcode);
        }
    }
}
