// SPDX-License-Identifier: Apache-2.0
package org.zvm.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.pqc.crypto.falcon.FalconKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.falcon.FalconKeyPairGenerator;
import org.bouncycastle.pqc.crypto.falcon.FalconParameters;
import org.bouncycastle.pqc.crypto.falcon.FalconPrivateKeyParameters;
import org.bouncycastle.pqc.crypto.falcon.FalconPublicKeyParameters;
import org.bouncycastle.pqc.crypto.falcon.FalconSigner;
import org.bouncycastle.pqc.crypto.mldsa.MLDSAParameters;
import org.bouncycastle.pqc.crypto.mldsa.MLDSAPrivateKeyParameters;
import org.bouncycastle.pqc.crypto.mldsa.MLDSAPublicKeyParameters;
import org.bouncycastle.pqc.crypto.mldsa.MLDSASigner;
import org.bouncycastle.pqc.crypto.slhdsa.SLHDSAKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.slhdsa.SLHDSAKeyPairGenerator;
import org.bouncycastle.pqc.crypto.slhdsa.SLHDSAParameters;
import org.bouncycastle.pqc.crypto.slhdsa.SLHDSAPrivateKeyParameters;
import org.bouncycastle.pqc.crypto.slhdsa.SLHDSAPublicKeyParameters;
import org.bouncycastle.pqc.crypto.slhdsa.SLHDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The signature schemes of the PQ opcodes and of {@code .zsig} files, all through BouncyCastle. Every key
 * pair derives deterministically from a 32-byte seed, so a key file need only keep the seed and PQ_KEYGEN
 * is reproducible on every node. Verification never throws: a key or signature of the wrong length or
 * encoding is simply invalid, which keeps the opcodes deterministic.
 */
