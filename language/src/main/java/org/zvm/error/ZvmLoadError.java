// SPDX-License-Identifier: Apache-2.0
package org.zvm.error;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * Code or state that cannot be loaded (malformed code, a bad container, an unusable state directory),
 * reported to embedders as a parse error carrying the one-line message.
 */
@ExportLibrary(InteropLibrary.class)
public final class ZvmLoadError extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    public ZvmLoadError(String message) {
        super(message);
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.PARSE_ERROR;
    }
}
