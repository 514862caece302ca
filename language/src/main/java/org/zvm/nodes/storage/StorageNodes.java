// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes.storage;

import static org.zvm.opcode.GasCosts.SSTORE_SET;
import static org.zvm.opcode.GasCosts.SSTORE_STIPEND_GUARD;

import org.zvm.error.HaltReason;
import org.zvm.error.ZvmException;
import org.zvm.nodes.Gas;
import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.opcode.Revision;
import org.zvm.runtime.Message;
import org.zvm.runtime.UInt256;
import org.zvm.state.WorldState;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * Persistent and transient storage. Gas is EIP-2200 net metering with the {@link Revision}'s EIP-2929
 * cold/warm access and refunds (EIP-3529 from London). The table's base gas (the warm read) is charged by
 * the block; these nodes charge the rest.
 */
public final class StorageNodes {
    private StorageNodes() {
    }

    static void checkWritable(Message m, ZvmInstructionNode where) {
        if (m.isStatic) {
            throw ZvmException.create(HaltReason.STATIC_STATE_CHANGE, where);
        }
    }

    public static final class SLoad extends ZvmInstructionNode {
        private final Revision rev;

        public SLoad(Revision rev) {
            this.rev = rev;
        }

        @Override
        public void execute(VirtualFrame f) {
            int top = sp(f) - 1;
            Message m = Stack.message(f);
            UInt256 key = Stack.readWord(f, top);
            if (rev.accessLists() && warm(m, key)) {
                Gas.charge(f, rev.coldSloadSurcharge(), this);
            }
            Stack.set(f, top, load(m, key));
        }

        @TruffleBoundary
        private static boolean warm(Message m, UInt256 key) {
            return m.state.warmSlot(m.address, key);
        }

        @TruffleBoundary
        private static UInt256 load(Message m, UInt256 key) {
            return m.state.getStorage(m.address, key);
        }
    }

    /** SSTORE: key (top), then value. */
    public static final class SStore extends ZvmInstructionNode {
        private final Revision rev;

        public SStore(Revision rev) {
            this.rev = rev;
        }

        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            Message m = Stack.message(f);
            checkWritable(m, this);
            if (Gas.before(f, this) <= SSTORE_STIPEND_GUARD) {
                throw ZvmException.create(HaltReason.OUT_OF_GAS, "SSTORE needs more than the call stipend", this);
            }
            UInt256 key = Stack.readWord(f, sp - 1);
            UInt256 value = Stack.readWord(f, sp - 2);
            Gas.charge(f, store(m, key, value, rev) - rev.warmStorageRead(), this);
            Stack.setSp(f, sp - 2);
        }

        /** Stores and books the refund; returns the total gas of the store (EIP-2200, EIP-2929, EIP-3529). */
        @TruffleBoundary
        static long store(Message m, UInt256 key, UInt256 value, Revision rev) {
            WorldState s = m.state;
            long warmRead = rev.warmStorageRead();
            long cost = rev.accessLists() && s.warmSlot(m.address, key) ? rev.coldSloadSurcharge() + warmRead : 0;
            UInt256 current = s.getStorage(m.address, key);
            if (current.equals(value)) {
                return cost + warmRead;
            }
            UInt256 original = s.getOriginalStorage(m.address, key);
            if (original.equals(current)) {
                if (original.isZero()) {
                    cost += SSTORE_SET;
                } else {
                    cost += rev.sstoreReset();
                    if (value.isZero()) {
                        s.addRefund(rev.sstoreClearsRefund());
                    }
                }
            } else {
                cost += warmRead;
                if (!original.isZero()) {
                    if (current.isZero()) {
                        s.addRefund(-rev.sstoreClearsRefund());
                    } else if (value.isZero()) {
                        s.addRefund(rev.sstoreClearsRefund());
                    }
                }
                if (original.equals(value)) {
                    s.addRefund(original.isZero() ? SSTORE_SET - warmRead : rev.sstoreReset() - warmRead);
                }
            }
            s.setStorage(m.address, key, value);
            return cost;
        }
    }

    public static final class TLoad extends ZvmInstructionNode {
        @Override
        public void execute(VirtualFrame f) {
            int top = sp(f) - 1;
            Message m = Stack.message(f);
            Stack.set(f, top, load(m, Stack.readWord(f, top)));
        }

        @TruffleBoundary
        private static UInt256 load(Message m, UInt256 key) {
            return m.state.getTransient(m.address, key);
        }
    }

    /** TSTORE: key (top), then value (EIP-1153). */
    public static final class TStore extends ZvmInstructionNode {
        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            Message m = Stack.message(f);
            checkWritable(m, this);
            store(m, Stack.readWord(f, sp - 1), Stack.readWord(f, sp - 2));
            Stack.setSp(f, sp - 2);
        }

        @TruffleBoundary
        private static void store(Message m, UInt256 key, UInt256 value) {
            m.state.setTransient(m.address, key, value);
        }
    }
}
