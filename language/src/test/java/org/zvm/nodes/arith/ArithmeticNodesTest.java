// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes.arith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.runtime.UInt256;
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
        checkBinary(ArithmeticNodes.Mul::new, onBig(BigInteger::multiply), w -> 0);
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
        checkBinary(() -> new BitwiseNodes.Shift(BitwiseNodes.Shift.Kind.SHL), onBig((s, v) -> s.compareTo(LIMIT) >= 0 ? BigInteger.ZERO : v.shiftLeft(s.intValue())), w -> 0);
        checkBinary(() -> new BitwiseNodes.Shift(BitwiseNodes.Shift.Kind.SHR), onBig((s, v) -> s.compareTo(LIMIT) >= 0 ? BigInteger.ZERO : v.shiftRight(s.intValue())), w -> 0);
        // BigInteger.shiftRight floors, which is the arithmetic shift; 256 already leaves only the sign.
        checkBinary(() -> new BitwiseNodes.Shift(BitwiseNodes.Shift.Kind.SAR), onBig((s, v) -> signed(v).shiftRight(s.min(LIMIT).intValue())), w -> 0);
    }

    private static final String MAX = "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    private static final String MIN = "0x8000000000000000000000000000000000000000000000000000000000000000";
    private static final String MAX_POS = "0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";

    @Test
    void mulVectors() {
        vector(ArithmeticNodes.Mul::new, "0x1", MAX, MAX);
        vector(ArithmeticNodes.Mul::new, "0x0", "0x100000000000000000000000000000000", "0x100000000000000000000000000000000");
        vector(ArithmeticNodes.Mul::new, "0xfffffffffffffffe0000000000000001", "0xffffffffffffffff", "0xffffffffffffffff");
    }

    @Test
    void shiftVectors() {
        Supplier<BinaryNode> shl = () -> new BitwiseNodes.Shift(BitwiseNodes.Shift.Kind.SHL);
        Supplier<BinaryNode> shr = () -> new BitwiseNodes.Shift(BitwiseNodes.Shift.Kind.SHR);
        Supplier<BinaryNode> sar = () -> new BitwiseNodes.Shift(BitwiseNodes.Shift.Kind.SAR);
        vector(shl, MAX, "0x0", MAX);
        vector(shl, "0x2", "0x1", "0x1");
        vector(shl, "0x10000000000000000", "0x40", "0x1");
        vector(shl, MIN, "0xff", "0x1");
        vector(shl, MIN, "0xff", MAX);
        vector(shl, "0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0", "0x4", MAX);
        vector(shl, "0x0", "0x100", "0x1");
        vector(shl, "0x0", MAX, MAX);
        // A huge shift whose low limb is small must not be read as that small shift.
        vector(shl, "0x0", "0x10000000000000001", "0x1");
        vector(shr, MAX, "0x0", MAX);
        vector(shr, "0x1", "0xff", MIN);
        vector(shr, MAX_POS, "0x1", MAX);
        vector(shr, "0x1", "0x40", "0x10000000000000000");
        vector(shr, "0x0", "0x100", MIN);
        vector(shr, "0x0", "0x10000000000000001", MAX);
        vector(sar, MIN, "0x0", MIN);
        vector(sar, "0xc000000000000000000000000000000000000000000000000000000000000000", "0x1", MIN);
        vector(sar, MAX, "0xff", MIN);
        vector(sar, MAX, "0x100", MIN);
        vector(sar, MAX, MAX, MAX);
        vector(sar, MAX, "0x10000000000000000", MIN);
        vector(sar, "0x0", "0x100", MAX_POS);
        vector(sar, "0x0", "0xff", MAX_POS);
        vector(sar, "0x1", "0xfe", MAX_POS);
        vector(sar, MAX, "0x4", "0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0");
        vector(sar, MAX, "0x41", "0xffffffffffffffffffffffffffffffffffffffffffffffff0000000000000000");
        vector(sar, "0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff8", "0x1", "0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0");
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

    private static final BigInteger LIMIT = BigInteger.valueOf(256);

    /** A reference on BigInteger, for the opcodes whose full-width path exists only in the nodes. */
    private static BinaryOperator<long[]> onBig(BinaryOperator<BigInteger> op) {
        return (a, b) -> UInt256.of(op.apply(UInt256.of(a).toBigInteger(), UInt256.of(b).toBigInteger())).toLimbs();
    }

    private static BigInteger signed(BigInteger u) {
        return u.testBit(255) ? u.subtract(BigInteger.ONE.shiftLeft(256)) : u;
    }

    /** {@code node} on operands {@code a} (the top) and {@code b}, both fresh and already on its full path, gives {@code expected}. */
    private static void vector(Supplier<BinaryNode> node, String expected, String a, String b) {
        BinaryNode full = node.get();
        run(full, ALL_ONES, ALL_ONES);
        long[] x = UInt256.fromHex(a).toLimbs();
        long[] y = UInt256.fromHex(b).toLimbs();
        for (BinaryNode n : new BinaryNode[]{node.get(), full}) {
            assertArrayEquals(UInt256.fromHex(expected).toLimbs(), Stack.read(run(n, x, y), 0), () -> n.getClass().getSimpleName() + "(" + a + ", " + b + ")");
        }
    }

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
