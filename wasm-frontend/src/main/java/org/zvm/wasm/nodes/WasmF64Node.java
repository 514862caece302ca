// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;

/** The f64 comparisons and arithmetic (0x61-0x66, 0x99-0xa6), with the NaN rules of {@link WasmF32Node}. */
public final class WasmF64Node extends WasmNode {
    private final int opcode;
    private final int slot;

    public WasmF64Node(int opcode, int slot) {
        this.opcode = opcode;
        this.slot = slot;
    }

    @Override
    public int execute(VirtualFrame frame) {
        long bits = frame.getLongStatic(slot);
        long r = switch (opcode) {
            case 0x99 -> bits & 0x7fffffffffffffffL;
            case 0x9A -> bits ^ 0x8000000000000000L;
            case 0xA6 -> (bits & 0x7fffffffffffffffL) | (frame.getLongStatic(slot + 1) & 0x8000000000000000L);
            case 0x9B, 0x9C, 0x9D, 0x9E, 0x9F -> Double.doubleToRawLongBits(unary(Double.longBitsToDouble(bits)));
            default -> binary(Double.longBitsToDouble(bits), Double.longBitsToDouble(frame.getLongStatic(slot + 1)));
        };
        frame.setLongStatic(slot, r);
        return NEXT;
    }

    private double unary(double a) {
        if (Double.isNaN(a)) {
            return a + a;
        }
        return switch (opcode) {
            case 0x9B -> Math.ceil(a);
            case 0x9C -> Math.floor(a);
            case 0x9D -> a < 0 ? Math.ceil(a) : Math.floor(a);
            case 0x9E -> Math.rint(a);
            case 0x9F -> Math.sqrt(a);
            default -> throw CompilerDirectives.shouldNotReachHere("f64 opcode " + opcode);
        };
    }

    private long binary(double a, double b) {
        return switch (opcode) {
            case 0x61 -> a == b ? 1 : 0;
            case 0x62 -> a != b ? 1 : 0;
            case 0x63 -> a < b ? 1 : 0;
            case 0x64 -> a > b ? 1 : 0;
            case 0x65 -> a <= b ? 1 : 0;
            case 0x66 -> a >= b ? 1 : 0;
            case 0xA0 -> Double.doubleToRawLongBits(a + b);
            case 0xA1 -> Double.doubleToRawLongBits(a - b);
            case 0xA2 -> Double.doubleToRawLongBits(a * b);
            case 0xA3 -> Double.doubleToRawLongBits(a / b);
            case 0xA4 -> Double.doubleToRawLongBits(Double.isNaN(a) || Double.isNaN(b) ? a + b : Math.min(a, b));
            case 0xA5 -> Double.doubleToRawLongBits(Double.isNaN(a) || Double.isNaN(b) ? a + b : Math.max(a, b));
            default -> throw CompilerDirectives.shouldNotReachHere("f64 opcode " + opcode);
        };
    }
}
