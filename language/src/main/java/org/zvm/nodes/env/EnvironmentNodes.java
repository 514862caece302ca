// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes.env;

import org.zvm.error.HaltReason;
import org.zvm.error.ZvmException;
import org.zvm.nodes.Gas;
import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.opcode.GasCosts;
import org.zvm.opcode.Revision;
import org.zvm.runtime.Address;
import org.zvm.runtime.Message;
import org.zvm.runtime.UInt256;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/** What a contract can read of its call, transaction, block and other accounts. */
public final class EnvironmentNodes {
    private EnvironmentNodes() {
    }

    /** A value with no operands; {@code kind} is a constant, so the switch folds away when compiled. */
    public static final class Value extends ZvmInstructionNode {
        public enum Kind {
            ADDRESS, ORIGIN, CALLER, CALLVALUE, CALLDATASIZE, CODESIZE, GASPRICE, RETURNDATASIZE, COINBASE, TIMESTAMP,
            NUMBER, PREVRANDAO, GASLIMIT, CHAINID, SELFBALANCE, BASEFEE, BLOBBASEFEE, GAS
        }

        private final Kind kind;

        public Value(Kind kind) {
            this.kind = kind;
        }

        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            Message m = Stack.message(f);
            switch (kind) {
                case CALLDATASIZE -> Stack.setLong(f, sp, m.calldata.length);
                case CODESIZE -> Stack.setLong(f, sp, m.code.length);
                case RETURNDATASIZE -> Stack.setLong(f, sp, m.returnData.length);
                case TIMESTAMP -> Stack.setLong(f, sp, m.env.timestamp());
                case NUMBER -> Stack.setLong(f, sp, m.env.number());
                case GASLIMIT -> Stack.setLong(f, sp, m.env.gasLimit());
                case GAS -> Stack.setLong(f, sp, Gas.before(f, this) - baseGas);
                default -> Stack.set(f, sp, slow(m));
            }
            Stack.setSp(f, sp + 1);
        }

