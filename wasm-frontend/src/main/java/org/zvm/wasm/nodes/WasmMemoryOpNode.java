// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import java.util.Arrays;

import org.zvm.wasm.WasmException;
import org.zvm.wasm.runtime.Instance;
import org.zvm.wasm.runtime.WasmMemory;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * Whole-memory instructions: {@code memory.size} (0x3f), {@code memory.grow} (0x40) and the bulk ones
 * numbered {@code 0x100 +} their 0xfc sub-opcode: {@code memory.init} (8, of data segment {@code segment}),
 * {@code data.drop} (9), {@code memory.copy} (10) and {@code memory.fill} (11). Operands start at {@code slot}.
 */
public final class WasmMemoryOpNode extends WasmNode {
    public static final int SIZE = 0x3F;
    public static final int GROW = 0x40;
    public static final int INIT = 0x108;
    public static final int DROP = 0x109;
    public static final int COPY = 0x10A;
    public static final int FILL = 0x10B;

    private final int opcode;
    private final int slot;
    private final int segment;
    private final Instance instance;

    public WasmMemoryOpNode(int opcode, int slot, int segment, Instance instance) {
        this.opcode = opcode;
        this.slot = slot;
        this.segment = segment;
        this.instance = instance;
    }

    @Override
    public int execute(VirtualFrame frame) {
        switch (opcode) {
            case SIZE -> frame.setLongStatic(slot, instance.memories[0].pages());
            case GROW -> frame.setLongStatic(slot, grow(instance.memories[0], (int) frame.getLongStatic(slot)));
            case DROP -> instance.data[segment] = new byte[0];
            default -> bulk((int) frame.getLongStatic(slot), (int) frame.getLongStatic(slot + 1), (int) frame.getLongStatic(slot + 2));
            }
        return NEXT;
    }

    @TruffleBoundary
    private static int grow(WasmMemory m, int delta) {
        return m.grow(delta);
    }

    @TruffleBoundary
    private void bulk(int a, int b, int n) {
        WasmMemory m = instance.memories[0];
        byte[] data = m.data();
        switch (opcode) {
            case INIT -> {
                byte[] seg = instance.data[segment];
                if (Integer.toUnsignedLong(b) + Integer.toUnsignedLong(n) > seg.length) {
                    throw WasmException.trap("out of bounds memory access");
                }
                m.checkRange(a, n);
                System.arraycopy(seg, b, data, a, n);
            }
            case COPY -> {
                m.checkRange(a, n);
                m.checkRange(b, n);
                System.arraycopy(data, b, data, a, n);
            }
            case FILL -> {
                m.checkRange(a, n);
                Arrays.fill(data, a, a + n, (byte) b);
            }
            default -> throw CompilerDirectives.shouldNotReachHere("memory op " + opcode);
        }
    }
}
