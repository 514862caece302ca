// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A read-only object with named members holding interop values (strings, numbers, booleans, null):
 * how results reach JavaScript, Python and the launcher.
 */
@ExportLibrary(InteropLibrary.class)
public final class InteropRecord implements TruffleObject {
    private final Map<String, Object> members;

    public InteropRecord(Map<String, Object> members) {
        this.members = new LinkedHashMap<>(members);
    }

    /** A member's value, for Java code inside the context; null when absent. */
    public Object get(String member) {
        return members.get(member);
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return new InteropArray(members.keySet().toArray(new String[0]));
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return members.containsKey(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        if (!members.containsKey(member)) {
            throw UnknownIdentifierException.create(member);
        }
        return members.get(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return members.toString();
    }
}
