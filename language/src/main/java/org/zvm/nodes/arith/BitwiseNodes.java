// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes.arith;

import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.runtime.Word256;

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

    /** SHL, SHR and SAR: shift {@code b} by {@code a}. */
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
            long[] shift = Stack.read(f, a);
            long[] value = Stack.read(f, b);
            long[] r = switch (kind) {
                case SHL -> Word256.shl(shift, value);
                case SHR -> Word256.shr(shift, value);
                case SAR -> Word256.sar(shift, value);
            };
            Stack.set(f, b, r);
        }
    }
}
