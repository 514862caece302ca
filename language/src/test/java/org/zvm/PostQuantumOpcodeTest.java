// SPDX-License-Identifier: Apache-2.0
package org.zvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zvm.crypto.KnownAnswers.flip;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zvm.crypto.KnownAnswers;
import org.zvm.crypto.SignatureAlgorithm;
import org.zvm.opcode.GasCosts;
import org.zvm.opcode.Opcode;
import org.zvm.util.Hex;

/**
 * PQ_VERIFY_* and PQ_KEYGEN (0xF0-0xF3) end to end: operands in memory as zvm-native.md lays them out,
 * known-answer vectors through the opcodes, tampering, wrong lengths, and gas to the unit as documented
 * in the opcode table (base + 1 per message byte + memory expansion; keygen surcharges).
 */
class PostQuantumOpcodeTest {
    static final byte[] SEED = Hex.bytes("0x202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");
    static final byte[] MESSAGE = "transfer 5 tokens".getBytes(StandardCharsets.UTF_8);
    ZvmRunner zvm;

    @BeforeEach
    void start() {
        zvm = new ZvmRunner();
    }

    @AfterEach
    void stop() {
        zvm.close();
    }

    /** Copies calldata to memory 0, runs {@code op} on the key at 0 and the given regions, returns its result. */
    static String verifier(Opcode op, int keyLen, int msgOffset, int msgLen, int sigOffset, int sigLen) {
        return """
                        CALLDATASIZE
                        PUSH1 0
                        PUSH1 0
                        CALLDATACOPY
                        PUSH2 %d
                        PUSH2 %d
                        PUSH2 %d
                        PUSH2 %d
                        PUSH2 %d
                        PUSH2 0
                        %s
                        PUSH1 0
                        MSTORE
                        PUSH1 32
                        PUSH1 0
                        RETURN
                        """.formatted(sigLen, sigOffset, msgLen, msgOffset, keyLen, op.mnemonic());
    }

    /** What {@link #verifier} costs: every step of the program, by the table and GasCosts. */
    static long verifierGas(Opcode op, long calldataLen, long msgLen) {
        long words = GasCosts.words(calldataLen);
        long copy = 3 + GasCosts.COPY_WORD * words + GasCosts.memoryCost(words);
        return 2 + 3 + 3 + copy + 6 * 3 + op.baseGas + GasCosts.PQ_MESSAGE_BYTE * msgLen + 3 + 3 + 3 + 3;
    }

    /** Lays out key ‖ message ‖ signature but passes the given lengths, so a test can misstate one. */
    Map<String, Object> verify(Opcode op, byte[] key, byte[] msg, byte[] sig, int keyLen, int msgLen, int sigLen) {
        byte[] calldata = concat(key, msg, sig);
        String code = verifier(op, keyLen, key.length, msgLen, key.length + msg.length, sigLen);
        Map<String, Object> r = zvm.run(code, Hex.of(calldata), 10_000_000);
        assertEquals("success", r.get("status"), () -> String.valueOf(r.get("reason")));
        assertEquals(verifierGas(op, calldata.length, msgLen), ((BigInteger) r.get("gasUsed")).longValue(), "gas");
        return r;
    }

    String verify(Opcode op, byte[] key, byte[] msg, byte[] sig) {
        return (String) verify(op, key, msg, sig, key.length, msg.length, sig.length).get("output");
    }

    static String word(long v) {
        return String.format("0x%064x", v);
    }

    @Test
    void falconKnownAnswerThroughTheOpcode() {
        byte[][] v = KnownAnswers.falconVector();
        assertEquals(word(1), verify(Opcode.PQ_VERIFY_FALCON, v[0], v[1], v[2]));
        assertEquals(word(0), verify(Opcode.PQ_VERIFY_FALCON, v[0], flip(v[1], 5), v[2]), "tampered message");
        assertEquals(word(0), verify(Opcode.PQ_VERIFY_FALCON, flip(v[0], 20), v[1], v[2]), "tampered key");
        assertEquals(word(0), verify(Opcode.PQ_VERIFY_DILITHIUM, v[0], v[1], v[2]), "a Falcon signature is no ML-DSA one");
    }

    @Test
    void mlDsaKnownAnswerThroughTheOpcode() {
        Map<String, byte[]> v = KnownAnswers.load("mldsa65-wycheproof-tc1.txt");
        assertEquals(word(1), verify(Opcode.PQ_VERIFY_DILITHIUM, v.get("pk"), v.get("msg"), v.get("sig")));
        assertEquals(word(0), verify(Opcode.PQ_VERIFY_DILITHIUM, v.get("pk"), flip(v.get("msg"), 0), v.get("sig")), "tampered message");
        assertEquals(word(0), verify(Opcode.PQ_VERIFY_SPHINCS, v.get("pk"), v.get("msg"), v.get("sig")), "an ML-DSA signature is no SLH-DSA one");
    }

    @Test
    void mlDsaSignaturesAndTampering() {
        roundTrip(Opcode.PQ_VERIFY_DILITHIUM, SignatureAlgorithm.ML_DSA_65);
    }

    @Test
    void slhDsaSignaturesAndTampering() {
        roundTrip(Opcode.PQ_VERIFY_SPHINCS, SignatureAlgorithm.SLH_DSA_SHA2_128S);
    }

