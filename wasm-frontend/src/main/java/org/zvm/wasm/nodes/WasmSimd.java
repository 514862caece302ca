// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import org.zvm.wasm.runtime.V128;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * The lane arithmetic of the SIMD instructions (0xfd prefix, numbered by sub-opcode), lane by lane on
 * {@link V128} values. Float lanes follow the scalar rules of {@link WasmF32Node} and {@link WasmF64Node}.
 */
final class WasmSimd {
    private WasmSimd() {
    }

    /** Lane width in bytes of the integer instruction {@code op} (by the opcode group it sits in). */
    private static int width(int op) {
        if (op >= 0x23 && op <= 0x2c || op >= 0x60 && op <= 0x7b && op != 0x67 && op != 0x68 && op != 0x69 && op != 0x6a && op != 0x74 && op != 0x75
                        && op != 0x7a) {
            return 1;
        }
        if (op >= 0x2d && op <= 0x36 || op >= 0x80 && op <= 0x9f) {
            return 2;
        }
        if (op >= 0x37 && op <= 0x40 || op >= 0xa0 && op <= 0xbf) {
            return 4;
        }
        return 8;
    }

    private static long min(int w) {
        return w == 8 ? Long.MIN_VALUE : -(1L << (w * 8 - 1));
    }

    private static long max(int w) {
        return w == 8 ? Long.MAX_VALUE : (1L << (w * 8 - 1)) - 1;
    }

    private static long mask(int w) {
        return w == 8 ? -1L : (1L << (w * 8)) - 1;
    }

