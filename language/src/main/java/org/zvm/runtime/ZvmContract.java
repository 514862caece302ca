// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import java.util.ArrayList;
import java.util.List;

import org.zvm.ZvmContext;
import org.zvm.abi.AbiException;
import org.zvm.abi.ContractAbi;
import org.zvm.polyglot.AbiCalls;
import org.zvm.polyglot.AbiNumber;
import org.zvm.polyglot.ContractError;
import org.zvm.polyglot.ContractFunction;
import org.zvm.polyglot.ContractStorage;
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
 * A deployed contract as a polyglot object. Always: {@code address}, {@code balance} (wei, a number) and
 * {@code storage} are readable, and {@code storage(slot)} reads a slot (as a method, too, for languages
 * that invoke members rather than read and call them);
 * {@code call(calldataHex, gas, valueHex, callerHex, commit)} runs a transaction into it and returns the
 * result record (see {@link Transaction}; return data and memory as {@link InteropBytes}), and {@code create(gas, valueHex, callerHex, commit)} runs its
 * code as init code instead, deploying what it returns. With an ABI (see {@link ContractAbi}), each of its
 * functions is an invocable member ({@code token.transfer(to, amount)}, see {@link AbiCalls}) and
 * {@code deploy(constructor arguments...)} runs the code as creation code and returns the new contract.
 * Both can also be read as functions ({@link ContractFunction}).
 */
@ExportLibrary(InteropLibrary.class)
public final class ZvmContract implements TruffleObject {
    private static final List<String> BUILT_IN = List.of("address", "balance", "storage", "call", "create", "deploy");

    private final ZvmContext context;
    private final Address address;
    private final LoadedCode code;
    private final ContractAbi abi;

    public ZvmContract(ZvmContext context, Address address, LoadedCode code, ContractAbi abi) {
        this.context = context;
        this.address = address;
        this.code = code;
        this.abi = abi;
    }

    public ZvmContract(ZvmContext context, Address address, LoadedCode code) {
        this(context, address, code, ContractAbi.NONE);
    }

    public Address address() {
        return address;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        List<String> names = new ArrayList<>(BUILT_IN);
        for (String f : AbiCalls.memberNames(abi)) {
            if (!names.contains(f)) {
                names.add(f);
            }
        }
        return new InteropArray(names.toArray());
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return member.equals("address") || member.equals("balance") || member.equals("storage") || member.equals("deploy") || AbiCalls.isFunction(abi, member);
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberInvocable(String member) {
        return member.equals("call") || member.equals("create") || member.equals("deploy") || member.equals("storage") || AbiCalls.isFunction(abi, member);
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        return switch (member) {
            case "address" -> address.toHex();
            case "balance" -> new AbiNumber(balance().toBigInteger());
            case "storage" -> new ContractStorage(context, address);
            case "deploy" -> new ContractFunction(this, member);
            default -> {
                if (!AbiCalls.isFunction(abi, member)) {
                    throw UnknownIdentifierException.create(member);
                }
                yield new ContractFunction(this, member);
            }
        };
    }

    private UInt256 balance() {
        org.zvm.state.AccountRecord account = context.backend().loadAccount(address);
        return account == null ? UInt256.ZERO : account.balance();
    }

    @ExportMessage
    Object invokeMember(String member, Object[] args, @CachedLibrary(limit = "3") InteropLibrary interop)
                    throws UnknownIdentifierException, ArityException, UnsupportedTypeException {
        if (member.equals("create")) {
            return invokeCreate(args, interop);
        }
        if (!member.equals("call")) {
            return invokeAbi(member, args);
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

    /** {@code deploy} and the ABI's functions; arguments that do not fit are a guest error naming them. */
    @TruffleBoundary
    private Object invokeAbi(String member, Object[] args) throws UnknownIdentifierException, ArityException, UnsupportedTypeException {
        try {
            if (member.equals("deploy")) {
                return AbiCalls.deploy(context, code, abi, args);
            }
            if (member.equals("storage")) {
                return new ContractStorage(context, address).read(args);
            }
            if (!AbiCalls.isFunction(abi, member)) {
                throw UnknownIdentifierException.create(member);
            }
            return AbiCalls.call(context, address, code, abi, member, args);
        } catch (AbiException e) {
            throw ContractError.invalidArguments(e.getMessage());
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
