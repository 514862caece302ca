// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.zvm.evm.Fork;
import org.zvm.runtime.Address;

/** The fork table, the hash precompiles, and bn254 properties the vector files do not pin down. */
class PrecompilesTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String G1 = "00".repeat(31) + "01" + "00".repeat(31) + "02";
    private static final String G2 =
            "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
            + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";

    private static Precompile at(int n, Fork fork) {
        return Precompiles.get(Address.fromHex(Integer.toHexString(n)), fork);
    }

    @Test
    void availabilityFollowsTheFork() {
        for (Fork fork : Fork.values()) {
            for (int n = 1; n <= 9; n++) {
                assertNotNull(at(n, fork), fork + " 0x" + n);
            }
            assertNull(at(0, fork));
            assertNull(at(0x0b, fork));
            assertEquals(fork == Fork.CANCUN, at(0x0a, fork) != null, fork + " point evaluation");
            assertEquals(fork == Fork.CANCUN ? 10 : 9, Precompiles.addresses(fork).size());
        }
        assertSame(ModExp.EIP198, at(5, Fork.ISTANBUL));
        for (Fork fork : new Fork[] {Fork.BERLIN, Fork.LONDON, Fork.SHANGHAI, Fork.CANCUN}) {
            assertSame(ModExp.EIP2565, at(5, fork));
        }
        assertNull(Precompiles.get(Address.fromHex("0x0100000000000000000000000000000000000001"), Fork.CANCUN));
    }

    @Test
    void hashesAndIdentity() throws PrecompileFailure {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HEX.formatHex(at(2, Fork.ISTANBUL).run(abc)));
        assertEquals("0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc",
                HEX.formatHex(at(3, Fork.ISTANBUL).run(abc)));
        assertSame(abc, at(4, Fork.ISTANBUL).run(abc), "identity hands back its input without copying");
        byte[] empty = new byte[0];
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HEX.formatHex(at(2, Fork.ISTANBUL).run(empty)));
        assertEquals("0000000000000000000000009c1185a5c5e9fc54612808977ee8f548b2258d31",
                HEX.formatHex(at(3, Fork.ISTANBUL).run(empty)));
    }

    @Test
    void wordPricedGas() {
        int[] lengths = {0, 1, 32, 33, 64, 1000};
        long[] words = {0, 1, 1, 2, 2, 32};
        for (int i = 0; i < lengths.length; i++) {
            byte[] in = new byte[lengths[i]];
            assertEquals(60 + 12 * words[i], at(2, Fork.ISTANBUL).gas(in));
            assertEquals(600 + 120 * words[i], at(3, Fork.ISTANBUL).gas(in));
            assertEquals(15 + 3 * words[i], at(4, Fork.ISTANBUL).gas(in));
        }
    }

    @Test
    void ecRecoverOfNothingIsEmpty() throws PrecompileFailure {
        assertEquals(0, at(1, Fork.ISTANBUL).run(new byte[0]).length);
        assertEquals(3000, at(1, Fork.ISTANBUL).gas(new byte[0]));
    }

    @Test
    void blake2fRoundsAreUnsigned() {
        byte[] in = new byte[213];
        in[0] = in[1] = in[2] = in[3] = (byte) 0xff;
        assertEquals(0xffffffffL, at(9, Fork.ISTANBUL).gas(in));
        assertEquals(0, at(9, Fork.ISTANBUL).gas(new byte[212]));
    }

    @Test
    void pairingIsBilinear() throws PrecompileFailure {
        Random random = new Random(1108);
        BigInteger a = new BigInteger(250, random);
        BigInteger b = new BigInteger(250, random);
        Jacobian.Affine<Fp2> q = Bn254.g2(HEX.parseHex(G2), 0);
        // e(a·P, b·Q) · e(−ab·P, Q) = 1, and not when the second factor is off by one.
        String aP = mul(G1, a);
        String bQ = encode(Jacobian.multiply(Field.FP2, q, b));
        String minusAbP = mul(G1, Bn254.R.subtract(a.multiply(b).mod(Bn254.R)));
        String minusAbPlus1P = mul(G1, Bn254.R.subtract(a.multiply(b).mod(Bn254.R)).add(BigInteger.ONE));
        assertEquals(1, pairing(aP + bQ + minusAbP + G2));
        assertEquals(0, pairing(aP + bQ + minusAbPlus1P + G2));
    }

    @Test
    void pairingSkipsPairsWithInfinity() throws PrecompileFailure {
        String zeroG1 = "00".repeat(64);
        String zeroG2 = "00".repeat(128);
        assertEquals(1, pairing(zeroG1 + G2 + G1 + zeroG2));
        assertEquals(0, pairing(zeroG1 + G2 + G1 + G2));
    }

    @Test
    void g2OffTheSubgroupIsRejectedForThatReason() {
        String onTwist = "00".repeat(31) + "00" + "00".repeat(31) + "01"
                + "0d1271953ed9ea0836846e70a1934187998c7f790cb4d7511b7f8da82de048a4"
                + "2869111d5381f072f8e2728fdb825a51aadd70e52c9830e9ab4b871c0531f1bb";
        PrecompileFailure f = assertThrows(PrecompileFailure.class, () -> at(8, Fork.ISTANBUL).run(HEX.parseHex(G1 + onTwist)));
        assertTrue(f.getMessage().contains("subgroup"), f.getMessage());
    }

    @Test
    void modExpOutputIsModulusLength() throws PrecompileFailure {
        String lengths = word(1) + word(1) + word(3);
        byte[] out = at(5, Fork.BERLIN).run(HEX.parseHex(lengths + "02" + "05" + "000007"));
        assertArrayEquals(new byte[] {0, 0, 4}, out);
    }

    private static int pairing(String hex) throws PrecompileFailure {
        byte[] out = at(8, Fork.ISTANBUL).run(HEX.parseHex(hex));
        assertEquals(32, out.length);
        return out[31];
    }

    private static String mul(String point, BigInteger k) throws PrecompileFailure {
        return HEX.formatHex(at(7, Fork.ISTANBUL).run(HEX.parseHex(point + word(k))));
    }

    private static String encode(Jacobian.Affine<Fp2> q) {
        return word(q.x().im()) + word(q.x().re()) + word(q.y().im()) + word(q.y().re());
    }

    private static String word(long v) {
        return word(BigInteger.valueOf(v));
    }

    private static String word(BigInteger v) {
        String h = v.toString(16);
        return "0".repeat(64 - h.length()) + h;
    }

    @Test
    void outputsAreFreshArrays() throws PrecompileFailure {
        byte[] in = HEX.parseHex(G1 + G1);
        assertNotSame(at(6, Fork.ISTANBUL).run(in), at(6, Fork.ISTANBUL).run(in));
    }
}
