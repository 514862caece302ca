// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm;

import java.io.Serial;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;

/**
 * Every way loading or running a module fails, with the spec's class and message ("type mismatch",
 * "integer divide by zero"), so the spec tests can compare both. A guest exception (embedders see a
 * {@code PolyglotException} with the message), without a stack trace: these are answers, not bugs.
 */
public final class WasmException extends AbstractTruffleException {
    @Serial private static final long serialVersionUID = 1L;

    /** The spec's classes of failure, as its test commands name them. */
    public enum Kind {
        /** The bytes are not a module (decoding). */
        MALFORMED,
        /** A well-formed module breaks a typing rule (validation). */
        INVALID,
        /** An import is missing or has the wrong type. */
        UNLINKABLE,
        /** Execution stopped with a trap. */
        TRAP,
        /** The call stack ran out. */
        EXHAUSTION
    }

    private final Kind kind;
    private final transient Object detail;

    private WasmException(Kind kind, String message, Object detail) {
        super(message, null, 0, null);
        this.kind = kind;
        this.detail = detail;
    }

    @TruffleBoundary
    public static WasmException create(Kind kind, String message) {
        return new WasmException(kind, message, null);
    }

    /** A trap raised by a host function, keeping what the host attached to it. */
    @TruffleBoundary
    public static WasmException hostTrap(String message, Object detail) {
        return new WasmException(Kind.TRAP, message, detail);
    }

    @TruffleBoundary
    public static WasmException trap(String message) {
        return new WasmException(Kind.TRAP, message, null);
    }

    @TruffleBoundary
    public static WasmException malformed(String message) {
        return new WasmException(Kind.MALFORMED, message, null);
    }

    @TruffleBoundary
    public static WasmException invalid(String message) {
        return new WasmException(Kind.INVALID, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public Object detail() {
        return detail;
    }
}