    private static long saturate(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static float f32(long lane) {
        return Float.intBitsToFloat((int) lane);
    }

    private static long bits(float f) {
        return Float.floatToRawIntBits(f);
    }

    private static double f64(long lane) {
        return Double.longBitsToDouble(lane);
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    private static long all(boolean b) {
        return b ? -1L : 0L;
    }

    @TruffleBoundary
    static V128 binary(int op, V128 a, V128 b) {
        switch (op) {
            case 0x0e -> {
                long[] r = new long[16];
                for (int i = 0; i < 16; i++) {
                    int k = (int) b.unsignedLane(1, i);
                    r[i] = k < 16 ? a.lane(1, k) : 0;
                }
                return V128.of(1, r);
            }
            case 0x4e -> {
                return new V128(a.lo & b.lo, a.hi & b.hi);
            }
            case 0x4f -> {
                return new V128(a.lo & ~b.lo, a.hi & ~b.hi);
            }
            case 0x50 -> {
                return new V128(a.lo | b.lo, a.hi | b.hi);
            }
            case 0x51 -> {
                return new V128(a.lo ^ b.lo, a.hi ^ b.hi);
            }
            case 0x65, 0x66, 0x85, 0x86 -> {
                int w = op < 0x80 ? 1 : 2;
                long[] r = new long[16 / w];
                long[] la = a.lanes(w * 2);
                long[] lb = b.lanes(w * 2);
                boolean signed = op == 0x65 || op == 0x85;
                for (int i = 0; i < r.length; i++) {
                    long v = i < la.length ? la[i] : lb[i - la.length];
                    r[i] = signed ? saturate(v, min(w), max(w)) : saturate(v, 0, mask(w));
                }
                return V128.of(w, r);
            }
            case 0x9c, 0x9d, 0x9e, 0x9f, 0xbc, 0xbd, 0xbe, 0xbf, 0xdc, 0xdd, 0xde, 0xdf -> {
                int w = width(op);
                int half = w / 2;
                boolean high = (op & 1) == 1;
                boolean signed = (op & 3) < 2;
                long[] r = new long[16 / w];
                for (int i = 0; i < r.length; i++) {
                    int k = high ? i + r.length : i;
                    long x = signed ? a.lane(half, k) : a.unsignedLane(half, k);
                    long y = signed ? b.lane(half, k) : b.unsignedLane(half, k);
                    r[i] = x * y;
                }
                return V128.of(w, r);
            }
            case 0xba -> {
                long[] r = new long[4];
                for (int i = 0; i < 4; i++) {
                    r[i] = a.lane(2, 2 * i) * b.lane(2, 2 * i) + a.lane(2, 2 * i + 1) * b.lane(2, 2 * i + 1);
                }
                return V128.of(4, r);
            }
            case 0x82 -> {
                long[] r = new long[8];
                for (int i = 0; i < 8; i++) {
                    r[i] = saturate((a.lane(2, i) * b.lane(2, i) + 0x4000) >> 15, -32768, 32767);
                }
                return V128.of(2, r);
            }
            default -> {
                if (op >= 0x41 && op <= 0x4c || op >= 0xe4 && op <= 0xeb || op >= 0xf0 && op <= 0xf7) {
                    return floatBinary(op, a, b);
                }
                return intBinary(op, a, b);
            }
        }
    }

    private static V128 intBinary(int op, V128 a, V128 b) {
        int w = width(op);
        int n = 16 / w;
        long m = mask(w);
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            long x = a.lane(w, i);
            long y = b.lane(w, i);
            long ux = x & m;
            long uy = y & m;
            int rel = compareIndex(op);
            if (rel >= 0) {
                r[i] = all(switch (rel) {
                    case 0 -> x == y;
                    case 1 -> x != y;
                    case 2 -> x < y;
                    case 3 -> Long.compareUnsigned(ux, uy) < 0;
                    case 4 -> x > y;
                    case 5 -> Long.compareUnsigned(ux, uy) > 0;
                    case 6 -> x <= y;
                    case 7 -> Long.compareUnsigned(ux, uy) <= 0;
                    case 8 -> x >= y;
                    default -> Long.compareUnsigned(ux, uy) >= 0;
                });
                continue;
            }
            r[i] = switch (op) {
                case 0x6e, 0x8e, 0xae, 0xce -> x + y;
                case 0x71, 0x91, 0xb1, 0xd1 -> x - y;
                case 0x95, 0xb5, 0xd5 -> x * y;
                case 0x6f, 0x8f -> saturate(x + y, min(w), max(w));
                case 0x70, 0x90 -> saturate(ux + uy, 0, m);
                case 0x72, 0x92 -> saturate(x - y, min(w), max(w));
                case 0x73, 0x93 -> saturate(ux - uy, 0, m);
                case 0x76, 0x96, 0xb6 -> Math.min(x, y);
                case 0x77, 0x97, 0xb7 -> Long.compareUnsigned(ux, uy) < 0 ? x : y;
                case 0x78, 0x98, 0xb8 -> Math.max(x, y);
                case 0x79, 0x99, 0xb9 -> Long.compareUnsigned(ux, uy) > 0 ? x : y;
                case 0x7b, 0x9b -> (ux + uy + 1) >>> 1;
                default -> throw CompilerDirectives.shouldNotReachHere("simd " + Integer.toHexString(op));
            };
        }
        return V128.of(w, r);
    }

    /** 0..9 for eq, ne, lt_s, lt_u, gt_s, gt_u, le_s, le_u, ge_s, ge_u of the integer comparisons; -1 otherwise. */
    private static int compareIndex(int op) {
        if (op >= 0x23 && op <= 0x40) {
            return (op - 0x23) % 10;
        }
        return switch (op) {
            case 0xd6 -> 0;
            case 0xd7 -> 1;
            case 0xd8 -> 2;
            case 0xd9 -> 4;
            case 0xda -> 6;
            case 0xdb -> 8;
            default -> -1;
        };
    }

    private static V128 floatBinary(int op, V128 a, V128 b) {
        boolean single = op >= 0x41 && op <= 0x46 || op >= 0xe4 && op <= 0xeb;
        int w = single ? 4 : 8;
        int k = single ? (op <= 0x46 ? op - 0x41 : op - 0xe4 + 6) : (op <= 0x4c ? op - 0x47 : op - 0xf0 + 6);
        long[] r = new long[16 / w];
        for (int i = 0; i < r.length; i++) {
            long la = a.lane(w, i);
            long lb = b.lane(w, i);
            // f32 lanes are computed exactly in double and rounded once: no double rounding for + - * /.
            double x = single ? f32(la) : f64(la);
            double y = single ? f32(lb) : f64(lb);
            double v = switch (k) {
                case 6 -> x + y;
                case 7 -> x - y;
                case 8 -> x * y;
                case 9 -> x / y;
                case 10 -> Double.isNaN(x) || Double.isNaN(y) ? x + y : Math.min(x, y);
                case 11 -> Double.isNaN(x) || Double.isNaN(y) ? x + y : Math.max(x, y);
                default -> 0;
            };
            r[i] = switch (k) {
                case 0 -> all(x == y);
                case 1 -> all(x != y);
                case 2 -> all(x < y);
                case 3 -> all(x > y);
                case 4 -> all(x <= y);
                case 5 -> all(x >= y);
                case 12 -> y < x ? lb : la;
                case 13 -> x < y ? lb : la;
                default -> single ? bits((float) v) : bits(v);
            };
        }
        return V128.of(w, r);
    }

    @TruffleBoundary
    static V128 unary(int op, V128 a) {
        switch (op) {
            case 0x4d -> {
                return new V128(~a.lo, ~a.hi);
            }
            case 0x5e -> {
                return V128.of(4, new long[] {bits((float) f64(a.lane(8, 0))), bits((float) f64(a.lane(8, 1))), 0, 0});
            }
            case 0x5f -> {
                return V128.of(8, new long[] {bits((double) f32(a.lane(4, 0))), bits((double) f32(a.lane(4, 1)))});
            }
            case 0x7c, 0x7d, 0x7e, 0x7f -> {
                int half = op < 0x7e ? 1 : 2;
                boolean signed = (op & 1) == 0;
                long[] r = new long[8 / half];
                for (int i = 0; i < r.length; i++) {
                    r[i] = signed ? a.lane(half, 2 * i) + a.lane(half, 2 * i + 1) : a.unsignedLane(half, 2 * i) + a.unsignedLane(half, 2 * i + 1);
                }
                return V128.of(half * 2, r);
            }
            case 0x87, 0x88, 0x89, 0x8a, 0xa7, 0xa8, 0xa9, 0xaa, 0xc7, 0xc8, 0xc9, 0xca -> {
                int w = width(op);
                int half = w / 2;
                boolean high = op == 0x88 || op == 0x8a || op == 0xa8 || op == 0xaa || op == 0xc8 || op == 0xca;
                boolean signed = op == 0x87 || op == 0x88 || op == 0xa7 || op == 0xa8 || op == 0xc7 || op == 0xc8;
                long[] r = new long[16 / w];
                for (int i = 0; i < r.length; i++) {
                    int k = high ? i + r.length : i;
                    r[i] = signed ? a.lane(half, k) : a.unsignedLane(half, k);
                }
                return V128.of(w, r);
            }
            case 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xff -> {
                return conversion(op, a);
            }
            default -> {
                if (op >= 0x67 && op <= 0x6a || op == 0x74 || op == 0x75 || op == 0x7a || op == 0x94 || op >= 0xe0 && op <= 0xe3 || op >= 0xec && op <= 0xef) {
                    return floatUnary(op, a);
                }
                int w = width(op);
                long[] r = new long[16 / w];
                for (int i = 0; i < r.length; i++) {
                    long x = a.lane(w, i);
                    r[i] = switch (op) {
                        case 0x60, 0x80, 0xa0, 0xc0 -> Math.abs(x);
                        case 0x61, 0x81, 0xa1, 0xc1 -> -x;
                        case 0x62 -> Long.bitCount(x & 0xff);
                        default -> throw CompilerDirectives.shouldNotReachHere("simd " + Integer.toHexString(op));
                    };
                }
                return V128.of(w, r);
            }
        }
    }

    private static V128 floatUnary(int op, V128 a) {
        boolean single = op >= 0x67 && op <= 0x6a || op >= 0xe0 && op <= 0xe3;
        int w = single ? 4 : 8;
        long[] r = new long[16 / w];
        for (int i = 0; i < r.length; i++) {
            long l = a.lane(w, i);
            if (op == 0xe0 || op == 0xec) {
                r[i] = single ? l & 0x7fffffff : l & Long.MAX_VALUE;
                continue;
            }
            if (op == 0xe1 || op == 0xed) {
                r[i] = single ? l ^ 0x80000000L : l ^ Long.MIN_VALUE;
                continue;
            }
            double x = single ? f32(l) : f64(l);
            double v;
            if (Double.isNaN(x)) {
                v = x + x;
            } else {
                v = switch (op) {
                    case 0x67, 0x74 -> Math.ceil(x);
                    case 0x68, 0x75 -> Math.floor(x);
                    case 0x69, 0x7a -> x < 0 ? Math.ceil(x) : Math.floor(x);
                    case 0x6a, 0x94 -> Math.rint(x);
                    default -> Math.sqrt(x);
                };
            }
            // A NaN operand stays a (quieted) NaN of its own width; a NaN result of a number (sqrt) is canonical.
            r[i] = single ? (Float.isNaN(f32(l)) ? bits(f32(l) + f32(l)) : bits((float) v)) : bits(v);
        }
        return V128.of(w, r);
    }

    private static V128 conversion(int op, V128 a) {
        long[] r = new long[op >= 0xfe ? 2 : 4];
        for (int i = 0; i < r.length; i++) {
            r[i] = switch (op) {
                case 0xf8 -> (int) f32(a.lane(4, i));
                case 0xf9 -> (int) truncSatU32(f32(a.lane(4, i)));
                case 0xfa -> bits((float) a.lane(4, i));
                case 0xfb -> bits((float) a.unsignedLane(4, i));
                case 0xfc -> i < 2 ? (int) f64(a.lane(8, i)) : 0;
                case 0xfd -> i < 2 ? (int) truncSatU32(f64(a.lane(8, i))) : 0;
                case 0xfe -> bits((double) a.lane(4, i));
                default -> bits((double) a.unsignedLane(4, i));
            };
        }
        return V128.of(op >= 0xfe ? 8 : 4, r);
    }

    private static long truncSatU32(double v) {
        if (!(v > -1.0)) {
            return 0;
        }
        return v >= 4294967296.0 ? 0xffffffffL : (long) v;
    }

    /** any_true (0x53), all_true and bitmask: a v128 to an i32. */
    @TruffleBoundary
    static int reduce(int op, V128 a) {
        if (op == 0x53) {
            return (a.lo | a.hi) != 0 ? 1 : 0;
        }
        int w = width(op);
        int n = 16 / w;
        if (op == 0x63 || op == 0x83 || op == 0xa3 || op == 0xc3) {
            for (int i = 0; i < n; i++) {
                if (a.lane(w, i) == 0) {
                    return 0;
                }
            }
            return 1;
        }
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (a.lane(w, i) < 0) {
                r |= 1 << i;
            }
        }
        return r;
    }

