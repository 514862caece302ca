// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import org.zvm.wasm.WasmException;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * Conversions between number types (0xa7-0xbb) and the saturating truncations (0xfc 0-7, numbered
 * {@code 0x100 + n} here). Reinterpretations need no node: slots already hold bit patterns.
 * Java's float-to-int casts saturate and map NaN to 0, which is exactly the saturating signed case; the
 * trapping ones check the range first, the unsigned ones work around Java's lack of unsigned types.
 */
public final class WasmConvertNode extends WasmNode {
    public static final int SAT = 0x100;
    private static final double TWO_63 = 9.223372036854775808E18;
    private static final double TWO_64 = 1.8446744073709552E19;

    private final int opcode;
    private final int slot;

    public WasmConvertNode(int opcode, int slot) {
        this.opcode = opcode;
        this.slot = slot;
    }

    @Override
    public int execute(VirtualFrame frame) {
        long x = frame.getLongStatic(slot);
        frame.setLongStatic(slot, convert(x));
        return NEXT;
    }

    private long convert(long x) {
        float f = Float.intBitsToFloat((int) x);
        double d = Double.longBitsToDouble(x);
        return switch (opcode) {
            case 0xA7 -> (int) x;
            case 0xA8 -> (int) truncSigned(f, -2147483648.0, 2147483648.0);
            case 0xA9 -> (int) truncUnsigned(f, 4294967296.0);
            case 0xAA -> (int) truncSigned(d, -2147483648.0, 2147483648.0);
            case 0xAB -> (int) truncUnsigned(d, 4294967296.0);
            case 0xAC -> (int) x;
            case 0xAD -> x & 0xffffffffL;
            case 0xAE -> truncSigned(f, -TWO_63, TWO_63);
            case 0xAF -> truncUnsigned(f, TWO_64);
            case 0xB0 -> truncSigned(d, -TWO_63, TWO_63);
            case 0xB1 -> truncUnsigned(d, TWO_64);
            case 0xB2 -> f32((int) x);
            case 0xB3 -> f32(x & 0xffffffffL);
            case 0xB4 -> f32(x);
            case 0xB5 -> x >= 0 ? f32(x) : f32(((float) ((x >>> 1) | (x & 1))) * 2.0f);
            case 0xB6 -> f32((float) d);
            case 0xB7 -> f64((int) x);
            case 0xB8 -> f64(x & 0xffffffffL);
            case 0xB9 -> f64(x);
            // u64 to float with one rounding: halve keeping a sticky bit, convert, double.
            case 0xBA -> f64(x >= 0 ? (double) x : ((double) ((x >>> 1) | (x & 1))) * 2.0);
            case 0xBB -> f64(f);
            case SAT, SAT + 2 -> (int) (SAT == opcode ? f : d);
            case SAT + 1, SAT + 3 -> (int) saturateUnsigned(opcode == SAT + 1 ? f : d, 4294967296.0);
            case SAT + 4 -> (long) f;
            case SAT + 6 -> (long) d;
            case SAT + 5, SAT + 7 -> saturateUnsigned(opcode == SAT + 5 ? f : d, TWO_64);
            default -> throw CompilerDirectives.shouldNotReachHere("conversion " + opcode);
        };
    }

    private static long f32(float v) {
        return Float.floatToRawIntBits(v);
    }

    private static long f32(long signed) {
        return f32((float) signed);
    }

    private static long f64(double v) {
        return Double.doubleToRawLongBits(v);
    }

    /** {@code v} truncated, trapping unless the result lies in {@code [min, max)}. */
    private static long truncSigned(double v, double min, double max) {
        if (Double.isNaN(v)) {
            CompilerDirectives.transferToInterpreter();
            throw WasmException.trap("invalid conversion to integer");
        }
        double t = v < 0 ? Math.ceil(v) : Math.floor(v);
        if (t < min || t >= max) {
            CompilerDirectives.transferToInterpreter();
            throw WasmException.trap("integer overflow");
        }
        return (long) t;
    }

    private static long truncUnsigned(double v, double max) {
        if (Double.isNaN(v)) {
            CompilerDirectives.transferToInterpreter();
            throw WasmException.trap("invalid conversion to integer");
        }
        double t = v < 0 ? Math.ceil(v) : Math.floor(v);
        if (t < 0 || t >= max) {
            CompilerDirectives.transferToInterpreter();
            throw WasmException.trap("integer overflow");
        }
        return unsigned(t);
    }

    private static long saturateUnsigned(double v, double max) {
        if (!(v > -1.0)) {
            return 0;
        }
        if (v >= max) {
            return -1L;
        }
        return v < 1.0 ? 0 : unsigned(Math.floor(v));
    }

    /** A whole number in [0, 2^64) as the bits of a u64. */
    private static long unsigned(double t) {
        return t < TWO_63 ? (long) t : (long) (t - TWO_63) ^ Long.MIN_VALUE;
    }
}
