// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import org.zvm.wasm.WasmException;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * The i32 tests, comparisons and arithmetic (opcodes 0x45-0x4f, 0x67-0x78, 0xc0-0xc1). Operands sit in
 * {@code slot} (and {@code slot + 1}); the result replaces the first. {@code opcode} is a compilation
 * constant, so compiled code keeps only its own case.
 */
public final class WasmI32Node extends WasmNode {
    private final int opcode;
    private final int slot;

    public WasmI32Node(int opcode, int slot) {
        this.opcode = opcode;
        this.slot = slot;
    }

    @Override
    public int execute(VirtualFrame frame) {
        int a = (int) frame.getLongStatic(slot);
        if (opcode == 0x45) {
            frame.setLongStatic(slot, a == 0 ? 1 : 0);
            return NEXT;
        }
        int r = switch (opcode) {
            case 0x67 -> Integer.numberOfLeadingZeros(a);
            case 0x68 -> Integer.numberOfTrailingZeros(a);
            case 0x69 -> Integer.bitCount(a);
            case 0xC0 -> (byte) a;
            case 0xC1 -> (short) a;
            default -> binary(a, (int) frame.getLongStatic(slot + 1));
        };
        frame.setLongStatic(slot, r);
        return NEXT;
    }

    private int binary(int a, int b) {
        return switch (opcode) {
            case 0x46 -> a == b ? 1 : 0;
            case 0x47 -> a != b ? 1 : 0;
            case 0x48 -> a < b ? 1 : 0;
            case 0x49 -> Integer.compareUnsigned(a, b) < 0 ? 1 : 0;
            case 0x4A -> a > b ? 1 : 0;
            case 0x4B -> Integer.compareUnsigned(a, b) > 0 ? 1 : 0;
            case 0x4C -> a <= b ? 1 : 0;
            case 0x4D -> Integer.compareUnsigned(a, b) <= 0 ? 1 : 0;
            case 0x4E -> a >= b ? 1 : 0;
            case 0x4F -> Integer.compareUnsigned(a, b) >= 0 ? 1 : 0;
            case 0x6A -> a + b;
            case 0x6B -> a - b;
            case 0x6C -> a * b;
            case 0x6D -> {
                checkDivisor(b);
                if (a == Integer.MIN_VALUE && b == -1) {
                    CompilerDirectives.transferToInterpreter();
                    throw WasmException.trap("integer overflow");
                }
                yield a / b;
            }
            case 0x6E -> {
                checkDivisor(b);
                yield Integer.divideUnsigned(a, b);
            }
            case 0x6F -> {
                checkDivisor(b);
                yield b == -1 ? 0 : a % b;
            }
            case 0x70 -> {
                checkDivisor(b);
                yield Integer.remainderUnsigned(a, b);
            }
            case 0x71 -> a & b;
            case 0x72 -> a | b;
            case 0x73 -> a ^ b;
            case 0x74 -> a << b;
            case 0x75 -> a >> b;
            case 0x76 -> a >>> b;
            case 0x77 -> Integer.rotateLeft(a, b);
            case 0x78 -> Integer.rotateRight(a, b);
            default -> throw CompilerDirectives.shouldNotReachHere("i32 opcode " + opcode);
        };
    }

    static void checkDivisor(long b) {
        if (b == 0) {
            CompilerDirectives.transferToInterpreter();
            throw WasmException.trap("integer divide by zero");
        }
    }
}
