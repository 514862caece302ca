// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;

import org.zvm.ZvmLanguage;
import org.zvm.crypto.Hashes;
import org.zvm.error.ZvmParseException;
import org.zvm.runtime.Address;
import org.zvm.state.WorldState;
import org.zvm.wasm.ValueTypes;
import org.zvm.wasm.WasmException;
import org.zvm.wasm.host.HostTrap;
import org.zvm.wasm.parser.BinaryParser;
import org.zvm.wasm.parser.WasmModule;
import org.zvm.wasm.runtime.FuncType;
import org.zvm.wasm.runtime.Instance;
import org.zvm.wasm.runtime.Linker;
import org.zvm.wasm.runtime.WasmFunction;

/**
 * A Soroban contract: a module checked against Soroban's VM profile when loaded (MVP integer code,
 * mutable globals, sign extension and bulk memory; no floats, SIMD, reference types, multi-value or
 * saturating conversions; imports only of host functions) and run one invocation at a time, each in a
 * fresh instance as Soroban's host does. Its id is the SHA-256 of its code; its storage lives in the
 * world-state account named by the id's last 20 bytes.
 */
public final class SorobanContract {
    /** The outcome of an invocation: the result, or the error value and message of a failure. */
    public record Result(boolean success, ScVal value, String message, List<SorobanEvent> events, long gasUsed) {
    }

    private final byte[] code;
    private final String name;
    private final ScVal.Address address;
    /** The contract functions and their number of arguments, in export order. */
    private final Map<String, Integer> functions;

    private SorobanContract(byte[] code, String name, Map<String, Integer> functions) {
        this.code = code;
        this.name = name;
        this.address = new ScVal.Address(ScVal.Address.CONTRACT, Hashes.sha256(code, 0, code.length));
        this.functions = functions;
    }

    /** Decodes, validates and checks {@code code} (named {@code name}) against Soroban's profile; a one-line error if it fails. */
    public static SorobanContract load(byte[] code, String name) {
        WasmModule module = parse(null, code, name);
        Map<String, Integer> functions = new LinkedHashMap<>();
        for (WasmModule.Export e : module.exports) {
            if (e.kind() == WasmModule.FUNC && !e.name().equals("_") && takesVals(module.functionType(e.index()))) {
                functions.put(e.name(), module.functionType(e.index()).params().length);
            }
        }
        return new SorobanContract(code.clone(), name, Collections.unmodifiableMap(functions));
    }

    private static WasmModule parse(ZvmLanguage language, byte[] code, String name) {
        WasmModule module;
        try {
            module = BinaryParser.parse(language, code, name);
        } catch (WasmException e) {
            throw ZvmParseException.general(e.kind().name().toLowerCase(Locale.ROOT) + " module: " + e.getMessage());
        }
        if (!module.features.isEmpty()) {
            String used = module.features.stream().map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(java.util.stream.Collectors.joining(", "));
            throw ZvmParseException.general("not a Soroban contract: it uses " + used + ", which Soroban's VM disables");
        }
        for (WasmModule.Import i : module.imports) {
            HostEnv.Entry e = HostEnv.byImport(i.module(), i.name());
            if (i.kind() != WasmModule.FUNC || e == null) {
                throw ZvmParseException.general("not a Soroban contract: it imports " + i.module() + "." + i.name() + ", which is not a Soroban host function");
            }
            FuncType type = module.types[i.typeIndex()];
            if (!takesVals(type) || type.params().length != e.arity()) {
                throw ZvmParseException.general("not a Soroban contract: it imports " + e.name() + " (" + i.module() + "." + i.name() + ") with type " + type
                                + ", not " + e.arity() + " i64 arguments and an i64 result");
            }
        }
        return module;
    }

    public String name() {
        return name;
    }

    public ScVal.Address address() {
        return address;
    }

    /** The world-state account that holds the contract's code and storage. */
    public Address account() {
        return account(address);
    }

    private static Address account(ScVal.Address contract) {
        return Address.of(Arrays.copyOfRange(contract.id(), 12, 32));
    }

    /** The contract whose code is stored at {@code address} in {@code state} (it has run there before), or null. */
    public static SorobanContract at(WorldState state, ScVal.Address address) {
        if (address.kind() != ScVal.Address.CONTRACT) {
            return null;
        }
        byte[] code = state.getCode(account(address));
        if (code.length == 0 || !Arrays.equals(Hashes.sha256(code, 0, code.length), address.id())) {
            return null;
        }
        return load(code, StrKey.encode(address));
    }

