// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes.arith;

import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmInstructionNode;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/** Comparisons and bitwise operations: limb by limb, no allocation on the common paths. */
public final class BitwiseNodes {
    private BitwiseNodes() {
    }

    /** Unsigned comparison of the words at positions x and y: negative, zero or positive. */
    @ExplodeLoop
    static int compareUnsigned(VirtualFrame f, int x, int y) {
        for (int limb = 3; limb >= 0; limb--) {
            int c = Long.compareUnsigned(Stack.get(f, x, limb), Stack.get(f, y, limb));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    public static final class Lt extends BinaryNode {
        @Override
        protected void compute(VirtualFrame f, int a, int b) {
            Stack.setBool(f, b, compareUnsigned(f, a, b) < 0);
        }
    }

    public static final class Gt extends BinaryNode {
        @Override
        protected void compute(VirtualFrame f, int a, int b) {
            Stack.setBool(f, b, compareUnsigned(f, a, b) > 0);
        }
    }

    /** SLT and SGT: flip the sign bits and compare unsigned. */
    public static final class SignedCompare extends BinaryNode {
        private final boolean greater;

        public SignedCompare(boolean greater) {
            this.greater = greater;
        }

        @Override
        @ExplodeLoop
        protected void compute(VirtualFrame f, int a, int b) {
            long a3 = Stack.get(f, a, 3) ^ Long.MIN_VALUE;
            long b3 = Stack.get(f, b, 3) ^ Long.MIN_VALUE;
            int c = Long.compareUnsigned(a3, b3);
            for (int limb = 2; limb >= 0 && c == 0; limb--) {
                c = Long.compareUnsigned(Stack.get(f, a, limb), Stack.get(f, b, limb));
            }
            Stack.setBool(f, b, greater ? c > 0 : c < 0);
        }
    }

    public static final class Eq extends BinaryNode {
        @Override
        @ExplodeLoop
        protected void compute(VirtualFrame f, int a, int b) {
            long diff = 0;
            for (int limb = 0; limb < 4; limb++) {
                diff |= Stack.get(f, a, limb) ^ Stack.get(f, b, limb);
            }
            Stack.setBool(f, b, diff == 0);
        }
    }

    public static final class IsZero extends ZvmInstructionNode {
        @Override
        public void execute(VirtualFrame f) {
            int top = sp(f) - 1;
            Stack.setBool(f, top, Stack.isZero(f, top));
        }
    }

    public static final class And extends BinaryNode {
        @Override
        @ExplodeLoop
        protected void compute(VirtualFrame f, int a, int b) {
            for (int limb = 0; limb < 4; limb++) {
                Stack.set(f, b, limb, Stack.get(f, a, limb) & Stack.get(f, b, limb));
            }
        }
    }

    public static final class Or extends BinaryNode {
        @Override
        @ExplodeLoop
        protected void compute(VirtualFrame f, int a, int b) {
            for (int limb = 0; limb < 4; limb++) {
                Stack.set(f, b, limb, Stack.get(f, a, limb) | Stack.get(f, b, limb));
            }
        }
    }

    public static final class Xor extends BinaryNode {
        @Override
        @ExplodeLoop
        protected void compute(VirtualFrame f, int a, int b) {
            for (int limb = 0; limb < 4; limb++) {
                Stack.set(f, b, limb, Stack.get(f, a, limb) ^ Stack.get(f, b, limb));
            }
        }
    }

    public static final class Not extends ZvmInstructionNode {
        @Override
        @ExplodeLoop
        public void execute(VirtualFrame f) {
            int top = sp(f) - 1;
            for (int limb = 0; limb < 4; limb++) {
                Stack.set(f, top, limb, ~Stack.get(f, top, limb));
            }
        }
    }

    /** BYTE: byte {@code a} of {@code b}, counting from the most significant. */
    public static final class Byte extends BinaryNode {
        @Override
        protected void compute(VirtualFrame f, int a, int b) {
            long index = Stack.readSaturated(f, a);
            if (index >= 32) {
                Stack.setLong(f, b, 0);
                return;
            }
            int bitFromTop = (int) index * 8;
            int limb = 3 - (bitFromTop >>> 6);
            long v = Stack.get(f, b, limb) >>> (56 - (bitFromTop & 63)) & 0xFF;
            Stack.setLong(f, b, v);
        }
    }

    /**
     * SHL, SHR and SAR: shift {@code b} by {@code a}, limb by limb (no arrays): with the shift a constant,
     * as pushed shifts are, compiled code is a few moves and shifts.
     */
    public static final class Shift extends BinaryNode {
        public enum Kind {
            SHL, SHR, SAR
        }

        private final Kind kind;

        public Shift(Kind kind) {
            this.kind = kind;
        }

        @Override
        protected void compute(VirtualFrame f, int a, int b) {
            long fill = kind == Kind.SAR ? Stack.get(f, b, 3) >> 63 : 0;
            long shift = Stack.get(f, a, 0);
            if (!Stack.isSmall(f, a) || Long.compareUnsigned(shift, 256) >= 0) {
                Stack.set(f, b, fill, fill, fill, fill);
            } else if (kind == Kind.SHL) {
                shiftLeft(f, b, (int) shift);
            } else {
                shiftRight(f, b, (int) shift, fill, b);
            }
        }

        private static void shiftLeft(VirtualFrame f, int pos, int shift) {
            int limbs = shift >>> 6;
            int bits = shift & 63;
            long w0 = Stack.get(f, pos, 0);
            long w1 = Stack.get(f, pos, 1);
            long w2 = Stack.get(f, pos, 2);
            long w3 = Stack.get(f, pos, 3);
            long r0 = up(limb(-limbs, w0, w1, w2, w3, 0), limb(-limbs - 1, w0, w1, w2, w3, 0), bits);
            long r1 = up(limb(1 - limbs, w0, w1, w2, w3, 0), limb(-limbs, w0, w1, w2, w3, 0), bits);
            long r2 = up(limb(2 - limbs, w0, w1, w2, w3, 0), limb(1 - limbs, w0, w1, w2, w3, 0), bits);
            long r3 = up(limb(3 - limbs, w0, w1, w2, w3, 0), limb(2 - limbs, w0, w1, w2, w3, 0), bits);
            Stack.set(f, pos, r0, r1, r2, r3);
        }

        /** Limb {@code k} of the word (w0..w3), 0 below it, {@code fill} above it. */
        private static long limb(int k, long w0, long w1, long w2, long w3, long fill) {
            return switch (k) {
                case 0 -> w0;
                case 1 -> w1;
                case 2 -> w2;
                case 3 -> w3;
                default -> k < 0 ? 0 : fill;
            };
        }

        /** {@code hi} shifted left by {@code bits} (0..63) with the bits {@code lo} shifts out. */
        private static long up(long hi, long lo, int bits) {
            return hi << bits | lo >>> 1 >>> (63 - bits);
        }

        /** {@code lo} shifted right by {@code bits} (0..63) with the bits {@code hi} shifts in. */
        private static long down(long lo, long hi, int bits) {
            return lo >>> bits | hi << 1 << (63 - bits);
        }
    }

    /**
     * Writes the word at {@code src} shifted right by {@code shift} (0..255) at {@code dst}, with
     * {@code fill} (0, or all ones for SAR of a negative word) shifted in from above.
     */
    static void shiftRight(VirtualFrame f, int src, int shift, long fill, int dst) {
        int limbs = shift >>> 6;
        int bits = shift & 63;
        long w0 = Stack.get(f, src, 0);
        long w1 = Stack.get(f, src, 1);
        long w2 = Stack.get(f, src, 2);
        long w3 = Stack.get(f, src, 3);
        long r0 = Shift.down(Shift.limb(limbs, w0, w1, w2, w3, fill), Shift.limb(limbs + 1, w0, w1, w2, w3, fill), bits);
        long r1 = Shift.down(Shift.limb(limbs + 1, w0, w1, w2, w3, fill), Shift.limb(limbs + 2, w0, w1, w2, w3, fill), bits);
        long r2 = Shift.down(Shift.limb(limbs + 2, w0, w1, w2, w3, fill), Shift.limb(limbs + 3, w0, w1, w2, w3, fill), bits);
        long r3 = Shift.down(Shift.limb(limbs + 3, w0, w1, w2, w3, fill), Shift.limb(limbs + 4, w0, w1, w2, w3, fill), bits);
        Stack.set(f, dst, r0, r1, r2, r3);
    }
}
