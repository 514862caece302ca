// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import org.zvm.ZvmContext;
import org.zvm.util.Hex;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.CachedLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A deployed contract as a polyglot object: {@code address} reads its address,
 * {@code call(calldataHex, gas, valueHex, callerHex, commit)} runs a transaction into it and returns the
 * result record (see {@link Transaction}), and {@code create(gas, valueHex, callerHex, commit)} runs its
 * code as init code instead, deploying what it returns. ABI-typed members come with the polyglot issue.
 */
@ExportLibrary(InteropLibrary.class)
public final class ZvmContract implements TruffleObject {
    private final ZvmContext context;
    private final Address address;
    private final LoadedCode code;

    public ZvmContract(ZvmContext context, Address address, LoadedCode code) {
        this.context = context;
        this.address = address;
        this.code = code;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return new InteropArray(new String[]{"address", "call", "create"});
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return member.equals("address");
    }

    @ExportMessage
    boolean isMemberInvocable(String member) {
        return member.equals("call") || member.equals("create");
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        if (member.equals("address")) {
            return address.toHex();
        }
        throw UnknownIdentifierException.create(member);
    }

    @ExportMessage
    Object invokeMember(String member, Object[] args, @CachedLibrary(limit = "3") InteropLibrary interop)
                    throws UnknownIdentifierException, ArityException, UnsupportedTypeException {
        if (member.equals("create")) {
            return invokeCreate(args, interop);
        }
        if (!member.equals("call")) {
            throw UnknownIdentifierException.create(member);
        }
        if (args.length != 5) {
            throw ArityException.create(5, 5, args.length);
        }
        try {
            String calldata = interop.asString(args[0]);
            long gas = interop.asLong(args[1]);
            String value = interop.asString(args[2]);
            String caller = interop.asString(args[3]);
            boolean commit = interop.asBoolean(args[4]);
            if (gas < 0) {
                throw UnsupportedTypeException.create(args, "gas must not be negative");
            }
            return call(calldata, gas, value, caller, commit);
        } catch (UnsupportedMessageException | IllegalArgumentException e) {
            throw UnsupportedTypeException.create(args, "call(calldataHex, gas, valueHex, callerHex, commit): " + e.getMessage());
        }
    }

    private Object invokeCreate(Object[] args, InteropLibrary interop) throws ArityException, UnsupportedTypeException {
        if (args.length != 4) {
            throw ArityException.create(4, 4, args.length);
        }
        try {
            long gas = interop.asLong(args[0]);
            String value = interop.asString(args[1]);
            String caller = interop.asString(args[2]);
            boolean commit = interop.asBoolean(args[3]);
            if (gas < 0) {
                throw UnsupportedTypeException.create(args, "gas must not be negative");
            }
            return create(gas, value, caller, commit);
        } catch (UnsupportedMessageException | IllegalArgumentException e) {
            throw UnsupportedTypeException.create(args, "create(gas, valueHex, callerHex, commit): " + e.getMessage());
        }
    }

    @TruffleBoundary
    private Object create(long gas, String valueHex, String callerHex, boolean commit) {
        return Transaction.create(context, code, gas, UInt256.fromHex(valueHex), Address.fromHex(callerHex), commit);
    }

    /** Parsing and the transaction stay out of the caller's compilation unit (they inline too deep). */
    @TruffleBoundary
    private Object call(String calldataHex, long gas, String valueHex, String callerHex, boolean commit) {
        return Transaction.run(context, address, code, Hex.bytes(calldataHex), gas, UInt256.fromHex(valueHex), Address.fromHex(callerHex), commit);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "contract " + address.toHex();
    }
}
