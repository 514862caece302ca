// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Property tests of {@link Word256} against reference implementations on {@link BigInteger}, written from
 * the Yellow Paper definitions (signed values as two's complement, results reduced mod 2^256) rather than
 * from the limb code, plus fixed vectors for the cases the EVM spells out specially.
 */
class Word256Test {
    private static final int CASES = 25_000;
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
    private static final BigInteger MASK = TWO_256.subtract(BigInteger.ONE);
    private static final BigInteger TWO_255 = BigInteger.ONE.shiftLeft(255);
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private static final BigInteger[] EDGES = {
        BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3), BigInteger.valueOf(31),
        BigInteger.valueOf(32), BigInteger.valueOf(255), BigInteger.valueOf(256),
        TWO_64.subtract(BigInteger.ONE), TWO_64, TWO_64.add(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(63), BigInteger.ONE.shiftLeft(32), BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(128),
        BigInteger.ONE.shiftLeft(128).add(BigInteger.ONE), BigInteger.ONE.shiftLeft(192),
        TWO_255, TWO_255.subtract(BigInteger.ONE), TWO_255.add(BigInteger.ONE),
        MASK, MASK.subtract(BigInteger.ONE), MASK.subtract(BigInteger.TWO),
    };

    private static final long[] SPECIAL_DIGITS = {0, 1, 2, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL, 0xFFFF_FFFEL, 0x8000_0001L};

    private final Random random = new Random(0x5EED_256L);

    // ---- conversions kept independent of UInt256 ----

    private static long[] limbs(BigInteger v) {
        BigInteger x = v.mod(TWO_256);
        long[] w = new long[4];
        for (int i = 0; i < 4; i++) {
            w[i] = x.shiftRight(64 * i).longValue();
        }
        return w;
    }

    private static BigInteger big(long[] w) {
        BigInteger r = BigInteger.ZERO;
        for (int i = 3; i >= 0; i--) {
            r = r.shiftLeft(64).add(new BigInteger(Long.toUnsignedString(w[i])));
        }
        return r;
    }

    private static long[] w(String hex) {
        return limbs(new BigInteger(hex.startsWith("0x") ? hex.substring(2) : hex, 16));
    }

    private static long[] w(long v) {
        return limbs(BigInteger.valueOf(v));
    }

    private static String hex(long[] w) {
        return "0x" + big(w).toString(16);
    }

    private static BigInteger signed(BigInteger u) {
        return u.testBit(255) ? u.subtract(TWO_256) : u;
    }

    private static BigInteger wrap(BigInteger v) {
        return v.mod(TWO_256);
    }

    // ---- generators ----

    /** An edge-biased 256-bit value. */
    private BigInteger gen() {
        return switch (random.nextInt(11)) {
            case 0 -> EDGES[random.nextInt(EDGES.length)];
            case 1 -> BigInteger.valueOf(random.nextInt(300));
            case 2 -> MASK.subtract(BigInteger.valueOf(random.nextInt(300)));
            case 3 -> new BigInteger(Long.toUnsignedString(random.nextLong())).shiftLeft(64 * random.nextInt(4));
            case 4 -> new BigInteger(256, random);
            case 5 -> new BigInteger(8 * random.nextInt(33), random);
            case 6 -> digitPattern();
            case 7 -> BigInteger.ONE.shiftLeft(random.nextInt(256)).add(BigInteger.valueOf(random.nextInt(3) - 1)).mod(TWO_256);
            case 8 -> new BigInteger(random.nextInt(257), random);
            case 9 -> wrap(new BigInteger(8 * random.nextInt(33), random).negate());
            default -> {
                long[] l = new long[4];
                for (int i = 0; i < 4; i++) {
                    l[i] = switch (random.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> -1;
                        case 2 -> random.nextLong();
                        default -> random.nextInt(5);
                    };
                }
                yield big(l);
            }
        };
    }

    /** 32-bit digits drawn from values that stress the quotient estimate and add-back of long division. */
    private BigInteger digitPattern() {
        int digits = 1 + random.nextInt(8);
        BigInteger r = BigInteger.ZERO;
        for (int i = 0; i < digits; i++) {
            long d = random.nextInt(4) == 0 ? random.nextInt() & 0xFFFF_FFFFL : SPECIAL_DIGITS[random.nextInt(SPECIAL_DIGITS.length)];
            r = r.shiftLeft(32).or(BigInteger.valueOf(d));
        }
        return r;
    }

    /** A second operand, often related to the first so that comparisons and divisions hit their boundaries. */
    private BigInteger related(BigInteger a) {
        return switch (random.nextInt(12)) {
            case 0 -> a;
            case 1 -> wrap(a.add(BigInteger.ONE));
            case 2 -> wrap(a.subtract(BigInteger.ONE));
            case 3 -> a.shiftRight(random.nextInt(256));
            case 4 -> wrap(a.negate());
            case 5 -> a.shiftRight(32 * (1 + random.nextInt(7))).add(BigInteger.valueOf(random.nextInt(3)));
            default -> gen();
        };
    }

    /** A shift amount, byte index or sign-extension position: mostly near the interesting range. */
    private BigInteger genIndex() {
        return switch (random.nextInt(4)) {
            case 0, 1 -> BigInteger.valueOf(random.nextInt(40));
            case 2 -> BigInteger.valueOf(random.nextInt(300));
            default -> gen();
        };
    }

    // ---- harness ----

    private void checkBinary(String name, BinaryOperator<long[]> op, BinaryOperator<BigInteger> ref, boolean indexFirst) {
        for (int i = 0; i < CASES; i++) {
            BigInteger x = indexFirst ? genIndex() : gen();
            BigInteger y = indexFirst ? gen() : related(x);
            if (!indexFirst && random.nextBoolean()) {
                BigInteger t = x;
                x = y;
                y = t;
            }
            long[] a = limbs(x);
            long[] b = limbs(y);
            long[] ac = a.clone();
            long[] bc = b.clone();
            long[] r = op.apply(a, b);
            BigInteger expected = ref.apply(x, y);
            if (!big(r).equals(expected)) {
                fail(name + "(" + hex(a) + ", " + hex(b) + ") = " + hex(r) + ", expected 0x" + expected.toString(16));
            }
            assertArrayEquals(ac, a, name + " modified a");
            assertArrayEquals(bc, b, name + " modified b");
            assertNotSame(a, r, name + " returned a");
            assertNotSame(b, r, name + " returned b");
            assertEquals(4, r.length);
        }
    }

    private void checkTernary(String name, TernaryOp op, TernaryRef ref) {
        for (int i = 0; i < CASES; i++) {
            BigInteger x = gen();
            BigInteger y = related(x);
            BigInteger z = random.nextInt(3) == 0 ? related(random.nextBoolean() ? x : y) : gen();
            long[] a = limbs(x);
            long[] b = limbs(y);
            long[] n = limbs(z);
            long[] ac = a.clone();
            long[] bc = b.clone();
            long[] nc = n.clone();
            long[] r = op.apply(a, b, n);
            BigInteger expected = ref.apply(x, y, z);
            if (!big(r).equals(expected)) {
                fail(name + "(" + hex(a) + ", " + hex(b) + ", " + hex(n) + ") = " + hex(r) + ", expected 0x" + expected.toString(16));
            }
            assertArrayEquals(ac, a, name + " modified a");
            assertArrayEquals(bc, b, name + " modified b");
            assertArrayEquals(nc, n, name + " modified n");
            assertNotSame(a, r);
            assertNotSame(b, r);
            assertNotSame(n, r);
        }
    }

    private void checkPredicate(String name, BiPredicate<long[], long[]> op, BiPredicate<BigInteger, BigInteger> ref) {
        for (int i = 0; i < CASES; i++) {
            BigInteger x = gen();
            BigInteger y = related(x);
            long[] a = limbs(x);
            long[] b = limbs(y);
            long[] ac = a.clone();
            long[] bc = b.clone();
            assertEquals(ref.test(x, y), op.test(a, b), () -> name + "(" + hex(a) + ", " + hex(b) + ")");
            assertArrayEquals(ac, a);
            assertArrayEquals(bc, b);
        }
    }

    private void checkUnary(String name, UnaryOperator<long[]> op, UnaryOperator<BigInteger> ref) {
        for (int i = 0; i < CASES; i++) {
            BigInteger x = gen();
            long[] a = limbs(x);
            long[] ac = a.clone();
            long[] r = op.apply(a);
            assertEquals(ref.apply(x), big(r), () -> name + "(" + hex(a) + ")");
            assertArrayEquals(ac, a);
            assertNotSame(a, r);
        }
    }

    private <T> void checkUnaryTo(String name, Function<long[], T> op, Function<BigInteger, T> ref) {
        for (int i = 0; i < CASES; i++) {
            BigInteger x = gen();
            long[] a = limbs(x);
            long[] ac = a.clone();
            assertEquals(ref.apply(x), op.apply(a), () -> name + "(" + hex(a) + ")");
            assertArrayEquals(ac, a);
        }
    }

    @FunctionalInterface
    private interface TernaryOp {
        long[] apply(long[] a, long[] b, long[] n);
    }

    @FunctionalInterface
    private interface TernaryRef {
        BigInteger apply(BigInteger a, BigInteger b, BigInteger n);
    }

    // ---- properties ----

    @Test
    void addSub() {
        checkBinary("add", Word256::add, (a, b) -> wrap(a.add(b)), false);
        checkBinary("sub", Word256::sub, (a, b) -> wrap(a.subtract(b)), false);
        checkUnary("negate", Word256::negate, a -> wrap(a.negate()));
    }

    @Test
    void unsignedDivision() {
        checkBinary("div", Word256::div, (a, b) -> b.signum() == 0 ? BigInteger.ZERO : a.divide(b), false);
        checkBinary("mod", Word256::mod, (a, b) -> b.signum() == 0 ? BigInteger.ZERO : a.mod(b), false);
    }

    @Test
    void signedDivision() {
        // BigInteger.divide truncates toward zero and remainder takes the dividend's sign, as the EVM does.
        checkBinary("sdiv", Word256::sdiv, (a, b) -> b.signum() == 0 ? BigInteger.ZERO : wrap(signed(a).divide(signed(b))), false);
        checkBinary("smod", Word256::smod, (a, b) -> b.signum() == 0 ? BigInteger.ZERO : wrap(signed(a).remainder(signed(b))), false);
    }

    @Test
    void modularArithmetic() {
        checkTernary("addmod", Word256::addmod, (a, b, n) -> n.signum() == 0 ? BigInteger.ZERO : a.add(b).mod(n));
        checkTernary("mulmod", Word256::mulmod, (a, b, n) -> n.signum() == 0 ? BigInteger.ZERO : a.multiply(b).mod(n));
    }

    @Test
    void exponentiation() {
        checkBinary("exp", Word256::exp, (a, b) -> a.modPow(b, TWO_256), false);
        checkUnaryTo("byteLength", Word256::byteLength, a -> (a.bitLength() + 7) / 8);
        checkUnaryTo("bitLength", Word256::bitLength, BigInteger::bitLength);
    }

    /** One-limb values near the edges of the nodes' 64-bit guards, read unsigned. */
    private long genLimb() {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextInt(300);
            case 1 -> -1L - random.nextInt(300);
            case 2 -> (1L << random.nextInt(64)) + random.nextInt(3) - 1;
            case 3 -> random.nextLong() >>> random.nextInt(64);
            case 4 -> SPECIAL_DIGITS[random.nextInt(SPECIAL_DIGITS.length)] << 32 | SPECIAL_DIGITS[random.nextInt(SPECIAL_DIGITS.length)];
            default -> random.nextLong();
        };
    }

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }

    @Test
    void oneLimbFormsAgreeWithWords() {
        for (int i = 0; i < CASES; i++) {
            long a = genLimb();
            long b = genLimb();
            long n = random.nextInt(8) == 0 ? 0 : genLimb();
            String args = "(0x" + Long.toUnsignedString(a, 16) + ", 0x" + Long.toUnsignedString(b, 16) + ", 0x" + Long.toUnsignedString(n, 16) + ")";
            long[] wa = Word256.fromLong(a);
            long[] wb = Word256.fromLong(b);
            long[] wn = Word256.fromLong(n);
            assertArrayEquals(Word256.addmod(wa, wb, wn), Word256.fromLong(Word256.addmod(a, b, n)), () -> "addmod" + args);
            assertArrayEquals(Word256.mulmod(wa, wb, wn), Word256.fromLong(Word256.mulmod(a, b, n)), () -> "mulmod" + args);
            assertEquals(Word256.byteLength(wa), Word256.byteLength(a), () -> "byteLength" + args);
            if (n != 0) {
                BigInteger wide = unsigned(a).shiftLeft(64).add(unsigned(b));
                assertEquals(wide.mod(unsigned(n)), unsigned(Word256.remainder128(a, b, n)), () -> "remainder128" + args);
            }
        }
    }

    // ---- long division on 64-bit limbs ----

    private static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);

    /** A normalized limb (top bit set): the ends of the range, of the reciprocal seed table's steps, and random. */
    private long genNormalized() {
        return switch (random.nextInt(5)) {
            case 0 -> Long.MIN_VALUE + random.nextInt(3);
            case 1 -> -1L - random.nextInt(3);
            case 2 -> (random.nextLong() | Long.MIN_VALUE) & -(1L << 55);
            case 3 -> random.nextLong() | Long.MIN_VALUE | ((1L << 55) - 1);
            default -> random.nextLong() | Long.MIN_VALUE;
        };
    }

    /** An unsigned value below {@code limit}, often its largest or smallest. */
    private long genBelow(long limit) {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> limit - 1;
            default -> unsigned(random.nextLong()).mod(unsigned(limit)).longValue();
        };
    }

    @Test
    void reciprocals() {
        BigInteger max128 = TWO_128.subtract(BigInteger.ONE);
        BigInteger max192 = BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE);
        for (int i = 0; i < CASES; i++) {
            long d1 = genNormalized();
            long d0 = genLimb();
            BigInteger d = unsigned(d1).shiftLeft(64).add(unsigned(d0));
            assertEquals(max128.divide(unsigned(d1)).subtract(TWO_64).longValue(), Word256.reciprocal2by1(d1), () -> "reciprocal2by1 " + Long.toHexString(d1));
            assertEquals(max192.divide(d).subtract(TWO_64).longValue(), Word256.reciprocal3by2(d1, d0), () -> "reciprocal3by2 0x" + d.toString(16));
        }
    }

    @Test
    void quotientSteps() {
        for (int i = 0; i < CASES; i++) {
            long d1 = genNormalized();
            long d0 = genLimb();
            long u0 = genLimb();
            long u1 = genBelow(d1);
            BigInteger u = unsigned(u1).shiftLeft(64).add(unsigned(u0));
            assertEquals(u.divide(unsigned(d1)).longValue(), Word256.quotient2by1(u1, u0, d1, Word256.reciprocal2by1(d1)), () -> "2by1 0x" + u.toString(16) + " / " + Long.toHexString(d1));
            // Three limbs whose top two are below the two-limb divisor: equal top limbs, or the one below.
            long u2 = d0 != 0 && random.nextBoolean() ? d1 : genBelow(d1);
            long m1 = u2 == d1 ? genBelow(d0) : genLimb();
            long[] limbs = {u0, m1, u2};
            BigInteger d = unsigned(d1).shiftLeft(64).add(unsigned(d0));
            BigInteger wide = unsigned(u2).shiftLeft(128).add(unsigned(m1).shiftLeft(64)).add(unsigned(u0));
            BigInteger[] qr = wide.divideAndRemainder(d);
            long q = Word256.divStep3by2(limbs, 0, d1, d0, Word256.reciprocal3by2(d1, d0));
            String args = "3by2 0x" + wide.toString(16) + " / 0x" + d.toString(16);
            assertEquals(qr[0].longValue(), q, args);
            assertEquals(qr[1], unsigned(limbs[1]).shiftLeft(64).add(unsigned(limbs[0])), args);
        }
    }

    /** A divisor of one to four limbs, its top limb with the high bit set or clear. */
    private BigInteger genDivisor() {
        int limbs = 1 + random.nextInt(4);
        BigInteger d = BigInteger.ZERO;
        for (int i = 0; i < limbs; i++) {
            long limb = i > 0 ? genLimb() : random.nextBoolean() ? genNormalized() : genLimb() >>> random.nextInt(64);
            d = d.shiftLeft(64).add(unsigned(limb));
        }
        return d.signum() == 0 ? BigInteger.ONE : d;
    }

    /**
     * A dividend for {@code d} that reaches the rare branches of long division: (q + 1) times {@code d}'s top
     * two limbs followed by zeros, less a little, whose quotient estimate is one too large once {@code d}'s
     * lower limbs are big (the divisor is added back); {@code d}'s top two limbs followed by less than its
     * lower ones (a partial remainder whose top limbs equal the divisor's); a multiple of {@code d} plus a
     * remainder at its ends; or any word.
     */
    private BigInteger genDividend(BigInteger d) {
        int low = 64 * Math.max(0, (d.bitLength() + 63) / 64 - 2);
        BigInteger top = d.shiftRight(low);
        return wrap(switch (random.nextInt(4)) {
            case 0 -> unsigned(genLimb()).add(BigInteger.ONE).multiply(top).shiftLeft(low).subtract(BigInteger.valueOf(random.nextInt(3)));
            case 1 -> top.shiftLeft(low + 64).add(new BigInteger(low + 64, random).mod(d.subtract(top.shiftLeft(low)).shiftLeft(64).max(BigInteger.ONE)));
            case 2 -> d.multiply(unsigned(genLimb())).add(random.nextBoolean() ? d.subtract(BigInteger.ONE) : BigInteger.valueOf(random.nextInt(3)));
            default -> gen();
        }).shiftLeft(64 * random.nextInt(3)).mod(TWO_256);
    }

    @Test
    void divisionBranches() {
        for (int i = 0; i < CASES; i++) {
            BigInteger y = genDivisor();
            BigInteger x = genDividend(y);
            BigInteger z = gen();
            long[] a = limbs(x);
            long[] b = limbs(y);
            long[] c = limbs(z);
            String args = "(0x" + x.toString(16) + ", 0x" + y.toString(16) + ")";
            assertEquals(x.divide(y), big(Word256.div(a, b)), () -> "div" + args);
            assertEquals(x.mod(y), big(Word256.mod(a, b)), () -> "mod" + args);
            assertEquals(wrap(signed(x).divide(signed(y))), big(Word256.sdiv(a, b)), () -> "sdiv" + args);
            assertEquals(wrap(signed(x).remainder(signed(y))), big(Word256.smod(a, b)), () -> "smod" + args);
            assertEquals(x.add(z).mod(y), big(Word256.addmod(a, c, b)), () -> "addmod" + args + " 0x" + z.toString(16));
            // Multiplying by 2^(64k) moves the dividend's limb pattern into the upper half of the 512-bit product.
            long[] shift = limbs(BigInteger.ONE.shiftLeft(64 * random.nextInt(4)));
            assertEquals(x.multiply(big(shift)).mod(y), big(Word256.mulmod(a, shift, b)), () -> "mulmod" + args + " by " + hex(shift));
            assertEquals(x.multiply(z).mod(y), big(Word256.mulmod(a, c, b)), () -> "mulmod" + args + " 0x" + z.toString(16));
        }
    }

    @Test
    void signextendAndByte() {
        checkBinary("signextend", Word256::signextend, (k, b) -> {
            if (k.compareTo(BigInteger.valueOf(31)) >= 0) {
                return b;
            }
            int bits = 8 * (k.intValueExact() + 1);
            BigInteger low = b.mod(BigInteger.ONE.shiftLeft(bits));
            return wrap(low.testBit(bits - 1) ? low.subtract(BigInteger.ONE.shiftLeft(bits)) : low);
        }, true);
        checkBinary("byte", Word256::byteOp, (i, b) -> {
            if (i.compareTo(BigInteger.valueOf(32)) >= 0) {
                return BigInteger.ZERO;
            }
            return b.shiftRight(8 * (31 - i.intValueExact())).and(BigInteger.valueOf(0xFF));
        }, true);
    }

    @Test
    void comparisons() {
        checkPredicate("lt", Word256::lt, (a, b) -> a.compareTo(b) < 0);
        checkPredicate("gt", Word256::gt, (a, b) -> a.compareTo(b) > 0);
        checkPredicate("slt", Word256::slt, (a, b) -> signed(a).compareTo(signed(b)) < 0);
        checkPredicate("sgt", Word256::sgt, (a, b) -> signed(a).compareTo(signed(b)) > 0);
        checkPredicate("eq", Word256::eq, BigInteger::equals);
        checkUnaryTo("isZero", Word256::isZero, a -> a.signum() == 0);
        checkPredicate("compareUnsigned", (a, b) -> Integer.signum(Word256.compareUnsigned(a, b)) == -1, (a, b) -> a.compareTo(b) < 0);
        checkPredicate("compareSigned", (a, b) -> Integer.signum(Word256.compareSigned(a, b)) == 1, (a, b) -> signed(a).compareTo(signed(b)) > 0);
    }

    @Test
    void bitwise() {
        checkBinary("and", Word256::and, BigInteger::and, false);
        checkBinary("or", Word256::or, BigInteger::or, false);
        checkBinary("xor", Word256::xor, BigInteger::xor, false);
        checkUnary("not", Word256::not, a -> MASK.subtract(a));
    }

    // ---- fixed vectors ----

    private static final String MAX = "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    private static final String MIN = "0x8000000000000000000000000000000000000000000000000000000000000000";
    private static final String MAX_POS = "0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";

    private static void eqHex(String expected, long[] actual) {
        assertEquals(new BigInteger(expected.substring(2), 16), big(actual), () -> "got " + hex(actual));
    }

    @Test
    void arithmeticVectors() {
        eqHex("0x0", Word256.add(w(MAX), w(1)));
        eqHex("0x10000000000000000", Word256.add(w("0xffffffffffffffff"), w(1)));
        eqHex("0x100000000000000000000000000000000", Word256.add(w("0xffffffffffffffffffffffffffffffff"), w(1)));
        eqHex(MAX, Word256.sub(w(0), w(1)));
        eqHex("0xffffffffffffffff", Word256.sub(w("0x10000000000000000"), w(1)));
        eqHex("0x0", Word256.div(w(7), w(0)));
        eqHex("0x0", Word256.mod(w(7), w(0)));
        eqHex(MAX, Word256.div(w(MAX), w(1)));
        eqHex("0x1", Word256.div(w(MAX), w(MAX)));
        eqHex("0xffffffffffffffffffffffffffffffff", Word256.div(w(MAX), w("0x100000000000000000000000000000000")));
        eqHex("0xffffffffffffffffffffffffffffffff", Word256.mod(w(MAX), w("0x100000000000000000000000000000000")));
        eqHex("0x0", Word256.mod(w(MAX), w(MAX)));
    }

    @Test
    void signedDivisionVectors() {
        eqHex(MIN, Word256.sdiv(w(MIN), w(MAX)));
        eqHex(MIN, Word256.sdiv(w(MIN), w(1)));
        eqHex("0x1", Word256.sdiv(w(MIN), w(MIN)));
        eqHex("0x0", Word256.sdiv(w(MAX_POS), w(MIN)));
        eqHex(MAX, Word256.sdiv(w(MIN), w(MAX_POS)));
        eqHex(MAX_POS, Word256.sdiv(w(MAX_POS), w(1)));
        eqHex("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe", Word256.sdiv(w(-8), w(3)));
        eqHex("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe", Word256.sdiv(w(8), w(-3)));
        eqHex("0x2", Word256.sdiv(w(-8), w(-3)));
        eqHex("0x0", Word256.sdiv(w(-8), w(0)));
        eqHex("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe", Word256.smod(w(-8), w(3)));
        eqHex("0x2", Word256.smod(w(8), w(-3)));
        eqHex("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe", Word256.smod(w(-8), w(-3)));
        eqHex("0x2", Word256.smod(w(8), w(3)));
        eqHex("0x0", Word256.smod(w(MIN), w(MAX)));
        eqHex("0x0", Word256.smod(w(-8), w(0)));
        // 2^255 mod 3 == 2, so -2^255 smod 3 == -2.
        eqHex("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe", Word256.smod(w(MIN), w(3)));
        eqHex(MAX_POS, Word256.smod(w(MAX_POS), w(MIN)));
    }

    @Test
    void modularVectors() {
        eqHex("0x0", Word256.addmod(w(MAX), w(MAX), w(MAX)));
        eqHex("0x1", Word256.addmod(w(MAX), w(1), w(MAX)));
        eqHex("0x2", Word256.addmod(w(MAX), w(2), w(3)));
        eqHex("0x2", Word256.addmod(w(MAX), w(MAX), w(7)));
        eqHex("0x2", Word256.addmod(w(MAX), w(MAX), w(-2)));
        eqHex("0x7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd",
                Word256.addmod(w(MAX), w(1), w("0x8000000000000000000000000000000000000000000000000000000000000003")));
        eqHex("0x0", Word256.addmod(w(1), w(2), w(0)));
        eqHex("0x0", Word256.mulmod(w(MAX), w(MAX), w(MAX)));
        eqHex("0x559", Word256.mulmod(w(MAX), w(MAX), w("0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed")));
        eqHex("0x0", Word256.mulmod(w(MAX), w(MAX), w("0x100000000000000000000000000000001")));
        eqHex("0x2", Word256.mulmod(w(MAX), w(-2), w(-3)));
        eqHex("0x40000000000000000000000000000000000000000000000000000000000022b3",
                Word256.mulmod(w(MIN), w(MIN), w(-189)));
        eqHex("0x1", Word256.mulmod(w(MAX), w(MAX), w(2)));
        eqHex("0x0", Word256.mulmod(w(5), w(7), w(1)));
        eqHex("0x0", Word256.mulmod(w(5), w(7), w(0)));
    }

    @Test
    void expVectors() {
        eqHex(MIN, Word256.exp(w(2), w(255)));
        eqHex("0x0", Word256.exp(w(2), w(256)));
        eqHex("0x0", Word256.exp(w(2), w("0x10000000000000000")));
        eqHex("0x1", Word256.exp(w(0), w(0)));
        eqHex("0x0", Word256.exp(w(0), w(1)));
        eqHex("0x1", Word256.exp(w(MAX), w(0)));
        eqHex(MAX, Word256.exp(w(MAX), w(MAX)));
        eqHex("0x1", Word256.exp(w(MAX), w(-2)));
        eqHex("0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", Word256.exp(w(3), w(MAX)));
        eqHex("0x7", Word256.exp(w(7), w("0x8000000000000000000000000000000000000000000000000000000000000001")));
        eqHex("0xfa3bb4c6adba9544c794a76a2709215200a5d052df8226cfbc1351a205e89a0f",
                Word256.exp(w("0x1234567890abcdef"), w("0xdeadbeef")));
        assertEquals(0, Word256.byteLength(w(0)));
        assertEquals(1, Word256.byteLength(w(1)));
        assertEquals(1, Word256.byteLength(w(0xFF)));
        assertEquals(2, Word256.byteLength(w(0x100)));
        assertEquals(8, Word256.byteLength(w("0xffffffffffffffff")));
        assertEquals(9, Word256.byteLength(w("0x10000000000000000")));
        assertEquals(32, Word256.byteLength(w(MIN)));
        assertEquals(32, Word256.byteLength(w(MAX)));
    }

    @Test
    void signextendVectors() {
        eqHex(MAX, Word256.signextend(w(0), w(0xFF)));
        eqHex("0x7f", Word256.signextend(w(0), w(0x7F)));
        eqHex("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80", Word256.signextend(w(0), w(0x180)));
        eqHex("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff8000", Word256.signextend(w(1), w(0x8000)));
        eqHex("0x7fff", Word256.signextend(w(1), w(0x12347FFF)));
        eqHex("0xffffffffffffffffffffffffffffffffffffffffffffffff8000000000000000",
                Word256.signextend(w(7), w("0x18000000000000000")));
        eqHex("0x7fffffffffffffff", Word256.signextend(w(7), w("0xff7fffffffffffffff")));
        eqHex("0xffffffffffffffffffffffffffffffffffffffffffffffff8000000000000000",
                Word256.signextend(w(8), w("0xff8000000000000000")));
        eqHex("0xff80000000000000000000000000000000000000000000000000000000000000",
                Word256.signextend(w(30), w("0x0080000000000000000000000000000000000000000000000000000000000000")));
        eqHex("0x007fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
                Word256.signextend(w(30), w("0xff7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")));
        eqHex("0x80", Word256.signextend(w(31), w(0x80)));
        eqHex("0x0080000000000000000000000000000000000000000000000000000000000000",
                Word256.signextend(w(31), w("0x0080000000000000000000000000000000000000000000000000000000000000")));
        eqHex("0x80", Word256.signextend(w(32), w(0x80)));
        eqHex("0x80", Word256.signextend(w(MAX), w(0x80)));
        // A huge index whose low limb is small must not be read as that small index.
        eqHex("0x80", Word256.signextend(w("0x10000000000000000"), w(0x80)));
        long[] b = w(0x80);
        assertNotSame(b, Word256.signextend(w(31), b));
    }

    @Test
    void byteVectors() {
        long[] v = w("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
        for (int i = 0; i < 32; i++) {
            eqHex("0x" + Integer.toHexString(i + 1), Word256.byteOp(w(i), v));
        }
        eqHex("0xab", Word256.byteOp(w(31), w(0xAB)));
        eqHex("0xab", Word256.byteOp(w(0), w("0xab00000000000000000000000000000000000000000000000000000000000000")));
        eqHex("0x0", Word256.byteOp(w(32), w(MAX)));
        eqHex("0x0", Word256.byteOp(w(MAX), w(MAX)));
        eqHex("0x0", Word256.byteOp(w("0x10000000000000000"), w(MAX)));
        eqHex("0x0", Word256.byteOp(w("0x1000000000000001f"), w(MAX)));
    }

    @Test
    void comparisonVectors() {
        assertTrue(Word256.slt(w(MIN), w(0)));
        assertTrue(Word256.slt(w(MAX), w(0)));
        assertTrue(Word256.slt(w(MIN), w(MAX_POS)));
        assertFalse(Word256.slt(w(MIN), w(MIN)));
        assertTrue(Word256.sgt(w(0), w(MAX)));
        assertFalse(Word256.sgt(w(MIN), w(MIN)));
        assertTrue(Word256.lt(w(0), w(MAX)));
        assertTrue(Word256.gt(w(MIN), w(MAX_POS)));
        assertTrue(Word256.lt(w("0xffffffffffffffff"), w("0x10000000000000000")));
        assertTrue(Word256.eq(w(MAX), w(-1)));
        assertFalse(Word256.eq(w("0x10000000000000000"), w(0)));
        assertTrue(Word256.isZero(w(0)));
        assertFalse(Word256.isZero(w(MIN)));
        eqHex("0xffffffffffffffff", Word256.fromLong(-1));
        eqHex("0x0", Word256.fromLong(0));
        eqHex("0x2a", Word256.fromLong(42));
    }
}
