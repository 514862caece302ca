// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes.arith;

import org.zvm.nodes.Gas;
import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.opcode.GasCosts;
import org.zvm.runtime.Word256;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * Arithmetic on 256-bit words held as four limbs. SIGNEXTEND works on the limbs in place. ADD, SUB,
 * MUL, DIV, MOD, SDIV, SMOD, EXP, ADDMOD and MULMOD self-specialize: they
 * start on a 64-bit path guarded by "every operand fits one limb" (signed for SDIV and SMOD; and, for ADD,
 * SUB and EXP, a result that fits too), and
 * rewrite themselves to the full 256-bit path the first time the guard fails, as a DSL {@code rewriteOn}
 * would. The full paths go to {@link Word256}, behind a boundary where the algorithm has loops.
 */
public final class ArithmeticNodes {
    private ArithmeticNodes() {
    }

    /**
     * ADD. The 64-bit path matters beyond its own cost: its result's upper limbs are the constant zero,
     * so the offsets, counters and lengths computed with it keep folding the checks of the instructions
     * that use them (memory offsets, comparisons, further arithmetic); a carry chain would make all four
     * limbs unknown.
     */
    public static final class Add extends SpecializingBinary {
        @Override
        boolean small(VirtualFrame f, long a, long b, int dst) {
            long r = a + b;
            if (Long.compareUnsigned(r, a) < 0) {
                return false;
            }
            Stack.setLong(f, dst, r);
            return true;
        }

        @Override
        void full(VirtualFrame f, int a, int b) {
            long a0 = Stack.get(f, a, 0);
            long r0 = a0 + Stack.get(f, b, 0);
            long c = Long.compareUnsigned(r0, a0) < 0 ? 1 : 0;
            long a1 = Stack.get(f, a, 1);
            long s1 = a1 + Stack.get(f, b, 1);
            long c1 = Long.compareUnsigned(s1, a1) < 0 ? 1 : 0;
            long r1 = s1 + c;
            c = c1 | (Long.compareUnsigned(r1, s1) < 0 ? 1 : 0);
            long a2 = Stack.get(f, a, 2);
            long s2 = a2 + Stack.get(f, b, 2);
            long c2 = Long.compareUnsigned(s2, a2) < 0 ? 1 : 0;
            long r2 = s2 + c;
            c = c2 | (Long.compareUnsigned(r2, s2) < 0 ? 1 : 0);
            long r3 = Stack.get(f, a, 3) + Stack.get(f, b, 3) + c;
            Stack.set(f, b, r0, r1, r2, r3);
        }
    }

    /** SUB, with a 64-bit path while nothing borrows, for the reason given at {@link Add}. */
    public static final class Sub extends SpecializingBinary {
        @Override
        boolean small(VirtualFrame f, long a, long b, int dst) {
            if (Long.compareUnsigned(a, b) < 0) {
                return false;
            }
            Stack.setLong(f, dst, a - b);
            return true;
        }

        @Override
        void full(VirtualFrame f, int a, int b) {
            long a0 = Stack.get(f, a, 0);
            long b0 = Stack.get(f, b, 0);
            long r0 = a0 - b0;
            long borrow = Long.compareUnsigned(a0, b0) < 0 ? 1 : 0;
            long a1 = Stack.get(f, a, 1);
            long b1 = Stack.get(f, b, 1);
            long d1 = a1 - b1;
            long r1 = d1 - borrow;
            borrow = (Long.compareUnsigned(a1, b1) < 0 || Long.compareUnsigned(d1, borrow) < 0) ? 1 : 0;
            long a2 = Stack.get(f, a, 2);
            long b2 = Stack.get(f, b, 2);
            long d2 = a2 - b2;
            long r2 = d2 - borrow;
            borrow = (Long.compareUnsigned(a2, b2) < 0 || Long.compareUnsigned(d2, borrow) < 0) ? 1 : 0;
            long r3 = Stack.get(f, a, 3) - Stack.get(f, b, 3) - borrow;
            Stack.set(f, b, r0, r1, r2, r3);
        }
    }

    /**
     * Base of the self-specializing operations: a 64-bit path while the operands {@link #fit}, until the
     * first operands that do not (or a result that needs more), then the full path for good.
     */
    abstract static class SpecializingBinary extends BinaryNode {
        @CompilationFinal private boolean wide;

