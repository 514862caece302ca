// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import org.zvm.wasm.runtime.Instance;
import org.zvm.wasm.runtime.V128;
import org.zvm.wasm.runtime.WasmMemory;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * A SIMD instruction (0xfd sub-opcode {@code opcode}) of one of the operand layouts in {@link Kind}, its
 * operands from {@code slot} up, its result in {@code slot}. The lane arithmetic is in {@link WasmSimd}.
 */
public final class WasmSimdNode extends WasmNode {
    /** Operand layouts. */
    public enum Kind {
        CONST, UNARY, BINARY, TERNARY, REDUCE, SHIFT, SPLAT, EXTRACT, REPLACE, SHUFFLE, LOAD, STORE
    }

    private final Kind kind;
    private final int opcode;
    private final int slot;
    /** Lane index (extract, replace, lane loads and stores). */
    private final int lane;
    /** Memory offset of loads and stores. */
    private final long offset;
    @CompilationFinal(dimensions = 1) private final byte[] shuffle;
    private final V128 constant;
    private final Instance instance;

    public WasmSimdNode(Kind kind, int opcode, int slot, int lane, long offset, byte[] shuffle, V128 constant, Instance instance) {
        this.kind = kind;
        this.opcode = opcode;
        this.slot = slot;
        this.lane = lane;
        this.offset = offset;
        this.shuffle = shuffle;
        this.constant = constant;
        this.instance = instance;
    }

    private V128 v(VirtualFrame frame, int s) {
        return (V128) frame.getObjectStatic(s);
    }

    @Override
    public int execute(VirtualFrame frame) {
        switch (kind) {
            case CONST -> frame.setObjectStatic(slot, constant);
            case UNARY -> frame.setObjectStatic(slot, WasmSimd.unary(opcode, v(frame, slot)));
            case BINARY -> frame.setObjectStatic(slot, WasmSimd.binary(opcode, v(frame, slot), v(frame, slot + 1)));
            case TERNARY -> frame.setObjectStatic(slot, WasmSimd.bitselect(v(frame, slot), v(frame, slot + 1), v(frame, slot + 2)));
            case REDUCE -> frame.setLongStatic(slot, WasmSimd.reduce(opcode, v(frame, slot)));
            case SHIFT -> frame.setObjectStatic(slot, WasmSimd.shift(opcode, v(frame, slot), (int) frame.getLongStatic(slot + 1)));
            case SPLAT -> frame.setObjectStatic(slot, WasmSimd.splat(opcode, frame.getLongStatic(slot)));
            case EXTRACT -> frame.setLongStatic(slot, WasmSimd.extract(opcode, v(frame, slot), lane));
            case REPLACE -> frame.setObjectStatic(slot, WasmSimd.replace(opcode, v(frame, slot), lane, frame.getLongStatic(slot + 1)));
            case SHUFFLE -> frame.setObjectStatic(slot, WasmSimd.shuffle(v(frame, slot), v(frame, slot + 1), shuffle));
            case LOAD -> frame.setObjectStatic(slot, load(frame));
            case STORE -> store(frame);
            default -> throw CompilerDirectives.shouldNotReachHere();
        }
        return NEXT;
    }

    /** Bytes a load or store of {@code opcode} touches. */
    public static int size(int opcode) {
        return switch (opcode) {
            case 0x00, 0x0b -> 16;
            case 0x07, 0x54, 0x58 -> 1;
            case 0x08, 0x55, 0x59 -> 2;
            case 0x09, 0x56, 0x5a, 0x5c -> 4;
            default -> 8;
        };
    }

    private static long read(WasmMemory m, long i, int size) {
        return switch (size) {
            case 1 -> m.getByte(i);
            case 2 -> m.getShort(i);
            case 4 -> m.getInt(i);
            default -> m.getLong(i);
        };
    }

    private V128 load(VirtualFrame frame) {
        WasmMemory m = instance.memories[0];
        int size = size(opcode);
        long i = m.address((int) frame.getLongStatic(slot), offset, size);
        return switch (opcode) {
            case 0x00 -> new V128(m.getLong(i), m.getLong(i + 8));
            case 0x01, 0x02, 0x03, 0x04, 0x05, 0x06 -> {
                int w = 1 << ((opcode - 1) / 2);
                boolean signed = (opcode & 1) == 1;
                V128 raw = new V128(m.getLong(i), 0);
                long[] lanes = new long[8 / w];
                for (int k = 0; k < lanes.length; k++) {
                    lanes[k] = signed ? raw.lane(w, k) : raw.unsignedLane(w, k);
                }
                yield V128.of(w * 2, lanes);
            }
            case 0x07, 0x08, 0x09, 0x0a -> WasmSimd.splat(0x0f + opcode - 0x07, read(m, i, size));
            case 0x5c, 0x5d -> opcode == 0x5c ? new V128(m.getInt(i) & 0xffffffffL, 0) : new V128(m.getLong(i), 0);
            default -> WasmSimd.replace(replaceOpcode(size), v(frame, slot + 1), lane, read(m, i, size));
        };
    }

    private static int replaceOpcode(int size) {
        return switch (size) {
            case 1 -> 0x17;
            case 2 -> 0x1a;
            case 4 -> 0x1c;
            default -> 0x1e;
        };
    }

    private void store(VirtualFrame frame) {
        WasmMemory m = instance.memories[0];
        int size = size(opcode);
        long i = m.address((int) frame.getLongStatic(slot), offset, size);
        V128 v = v(frame, slot + 1);
        if (opcode == 0x0b) {
            m.putLong(i, v.lo);
            m.putLong(i + 8, v.hi);
            return;
        }
        long x = v.lane(size, lane);
        switch (size) {
            case 1 -> m.putByte(i, (byte) x);
            case 2 -> m.putShort(i, (short) x);
            case 4 -> m.putInt(i, (int) x);
            default -> m.putLong(i, x);
        }
    }
}
