// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.CKZGException;
import org.zvm.crypto.Hashes;

/**
 * 0x0a (Cancun): proves that the blob behind a versioned hash evaluates to y at z (EIP-4844). Input:
 * versioned hash, z, y (32 bytes each), commitment, proof (48 bytes each). The KZG proof check is
 * BLS12-381 pairing work done by c-kzg-4844 (jc-kzg-4844), the library the consensus clients use;
 * its mainnet trusted setup is loaded on the first call, not when the class is touched.
 */
final class PointEvaluation implements Precompile {
    static final PointEvaluation INSTANCE = new PointEvaluation();

    private static final int INPUT_LENGTH = 192;
    private static final byte VERSION_KZG = 0x01;
    /** FIELD_ELEMENTS_PER_BLOB and BLS_MODULUS as two 32-byte words: the answer to every valid call. */
    private static final byte[] OUTPUT = new byte[64];

    static {
        Bytes.put(BigInteger.valueOf(CKZG4844JNI.FIELD_ELEMENTS_PER_BLOB), OUTPUT, 0, 32);
        Bytes.put(CKZG4844JNI.BLS_MODULUS, OUTPUT, 32, 32);
    }

    private PointEvaluation() {
    }

    /** Class initialisation is the lazy, once-only, thread-safe load of the trusted setup. */
    private static final class TrustedSetup {
        static {
            CKZG4844JNI.loadNativeLibrary();
            CKZG4844JNI.loadTrustedSetupFromResource("trusted_setup.txt", PointEvaluation.class, 0);
        }

        static boolean verify(byte[] commitment, byte[] z, byte[] y, byte[] proof) {
            return CKZG4844JNI.verifyKzgProof(commitment, z, y, proof);
        }
    }

    @Override
    public long gas(byte[] input) {
        return 50000;
    }

    @Override
    public byte[] run(byte[] input) throws PrecompileFailure {
        if (input.length != INPUT_LENGTH) {
            throw new PrecompileFailure("point evaluation input must be 192 bytes, not " + input.length);
        }
        byte[] commitment = Arrays.copyOfRange(input, 96, 144);
        byte[] hash = Hashes.sha256(commitment, 0, commitment.length);
        hash[0] = VERSION_KZG;
        if (!Arrays.equals(hash, 0, 32, input, 0, 32)) {
            throw new PrecompileFailure("versioned hash does not match the commitment");
        }
        boolean valid;
        try {
            valid = TrustedSetup.verify(commitment, Arrays.copyOfRange(input, 32, 64),
                    Arrays.copyOfRange(input, 64, 96), Arrays.copyOfRange(input, 144, 192));
        } catch (CKZGException e) {
            throw new PrecompileFailure("invalid point evaluation input: " + e.getErrorMessage());
        }
        if (!valid) {
            throw new PrecompileFailure("KZG proof does not verify");
        }
        return OUTPUT.clone();
    }
}
