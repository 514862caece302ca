// SPDX-License-Identifier: Apache-2.0
package org.zvm.error;

import com.oracle.truffle.api.interop.TruffleObject;

/**
 * Every way an execution ends: one enum for all formats, in the style of GraalWasm's {@code Failure} and
 * revm's {@code InstructionResult}. The message is fixed so golden files and tools can match on it.
 * A {@link TruffleObject}, because a contract body returns it and tools (debuggers) see that value.
 */
public enum HaltReason implements TruffleObject {
    // Successful ends.
    STOP(Kind.SUCCESS, "stop"),
    RETURN(Kind.SUCCESS, "return"),
    SELFDESTRUCT(Kind.SUCCESS, "selfdestruct"),

    // The frame asked to be undone.
    REVERT(Kind.REVERT, "revert"),

    // Exceptional halts: all gas of the frame is consumed and its effects undone.
    OUT_OF_GAS(Kind.EXCEPTIONAL_HALT, "out of gas"),
    STACK_UNDERFLOW(Kind.EXCEPTIONAL_HALT, "stack underflow"),
    STACK_OVERFLOW(Kind.EXCEPTIONAL_HALT, "stack overflow"),
    INVALID_OPCODE(Kind.EXCEPTIONAL_HALT, "invalid opcode"),
    INVALID_JUMP(Kind.EXCEPTIONAL_HALT, "invalid jump destination"),
    STATIC_STATE_CHANGE(Kind.EXCEPTIONAL_HALT, "state change in a static call"),
    RETURNDATA_OUT_OF_BOUNDS(Kind.EXCEPTIONAL_HALT, "return data out of bounds"),
    CREATE_COLLISION(Kind.EXCEPTIONAL_HALT, "contract address collision"),
    CODE_SIZE_EXCEEDED(Kind.EXCEPTIONAL_HALT, "code size exceeded"),
    INITCODE_SIZE_EXCEEDED(Kind.EXCEPTIONAL_HALT, "init code size exceeded"),
    PRECOMPILE_FAILURE(Kind.EXCEPTIONAL_HALT, "precompiled contract failed"),
    /** EIP-3541: new EVM code may not start with 0xEF. */
    INVALID_DEPLOYED_CODE(Kind.EXCEPTIONAL_HALT, "deployed code starts with 0xEF"),

    // The code could not be loaded.
    INVALID_CODE(Kind.INVALID_CODE, "invalid code"),

    // A broken invariant of zvm itself.
    INTERNAL_ERROR(Kind.INTERNAL, "internal error");

    public enum Kind {
        SUCCESS, REVERT, EXCEPTIONAL_HALT, INVALID_CODE, INTERNAL
    }

    public final Kind kind;
    public final String message;

    HaltReason(Kind kind, String message) {
        this.kind = kind;
        this.message = message;
    }

    public boolean isSuccess() {
        return kind == Kind.SUCCESS;
    }

    /** Exceptional halts consume all gas given to the frame; success and revert return what is left. */
    public boolean consumesAllGas() {
        return kind == Kind.EXCEPTIONAL_HALT || kind == Kind.INVALID_CODE || kind == Kind.INTERNAL;
    }

    /** The name tools print: lower-case with underscores, e.g. {@code out_of_gas}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
