// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import java.util.Arrays;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** A read-only interop array: member names, result lists. */
@ExportLibrary(InteropLibrary.class)
public final class InteropArray implements TruffleObject {
    private final Object[] elements;

    public InteropArray(Object[] elements) {
        this.elements = elements;
    }

    @ExportMessage
    boolean hasArrayElements() {
        return true;
    }

    @ExportMessage
    long getArraySize() {
        return elements.length;
    }

    @ExportMessage
    boolean isArrayElementReadable(long index) {
        return index >= 0 && index < elements.length;
    }

    @ExportMessage
    Object readArrayElement(long index) throws InvalidArrayIndexException {
        if (index < 0 || index >= elements.length) {
            throw InvalidArrayIndexException.create(index);
        }
        return elements[(int) index];
    }

    /** A result holding an array prints the same text every run (not an identity hash). */
    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return toString();
    }

    /** The elements in brackets, also inside a record's text. */
    @Override
    @TruffleBoundary
    public String toString() {
        return Arrays.toString(elements);
    }
}
