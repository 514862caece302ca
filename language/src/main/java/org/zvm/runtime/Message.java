// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import com.oracle.truffle.api.CallTarget;

import org.zvm.ZvmContext;
import org.zvm.error.HaltReason;
import org.zvm.state.WorldState;

/**
 * One call frame's inputs and outcome: what a contract sees of its caller (address, value, calldata,
 * static mode, depth) and what it hands back (output, gas left, halt reason). Passed as the single
 * argument of a contract's call target; the frame's fast state (stack, gas) lives in frame slots.
 */
public final class Message {
    public static final byte[] EMPTY = new byte[0];

    public final ZvmContext context;
    public final WorldState state;
    public final Environment env;
    /** The account whose storage and balance this frame acts on. */
    public final Address address;
    public final Address caller;
    /** The account the executing code came from (differs from address under DELEGATECALL/CALLCODE). */
    public final Address codeAddress;
    public final UInt256 value;
    public final byte[] calldata;
    /** The executing code as CODESIZE/CODECOPY see it. */
    public final byte[] code;
    public final boolean isStatic;
    /** 0 for the transaction's entry frame. */
    public final int depth;
    public final long gas;

    public final Memory memory = new Memory();
    /** Output of the most recent sub-call, for RETURNDATASIZE/RETURNDATACOPY. */
    public byte[] returnData = EMPTY;
    /** Stack words beyond the frame-resident positions, allocated on first use. */
    public long[] spill;

    /** The call target running {@link #code}; null for an account without code or a precompile. */
    public CallTarget target;
    /** The precompile this frame calls, if any. */
    public PrecompiledContract precompiled;
    /** The journal checkpoint the caller took for this frame: committed on success, else reverted to. */
    public int checkpoint;

    public byte[] output = EMPTY;
    public long gasLeft;
    public HaltReason reason;

    public Message(ZvmContext context, WorldState state, Environment env, Address address, Address caller, Address codeAddress,
                    UInt256 value, byte[] calldata, byte[] code, boolean isStatic, int depth, long gas) {
        this.context = context;
        this.state = state;
        this.env = env;
        this.address = address;
        this.caller = caller;
        this.codeAddress = codeAddress;
        this.value = value;
        this.calldata = calldata;
        this.code = code;
        this.isStatic = isStatic;
        this.depth = depth;
        this.gas = gas;
    }
}
