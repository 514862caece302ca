// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * The f32 comparisons and arithmetic (0x5b-0x60, 0x8b-0x98). Java float arithmetic is IEEE 754 binary32
 * with round-to-nearest, as WebAssembly's; sign operations work on the bits so NaN payloads pass
 * untouched, and the operations the spec makes produce an arithmetic NaN quiet a NaN operand
 * ({@code a + a}) where Java would hand it back as it is.
 */
public final class WasmF32Node extends WasmNode {
    private final int opcode;
    private final int slot;

    public WasmF32Node(int opcode, int slot) {
        this.opcode = opcode;
        this.slot = slot;
    }

    @Override
    public int execute(VirtualFrame frame) {
        int bits = (int) frame.getLongStatic(slot);
        int r = switch (opcode) {
            case 0x8B -> bits & 0x7fffffff;
            case 0x8C -> bits ^ 0x80000000;
            case 0x98 -> (bits & 0x7fffffff) | ((int) frame.getLongStatic(slot + 1) & 0x80000000);
            case 0x8D, 0x8E, 0x8F, 0x90, 0x91 -> Float.floatToRawIntBits(unary(Float.intBitsToFloat(bits)));
            default -> binary(Float.intBitsToFloat(bits), Float.intBitsToFloat((int) frame.getLongStatic(slot + 1)));
        };
        frame.setLongStatic(slot, r);
        return NEXT;
    }

    private float unary(float a) {
        if (Float.isNaN(a)) {
            return a + a;
        }
        return switch (opcode) {
            case 0x8D -> (float) Math.ceil(a);
            case 0x8E -> (float) Math.floor(a);
            case 0x8F -> (float) (a < 0 ? Math.ceil(a) : Math.floor(a));
            case 0x90 -> (float) Math.rint(a);
            case 0x91 -> (float) Math.sqrt(a);
            default -> throw CompilerDirectives.shouldNotReachHere("f32 opcode " + opcode);
        };
    }

    private int binary(float a, float b) {
        return switch (opcode) {
            case 0x5B -> a == b ? 1 : 0;
            case 0x5C -> a != b ? 1 : 0;
            case 0x5D -> a < b ? 1 : 0;
            case 0x5E -> a > b ? 1 : 0;
            case 0x5F -> a <= b ? 1 : 0;
            case 0x60 -> a >= b ? 1 : 0;
            case 0x92 -> Float.floatToRawIntBits(a + b);
            case 0x93 -> Float.floatToRawIntBits(a - b);
            case 0x94 -> Float.floatToRawIntBits(a * b);
            case 0x95 -> Float.floatToRawIntBits(a / b);
            case 0x96 -> Float.floatToRawIntBits(Float.isNaN(a) || Float.isNaN(b) ? a + b : Math.min(a, b));
            case 0x97 -> Float.floatToRawIntBits(Float.isNaN(a) || Float.isNaN(b) ? a + b : Math.max(a, b));
            default -> throw CompilerDirectives.shouldNotReachHere("f32 opcode " + opcode);
        };
    }
}
