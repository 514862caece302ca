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
 * Arithmetic on 256-bit words held as four limbs. ADD, SUB and SIGNEXTEND work on the limbs in place,
 * already as cheap as any guard. MUL, DIV, MOD, EXP, ADDMOD and MULMOD self-specialize: they start on a
 * 64-bit path guarded by "every operand fits one limb" (and, for EXP, a result that fits too), and
 * rewrite themselves to the full 256-bit path the first time the guard fails, as a DSL {@code rewriteOn}
 * would. The full paths go to {@link Word256}, behind a boundary where the algorithm has loops.
 */
public final class ArithmeticNodes {
    private ArithmeticNodes() {
    }

    public static final class Add extends BinaryNode {
        @Override
        protected void compute(VirtualFrame f, int a, int b) {
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

    public static final class Sub extends BinaryNode {
        @Override
        protected void compute(VirtualFrame f, int a, int b) {
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

    /** Base of the self-specializing operations: a 64-bit path until the first operand that needs more. */
    abstract static class SpecializingBinary extends BinaryNode {
        @CompilationFinal private boolean wide;

        @Override
        protected final void compute(VirtualFrame f, int a, int b) {
            if (!wide) {
                if (Stack.isSmall(f, a) && Stack.isSmall(f, b) && small(f, Stack.get(f, a, 0), Stack.get(f, b, 0), b)) {
                    return;
                }
                CompilerDirectives.transferToInterpreterAndInvalidate();
                wide = true;
            }
            Stack.set(f, b, full(f, Stack.read(f, a), Stack.read(f, b)));
        }

        /** Both operands fit one unsigned limb; returns false (writing nothing) if the result would not. */
        abstract boolean small(VirtualFrame f, long a, long b, int dst);

        abstract long[] full(VirtualFrame f, long[] a, long[] b);
    }

    public static final class Mul extends SpecializingBinary {
        @Override
        boolean small(VirtualFrame f, long a, long b, int dst) {
            long hi = Math.unsignedMultiplyHigh(a, b);
            Stack.set(f, dst, a * b, hi, 0, 0);
            return true;
        }

        @Override
        long[] full(VirtualFrame f, long[] a, long[] b) {
            return Word256.mul(a, b);
        }
    }

    public static final class Div extends SpecializingBinary {
        @Override
        boolean small(VirtualFrame f, long a, long b, int dst) {
            Stack.setLong(f, dst, b == 0 ? 0 : Long.divideUnsigned(a, b));
            return true;
        }

        @Override
        long[] full(VirtualFrame f, long[] a, long[] b) {
            return Slow.div(a, b);
        }
    }

    public static final class Mod extends SpecializingBinary {
        @Override
        boolean small(VirtualFrame f, long a, long b, int dst) {
            Stack.setLong(f, dst, b == 0 ? 0 : Long.remainderUnsigned(a, b));
            return true;
        }

        @Override
        long[] full(VirtualFrame f, long[] a, long[] b) {
            return Slow.mod(a, b);
        }
    }

    public static final class SDiv extends BinaryNode {
        @Override
        protected void compute(VirtualFrame f, int a, int b) {
            Stack.set(f, b, Slow.sdiv(Stack.read(f, a), Stack.read(f, b)));
        }
    }

    public static final class SMod extends BinaryNode {
        @Override
        protected void compute(VirtualFrame f, int a, int b) {
            Stack.set(f, b, Slow.smod(Stack.read(f, a), Stack.read(f, b)));
        }
    }

    /**
     * SIGNEXTEND of {@code b} from byte {@code a}: the limbs below the sign byte's keep their value, that
     * limb is extended from the sign bit and the ones above become the fill. Each limb is named by a
     * constant, so compiled code indexes fixed frame slots and allocates nothing.
     */
    public static final class SignExtend extends BinaryNode {
        @Override
        protected void compute(VirtualFrame f, int a, int b) {
            long k = Stack.get(f, a, 0);
            if (!Stack.isSmall(f, a) || Long.compareUnsigned(k, 31) >= 0) {
                return;
            }
            int bit = (int) k * 8 + 7;
            if (bit < 64) {
                long r0 = extend(Stack.get(f, b, 0), bit);
                long fill = r0 >> 63;
                Stack.set(f, b, r0, fill, fill, fill);
            } else if (bit < 128) {
                long r1 = extend(Stack.get(f, b, 1), bit);
                long fill = r1 >> 63;
                Stack.set(f, b, Stack.get(f, b, 0), r1, fill, fill);
            } else if (bit < 192) {
                long r2 = extend(Stack.get(f, b, 2), bit);
                Stack.set(f, b, 2, r2);
                Stack.set(f, b, 3, r2 >> 63);
            } else {
                Stack.set(f, b, 3, extend(Stack.get(f, b, 3), bit));
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
        long[] full(VirtualFrame f, long[] a, long[] b) {
            Gas.charge(f, GasCosts.EXP_BYTE * Word256.byteLength(b), this);
            return Slow.exp(a, b);
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
