// SPDX-License-Identifier: Apache-2.0
package org.zvm.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/**
 * The hash functions opcodes and the state need. The JDK has SHA-256 (and SHA3, which is not Keccak:
 * Ethereum's Keccak-256 pads with 0x01), so Keccak, RIPEMD-160 and BLAKE2b come from BouncyCastle.
 */
public final class Hashes {
    private Hashes() {
    }

    /** keccak256 of the empty input: the code hash of an account without code. */
    public static final byte[] EMPTY_KECCAK = keccak256(new byte[0]);

    public static byte[] keccak256(byte[] data) {
        return keccak256(data, 0, data.length);
    }

    public static byte[] keccak256(byte[] data, int off, int len) {
        KeccakDigest d = new KeccakDigest(256);
        d.update(data, off, len);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    public static byte[] sha256(byte[] data, int off, int len) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, off, len);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** SHA-384: Hedera's topic running hashes. */
    public static byte[] sha384(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-384").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-384", e);
        }
    }

    /** RIPEMD-160 digest (20 bytes). */
    public static byte[] ripemd160(byte[] data, int off, int len) {
        RIPEMD160Digest d = new RIPEMD160Digest();
        d.update(data, off, len);
        byte[] out = new byte[20];
        d.doFinal(out, 0);
        return out;
    }

    /** BLAKE2b with a 32-byte digest (BLAKE2b-256). */
    public static byte[] blake2b256(byte[] data, int off, int len) {
        Blake2bDigest d = new Blake2bDigest(256);
        d.update(data, off, len);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}