public enum SignatureAlgorithm {
    /** FIPS 204 ML-DSA-65, pure, empty context; the seed is the KeyGen_internal seed xi. */
    ML_DSA_65("ML-DSA-65", 1952, 4032, 3309, 3309) {
        @Override
        KeyPair derive(byte[] seed) {
            MLDSAPrivateKeyParameters p = new MLDSAPrivateKeyParameters(MLDSAParameters.ml_dsa_65, seed);
            return new KeyPair(p.getPublicKeyParameters().getEncoded(), p.getParametersWithFormat(MLDSAPrivateKeyParameters.EXPANDED_KEY).getEncoded());
        }

        @Override
        byte[] signWith(byte[] seed, byte[] message) throws CryptoException {
            MLDSASigner s = new MLDSASigner();
            s.init(true, new MLDSAPrivateKeyParameters(MLDSAParameters.ml_dsa_65, seed));
            s.update(message, 0, message.length);
            return s.generateSignature();
        }

        @Override
        boolean check(byte[] publicKey, byte[] message, byte[] signature) {
            MLDSASigner s = new MLDSASigner();
            s.init(false, new MLDSAPublicKeyParameters(MLDSAParameters.ml_dsa_65, publicKey));
            s.update(message, 0, message.length);
            return s.verifySignature(signature);
        }
    },
    /**
     * Falcon-512 (round-3 specification encodings): public key {@code 0x09 ‖ h} (897 bytes), private key
     * {@code 0x59 ‖ f ‖ g ‖ F} (1281 bytes), signature {@code 0x39 ‖ nonce(40) ‖ compressed s2} (at most
     * 666 bytes). The key generator draws from SHAKE256(seed).
     */
    FALCON_512("Falcon-512", 897, 1281, 42, 666) {
        @Override
        KeyPair derive(byte[] seed) {
            AsymmetricCipherKeyPair pair = falconPair(seed);
            FalconPrivateKeyParameters p = (FalconPrivateKeyParameters) pair.getPrivate();
            byte[] h = ((FalconPublicKeyParameters) pair.getPublic()).getH();
            return new KeyPair(prefixed(FALCON_PUBLIC_HEADER, h), prefixed(FALCON_PRIVATE_HEADER, p.getEncoded()));
        }

        @Override
        byte[] signWith(byte[] seed, byte[] message) {
            FalconSigner s = new FalconSigner();
            s.init(true, new ParametersWithRandom(falconPair(seed).getPrivate(), new SecureRandom()));
            return s.generateSignature(message);
        }

        @Override
        boolean check(byte[] publicKey, byte[] message, byte[] signature) {
            if (publicKey[0] != FALCON_PUBLIC_HEADER || signature[0] != FALCON_SIGNATURE_HEADER) {
                return false;
            }
            FalconSigner s = new FalconSigner();
            s.init(false, new FalconPublicKeyParameters(FalconParameters.falcon_512, Arrays.copyOfRange(publicKey, 1, publicKey.length)));
            return s.verifySignature(message, signature);
        }
    },
    /** FIPS 205 SLH-DSA-SHA2-128s, pure, empty context; SK.seed ‖ SK.prf ‖ PK.seed = SHAKE256(seed, 48). */
    SLH_DSA_SHA2_128S("SLH-DSA-SHA2-128s", 32, 64, 7856, 7856) {
        @Override
        KeyPair derive(byte[] seed) {
            AsymmetricCipherKeyPair pair = seededSlhPair(seed);
            return new KeyPair(((SLHDSAPublicKeyParameters) pair.getPublic()).getEncoded(), ((SLHDSAPrivateKeyParameters) pair.getPrivate()).getEncoded());
        }

        @Override
        byte[] signWith(byte[] seed, byte[] message) {
            SLHDSASigner s = new SLHDSASigner();
            s.init(true, seededSlhPair(seed).getPrivate());
            return s.generateSignature(message);
        }

        @Override
        boolean check(byte[] publicKey, byte[] message, byte[] signature) {
            SLHDSASigner s = new SLHDSASigner();
            s.init(false, new SLHDSAPublicKeyParameters(SLHDSAParameters.sha2_128s, publicKey));
            return s.verifySignature(message, signature);
        }
    },
    /** RFC 8032 Ed25519; the seed is the private key. */
    ED25519("Ed25519", 32, 32, 64, 64) {
        @Override
        KeyPair derive(byte[] seed) {
            return new KeyPair(new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded(), seed.clone());
        }

        @Override
        byte[] signWith(byte[] seed, byte[] message) {
            Ed25519Signer s = new Ed25519Signer();
            s.init(true, new Ed25519PrivateKeyParameters(seed, 0));
            s.update(message, 0, message.length);
            return s.generateSignature();
        }

        @Override
        boolean check(byte[] publicKey, byte[] message, byte[] signature) {
            Ed25519Signer s = new Ed25519Signer();
            s.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            s.update(message, 0, message.length);
            return s.verifySignature(signature);
        }
    },
    /**
     * ECDSA on secp256k1 over SHA-256 of the message (RFC 6979 nonces): public key 33-byte compressed SEC1,
     * signature {@code r ‖ s} (32 bytes each, low s when signing). The seed is the private scalar.
     */
    SECP256K1("secp256k1", 33, 32, 64, 64) {
        @Override
        KeyPair derive(byte[] seed) {
            return new KeyPair(SECP256K1_CURVE.getG().multiply(scalar(seed)).normalize().getEncoded(true), seed.clone());
        }

        @Override
        byte[] signWith(byte[] seed, byte[] message) {
            ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            s.init(true, new ECPrivateKeyParameters(scalar(seed), SECP256K1_DOMAIN));
            BigInteger[] rs = s.generateSignature(Hashes.sha256(message, 0, message.length));
            BigInteger n = SECP256K1_DOMAIN.getN();
            BigInteger low = rs[1].compareTo(n.shiftRight(1)) > 0 ? n.subtract(rs[1]) : rs[1];
            byte[] out = new byte[64];
            fixed32(rs[0], out, 0);
            fixed32(low, out, 32);
            return out;
        }

        @Override
        boolean check(byte[] publicKey, byte[] message, byte[] signature) {
            ECPoint q = SECP256K1_CURVE.getCurve().decodePoint(publicKey);
            ECDSASigner s = new ECDSASigner();
            s.init(false, new ECPublicKeyParameters(q, SECP256K1_DOMAIN));
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
            BigInteger sv = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
            return s.verifySignature(Hashes.sha256(message, 0, message.length), r, sv);
        }
    };

    /** Length of the seed every key pair derives from. */
    public static final int SEED_LENGTH = 32;

    private static final byte FALCON_PUBLIC_HEADER = 0x09;
    private static final byte FALCON_PRIVATE_HEADER = 0x59;
    private static final byte FALCON_SIGNATURE_HEADER = 0x39;
    private static final X9ECParameters SECP256K1_CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters SECP256K1_DOMAIN = new ECDomainParameters(SECP256K1_CURVE);

    /** A public key and the algorithm's standard private-key encoding. */
    public record KeyPair(byte[] publicKey, byte[] privateKey) {
    }

    /** The name in {@code .zsig} files and on the command line, e.g. {@code ML-DSA-65}. */
    public final String id;
    public final int publicKeyLength;
    /** Length of {@link KeyPair#privateKey}. */
    public final int privateKeyLength;
    public final int minSignatureLength;
    public final int maxSignatureLength;

