// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes.crypto;

import org.zvm.crypto.Hashes;
import org.zvm.nodes.Gas;
import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.opcode.GasCosts;
import org.zvm.runtime.Message;
import org.zvm.runtime.UInt256;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

/** Hashing opcodes over memory, and TABLEHASH over two stack words. */
public final class HashNodes {
    private HashNodes() {
    }

    /** KECCAK256, SHA256, RIPEMD160, BLAKE2B: offset (top), then length; per-word gas from the table's facts. */
    public static final class MemoryHash extends ZvmInstructionNode {
        public enum Kind {
            KECCAK256(GasCosts.KECCAK_WORD), SHA256(GasCosts.SHA256_WORD), RIPEMD160(GasCosts.RIPEMD160_WORD), BLAKE2B(GasCosts.BLAKE2B_WORD);

            final long perWord;

            Kind(long perWord) {
                this.perWord = perWord;
            }
        }

        private final Kind kind;

        public MemoryHash(Kind kind) {
            this.kind = kind;
        }

        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            long offset = Stack.readSaturated(f, sp - 1);
            long len = Stack.readSaturated(f, sp - 2);
            Message m = Stack.message(f);
            Gas.charge(f, Gas.perWord(len, kind.perWord), this);
            Gas.chargeMemory(f, m.memory, offset, len, this);
            Stack.set(f, sp - 2, hash(kind, m.memory.array(), len == 0 ? 0 : (int) offset, (int) len));
            Stack.setSp(f, sp - 1);
        }

        @TruffleBoundary
        static UInt256 hash(Kind kind, byte[] data, int off, int len) {
            return UInt256.fromBytes(switch (kind) {
                case KECCAK256 -> Hashes.keccak256(data, off, len);
                case SHA256 -> Hashes.sha256(data, off, len);
                case RIPEMD160 -> Hashes.ripemd160(data, off, len);
                case BLAKE2B -> Hashes.blake2b256(data, off, len);
            });
        }
    }

    /** TABLEHASH: key (top), then table slot; pushes keccak256(slot ‖ key), both as 32 bytes. */
    public static final class TableHash extends ZvmInstructionNode {
        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            Stack.set(f, sp - 2, tableHash(Stack.readWord(f, sp - 2), Stack.readWord(f, sp - 1)));
            Stack.setSp(f, sp - 1);
        }

        @TruffleBoundary
        public static UInt256 tableHash(UInt256 slot, UInt256 key) {
            byte[] buf = new byte[64];
            slot.toBytes(buf, 0);
            key.toBytes(buf, 32);
            return UInt256.fromBytes(Hashes.keccak256(buf));
        }
    }
}
