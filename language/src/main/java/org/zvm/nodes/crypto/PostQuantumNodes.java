// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes.crypto;

import org.zvm.crypto.SignatureAlgorithm;
import org.zvm.nodes.Gas;
import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.opcode.GasCosts;
import org.zvm.opcode.Opcode;
import org.zvm.runtime.Memory;
import org.zvm.runtime.Message;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * The post-quantum opcodes (zvm-native.md): signature checks and seeded key generation over memory
 * operands, through {@link SignatureAlgorithm}. Memory is charged before any cryptography runs, so an
 * out-of-gas halt never pays for work it then throws away.
 */
public final class PostQuantumNodes {
    private PostQuantumNodes() {
    }

    /** The scheme a PQ_KEYGEN algorithm operand names: the byte of its PQ_VERIFY opcode; else {@code null}. */
    public static SignatureAlgorithm forOpcode(long code) {
        if (code == Opcode.PQ_VERIFY_DILITHIUM.code) {
            return SignatureAlgorithm.ML_DSA_65;
        } else if (code == Opcode.PQ_VERIFY_FALCON.code) {
            return SignatureAlgorithm.FALCON_512;
        } else if (code == Opcode.PQ_VERIFY_SPHINCS.code) {
            return SignatureAlgorithm.SLH_DSA_SHA2_128S;
        }
        return null;
    }

    /**
     * PQ_VERIFY_*: key offset (top), key length, message offset, message length, signature offset,
     * signature length; pushes 1 if the signature is valid, else 0 (also for keys or signatures of the
     * wrong length). Gas: base + {@link GasCosts#PQ_MESSAGE_BYTE} per message byte + memory expansion.
     */
    public static final class Verify extends ZvmInstructionNode {
        private final SignatureAlgorithm algorithm;

        public Verify(SignatureAlgorithm algorithm) {
            this.algorithm = algorithm;
        }

        @Override
        public void execute(VirtualFrame f) {
            int sp = Stack.sp(f);
            long keyOffset = Stack.readSaturated(f, sp - 1);
            long keyLen = Stack.readSaturated(f, sp - 2);
            long msgOffset = Stack.readSaturated(f, sp - 3);
            long msgLen = Stack.readSaturated(f, sp - 4);
            long sigOffset = Stack.readSaturated(f, sp - 5);
            long sigLen = Stack.readSaturated(f, sp - 6);
            Message m = Stack.message(f);
            Gas.charge(f, msgLen > Long.MAX_VALUE / GasCosts.PQ_MESSAGE_BYTE ? Long.MAX_VALUE : msgLen * GasCosts.PQ_MESSAGE_BYTE, this);
            Gas.chargeMemory(f, m.memory, keyOffset, keyLen, this);
            Gas.chargeMemory(f, m.memory, msgOffset, msgLen, this);
            Gas.chargeMemory(f, m.memory, sigOffset, sigLen, this);
            boolean valid = verify(algorithm, m.memory, keyOffset, keyLen, msgOffset, msgLen, sigOffset, sigLen);
            Stack.setLong(f, sp - 6, valid ? 1 : 0);
            Stack.setSp(f, sp - 5);
        }

        @TruffleBoundary
        private static boolean verify(SignatureAlgorithm a, Memory mem, long keyOffset, long keyLen, long msgOffset, long msgLen, long sigOffset, long sigLen) {
            return a.verify(mem.read(keyOffset, keyLen), mem.read(msgOffset, msgLen), mem.read(sigOffset, sigLen));
        }
    }

    /**
     * PQ_KEYGEN: algorithm (top; 0xF0 ML-DSA-65, 0xF1 Falcon-512, 0xF2 SLH-DSA-SHA2-128s), offset of a
     * 32-byte seed, output offset. Writes the public key and then the private key at the output offset
     * and pushes the public key's length; an unknown algorithm pushes 0 and touches nothing. Gas: base +
     * the scheme's surcharge ({@link GasCosts#PQ_KEYGEN_FALCON}, {@link GasCosts#PQ_KEYGEN_SPHINCS}) +
     * memory expansion.
     */
    public static final class Keygen extends ZvmInstructionNode {
        @Override
        public void execute(VirtualFrame f) {
            int sp = Stack.sp(f);
            SignatureAlgorithm a = forOpcode(Stack.readSaturated(f, sp - 1));
            long seedOffset = Stack.readSaturated(f, sp - 2);
            long outOffset = Stack.readSaturated(f, sp - 3);
            if (a == null) {
                Stack.setLong(f, sp - 3, 0);
                Stack.setSp(f, sp - 2);
                return;
            }
            Message m = Stack.message(f);
            Gas.charge(f, surcharge(a), this);
            Gas.chargeMemory(f, m.memory, seedOffset, SignatureAlgorithm.SEED_LENGTH, this);
            Gas.chargeMemory(f, m.memory, outOffset, a.publicKeyLength + a.privateKeyLength, this);
            generate(a, m.memory, seedOffset, outOffset);
            Stack.setLong(f, sp - 3, a.publicKeyLength);
            Stack.setSp(f, sp - 2);
        }

        private static long surcharge(SignatureAlgorithm a) {
            return switch (a) {
                case FALCON_512 -> GasCosts.PQ_KEYGEN_FALCON;
                case SLH_DSA_SHA2_128S -> GasCosts.PQ_KEYGEN_SPHINCS;
                default -> 0;
            };
        }

        @TruffleBoundary
        private static void generate(SignatureAlgorithm a, Memory mem, long seedOffset, long outOffset) {
            SignatureAlgorithm.KeyPair pair = a.keyPair(mem.read(seedOffset, SignatureAlgorithm.SEED_LENGTH));
            mem.write(outOffset, pair.publicKey());
            mem.write(outOffset + pair.publicKey().length, pair.privateKey());
        }
    }
}