        @TruffleBoundary
        private UInt256 slow(Message m) {
            return switch (kind) {
                case ADDRESS -> m.address.toWord();
                case ORIGIN -> m.env.origin().toWord();
                case CALLER -> m.caller.toWord();
                case CALLVALUE -> m.value;
                case GASPRICE -> m.env.gasPrice();
                case COINBASE -> m.env.coinbase().toWord();
                case PREVRANDAO -> m.env.prevRandao();
                case CHAINID -> m.env.chainId();
                case SELFBALANCE -> m.state.getBalance(m.address);
                case BASEFEE -> m.env.baseFee();
                case BLOBBASEFEE -> m.env.blobBaseFee();
                default -> throw new IllegalStateException(kind.name());
            };
        }
    }

    /** CALLDATALOAD: 32 bytes of calldata from offset {@code a}, zero-padded past the end. */
    public static final class CallDataLoad extends ZvmInstructionNode {
        @Override
        @ExplodeLoop
        public void execute(VirtualFrame f) {
            int top = sp(f) - 1;
            long offset = Stack.readSaturated(f, top);
            byte[] data = Stack.message(f).calldata;
            for (int limb = 0; limb < 4; limb++) {
                Stack.set(f, top, limb, limb(data, offset + (3 - limb) * 8L));
            }
        }

        /** The 8 bytes of {@code data} at {@code at}, big-endian, zero past the end. */
        private static long limb(byte[] data, long at) {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                long b = at + i;
                v = (v << 8) | (b < data.length && b >= 0 ? data[(int) b] & 0xFFL : 0);
            }
            return v;
        }
    }

    /** CALLDATACOPY, CODECOPY, RETURNDATACOPY: dest offset (top), source offset, length. */
    public static final class Copy extends ZvmInstructionNode {
        public enum Kind {
            CALLDATA, CODE, RETURNDATA
        }

        private final Kind kind;

        public Copy(Kind kind) {
            this.kind = kind;
        }

        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            long dest = Stack.readSaturated(f, sp - 1);
            long offset = Stack.readSaturated(f, sp - 2);
            long len = Stack.readSaturated(f, sp - 3);
            Message m = Stack.message(f);
            byte[] src = switch (kind) {
                case CALLDATA -> m.calldata;
                case CODE -> m.code;
                case RETURNDATA -> m.returnData;
            };
            if (kind == Kind.RETURNDATA && (offset == Long.MAX_VALUE || len == Long.MAX_VALUE || offset + len > src.length)) {
                throw ZvmException.create(HaltReason.RETURNDATA_OUT_OF_BOUNDS, this);
            }
            Gas.charge(f, Gas.perWord(len, GasCosts.COPY_WORD), this);
            Gas.chargeMemory(f, m.memory, dest, len, this);
            if (len > 0) {
                m.memory.writePadded(dest, src, offset, len);
            }
            Stack.setSp(f, sp - 3);
        }
    }

    /** BALANCE, EXTCODESIZE, EXTCODEHASH: one address operand, EIP-2929 account access. */
    public static final class AccountQuery extends ZvmInstructionNode {
        public enum Kind {
            BALANCE, EXTCODESIZE, EXTCODEHASH
        }

        private final Kind kind;
        private final Revision rev;

        public AccountQuery(Kind kind, Revision rev) {
            this.kind = kind;
            this.rev = rev;
        }

        @Override
        public void execute(VirtualFrame f) {
            int top = sp(f) - 1;
            Message m = Stack.message(f);
            Address a = Address.fromWord(Stack.get(f, top, 0), Stack.get(f, top, 1), Stack.get(f, top, 2));
            chargeAccess(f, m, a, rev, this);
            Stack.set(f, top, query(m, a));
        }

        @TruffleBoundary
        private UInt256 query(Message m, Address a) {
            return switch (kind) {
                case BALANCE -> m.state.getBalance(a);
                case EXTCODESIZE -> UInt256.of(m.state.getCode(a).length);
                case EXTCODEHASH -> UInt256.fromBytes(m.state.getCodeHash(a));
            };
        }
    }

    /**
     * Charges the EIP-2929 surcharge for a cold account; the warm cost (or, before Berlin, the whole
     * access) is the table's base gas.
     */
    public static void chargeAccess(VirtualFrame f, Message m, Address a, Revision rev, ZvmInstructionNode where) {
        if (rev.accessLists() && warm(m, a)) {
            Gas.charge(f, rev.coldAccountSurcharge(), where);
        }
    }

    @TruffleBoundary
    private static boolean warm(Message m, Address a) {
        return m.state.warmAccount(a);
    }

    /** EXTCODECOPY: address (top), dest offset, source offset, length. */
    public static final class ExtCodeCopy extends ZvmInstructionNode {
        private final Revision rev;

        public ExtCodeCopy(Revision rev) {
            this.rev = rev;
        }

        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            Message m = Stack.message(f);
            Address a = Address.fromWord(Stack.get(f, sp - 1, 0), Stack.get(f, sp - 1, 1), Stack.get(f, sp - 1, 2));
            long dest = Stack.readSaturated(f, sp - 2);
            long offset = Stack.readSaturated(f, sp - 3);
            long len = Stack.readSaturated(f, sp - 4);
            Gas.charge(f, Gas.perWord(len, GasCosts.COPY_WORD), this);
            Gas.chargeMemory(f, m.memory, dest, len, this);
            chargeAccess(f, m, a, rev, this);
            if (len > 0) {
                m.memory.writePadded(dest, code(m, a), offset, len);
            }
            Stack.setSp(f, sp - 4);
        }

        @TruffleBoundary
        private static byte[] code(Message m, Address a) {
            return m.state.getCode(a);
        }
    }

    /** BLOCKHASH and BLOBHASH: a hash the environment holds by number or index, else 0. */
    public static final class HashLookup extends ZvmInstructionNode {
        public enum Kind {
            BLOCKHASH, BLOBHASH
        }

        private final Kind kind;

        public HashLookup(Kind kind) {
            this.kind = kind;
        }

        @Override
        public void execute(VirtualFrame f) {
            int top = sp(f) - 1;
            Message m = Stack.message(f);
            Stack.set(f, top, lookup(m, Stack.readSaturated(f, top)));
        }

        @TruffleBoundary
        private UInt256 lookup(Message m, long n) {
            return kind == Kind.BLOCKHASH ? m.env.blockHash(n) : m.env.blobHash(n);
        }
    }
}
