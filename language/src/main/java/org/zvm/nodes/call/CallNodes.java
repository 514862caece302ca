// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes.call;

import org.zvm.error.HaltReason;
import org.zvm.error.ZvmException;
import org.zvm.nodes.Gas;
import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmCodeRootNode;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.nodes.env.EnvironmentNodes;
import org.zvm.opcode.GasCosts;
import org.zvm.opcode.Revision;
import org.zvm.runtime.Address;
import org.zvm.runtime.Calls;
import org.zvm.runtime.CodeFormat;
import org.zvm.runtime.ContractAddress;
import org.zvm.runtime.Message;
import org.zvm.runtime.UInt256;
import org.zvm.state.WorldState;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.nodes.IndirectCallNode;

/**
 * Message calls and contract creation. The state side (checkpoints, value, code loading, deposit) is
 * {@link Calls}'s, shared with transaction processors; these nodes do the gas and the stack. They end
 * their block, so the gas counter is exact when they read it (EIP-150's 63/64 rule). Only the call
 * itself is on the compiled path, so Graal can inline a hot callee.
 */
public final class CallNodes {
    private CallNodes() {
    }

    /** Base of the instructions that run other code: tagged as calls for tools, and owning a call node. */
    abstract static class Invoking extends ZvmInstructionNode {
        @Child private IndirectCallNode callNode = Truffle.getRuntime().createIndirectCallNode();
        protected final Revision rev;

        Invoking(Revision rev) {
            this.rev = rev;
        }

        /** Runs {@code child} (its checkpoint already taken) to its end; the caller then finishes it. */
        protected final void run(Message child) {
            if (child.target == null) {
                Calls.runWithoutTarget(child);
            } else {
                callNode.call(child.target, child);
            }
        }

        @Override
        public boolean hasTag(Class<? extends Tag> tag) {
            return tag == StandardTags.CallTag.class || super.hasTag(tag);
        }
    }

    /** CALL, CALLCODE, DELEGATECALL, STATICCALL. */
    public static final class Call extends Invoking {
        public enum Kind {
            CALL, CALLCODE, DELEGATECALL, STATICCALL
        }

        private final Kind kind;

        public Call(Kind kind, Revision rev) {
            super(rev);
            this.kind = kind;
        }

        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            Message m = Stack.message(f);
            boolean hasValue = kind == Kind.CALL || kind == Kind.CALLCODE;
            int p = sp - 1;
            long requested = Stack.readSaturated(f, p--);
            Address to = Address.fromWord(Stack.get(f, p, 0), Stack.get(f, p, 1), Stack.get(f, p, 2));
            p--;
            UInt256 value = hasValue ? Stack.readWord(f, p--) : UInt256.ZERO;
            long inOffset = Stack.readSaturated(f, p--);
            long inLen = Stack.readSaturated(f, p--);
            long outOffset = Stack.readSaturated(f, p--);
            long outLen = Stack.readSaturated(f, p);
            int result = p;

            if (kind == Kind.CALL && m.isStatic && !value.isZero()) {
                throw ZvmException.create(HaltReason.STATIC_STATE_CHANGE, this);
            }
            Gas.chargeMemory(f, m.memory, inOffset, inLen, this);
            Gas.chargeMemory(f, m.memory, outOffset, outLen, this);
            EnvironmentNodes.chargeAccess(f, m, to, rev, this);
            if (!value.isZero()) {
                Gas.charge(f, GasCosts.CALL_VALUE, this);
                if (kind == Kind.CALL && isDead(m, to)) {
                    Gas.charge(f, GasCosts.NEW_ACCOUNT, this);
                }
            }
            long callGas = Math.min(requested, GasCosts.allButOne64th(Gas.left(f)));
            Gas.charge(f, callGas, this);
            if (!value.isZero()) {
                callGas += GasCosts.CALL_STIPEND;
            }
            Stack.setSp(f, result + 1);
            Message child = enter(m, to, value, m.memory.read(inOffset, inLen), callGas);
            if (child == null) {
                m.returnData = Message.EMPTY;
                Gas.refund(f, callGas);
                Stack.setLong(f, result, 0);
                return;
            }
            run(child);
            Calls.finish(child);
            Gas.refund(f, child.gasLeft);
            m.returnData = child.output;
            long n = Math.min(outLen, child.output.length);
            if (n > 0) {
                m.memory.writePadded(outOffset, child.output, 0, n);
            }
            Stack.setLong(f, result, child.reason.isSuccess() ? 1 : 0);
        }

        /** The child frame; null when the call cannot start (depth, or a balance short of the value). */
        @TruffleBoundary
        private Message enter(Message m, Address to, UInt256 value, byte[] input, long gas) {
            WorldState s = m.state;
            boolean movesValue = kind == Kind.CALL || kind == Kind.CALLCODE;
            if (m.depth >= GasCosts.CALL_DEPTH_LIMIT || (movesValue && s.getBalance(m.address).compareTo(value) < 0)) {
                return null;
            }
            int depth = m.depth + 1;
            return switch (kind) {
                case CALL -> Calls.enterCall(m.context, s, m.env, to, m.address, to, value, true, input, m.isStatic, depth, gas);
                case CALLCODE -> Calls.enterCall(m.context, s, m.env, m.address, m.address, to, value, false, input, m.isStatic, depth, gas);
                case DELEGATECALL -> Calls.enterCall(m.context, s, m.env, m.address, m.caller, to, m.value, false, input, m.isStatic, depth, gas);
                case STATICCALL -> Calls.enterCall(m.context, s, m.env, to, m.address, to, UInt256.ZERO, false, input, true, depth, gas);
            };
        }

