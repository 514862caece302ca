// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** The interop null, for members without a value (the reason of a success). */
@ExportLibrary(InteropLibrary.class)
public final class ZvmNull implements TruffleObject {
    public static final ZvmNull INSTANCE = new ZvmNull();

    private ZvmNull() {
    }

    @ExportMessage
    boolean isNull() {
        return true;
    }
}