    SignatureAlgorithm(String id, int publicKeyLength, int privateKeyLength, int minSignatureLength, int maxSignatureLength) {
        this.id = id;
        this.publicKeyLength = publicKeyLength;
        this.privateKeyLength = privateKeyLength;
        this.minSignatureLength = minSignatureLength;
        this.maxSignatureLength = maxSignatureLength;
    }

    abstract KeyPair derive(byte[] seed);

    abstract byte[] signWith(byte[] seed, byte[] message) throws CryptoException;

    abstract boolean check(byte[] publicKey, byte[] message, byte[] signature);

    /** The algorithm named {@code id} (case-insensitive), or {@code null}. */
    public static SignatureAlgorithm byId(String id) {
        for (SignatureAlgorithm a : values()) {
            if (a.id.toLowerCase(Locale.ROOT).equals(id.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        return null;
    }

    /** Every id, {@code |}-separated, for help and messages. */
    public static String ids() {
        StringBuilder sb = new StringBuilder();
        for (SignatureAlgorithm a : values()) {
            sb.append(sb.isEmpty() ? "" : "|").append(a.id);
        }
        return sb.toString();
    }

    /** The key pair of a 32-byte seed; the same seed always gives the same pair. */
    public KeyPair keyPair(byte[] seed) {
        return derive(checkSeed(seed));
    }

    /** Signs {@code message} with the key pair of {@code seed}. */
    public byte[] sign(byte[] seed, byte[] message) {
        try {
            return signWith(checkSeed(seed), message);
        } catch (CryptoException e) {
            throw new IllegalStateException(id + " signing failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code signature} is valid for {@code message} under {@code publicKey}. Wrong lengths and
     * undecodable keys or signatures are invalid, never an exception, so the answer is deterministic.
     */
    public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != publicKeyLength || signature.length < minSignatureLength || signature.length > maxSignatureLength) {
            return false;
        }
        try {
            return check(publicKey, message, signature);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private byte[] checkSeed(byte[] seed) {
        if (seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException(id + " seed must be " + SEED_LENGTH + " bytes, got " + seed.length);
        }
        return seed;
    }

    /** SHAKE256 of {@code seed}, {@code len} bytes: the seed expansion of Falcon and SLH-DSA. */
    static byte[] shake256(byte[] seed, int len) {
        SHAKEDigest d = new SHAKEDigest(256);
        d.update(seed, 0, seed.length);
        byte[] out = new byte[len];
        d.doFinal(out, 0, len);
        return out;
    }

    private static AsymmetricCipherKeyPair falconPair(byte[] seed) {
        FalconKeyPairGenerator g = new FalconKeyPairGenerator();
        g.init(new FalconKeyGenerationParameters(new XofRandom(seed), FalconParameters.falcon_512));
        return g.generateKeyPair();
    }

    private static AsymmetricCipherKeyPair seededSlhPair(byte[] seed) {
        byte[] m = shake256(seed, 48);
        return slhPair(Arrays.copyOfRange(m, 0, 16), Arrays.copyOfRange(m, 16, 32), Arrays.copyOfRange(m, 32, 48));
    }

    /** FIPS 205 slh_keygen_internal; package-private so the ACVP key-generation vectors can reach it. */
    static AsymmetricCipherKeyPair slhPair(byte[] skSeed, byte[] skPrf, byte[] pkSeed) {
        SLHDSAKeyPairGenerator g = new SLHDSAKeyPairGenerator();
        g.init(new SLHDSAKeyGenerationParameters(null, SLHDSAParameters.sha2_128s));
        return g.internalGenerateKeyPair(skSeed, skPrf, pkSeed);
    }

    private static BigInteger scalar(byte[] seed) {
        BigInteger d = new BigInteger(1, seed);
        if (d.signum() == 0 || d.compareTo(SECP256K1_DOMAIN.getN()) >= 0) {
            throw new IllegalArgumentException("secp256k1 seed is not a valid private key (zero or not below the group order)");
        }
        return d;
    }

    private static void fixed32(BigInteger v, byte[] out, int off) {
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, off + 32 - n, n);
    }

    private static byte[] prefixed(byte header, byte[] body) {
        byte[] out = new byte[body.length + 1];
        out[0] = header;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    /** A deterministic "random" source: the SHAKE256 output stream of a seed, for seeded key generation. */
    private static final class XofRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient SHAKEDigest xof = new SHAKEDigest(256);

        XofRandom(byte[] seed) {
            xof.update(seed, 0, seed.length);
        }

        @Override
        public void nextBytes(byte[] bytes) {
            xof.doOutput(bytes, 0, bytes.length);
        }
    }
}
