// SPDX-License-Identifier: Apache-2.0
package org.zvm.polyglot;

import org.zvm.abi.RevertReason;
import org.zvm.runtime.InteropArray;
import org.zvm.runtime.ZvmNull;
import org.zvm.util.Hex;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A contract call through an ABI member that did not succeed, as a guest exception: a revert carries its
 * decoded reason ({@code Error(string)}, {@code Panic(uint256)} with its name, a custom error of the ABI,
 * or raw data), an exceptional halt its reason id ({@code out_of_gas}, ...); arguments that do not fit
 * the ABI are one too, before anything runs. The message is one line;
 * the members {@code status}, {@code reason}, {@code kind}, {@code panicCode}, {@code data} and
 * {@code gasUsed} let a caller branch without parsing it.
 */
@ExportLibrary(InteropLibrary.class)
public final class ContractError extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;
    private static final String[] MEMBERS = {"status", "reason", "kind", "panicCode", "data", "gasUsed"};

    private final String status;
    private final String reason;
    private final String kind;
    private final long panicCode;
    private final byte[] data;
    private final long gasUsed;

    private ContractError(String message, String status, String reason, String kind, long panicCode, byte[] data, long gasUsed) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.kind = kind;
        this.panicCode = panicCode;
        this.data = data;
        this.gasUsed = gasUsed;
    }

    /** {@code what} names the call: {@code transfer(address,uint256)}. */
    @TruffleBoundary
    public static ContractError revert(String what, RevertReason r, long gasUsed) {
        return new ContractError(what + " reverted: " + r.message(), "revert", r.message(), r.kind(), r.panicCode(), r.data(), gasUsed);
    }

    /** An exceptional halt: {@code reasonId} is the halt reason's id, {@code message} its text. */
    @TruffleBoundary
    public static ContractError halt(String what, String reasonId, String message, long gasUsed) {
        return new ContractError(what + " halted: " + message, "halt", reasonId, "halt", -1, new byte[0], gasUsed);
    }

    /** Arguments that do not fit the ABI (the call did not run): the message names the argument. */
    @TruffleBoundary
    public static ContractError invalidArguments(String message) {
        return new ContractError(message, "invalid", message, "invalid", -1, new byte[0], 0);
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.RUNTIME_ERROR;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return new InteropArray(MEMBERS);
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return java.util.Arrays.asList(MEMBERS).contains(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        return switch (member) {
            case "status" -> status;
            case "reason" -> reason;
            case "kind" -> kind;
            case "panicCode" -> panicCode < 0 ? ZvmNull.INSTANCE : (Object) panicCode;
            case "data" -> Hex.of(data);
            case "gasUsed" -> gasUsed;
            default -> throw UnknownIdentifierException.create(member);
        };
    }
}