    @Test
    void falconSignaturesAndTampering() {
        roundTrip(Opcode.PQ_VERIFY_FALCON, SignatureAlgorithm.FALCON_512);
    }

    void roundTrip(Opcode op, SignatureAlgorithm a) {
        byte[] key = a.keyPair(SEED).publicKey();
        byte[] sig = a.sign(SEED, MESSAGE);
        assertEquals(word(1), verify(op, key, MESSAGE, sig));
        assertEquals(word(0), verify(op, key, flip(MESSAGE, 0), sig), "tampered message");
        assertEquals(word(0), verify(op, key, MESSAGE, flip(sig, sig.length - 1)), "tampered signature");
        assertEquals(word(0), verify(op, flip(key, key.length / 2), MESSAGE, sig), "tampered key");
        // Wrong lengths over the same bytes: one byte short of the key or the signature is invalid, not a halt.
        assertEquals(word(0), verify(op, key, MESSAGE, sig, key.length - 1, MESSAGE.length, sig.length).get("output"), "short key");
        assertEquals(word(0), verify(op, key, MESSAGE, sig, key.length, MESSAGE.length, sig.length - 1).get("output"), "short signature");
        assertEquals(word(0), verify(op, key, MESSAGE, sig, key.length, MESSAGE.length - 1, sig.length).get("output"), "short message");
    }

    /** Copies a 32-byte seed to memory 0, runs PQ_KEYGEN into memory 64 and returns pkLen word ‖ 32 zero bytes ‖ pk ‖ sk. */
    static String keygen(int algorithm, int total) {
        return """
                        CALLDATASIZE
                        PUSH1 0
                        PUSH1 0
                        CALLDATACOPY
                        PUSH1 64
                        PUSH1 0
                        PUSH1 %d
                        PQ_KEYGEN
                        PUSH1 0
                        MSTORE
                        PUSH2 %d
                        PUSH1 0
                        RETURN
                        """.formatted(algorithm, 64 + total);
    }

    static long keygenGas(long surcharge, long total) {
        long copy = 3 + GasCosts.COPY_WORD + GasCosts.memoryCost(1);
        long expansion = GasCosts.memoryCost(GasCosts.words(64 + total)) - GasCosts.memoryCost(1);
        return 2 + 3 + 3 + copy + 3 + 3 + 3 + Opcode.PQ_KEYGEN.baseGas + surcharge + expansion + 3 + 3 + 3 + 3;
    }

    byte[] runKeygen(int algorithm, SignatureAlgorithm a, byte[] seed, long surcharge) {
        int total = a.publicKeyLength + a.privateKeyLength;
        Map<String, Object> r = zvm.run(keygen(algorithm, total), Hex.of(seed), 10_000_000);
        assertEquals("success", r.get("status"), () -> String.valueOf(r.get("reason")));
        assertEquals(keygenGas(surcharge, total), ((BigInteger) r.get("gasUsed")).longValue(), "gas");
        byte[] out = Hex.bytes((String) r.get("output"));
        assertEquals(a.publicKeyLength, new BigInteger(1, Arrays.copyOf(out, 32)).intValue());
        SignatureAlgorithm.KeyPair expected = a.keyPair(seed);
        assertArrayEquals(expected.publicKey(), Arrays.copyOfRange(out, 64, 64 + a.publicKeyLength));
        assertArrayEquals(expected.privateKey(), Arrays.copyOfRange(out, 64 + a.publicKeyLength, out.length));
        return Arrays.copyOfRange(out, 64, 64 + a.publicKeyLength);
    }

    @Test
    void mlDsaKeygenMatchesAcvp() {
        Map<String, byte[]> v = KnownAnswers.load("mldsa65-keygen.txt");
        assertArrayEquals(v.get("pk"), runKeygen(0xF0, SignatureAlgorithm.ML_DSA_65, v.get("seed"), 0));
    }

    @Test
    void falconKeygenIsDeterministicAndChargesItsSurcharge() {
        byte[] first = runKeygen(0xF1, SignatureAlgorithm.FALCON_512, SEED, GasCosts.PQ_KEYGEN_FALCON);
        assertArrayEquals(first, runKeygen(0xF1, SignatureAlgorithm.FALCON_512, SEED, GasCosts.PQ_KEYGEN_FALCON));
    }

    @Test
    void slhDsaKeygenChargesItsSurcharge() {
        runKeygen(0xF2, SignatureAlgorithm.SLH_DSA_SHA2_128S, SEED, GasCosts.PQ_KEYGEN_SPHINCS);
    }

    @Test
    void unknownAlgorithmPushesZeroAndOutOfGasHalts() {
        Map<String, Object> r = zvm.run("PUSH1 64\nPUSH1 0\nPUSH1 0xF3\nPQ_KEYGEN\nPUSH1 0\nMSTORE\nPUSH1 32\nPUSH1 0\nRETURN\n", "", 100_000);
        assertEquals(word(0), r.get("output"));
        // Base 5000 plus the pushes, but not the 250000 Falcon surcharge.
        Map<String, Object> poor = zvm.run(keygen(0xF1, 897 + 1281), Hex.of(SEED), 100_000);
        assertEquals("halt", poor.get("status"));
        assertEquals("out_of_gas", poor.get("reason"));
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
