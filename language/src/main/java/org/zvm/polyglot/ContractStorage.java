// SPDX-License-Identifier: Apache-2.0
package org.zvm.polyglot;

import java.math.BigInteger;

import org.zvm.ZvmContext;
import org.zvm.abi.AbiException;
import org.zvm.abi.AbiType;
import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A contract's storage as a function of the slot: {@code token.storage(0)} reads slot 0 as committed in
 * the world (a number; zero when never written). The slot is any interop integer or a decimal/hex string.
 */
@ExportLibrary(InteropLibrary.class)
public final class ContractStorage implements TruffleObject {
    private static final AbiType SLOT = new AbiType.UInt(256);

    private final ZvmContext context;
    private final Address address;

    public ContractStorage(ZvmContext context, Address address) {
        this.context = context;
        this.address = address;
    }

    @ExportMessage
    boolean isExecutable() {
        return true;
    }

    @ExportMessage
    Object execute(Object[] args) throws ArityException, UnsupportedTypeException {
        return read(args);
    }

    /** The slot {@code args[0]}, as a number. */
    @TruffleBoundary
    public Object read(Object[] args) throws ArityException, UnsupportedTypeException {
        if (args.length != 1) {
            throw ArityException.create(1, 1, args.length);
        }
        try {
            BigInteger slot = (BigInteger) AbiValues.fromInterop(SLOT, args[0], "storage slot");
            if (slot.signum() < 0 || slot.bitLength() > 256) {
                throw new AbiException("storage slot: " + slot + " is not a 256-bit slot");
            }
            return new AbiNumber(context.backend().loadStorage(address, UInt256.of(slot)).toBigInteger());
        } catch (AbiException e) {
            throw UnsupportedTypeException.create(args, e.getMessage());
        }
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "storage of " + address.toHex();
    }
}
