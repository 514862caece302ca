// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A read-only object with named members holding interop values (strings, numbers, booleans, null):
 * how results reach JavaScript, Python and the launcher. A member whose value is a {@link Deferred} is
 * computed on its first read: a call's JSON report and memory copy cost more than the call of a small
 * contract, and most callers read neither.
 */
@ExportLibrary(InteropLibrary.class)
public final class InteropRecord implements TruffleObject {
    private final Map<String, Object> members;

    public InteropRecord(Map<String, Object> members) {
        this.members = new LinkedHashMap<>(members);
    }

    /** A member value computed when first read (see the class comment). */
    public record Deferred(Supplier<Object> value) {
    }

    /** A member's value, for Java code inside the context; null when absent. */
    @TruffleBoundary
    public Object get(String member) {
        Object value = members.get(member);
        if (value instanceof Deferred deferred) {
            value = deferred.value().get();
            members.put(member, value);
        }
        return value;
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
        return get(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        for (String member : members.keySet()) {
            get(member);
        }
        return members.toString();
    }
}
