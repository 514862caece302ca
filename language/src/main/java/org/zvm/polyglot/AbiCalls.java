// SPDX-License-Identifier: Apache-2.0
package org.zvm.polyglot;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.zvm.ZvmContext;
import org.zvm.abi.AbiCodec;
import org.zvm.abi.AbiException;
import org.zvm.abi.AbiFunction;
import org.zvm.abi.AbiType;
import org.zvm.abi.ContractAbi;
import org.zvm.abi.RevertReason;
import org.zvm.error.HaltReason;
import org.zvm.runtime.Address;
import org.zvm.runtime.InteropRecord;
import org.zvm.runtime.LoadedCode;
import org.zvm.runtime.Transaction;
import org.zvm.runtime.UInt256;
import org.zvm.runtime.ZvmContract;
import org.zvm.runtime.ZvmNull;
import org.zvm.util.Hex;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;

/**
 * Calls through a contract's ABI: the arguments are converted and encoded by the function's parameter
 * types, the call runs as a transaction of its own (committed unless the function is {@code view} or
 * {@code pure}), and the output is decoded by its result types: nothing is null, one result is the value,
 * several are an array. A failed call throws a {@link ContractError}.
 *
 * <p>
 * After the ABI's arguments may come an object of overrides, as in ethers.js: {@code from} (the caller,
 * default {@link #DEFAULT_CALLER}), {@code value} (wei) and {@code gas} (default {@link #DEFAULT_GAS}).
 */
public final class AbiCalls {
    /** A block's worth of gas: any realistic call fits. */
    public static final long DEFAULT_GAS = 30_000_000L;
    /** The caller of {@code zvm run}, so results read the same from the launcher and from a script. */
    public static final Address DEFAULT_CALLER = Address.fromHex("0x00000000000000000000000000000000000000c0");

    private static final InteropLibrary INTEROP = InteropLibrary.getUncached();

    private AbiCalls() {
    }

    private record Overrides(Address from, UInt256 value, long gas) {
    }

    /** Calls the function {@code member} (a name, or a full signature for an overloaded name). */
    @TruffleBoundary
    public static Object call(ZvmContext context, Address address, LoadedCode code, ContractAbi abi, String member, Object[] args) {
        AbiFunction f = resolve(abi, member, args.length);
        Overrides o = overrides(args, f.inputs().size());
        byte[] calldata = f.encodeCall(arguments(f, args));
        InteropRecord r = Transaction.run(context, address, code, calldata, o.gas, o.value, o.from, !f.isReadOnly());
        byte[] output = check(f.signature(), r, abi);
        List<Object> values;
        try {
            values = f.decodeOutput(output);
        } catch (AbiException e) {
            throw ContractError.halt(f.signature(), "bad_output", "its output does not decode as " + f.outputs().canonical() + ": " + e.getMessage(), gasUsed(r));
        }
        if (values.isEmpty()) {
            return ZvmNull.INSTANCE;
        }
        if (values.size() == 1) {
            return AbiValues.toInterop(f.outputs().types().getFirst(), values.getFirst());
        }
        return AbiValues.toInterop(f.outputs(), values);
    }

    /**
     * Runs {@code initCode} with the constructor's arguments appended, as solc's creation code expects,
     * and returns the new contract, with the same ABI.
     */
    @TruffleBoundary
    public static ZvmContract deploy(ZvmContext context, LoadedCode initCode, ContractAbi abi, Object[] args) {
        AbiFunction ctor = abi.constructor();
        if (args.length != ctor.inputs().size() && args.length != ctor.inputs().size() + 1) {
            throw new AbiException("deploy: the constructor " + ctor.inputs().canonical() + " takes " + ctor.inputs().size() + " argument" +
                            (ctor.inputs().size() == 1 ? "" : "s") + " (and optional overrides), got " + args.length);
        }
        Overrides o = overrides(args, ctor.inputs().size());
        byte[] encoded = AbiCodec.encode(ctor.inputs(), arguments(ctor, args));
        byte[] code = Arrays.copyOf(initCode.code(), initCode.code().length + encoded.length);
        System.arraycopy(encoded, 0, code, initCode.code().length, encoded.length);
        LoadedCode withArgs = context.loadInitCode(initCode.format(), code);
        InteropRecord r = Transaction.create(context, withArgs, o.gas, o.value, o.from, true);
        check("constructor" + ctor.inputs().canonical(), r, abi);
        Address created = Address.fromHex((String) r.get("address"));
        return new ZvmContract(context, created, context.load(context.backend().loadAccount(created).code()), abi);
    }