        @Override
        protected final void compute(VirtualFrame f, int a, int b) {
            if (!wide) {
                if (fit(f, a, b) && small(f, Stack.get(f, a, 0), Stack.get(f, b, 0), b)) {
                    return;
                }
                CompilerDirectives.transferToInterpreterAndInvalidate();
                wide = true;
            }
            full(f, a, b);
        }

        /** Whether the 64-bit path applies: by default, both operands fit one unsigned limb. */
        boolean fit(VirtualFrame f, int a, int b) {
            return Stack.isSmall(f, a) && Stack.isSmall(f, b);
        }

        /** The operands' low limbs; returns false (writing nothing) if the result would not fit this path. */
        abstract boolean small(VirtualFrame f, long a, long b, int dst);

        /** Any operands: reads the words at {@code a} and {@code b}, writes the result at {@code b}. */
        abstract void full(VirtualFrame f, int a, int b);
    }

    /**
     * MUL. The full path is the schoolbook product's low 256 bits written out limb by limb: ten 64-bit
     * multiplications, no arrays, so compiled code keeps every limb in a register.
     */
    public static final class Mul extends SpecializingBinary {
        @Override
        boolean small(VirtualFrame f, long a, long b, int dst) {
            long hi = Math.unsignedMultiplyHigh(a, b);
            Stack.set(f, dst, a * b, hi, 0, 0);
            return true;
        }

        @Override
        void full(VirtualFrame f, int a, int b) {
            long a0 = Stack.get(f, a, 0);
            long a1 = Stack.get(f, a, 1);
            long a2 = Stack.get(f, a, 2);
            long a3 = Stack.get(f, a, 3);
            long b0 = Stack.get(f, b, 0);
            long b1 = Stack.get(f, b, 1);
            long b2 = Stack.get(f, b, 2);
            long b3 = Stack.get(f, b, 3);
            long h00 = Math.unsignedMultiplyHigh(a0, b0);
            long h01 = Math.unsignedMultiplyHigh(a0, b1);
            long h10 = Math.unsignedMultiplyHigh(a1, b0);
            long h02 = Math.unsignedMultiplyHigh(a0, b2);
            long h11 = Math.unsignedMultiplyHigh(a1, b1);
            long h20 = Math.unsignedMultiplyHigh(a2, b0);
            // Column 1: h00 + a0*b1 + a1*b0, carrying into column 2.
            long r1 = h00 + a0 * b1;
            long c1 = carry(r1, h00);
            long t = r1 + a1 * b0;
            c1 += carry(t, r1);
            r1 = t;
            // Column 2: h01 + h10 + a0*b2 + a1*b1 + a2*b0 + c1, carrying into column 3.
            long r2 = h01 + h10;
            long c2 = carry(r2, h01);
            t = r2 + a0 * b2;
            c2 += carry(t, r2);
            r2 = t;
            t = r2 + a1 * b1;
            c2 += carry(t, r2);
            r2 = t;
            t = r2 + a2 * b0;
            c2 += carry(t, r2);
            r2 = t;
            t = r2 + c1;
            c2 += carry(t, r2);
            r2 = t;
            // Column 3, modulo 2^64: nothing carries out of the word.
            long r3 = h02 + h11 + h20 + a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0 + c2;
            Stack.set(f, b, a0 * b0, r1, r2, r3);
        }

        /** 1 if the unsigned sum {@code sum} of something and {@code addend} wrapped around. */
        private static long carry(long sum, long addend) {
            return Long.compareUnsigned(sum, addend) < 0 ? 1 : 0;
        }
    }

    /** DIV. A power-of-two divisor (compilers divide by one to shift right) is a shift on the full path. */
    public static final class Div extends SpecializingBinary {
        @Override
        boolean small(VirtualFrame f, long a, long b, int dst) {
            Stack.setLong(f, dst, b == 0 ? 0 : Long.divideUnsigned(a, b));
            return true;
        }

        @Override
        void full(VirtualFrame f, int a, int b) {
            int log = log2(f, b);
            if (log >= 0) {
                BitwiseNodes.shiftRight(f, a, log, 0, b);
            } else {
                Stack.set(f, b, Slow.div(Stack.read(f, a), Stack.read(f, b)));
            }
        }
    }

    /** MOD. A power-of-two modulus is a mask on the full path. */
    public static final class Mod extends SpecializingBinary {
        @Override
        boolean small(VirtualFrame f, long a, long b, int dst) {
            Stack.setLong(f, dst, b == 0 ? 0 : Long.remainderUnsigned(a, b));
            return true;
        }