    /** The exported functions a caller may invoke: those that take and return Vals, but Soroban's dummy {@code _}. */
    public List<String> functions() {
        return List.copyOf(functions.keySet());
    }

    /** How many arguments {@code function} takes, or -1 when the contract has no such function. */
    public int arity(String function) {
        return functions.getOrDefault(function, -1);
    }

    private static boolean takesVals(FuncType type) {
        boolean vals = type.results().length == 1 && type.results()[0] == ValueTypes.I64;
        for (byte p : type.params()) {
            vals &= p == ValueTypes.I64;
        }
        return vals;
    }

    /**
     * Runs {@code function} with {@code args} in a fresh instance over {@code state} with {@code gas}
     * (code and host functions charge it). A trap, a contract error ({@code fail_with_error} or an error
     * value returned) or running out of gas fails the invocation and undoes its storage changes; the
     * contract's code is stored at its account on first use. {@code language} builds the nodes (null
     * in unit tests). An unknown function or a wrong number of arguments is an
     * {@link IllegalArgumentException}: nothing runs.
     */
    public Result invoke(ZvmLanguage language, WorldState state, Ledger ledger, String function, List<ScVal> args, long gas) {
        return invoke(language, state, ledger, function, args, gas, Set.of(address));
    }

    /** An invocation with the contracts of the call stack ({@code active}), which it may not call again (no re-entry). */
    private Result invoke(ZvmLanguage language, WorldState state, Ledger ledger, String function, List<ScVal> args, long gas, Set<ScVal.Address> active) {
        Integer arity = functions.get(function);
        if (arity == null) {
            throw new IllegalArgumentException(name + " exports no function '" + function + "' (it has: " + String.join(", ", functions.keySet()) + ")");
        }
        if (arity != args.size()) {
            throw new IllegalArgumentException(function + " takes " + arity + " arguments, got " + args.size());
        }
        int checkpoint = state.checkpoint();
        if (state.getCode(account()).length == 0) {
            state.setCode(account(), code);
        }
        SorobanHost host = new SorobanHost(new ContractStorage(state, account()), address, ledger, (target, f, a, g) -> {
            if (active.contains(target)) {
                throw SorobanHost.fail(SorobanHost.CONTEXT, SorobanHost.INVALID_ACTION, "contract re-entry is not allowed: " + StrKey.encode(target));
            }
            SorobanContract callee = at(state, target);
            if (callee == null) {
                throw SorobanHost.fail(SorobanHost.STORAGE, SorobanHost.MISSING_VALUE, "no contract at " + StrKey.encode(target));
            }
            Set<ScVal.Address> inner = new HashSet<>(active);
            inner.add(target);
            return callee.invoke(language, state, ledger, f, a, g, inner);
        });
        WasmModule module = parse(language, code, name);
        Instance instance = module.instance;
        instance.meter(gas);
        Result result;
        try {
            Linker.instantiate(language, module, host.imports());
            WasmFunction f = (WasmFunction) instance.exports.get(function);
            Object[] values = new Object[args.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = host.put(args.get(i));
            }
            ScVal value = host.get((Long) f.target().call(values));
            result = value instanceof ScVal.Error e
                            ? new Result(false, e, function + " returned " + e, List.of(), gas - instance.gasLeft())
                            : new Result(true, value, null, List.copyOf(host.events()), gas - instance.gasLeft());
        } catch (WasmException e) {
            result = new Result(false, errorOf(e), e.getMessage(), List.of(), gas - instance.gasLeft());
        } catch (HostTrap e) {
            result = new Result(false, (ScVal) e.detail(), e.getMessage(), List.of(), gas - instance.gasLeft());
        } catch (StackOverflowError e) {
            result = new Result(false, new ScVal.Error(SorobanHost.BUDGET, SorobanHost.EXCEEDED_LIMIT), "call stack exhausted", List.of(), gas - instance.gasLeft());
        }
        if (!result.success()) {
            state.revertTo(checkpoint);
        }
        return result;
    }

    /** The Soroban error of a trap: the host's error value, running out of gas, or a VM trap. */
    private static ScVal errorOf(WasmException e) {
        if (e.detail() instanceof ScVal.Error error) {
            return error;
        }
        if ("out of gas".equals(e.getMessage())) {
            return new ScVal.Error(SorobanHost.BUDGET, SorobanHost.EXCEEDED_LIMIT);
        }
        return new ScVal.Error(SorobanHost.WASM_VM, SorobanHost.INVALID_ACTION);
    }
}
