// SPDX-License-Identifier: Apache-2.0
package org.zvm.error;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;

/**
 * An exceptional halt raised by an instruction. The contract's root node turns it into a result for its
 * caller, so it never crosses a contract boundary; it is a guest exception (readable through interop)
 * only when an embedder asks to see it. Created only through {@link #create}, which records the
 * instruction for the location.
 */
@ExportLibrary(InteropLibrary.class)
public final class ZvmException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    private final HaltReason reason;

    private ZvmException(HaltReason reason, String message, Node location) {
        super(message, location);
        this.reason = reason;
    }

    public static ZvmException create(HaltReason reason, Node location) {
        return new ZvmException(reason, reason.message, location);
    }

    public static ZvmException create(HaltReason reason, String detail, Node location) {
        return new ZvmException(reason, reason.message + ": " + detail, location);
    }

    public HaltReason reason() {
        return reason;
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.RUNTIME_ERROR;
    }
}
