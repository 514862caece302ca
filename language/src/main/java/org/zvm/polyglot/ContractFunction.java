// SPDX-License-Identifier: Apache-2.0
package org.zvm.polyglot;

import org.zvm.runtime.ZvmContract;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A function member of a contract read as a value ({@code const f = token.transfer}): executing it invokes
 * the member. Languages that read a method before calling it (Python) go this way.
 */
@ExportLibrary(InteropLibrary.class)
public final class ContractFunction implements TruffleObject {
    private final ZvmContract contract;
    private final String member;

    public ContractFunction(ZvmContract contract, String member) {
        this.contract = contract;
        this.member = member;
    }

    @ExportMessage
    boolean isExecutable() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object execute(Object[] args) throws UnsupportedTypeException, ArityException, UnsupportedMessageException {
        try {
            return InteropLibrary.getUncached().invokeMember(contract, member, args);
        } catch (UnknownIdentifierException e) {
            throw UnsupportedMessageException.create(e);
        }
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return member + " of " + InteropLibrary.getUncached().toDisplayString(contract);
    }
}