    /** The function a member names: by full signature, or by name and then by argument count among overloads. */
    private static AbiFunction resolve(ContractAbi abi, String member, int argc) {
        for (AbiFunction f : abi.functions()) {
            if (f.signature().equals(member)) {
                return f;
            }
        }
        List<AbiFunction> named = abi.functionsNamed(member);
        if (named.size() == 1) {
            AbiFunction f = named.getFirst();
            checkArity(f, argc);
            return f;
        }
        List<AbiFunction> fitting = named.stream().filter(f -> argc == f.inputs().size() || argc == f.inputs().size() + 1).toList();
        if (fitting.size() == 1) {
            return fitting.getFirst();
        }
        List<String> signatures = named.stream().map(AbiFunction::signature).toList();
        throw new AbiException(member + " is overloaded (" + String.join(", ", signatures) + "): call it by its full signature");
    }

    private static void checkArity(AbiFunction f, int argc) {
        int n = f.inputs().size();
        if (argc != n && argc != n + 1) {
            throw new AbiException(f.signature() + " takes " + n + " argument" + (n == 1 ? "" : "s") + " (and optional overrides), got " + argc);
        }
    }

    private static List<Object> arguments(AbiFunction f, Object[] args) {
        AbiType.Tuple inputs = f.inputs();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String name = inputs.names().get(i);
            values.add(AbiValues.fromInterop(inputs.types().get(i), args[i], f.name() + " argument " + (i + 1) + (name.isEmpty() ? "" : " (" + name + ")")));
        }
        return values;
    }

    private static Overrides overrides(Object[] args, int parameters) {
        Address from = DEFAULT_CALLER;
        UInt256 value = UInt256.ZERO;
        long gas = DEFAULT_GAS;
        if (args.length == parameters + 1) {
            Object o = args[parameters];
            try {
                if (!INTEROP.hasMembers(o) && !INTEROP.hasHashEntries(o)) {
                    throw new AbiException("overrides: expected an object such as {from, value, gas}, got " + String.valueOf(INTEROP.toDisplayString(o, false)));
                }
                Object f = field(o, "from");
                if (f != null) {
                    from = (Address) AbiValues.fromInterop(new AbiType.Address(), f, "overrides.from");
                }
                Object v = field(o, "value");
                if (v != null) {
                    BigInteger amount = (BigInteger) AbiValues.fromInterop(new AbiType.UInt(256), v, "overrides.value");
                    if (amount.signum() < 0 || amount.bitLength() > 256) {
                        throw new AbiException("overrides.value: " + amount + " is not a 256-bit amount");
                    }
                    value = UInt256.of(amount);
                }
                Object g = field(o, "gas");
                if (g != null) {
                    BigInteger limit = (BigInteger) AbiValues.fromInterop(new AbiType.UInt(64), g, "overrides.gas");
                    if (limit.signum() < 0 || limit.bitLength() > 62) {
                        throw new AbiException("overrides.gas: " + limit + " is not a gas limit from 0 to 2^62");
                    }
                    gas = limit.longValue();
                }
            } catch (InteropException e) {
                throw new AbiException("overrides: " + e.getMessage());
            }
        }
        return new Overrides(from, value, gas);
    }

    /** A field of an object (a member, or a hash entry as a Python dict has), or null when absent. */
    static Object field(Object o, String name) throws InteropException {
        if (INTEROP.hasHashEntries(o) && INTEROP.isHashEntryReadable(o, name)) {
            return INTEROP.readHashValue(o, name);
        }
        if (INTEROP.hasMembers(o) && INTEROP.isMemberReadable(o, name)) {
            return INTEROP.readMember(o, name);
        }
        return null;
    }

    /** The output of a successful call; a revert or halt becomes a {@link ContractError}. */
    private static byte[] check(String what, InteropRecord r, ContractAbi abi) {
        byte[] output = Hex.bytes((String) r.get("output"));
        String status = (String) r.get("status");
        if (status.equals("success")) {
            return output;
        }
        if (status.equals("revert")) {
            throw ContractError.revert(what, RevertReason.decode(output, abi), gasUsed(r));
        }
        String id = (String) r.get("reason");
        throw ContractError.halt(what, id, HaltReason.valueOf(id.toUpperCase(java.util.Locale.ROOT)).message, gasUsed(r));
    }

    private static long gasUsed(InteropRecord r) {
        return (Long) r.get("gasUsed");
    }

    /** The names of the ABI's functions, then their full signatures for overloaded ones. */
    @TruffleBoundary
    public static List<String> memberNames(ContractAbi abi) {
        List<String> names = new ArrayList<>();
        for (AbiFunction f : abi.functions()) {
            if (!names.contains(f.name())) {
                names.add(f.name());
            }
        }
        for (AbiFunction f : abi.functions()) {
            if (abi.functionsNamed(f.name()).size() > 1) {
                names.add(f.signature());
            }
        }
        return names;
    }

    /** True when {@code member} names a function of the ABI (by name or by full signature). */
    @TruffleBoundary
    public static boolean isFunction(ContractAbi abi, String member) {
        return abi.functions().stream().anyMatch(f -> f.name().equals(member) || f.signature().equals(member));
    }
}