        @TruffleBoundary
        private static boolean isDead(Message m, Address a) {
            return !m.state.exists(a) || m.state.isEmpty(a);
        }
    }

    /** CREATE (value, offset, length) and CREATE2 (… then salt). */
    public static final class Create extends Invoking {
        private final boolean salted;

        public Create(boolean salted, Revision rev) {
            super(rev);
            this.salted = salted;
        }

        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            Message m = Stack.message(f);
            if (m.isStatic) {
                throw ZvmException.create(HaltReason.STATIC_STATE_CHANGE, this);
            }
            UInt256 value = Stack.readWord(f, sp - 1);
            long offset = Stack.readSaturated(f, sp - 2);
            long len = Stack.readSaturated(f, sp - 3);
            UInt256 salt = salted ? Stack.readWord(f, sp - 4) : null;
            int result = salted ? sp - 4 : sp - 3;
            if (rev.initcodeLimit() && len > GasCosts.MAX_INITCODE_SIZE) {
                throw ZvmException.create(HaltReason.INITCODE_SIZE_EXCEEDED, this);
            }
            Gas.chargeMemory(f, m.memory, offset, len, this);
            long perWord = (rev.initcodeLimit() ? GasCosts.INITCODE_WORD : 0) + (salted ? GasCosts.CREATE2_HASH_WORD : 0);
            if (perWord > 0) {
                Gas.charge(f, Gas.perWord(len, perWord), this);
            }
            byte[] initCode = m.memory.read(offset, len);
            long callGas = GasCosts.allButOne64th(Gas.left(f));
            Gas.charge(f, callGas, this);
            Stack.setSp(f, result + 1);
            m.returnData = Message.EMPTY;
            Message child = enter(m, format(), value, initCode, salt, callGas);
            if (child == null) {
                Gas.refund(f, callGas);
                Stack.setLong(f, result, 0);
                return;
            }
            if (child.reason != null) {
                // Address collision: the creation fails and its gas is gone.
                Stack.setLong(f, result, 0);
                return;
            }
            run(child);
            long gasLeft = deploy(m, format(), child, rev);
            Gas.refund(f, gasLeft);
            if (child.reason.isSuccess()) {
                Stack.set(f, result, child.address.toWord());
            } else {
                Stack.setLong(f, result, 0);
            }
        }

        /** Init code and the code it returns are in the creating code's format. */
        private CodeFormat format() {
            return ((ZvmCodeRootNode) getRootNode()).format();
        }

        /**
         * Bumps the creator's nonce, derives the address and opens the new account; null when creation
         * cannot start (depth, balance, nonce), a child with a halt reason already set on a collision.
         */
        @TruffleBoundary
        private static Message enter(Message m, CodeFormat format, UInt256 value, byte[] initCode, UInt256 salt, long gas) {
            WorldState s = m.state;
            long nonce = s.getNonce(m.address);
            if (m.depth >= GasCosts.CALL_DEPTH_LIMIT || s.getBalance(m.address).compareTo(value) < 0 || nonce == -1L) {
                return null;
            }
            s.setNonce(m.address, nonce + 1);
            Address address = salt == null ? ContractAddress.create(m.address, nonce) : ContractAddress.create2(m.address, salt, initCode);
            return Calls.enterCreate(m.context, s, m.env, m.address, address, format, value, initCode, m.depth + 1, gas);
        }

        /** Deploys the returned code and returns the gas to give back; sets the creator's return data. */
        @TruffleBoundary
        private static long deploy(Message m, CodeFormat format, Message child, Revision rev) {
            Calls.deploy(child, format, rev);
            m.returnData = child.reason == HaltReason.REVERT ? child.output : Message.EMPTY;
            return child.reason.consumesAllGas() ? 0 : child.gasLeft;
        }
    }

    /**
     * SELFDESTRUCT: beneficiary on top. The account goes at the end of the transaction; from Cancun only
     * if it was created in it (EIP-6780).
     */
    public static final class SelfDestruct extends ZvmInstructionNode {
        private final Revision rev;

        public SelfDestruct(Revision rev) {
            this.rev = rev;
        }

        @Override
        public void execute(VirtualFrame f) {
            int sp = sp(f);
            Message m = Stack.message(f);
            if (m.isStatic) {
                throw ZvmException.create(HaltReason.STATIC_STATE_CHANGE, this);
            }
            Address beneficiary = Address.fromWord(Stack.get(f, sp - 1, 0), Stack.get(f, sp - 1, 1), Stack.get(f, sp - 1, 2));
            Gas.charge(f, cost(m, beneficiary, rev), this);
            destruct(m, beneficiary, rev);
            Stack.setSp(f, sp - 1);
        }

        @TruffleBoundary
        private static long cost(Message m, Address beneficiary, Revision rev) {
            long cost = rev.accessLists() && m.state.warmAccount(beneficiary) ? GasCosts.COLD_ACCOUNT_ACCESS : 0;
            if (!m.state.getBalance(m.address).isZero() && (!m.state.exists(beneficiary) || m.state.isEmpty(beneficiary))) {
                cost += GasCosts.NEW_ACCOUNT;
            }
            return cost;
        }

        @TruffleBoundary
        private static void destruct(Message m, Address beneficiary, Revision rev) {
            if (m.state.selfDestruct(m.address, beneficiary, rev.selfdestructOnlyCreated()) && rev.selfdestructRefund() > 0) {
                m.state.addRefund(rev.selfdestructRefund());
            }
        }
    }
}
