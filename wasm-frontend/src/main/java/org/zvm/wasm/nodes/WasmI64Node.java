// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import org.zvm.wasm.WasmException;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * The i64 tests, comparisons (whose results are i32) and arithmetic (opcodes 0x50-0x5a, 0x79-0x8a,
 * 0xc2-0xc4), laid out as {@link WasmI32Node}.
 */
public final class WasmI64Node extends WasmNode {
    private final int opcode;
    private final int slot;

    public WasmI64Node(int opcode, int slot) {
        this.opcode = opcode;
        this.slot = slot;
    }

    @Override
    public int execute(VirtualFrame frame) {
        long a = frame.getLongStatic(slot);
        long r = switch (opcode) {
            case 0x50 -> a == 0 ? 1 : 0;
            case 0x79 -> Long.numberOfLeadingZeros(a);
            case 0x7A -> Long.numberOfTrailingZeros(a);
            case 0x7B -> Long.bitCount(a);
            case 0xC2 -> (byte) a;
            case 0xC3 -> (short) a;
            case 0xC4 -> (int) a;
            default -> binary(a, frame.getLongStatic(slot + 1));
        };
        frame.setLongStatic(slot, r);
        return NEXT;
    }

    private long binary(long a, long b) {
        return switch (opcode) {
            case 0x51 -> a == b ? 1 : 0;
            case 0x52 -> a != b ? 1 : 0;
            case 0x53 -> a < b ? 1 : 0;
            case 0x54 -> Long.compareUnsigned(a, b) < 0 ? 1 : 0;
            case 0x55 -> a > b ? 1 : 0;
            case 0x56 -> Long.compareUnsigned(a, b) > 0 ? 1 : 0;
            case 0x57 -> a <= b ? 1 : 0;
            case 0x58 -> Long.compareUnsigned(a, b) <= 0 ? 1 : 0;
            case 0x59 -> a >= b ? 1 : 0;
            case 0x5A -> Long.compareUnsigned(a, b) >= 0 ? 1 : 0;
            case 0x7C -> a + b;
            case 0x7D -> a - b;
            case 0x7E -> a * b;
            case 0x7F -> {
                WasmI32Node.checkDivisor(b);
                if (a == Long.MIN_VALUE && b == -1) {
                    CompilerDirectives.transferToInterpreter();
                    throw WasmException.trap("integer overflow");
                }
                yield a / b;
            }
            case 0x80 -> {
                WasmI32Node.checkDivisor(b);
                yield Long.divideUnsigned(a, b);
            }
            case 0x81 -> {
                WasmI32Node.checkDivisor(b);
                yield b == -1 ? 0 : a % b;
            }
            case 0x82 -> {
                WasmI32Node.checkDivisor(b);
                yield Long.remainderUnsigned(a, b);
            }
            case 0x83 -> a & b;
            case 0x84 -> a | b;
            case 0x85 -> a ^ b;
            case 0x86 -> a << b;
            case 0x87 -> a >> b;
            case 0x88 -> a >>> b;
            case 0x89 -> Long.rotateLeft(a, (int) b);
            case 0x8A -> Long.rotateRight(a, (int) b);
            default -> throw CompilerDirectives.shouldNotReachHere("i64 opcode " + opcode);
        };
    }
}