        @Override
        void full(VirtualFrame f, int a, int b) {
            int log = log2(f, b);
            if (log >= 0) {
                for (int limb = 0; limb < 4; limb++) {
                    int bits = log - 64 * limb;
                    long mask = bits >= 64 ? -1L : bits <= 0 ? 0 : (1L << bits) - 1;
                    Stack.set(f, b, limb, Stack.get(f, a, limb) & mask);
                }
            } else {
                Stack.set(f, b, Slow.mod(Stack.read(f, a), Stack.read(f, b)));
            }
        }
    }

    /** The exponent of the word at {@code pos} if it is a power of two, else -1. */
    private static int log2(VirtualFrame f, int pos) {
        long w0 = Stack.get(f, pos, 0);
        long w1 = Stack.get(f, pos, 1);
        long w2 = Stack.get(f, pos, 2);
        long w3 = Stack.get(f, pos, 3);
        if (Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3) != 1) {
            return -1;
        }
        return w0 != 0 ? Long.numberOfTrailingZeros(w0) : w1 != 0 ? 64 + Long.numberOfTrailingZeros(w1)
                        : w2 != 0 ? 128 + Long.numberOfTrailingZeros(w2) : 192 + Long.numberOfTrailingZeros(w3);
    }

    /** Whether the word at {@code pos} is a signed 64-bit value: its upper limbs repeat the sign bit. */
    private static boolean isSigned64(VirtualFrame f, int pos) {
        long fill = Stack.get(f, pos, 0) >> 63;
        return Stack.get(f, pos, 1) == fill && Stack.get(f, pos, 2) == fill && Stack.get(f, pos, 3) == fill;
    }

    /** SDIV: a signed 64-bit path (fixed-point code divides small signed numbers), -2^63 / -1 excepted. */
    public static final class SDiv extends SpecializingBinary {
        @Override
        boolean fit(VirtualFrame f, int a, int b) {
            return isSigned64(f, a) && isSigned64(f, b);
        }

        @Override
        boolean small(VirtualFrame f, long a, long b, int dst) {
            if (a == Long.MIN_VALUE && b == -1) {
                return false;
            }
            long q = b == 0 ? 0 : a / b;
            long fill = q >> 63;
            Stack.set(f, dst, q, fill, fill, fill);
            return true;
        }

        @Override
        void full(VirtualFrame f, int a, int b) {
            Stack.set(f, b, Slow.sdiv(Stack.read(f, a), Stack.read(f, b)));
        }
    }

    /** SMOD: a signed 64-bit path; the remainder takes the dividend's sign, as Java's does. */
    public static final class SMod extends SpecializingBinary {
        @Override
        boolean fit(VirtualFrame f, int a, int b) {
            return isSigned64(f, a) && isSigned64(f, b);
        }

        @Override
        boolean small(VirtualFrame f, long a, long b, int dst) {
            long r = b == 0 ? 0 : a % b;
            long fill = r >> 63;
            Stack.set(f, dst, r, fill, fill, fill);
            return true;
        }

        @Override
        void full(VirtualFrame f, int a, int b) {
            Stack.set(f, b, Slow.smod(Stack.read(f, a), Stack.read(f, b)));
        }
    }

    /**
     * SIGNEXTEND of {@code b} from byte {@code a}: the limbs below the sign byte's keep their value, that
     * limb is extended from the sign bit and the ones above become the fill. Each limb is named by a
     * constant, so compiled code indexes fixed frame slots and allocates nothing.
     */
    /**
     * SIGNEXTEND. Which limb holds the sign bit depends on {@code k}: the node compiles only the cases it
     * has seen (a no-op for {@code k >= 31}, or the sign in limb 0 to 3), a few instructions each instead of
     * all five.
     */
    public static final class SignExtend extends BinaryNode {
        @CompilationFinal private int seen;

        @Override
        protected void compute(VirtualFrame f, int a, int b) {
            long k = Stack.get(f, a, 0);
            if (!Stack.isSmall(f, a) || Long.compareUnsigned(k, 31) >= 0) {
                seen(4);
                return;
            }
            int bit = (int) k * 8 + 7;
            if (bit < 64) {
                seen(0);
                long r0 = extend(Stack.get(f, b, 0), bit);
                long fill = r0 >> 63;
                Stack.set(f, b, r0, fill, fill, fill);
            } else if (bit < 128) {
                seen(1);
                long r1 = extend(Stack.get(f, b, 1), bit);
                long fill = r1 >> 63;
                Stack.set(f, b, Stack.get(f, b, 0), r1, fill, fill);
            } else if (bit < 192) {
                seen(2);
                long r2 = extend(Stack.get(f, b, 2), bit);
                Stack.set(f, b, 2, r2);
                Stack.set(f, b, 3, r2 >> 63);
            } else {
                seen(3);
                Stack.set(f, b, 3, extend(Stack.get(f, b, 3), bit));
            }
        }

        /** Records that case {@code c} happened; compiled code without it deoptimizes to take it in. */
        private void seen(int c) {
            if ((seen & (1 << c)) == 0) {
                CompilerDirectives.transferToInterpreterAndInvalidate();
                seen |= 1 << c;
            }
        }

        /** {@code limb} with bit {@code bit mod 64} copied into every bit above it. */
        private static long extend(long limb, int bit) {
            int shift = 63 - (bit & 63);
            return limb << shift >> shift;
        }
    }

    /**
     * EXP: base {@code a}, exponent {@code b}; 50 gas per byte of the exponent (EIP-160). The 64-bit path
     * is square-and-multiply that gives up as soon as a product needs a second limb; a square that
     * overflows while exponent bits remain means the result would too (the base is then at least 2).
     */
    public static final class Exp extends SpecializingBinary {
        @Override
        boolean small(VirtualFrame f, long a, long b, int dst) {
            long result = 1;
            long square = a;
            for (long bits = b; bits != 0; bits >>>= 1) {
                if ((bits & 1) != 0) {
                    if (Math.unsignedMultiplyHigh(result, square) != 0) {
                        return false;
                    }
                    result *= square;
                }
                if (bits >>> 1 != 0) {
                    if (Math.unsignedMultiplyHigh(square, square) != 0) {
                        return false;
                    }
                    square *= square;
                }
            }
            Gas.charge(f, GasCosts.EXP_BYTE * Word256.byteLength(b), this);
            Stack.setLong(f, dst, result);
            return true;
        }

        @Override
        void full(VirtualFrame f, int a, int b) {
            long[] exponent = Stack.read(f, b);
            Gas.charge(f, GasCosts.EXP_BYTE * Word256.byteLength(exponent), this);
            Stack.set(f, b, Slow.exp(Stack.read(f, a), exponent));
        }
    }

    /** ADDMOD and MULMOD: three inputs, {@code (a op b) % n}; a 64-bit path while all three fit one limb. */
    public static final class ModArith extends ZvmInstructionNode {
        private final boolean multiply;
        @CompilationFinal private boolean wide;

        public ModArith(boolean multiply) {
            this.multiply = multiply;
        }

        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            compute(f, sp - 1, sp - 2, sp - 3);
            Stack.setSp(f, sp - 2);
        }

        private void compute(VirtualFrame f, int a, int b, int n) {
            if (!wide) {
                if (Stack.isSmall(f, a) && Stack.isSmall(f, b) && Stack.isSmall(f, n)) {
                    long x = Stack.get(f, a, 0);
                    long y = Stack.get(f, b, 0);
                    long m = Stack.get(f, n, 0);
                    Stack.setLong(f, n, multiply ? Word256.mulmod(x, y, m) : Word256.addmod(x, y, m));
                    return;
                }
                CompilerDirectives.transferToInterpreterAndInvalidate();
                wide = true;
            }
            long[] x = Stack.read(f, a);
            long[] y = Stack.read(f, b);
            long[] m = Stack.read(f, n);
            Stack.set(f, n, multiply ? Slow.mulmod(x, y, m) : Slow.addmod(x, y, m));
        }
    }

    /** The algorithms with data-dependent loops: compiled once on their own, not into every contract. */
    static final class Slow {
        private Slow() {
        }

        @TruffleBoundary
        static long[] div(long[] a, long[] b) {
            return Word256.div(a, b);
        }

        @TruffleBoundary
        static long[] mod(long[] a, long[] b) {
            return Word256.mod(a, b);
        }

        @TruffleBoundary
        static long[] sdiv(long[] a, long[] b) {
            return Word256.sdiv(a, b);
        }

        @TruffleBoundary
        static long[] smod(long[] a, long[] b) {
            return Word256.smod(a, b);
        }

        @TruffleBoundary
        static long[] exp(long[] a, long[] b) {
            return Word256.exp(a, b);
        }

        @TruffleBoundary
        static long[] addmod(long[] a, long[] b, long[] n) {
            return Word256.addmod(a, b, n);
        }

        @TruffleBoundary
        static long[] mulmod(long[] a, long[] b, long[] n) {
            return Word256.mulmod(a, b, n);
        }
    }
}
