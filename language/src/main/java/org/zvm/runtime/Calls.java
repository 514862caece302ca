// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import org.zvm.ZvmContext;
import org.zvm.error.HaltReason;
import org.zvm.opcode.GasCosts;
import org.zvm.opcode.Revision;
import org.zvm.state.WorldState;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * The state side of message calls and contract creation, shared by the call instructions and by the
 * transaction processors of every format: each frame runs inside one journal checkpoint, committed only
 * if it succeeds, so a reverted or halted frame leaves nothing behind. Gas accounting stays with the
 * caller; running the child's call target too (an instruction does it through its call node).
 */
public final class Calls {
    private Calls() {
    }

    /**
     * Opens a message call: finds the precompile or loads the code of {@code codeAddress}, takes the
     * checkpoint, moves the value when {@code transfers}, and touches the account (EIP-161).
     */
    @TruffleBoundary
    public static Message enterCall(ZvmContext c, WorldState s, Environment env, Address address, Address caller, Address codeAddress,
                    UInt256 value, boolean transfers, byte[] input, boolean isStatic, int depth, long gas) {
        PrecompiledContract precompiled = c.precompile(codeAddress, s);
        LoadedCode loaded = precompiled == null ? c.load(s.getCode(codeAddress)) : null;
        byte[] code = loaded == null ? Message.EMPTY : loaded.code();
        Message child = new Message(c, s, env, address, caller, codeAddress, value, input, code, isStatic, depth, gas);
        child.target = loaded == null ? null : loaded.target();
        child.precompiled = precompiled;
        child.checkpoint = s.checkpoint();
        if (transfers) {
            s.transfer(caller, address, value);
        }
        s.touch(address);
        return child;
    }

    /**
     * Opens a creation at {@code address}: a child with {@link HaltReason#CREATE_COLLISION} already set
     * when the address is taken (its gas is then lost), else the new account with its value and init code.
     * An address is taken when it has a nonce, code or storage (EIP-7610).
     */
    @TruffleBoundary
    public static Message enterCreate(ZvmContext c, WorldState s, Environment env, Address creator, Address address, CodeFormat format,
                    UInt256 value, byte[] initCode, int depth, long gas) {
        s.warmAccount(address);
        Message child = new Message(c, s, env, address, creator, address, value, Message.EMPTY, initCode, false, depth, gas);
        if (s.getNonce(address) != 0 || s.getCode(address).length != 0 || !s.nonZeroStorage(address).isEmpty()) {
            child.reason = HaltReason.CREATE_COLLISION;
            return child;
        }
        child.target = initCode.length == 0 ? null : c.loadInitCode(format, initCode).target();
        child.checkpoint = s.checkpoint();
        s.createAccount(address);
        s.setNonce(address, 1);
        s.transfer(creator, address, value);
        return child;
    }

    /** Runs a child that has no call target: a precompile, or an account without code (which stops). */
    @TruffleBoundary
    public static void runWithoutTarget(Message child) {
        PrecompiledContract p = child.precompiled;
        if (p == null) {
            child.reason = HaltReason.STOP;
            child.gasLeft = child.gas;
            return;
        }
        long cost = p.gas(child.calldata);
        byte[] out;
        try {
            out = cost > child.gas ? null : p.run(child);
        } catch (PrecompiledContract.Reverted r) {
            child.reason = HaltReason.REVERT;
            child.output = r.data;
            child.gasLeft = child.gas - cost;
            return;
        }
        if (out == null) {
            child.reason = cost > child.gas ? HaltReason.OUT_OF_GAS : HaltReason.PRECOMPILE_FAILURE;
            child.gasLeft = 0;
        } else {
            child.reason = HaltReason.RETURN;
            child.output = out;
            child.gasLeft = child.gas - cost;
        }
    }

    /** Runs {@code child} to its end from the host (a transaction's entry frame). */
    @TruffleBoundary
    public static void run(Message child) {
        if (child.target == null) {
            runWithoutTarget(child);
        } else {
            child.target.call(child);
        }
    }

    /** Commits the child's checkpoint if it succeeded, else reverts to it. */
    @TruffleBoundary
    public static void finish(Message child) {
        if (child.reason.isSuccess()) {
            child.state.commit(child.checkpoint);
        } else {
            child.state.revertTo(child.checkpoint);
        }
    }

    /**
     * Stores the code a successful init code returned, charging the deposit, then finishes the creation.
     * A failed deposit (too large, 0xEF under EIP-3541, unaffordable) undoes the whole creation.
     */
    @TruffleBoundary
    public static void deploy(Message child, CodeFormat format, Revision rev) {
        if (child.reason.isSuccess()) {
            byte[] code = child.output;
            long deposit = GasCosts.CODE_DEPOSIT_BYTE * code.length;
            HaltReason failure = null;
            if (code.length > GasCosts.MAX_CODE_SIZE) {
                failure = HaltReason.CODE_SIZE_EXCEEDED;
            } else if (rev.rejectEfCode() && format == CodeFormat.EVM && code.length > 0 && code[0] == (byte) 0xEF) {
                failure = HaltReason.INVALID_DEPLOYED_CODE;
            } else if (deposit > child.gasLeft) {
                failure = HaltReason.OUT_OF_GAS;
            }
            if (failure != null) {
                child.reason = failure;
                child.gasLeft = 0;
            } else {
                child.state.setCode(child.address, child.context.deployableCode(format, code));
                child.gasLeft -= deposit;
            }
        }
        finish(child);
    }
}
