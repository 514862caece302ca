// SPDX-License-Identifier: Apache-2.0
package org.zvm.hedera;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.zvm.error.HaltReason;
import org.zvm.error.ZvmException;
import org.zvm.hedera.HederaLedger.Outcome;
import org.zvm.hedera.HederaLedger.TokenSpec;
import org.zvm.nodes.Gas;
import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.opcode.Opcode;
import org.zvm.runtime.Address;
import org.zvm.runtime.Message;
import org.zvm.runtime.UInt256;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * The native Hedera opcodes (0xE0–0xEC): operands in the order of the matching IHederaTokenService
 * arguments, first on top; each pushes a Hedera response code (on top) and, for operations with a result,
 * the result beneath it. A failure is a response code, never a halt; only a static call (a state change
 * there) or gas halts. Stack layouts are in docs/hedera.md.
 */
public final class HederaNodes {
    /** HTS_CREATE flag: the token is an NFT. */
    public static final int NON_FUNGIBLE = 1;
    /** HTS_CREATE flag: new associations start frozen. */
    public static final int FREEZE_DEFAULT = 2;
    /** HTS_CREATE flag: the token has a KYC key, so holders need KYC granted. */
    public static final int KYC = 4;

    private HederaNodes() {
    }

    /** A word as a Hedera int64: itself below 2^63, else -1 (which every operation rejects as negative). */
    static long int64(UInt256 w) {
        return w.w1() == 0 && w.w2() == 0 && w.w3() == 0 && w.w0() >= 0 ? w.w0() : -1;
    }

    /** HTS_* and HCS_*: the operations that act on the ledger. */
    public static final class LedgerCall extends ZvmInstructionNode {
        private final Opcode op;
        /** Operand positions (from the top) of memory offset/length pairs the operation reads. */
        @CompilationFinal(dimensions = 1) private final int[] memoryOperands;

        public LedgerCall(Opcode op) {
            this.op = op;
            this.memoryOperands = switch (op) {
                case HTS_MINT -> new int[]{2};
                case HTS_CREATE -> new int[]{0, 2};
                case HCS_SUBMIT -> new int[]{1};
                default -> new int[0];
            };
        }

        @Override
        @ExplodeLoop
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            Message m = Stack.message(f);
            if (m.isStatic) {
                throw ZvmException.create(HaltReason.STATIC_STATE_CHANGE, this);
            }
            for (int i : memoryOperands) {
                Gas.chargeMemory(f, m.memory, Stack.readSaturated(f, sp - 1 - i), Stack.readSaturated(f, sp - 2 - i), this);
            }
            UInt256[] in = new UInt256[op.inputs];
            for (int i = 0; i < in.length; i++) {
                in[i] = Stack.readWord(f, sp - 1 - i);
            }
            UInt256[] out = perform(m, in);
            int base = sp - op.inputs;
            for (int i = 0; i < out.length; i++) {
                Stack.set(f, base + out.length - 1 - i, out[i]);
            }
            Stack.setSp(f, base + out.length);
        }

        /** The outputs, top first: the response code, then the result if the operation has one. */
        @TruffleBoundary
        private UInt256[] perform(Message m, UInt256[] in) {
            HederaLedger ledger = new HederaLedger(m.state, m.address, m.env.origin(), m.env.timestamp());
            Outcome o = switch (op) {
                case HTS_TRANSFER -> ledger.transfer(address(in[0]), address(in[1]), address(in[2]), int64(in[3]));
                case HTS_MINT -> {
                    byte[] metadata = bytes(m, in[2], in[3]);
                    boolean nft = ledger.tokenKind(address(in[0])) == HederaLedger.TokenKind.NON_FUNGIBLE;
                    yield ledger.mint(address(in[0]), int64(in[1]), nft ? List.of(metadata) : List.of());
                }
                case HTS_BURN -> ledger.tokenKind(address(in[0])) == HederaLedger.TokenKind.NON_FUNGIBLE
                                ? ledger.burn(address(in[0]), 0, List.of(int64(in[1])))
                                : ledger.burn(address(in[0]), int64(in[1]), List.of());
                case HTS_ASSOCIATE -> ledger.associate(address(in[0]), address(in[1]));
                case HTS_DISSOCIATE -> ledger.dissociate(address(in[0]), address(in[1]));
                case HTS_APPROVE -> ledger.approve(address(in[0]), address(in[1]), int64(in[2]));
                case HTS_CREATE -> ledger.createToken(spec(m, in));
                case HCS_SUBMIT -> ledger.submit(address(in[0]), bytes(m, in[1], in[2]));
                case HCS_CREATE_TOPIC -> ledger.createTopic(address(in[0]));
                case HCS_UPDATE_TOPIC -> ledger.updateTopic(address(in[0]), address(in[1]));
                case HCS_DELETE_TOPIC -> ledger.deleteTopic(address(in[0]));
                default -> throw new IllegalStateException(op.name());
            };
            UInt256 code = UInt256.of(o.code().code);
            if (op.outputs == 1) {
                return new UInt256[]{code};
            }
            return new UInt256[]{code, word(op == Opcode.HTS_MINT && o.code().isSuccess() && !((List<?>) o.result(1)).isEmpty()
                            ? ((List<?>) o.result(1)).get(0)
                            : o.result(0))};
        }

        /** HTS_CREATE's token: the executing account is treasury and holds every key (KYC only with the flag). */
        private static TokenSpec spec(Message m, UInt256[] in) {
            long flags = int64(in[7]);
            Address self = m.address;
            return new TokenSpec(text(m, in[0], in[1]), text(m, in[2], in[3]), "", self, int64(in[5]), int64(in[4]), int64(in[6]),
                            (flags & NON_FUNGIBLE) != 0, (flags & FREEZE_DEFAULT) != 0, self, (flags & KYC) != 0 ? self : HederaLedger.NONE, self, self, self, self);
        }

        private static Address address(UInt256 w) {
            return Address.fromWord(w);
        }

        private static byte[] bytes(Message m, UInt256 offset, UInt256 len) {
            return len.isZero() ? new byte[0] : m.memory.read(offset.w0(), len.w0());
        }

        private static String text(Message m, UInt256 offset, UInt256 len) {
            return new String(bytes(m, offset, len), StandardCharsets.UTF_8);
        }

        private static UInt256 word(Object result) {
            return switch (result) {
                case Address a -> a.toWord();
                case Long l -> UInt256.of(l);
                default -> throw new IllegalStateException("result " + result);
            };
        }
    }

    /** HEDERA_ACCOUNT_ID: the executing account's entity number when its address is long-zero, else 0. */
    public static final class AccountId extends ZvmInstructionNode {
        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            Stack.setLong(f, sp, num(Stack.message(f).address));
            Stack.setSp(f, sp + 1);
        }

        @TruffleBoundary
        private static long num(Address a) {
            return EntityId.isLongZero(a) ? EntityId.of(a).num() : 0;
        }
    }

    /** HEDERA_TIMESTAMP: the consensus time (the block timestamp) in nanoseconds. */
    public static final class Timestamp extends ZvmInstructionNode {
        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            Stack.set(f, sp, nanos(Stack.message(f).env.timestamp()));
            Stack.setSp(f, sp + 1);
        }

        @TruffleBoundary
        private static UInt256 nanos(long seconds) {
            return UInt256.of(BigInteger.valueOf(seconds).multiply(BigInteger.valueOf(1_000_000_000L)));
        }
    }
}
