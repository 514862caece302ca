// SPDX-License-Identifier: Apache-2.0
package org.zvm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zvm.crypto.KnownAnswers.flip;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.bouncycastle.pqc.crypto.slhdsa.SLHDSAPublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zvm.util.Hex;

/** Known-answer vectors for the PQ schemes, and round trips and tampering for every scheme. */
class SignatureAlgorithmTest {
    static final byte[] SEED = Hex.bytes("0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    static final byte[] MESSAGE = "pay 10 to alice".getBytes(StandardCharsets.UTF_8);

    @Test
    void falconVerifiesTheNistKnownAnswerAndRejectsTampering() {
        byte[][] v = KnownAnswers.falconVector();
        SignatureAlgorithm falcon = SignatureAlgorithm.FALCON_512;
        assertTrue(falcon.verify(v[0], v[1], v[2]));
        assertFalse(falcon.verify(v[0], flip(v[1], 0), v[2]), "message");
        assertFalse(falcon.verify(v[0], v[1], flip(v[2], 100)), "signature");
        assertFalse(falcon.verify(flip(v[0], 10), v[1], v[2]), "key");
        assertFalse(falcon.verify(flip(v[0], 0), v[1], v[2]), "key header");
        assertFalse(falcon.verify(v[0], v[1], flip(v[2], 0)), "signature header");
    }

    @Test
    void mlDsaVerifiesTheWycheproofBaselineAndRejectsTampering() {
        Map<String, byte[]> v = KnownAnswers.load("mldsa65-wycheproof-tc1.txt");
        SignatureAlgorithm mlDsa = SignatureAlgorithm.ML_DSA_65;
        assertTrue(mlDsa.verify(v.get("pk"), v.get("msg"), v.get("sig")));
        assertFalse(mlDsa.verify(v.get("pk"), flip(v.get("msg"), 0), v.get("sig")), "message");
        assertFalse(mlDsa.verify(v.get("pk"), v.get("msg"), flip(v.get("sig"), 1000)), "signature");
        assertFalse(mlDsa.verify(flip(v.get("pk"), 100), v.get("msg"), v.get("sig")), "key");
    }

    @Test
    void ed25519MatchesRfc8032() {
        Map<String, byte[]> v = KnownAnswers.load("ed25519-rfc8032-test1.txt");
        assertArrayEquals(v.get("pk"), SignatureAlgorithm.ED25519.keyPair(v.get("seed")).publicKey());
        assertArrayEquals(v.get("sig"), SignatureAlgorithm.ED25519.sign(v.get("seed"), new byte[0]));
        assertTrue(SignatureAlgorithm.ED25519.verify(v.get("pk"), new byte[0], v.get("sig")));
    }

    @Test
    void secp256k1MatchesTheRfc6979Vector() {
        Map<String, byte[]> v = KnownAnswers.load("secp256k1-rfc6979.txt");
        assertArrayEquals(v.get("pk"), SignatureAlgorithm.SECP256K1.keyPair(v.get("seed")).publicKey());
        assertArrayEquals(v.get("sig"), SignatureAlgorithm.SECP256K1.sign(v.get("seed"), v.get("msg")));
        assertTrue(SignatureAlgorithm.SECP256K1.verify(v.get("pk"), v.get("msg"), v.get("sig")));
    }

    @Test
    void mlDsaKeyGenerationMatchesAcvp() {
        Map<String, byte[]> v = KnownAnswers.load("mldsa65-keygen.txt");
        assertArrayEquals(v.get("pk"), SignatureAlgorithm.ML_DSA_65.keyPair(v.get("seed")).publicKey());
    }

    @Test
    void slhDsaKeyGenerationMatchesAcvp() {
        Map<String, byte[]> v = KnownAnswers.load("slhdsa-sha2-128s-keygen.txt");
        SLHDSAPublicKeyParameters pub = (SLHDSAPublicKeyParameters) SignatureAlgorithm.slhPair(v.get("skSeed"), new byte[16], v.get("pkSeed")).getPublic();
        assertArrayEquals(v.get("pkRoot"), pub.getRoot());
        assertArrayEquals(v.get("pkSeed"), pub.getSeed());
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void signVerifyAndTamper(SignatureAlgorithm a) {
        SignatureAlgorithm.KeyPair pair = a.keyPair(SEED);
        assertEquals(a.publicKeyLength, pair.publicKey().length);
        assertEquals(a.privateKeyLength, pair.privateKey().length);
        byte[] sig = a.sign(SEED, MESSAGE);
        assertTrue(sig.length >= a.minSignatureLength && sig.length <= a.maxSignatureLength, "signature length " + sig.length);
        assertTrue(a.verify(pair.publicKey(), MESSAGE, sig));
        assertFalse(a.verify(pair.publicKey(), flip(MESSAGE, 3), sig), "tampered message");
        assertFalse(a.verify(pair.publicKey(), MESSAGE, flip(sig, sig.length / 2)), "tampered signature");
        assertFalse(a.verify(flip(pair.publicKey(), pair.publicKey().length - 1), MESSAGE, sig), "tampered key");
        assertFalse(a.verify(Arrays.copyOf(pair.publicKey(), a.publicKeyLength - 1), MESSAGE, sig), "short key");
        assertFalse(a.verify(pair.publicKey(), MESSAGE, Arrays.copyOf(sig, a.maxSignatureLength + 1)), "long signature");
        assertFalse(a.verify(pair.publicKey(), MESSAGE, new byte[0]), "empty signature");
        assertFalse(a.verify(new byte[a.publicKeyLength], MESSAGE, sig), "zero key");
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void keyGenerationIsDeterministicPerSeed(SignatureAlgorithm a) {
        if (a == SignatureAlgorithm.SLH_DSA_SHA2_128S) {
            return; // covered below with one key pair less: SLH-DSA key generation takes about a second
        }
        SignatureAlgorithm.KeyPair first = a.keyPair(SEED);
        SignatureAlgorithm.KeyPair again = a.keyPair(SEED.clone());
        assertArrayEquals(first.publicKey(), again.publicKey());
        assertArrayEquals(first.privateKey(), again.privateKey());
        assertFalse(Arrays.equals(first.publicKey(), a.keyPair(flip(SEED, 31)).publicKey()));
    }

    @Test
    void slhDsaKeyGenerationIsDeterministicPerSeed() {
        SignatureAlgorithm a = SignatureAlgorithm.SLH_DSA_SHA2_128S;
        assertArrayEquals(a.keyPair(SEED).privateKey(), a.keyPair(SEED.clone()).privateKey());
    }

    @Test
    void seedsMustBe32BytesAndSecp256k1SeedsValidScalars() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SignatureAlgorithm.ED25519.keyPair(new byte[31]));
        assertEquals("Ed25519 seed must be 32 bytes, got 31", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SignatureAlgorithm.SECP256K1.keyPair(new byte[32]));
        byte[] max = new byte[32];
        Arrays.fill(max, (byte) 0xFF);
        assertThrows(IllegalArgumentException.class, () -> SignatureAlgorithm.SECP256K1.keyPair(max));
    }

    @Test
    void idsAreCaseInsensitive() {
        assertEquals(SignatureAlgorithm.SLH_DSA_SHA2_128S, SignatureAlgorithm.byId("slh-dsa-sha2-128s"));
        assertEquals(SignatureAlgorithm.ML_DSA_65, SignatureAlgorithm.byId("ML-DSA-65"));
        assertEquals(null, SignatureAlgorithm.byId("rsa"));
    }
}