    @TruffleBoundary
    static V128 shift(int op, V128 a, int count) {
        int w = width(op);
        int s = count & (w * 8 - 1);
        long[] r = new long[16 / w];
        for (int i = 0; i < r.length; i++) {
            long x = a.lane(w, i);
            r[i] = switch (op) {
                case 0x6b, 0x8b, 0xab, 0xcb -> x << s;
                case 0x6c, 0x8c, 0xac, 0xcc -> x >> s;
                default -> (x & mask(w)) >>> s;
            };
        }
        return V128.of(w, r);
    }

    @TruffleBoundary
    static V128 bitselect(V128 a, V128 b, V128 c) {
        return new V128((a.lo & c.lo) | (b.lo & ~c.lo), (a.hi & c.hi) | (b.hi & ~c.hi));
    }

    @TruffleBoundary
    static V128 shuffle(V128 a, V128 b, byte[] lanes) {
        long[] r = new long[16];
        for (int i = 0; i < 16; i++) {
            int k = lanes[i];
            r[i] = k < 16 ? a.lane(1, k) : b.lane(1, k - 16);
        }
        return V128.of(1, r);
    }

    @TruffleBoundary
    static V128 splat(int op, long scalar) {
        int w = switch (op) {
            case 0x0f -> 1;
            case 0x10 -> 2;
            case 0x11, 0x13 -> 4;
            default -> 8;
        };
        long[] r = new long[16 / w];
        java.util.Arrays.fill(r, scalar);
        return V128.of(w, r);
    }

    /** extract_lane: the lane as an i32, i64 or float bit pattern. */
    @TruffleBoundary
    static long extract(int op, V128 a, int lane) {
        return switch (op) {
            case 0x15 -> a.lane(1, lane);
            case 0x16 -> a.unsignedLane(1, lane);
            case 0x18 -> a.lane(2, lane);
            case 0x19 -> a.unsignedLane(2, lane);
            case 0x1b, 0x1f -> a.lane(4, lane);
            default -> a.lane(8, lane);
        };
    }

    @TruffleBoundary
    static V128 replace(int op, V128 a, int lane, long scalar) {
        int w = switch (op) {
            case 0x17 -> 1;
            case 0x1a -> 2;
            case 0x1c, 0x20 -> 4;
            default -> 8;
        };
        long[] r = a.lanes(w);
        r[lane] = scalar;
        return V128.of(w, r);
    }
}
