// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes.arith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.runtime.Word256;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * The self-specializing arithmetic nodes against {@link Word256}'s full-width algorithms (which
 * {@code Word256Test} checks against BigInteger): each case runs on a fresh node, which takes its 64-bit
 * path when the guard holds, and on a node already rewritten to its full path, and both must give the
 * word and the gas of the reference. The operands cluster where the guards decide: one limb or two,
 * sums, differences, products and powers that just fit 64 bits or just overflow, zero moduli, sign bytes in every limb.
 */
class ArithmeticNodesTest {
    private static final int CASES = 20_000;
    private static final long GAS = 1_000_000;
    private static final long[] ALL_ONES = {-1, -1, -1, -1};

    private final Random random = new Random(0xFA57_9A7EL);

    @Test
    void addSub() {
        checkBinary(ArithmeticNodes.Add::new, Word256::add, w -> 0);
        checkBinary(ArithmeticNodes.Sub::new, Word256::sub, w -> 0);
    }

    @Test
    void mulDivMod() {
        checkBinary(ArithmeticNodes.Mul::new, Word256::mul, w -> 0);
        checkBinary(ArithmeticNodes.Div::new, Word256::div, w -> 0);
        checkBinary(ArithmeticNodes.Mod::new, Word256::mod, w -> 0);
    }

    @Test
    void signedDivMod() {
        checkBinary(ArithmeticNodes.SDiv::new, Word256::sdiv, w -> 0);
        checkBinary(ArithmeticNodes.SMod::new, Word256::smod, w -> 0);
    }

    @Test
    void shifts() {
        checkBinary(() -> new BitwiseNodes.Shift(BitwiseNodes.Shift.Kind.SHL), Word256::shl, w -> 0);
        checkBinary(() -> new BitwiseNodes.Shift(BitwiseNodes.Shift.Kind.SHR), Word256::shr, w -> 0);
        checkBinary(() -> new BitwiseNodes.Shift(BitwiseNodes.Shift.Kind.SAR), Word256::sar, w -> 0);
    }

    @Test
    void exp() {
        checkBinary(ArithmeticNodes.Exp::new, Word256::exp, exponent -> 50L * Word256.byteLength(exponent));
    }

    @Test
    void signextend() {
        checkBinary(ArithmeticNodes.SignExtend::new, Word256::signextend, w -> 0);
    }

    @Test
    void addmodMulmod() {
        checkTernary(() -> new ArithmeticNodes.ModArith(false), Word256::addmod);
        checkTernary(() -> new ArithmeticNodes.ModArith(true), Word256::mulmod);
    }

    // ---- harness ----

    /**
     * Word operands near the guards: small numbers, one-limb edges, powers of two in any limb, signed
     * 64-bit numbers and their edges, and wide words.
     */
    private long[] gen() {
        return switch (random.nextInt(12)) {
            case 9 -> {
                long[] w = new long[4];
                w[random.nextInt(4)] = 1L << random.nextInt(64);
                yield w;
            }
            case 10 -> {
                long v = random.nextBoolean() ? -1L - random.nextInt(1000) : random.nextInt(3) - 1 + Long.MIN_VALUE + random.nextInt(2);
                yield new long[]{v, v >> 63, v >> 63, v >> 63};
            }
            case 11 -> new long[]{Long.MIN_VALUE, -1, -1, -1};
            case 0 -> Word256.fromLong(random.nextInt(4));
            case 1 -> Word256.fromLong(random.nextInt(70));
            case 2 -> Word256.fromLong(random.nextInt(300));
            case 3 -> Word256.fromLong(-1L - random.nextInt(3));
            case 4 -> Word256.fromLong((1L << random.nextInt(64)) + random.nextInt(3) - 1);
            case 5 -> Word256.fromLong(random.nextLong() >>> random.nextInt(64));
            case 6 -> new long[]{random.nextLong(), random.nextInt(2), 0, 0};
            case 7 -> ALL_ONES.clone();
            default -> new long[]{random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong() >>> random.nextInt(64)};
        };
    }

    private void checkBinary(Supplier<BinaryNode> node, BinaryOperator<long[]> reference, ToLongFunction<long[]> gas) {
        BinaryNode full = node.get();
        run(full, ALL_ONES, ALL_ONES);
        for (int i = 0; i < CASES; i++) {
            long[] a = gen();
            long[] b = gen();
            long[] expected = reference.apply(a, b);
            long expectedGas = GAS - gas.applyAsLong(b);
            BinaryNode fresh = node.get();
            for (BinaryNode n : new BinaryNode[]{fresh, full}) {
                VirtualFrame f = run(n, a, b);
                String what = n.getClass().getSimpleName() + "(" + hex(a) + ", " + hex(b) + ") on the " + (n == full ? "full" : "first") + " path";
                assertEquals(1, Stack.sp(f), what);
                assertArrayEquals(expected, Stack.read(f, 0), what);
                assertEquals(expectedGas, f.getLongStatic(Stack.GAS), what + ": gas");
            }
        }
    }

    private void checkTernary(Supplier<ArithmeticNodes.ModArith> node, TernaryOp reference) {
        ArithmeticNodes.ModArith full = node.get();
        run(full, ALL_ONES, ALL_ONES, ALL_ONES);
        for (int i = 0; i < CASES; i++) {
            long[] a = gen();
            long[] b = gen();
            long[] n = random.nextInt(8) == 0 ? new long[4] : gen();
            long[] expected = reference.apply(a, b, n);
            ArithmeticNodes.ModArith fresh = node.get();
            for (ArithmeticNodes.ModArith m : new ArithmeticNodes.ModArith[]{fresh, full}) {
                VirtualFrame f = run(m, a, b, n);
                String what = "(" + hex(a) + ", " + hex(b) + ", " + hex(n) + ") on the " + (m == full ? "full" : "first") + " path";
                assertEquals(1, Stack.sp(f), what);
                assertArrayEquals(expected, Stack.read(f, 0), what);
            }
        }
    }

    /** Pushes {@code operands} last-first (so the first is on top), executes {@code node} on a fresh frame. */
    private static VirtualFrame run(ZvmInstructionNode node, long[]... operands) {
        VirtualFrame f = Truffle.getRuntime().createVirtualFrame(new Object[]{null}, Stack.descriptor());
        f.setLongStatic(Stack.GAS, GAS);
        f.setIntStatic(Stack.EXACT, 0);
        for (int i = 0; i < operands.length; i++) {
            Stack.set(f, operands.length - 1 - i, operands[i]);
        }
        Stack.setSp(f, operands.length);
        node.execute(f);
        return f;
    }

    private static String hex(long[] w) {
        return String.format("0x%016x%016x%016x%016x", w[3], w[2], w[1], w[0]);
    }

    @FunctionalInterface
    private interface TernaryOp {
        long[] apply(long[] a, long[] b, long[] n);
    }
}
