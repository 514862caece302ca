// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zvm.ZvmContext;
import org.zvm.ZvmLanguage;
import org.zvm.polyglot.ContractError;
import org.zvm.runtime.InteropArray;
import org.zvm.runtime.InteropRecord;
import org.zvm.runtime.ZvmNull;
import org.zvm.state.WorldState;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A Soroban contract as embedders see it: each exported function is an invocable member, run as a
 * transaction of its own over the context's world state (so {@code zvm.StateDir} keeps its storage).
 * Arguments: typed text ({@code "u32:5"}, {@code "sym:hello"}, {@code "vec:[i32:1]"}), a plain string
 * without a type (a Soroban string), booleans, null (void), numbers (i32 when they fit, else i64, i128,
 * i256) and arrays (vecs). Results: booleans, numbers up to 64 bits, decimal text beyond, strings for
 * symbols, strings, bytes ({@code 0x...}) and addresses (strkey), arrays for vecs, objects for maps; a
 * failed invocation throws a {@link ContractError} whose {@code reason} is the error value
 * ({@code error:contract:1}). Members with two underscores are zvm's: {@code __invoke(fn, args...)}
 * reports an invocation without throwing ({@code status}, {@code result} and {@code events} as typed
 * text, {@code message}, {@code gasUsed}), {@code __address}, {@code __functions}, and the writable
 * {@code __gasLimit} (the ZVM block's gas limit until set).
 */
@ExportLibrary(InteropLibrary.class)
public final class SorobanContractObject implements TruffleObject {
    private static final InteropLibrary INTEROP = InteropLibrary.getUncached();
    private static final String INVOKE = "__invoke";
    private static final String ADDRESS = "__address";
    private static final String FUNCTIONS = "__functions";
    private static final String GAS_LIMIT = "__gasLimit";
    private static final List<String> OWN = List.of(INVOKE, ADDRESS, FUNCTIONS, GAS_LIMIT);

    private final ZvmLanguage language;
    private final SorobanContract contract;
    private long gasLimit = -1;

    SorobanContractObject(ZvmLanguage language, SorobanContract contract) {
        this.language = language;
        this.contract = contract;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        List<Object> names = new ArrayList<>(contract.functions());
        names.addAll(OWN);
        return new InteropArray(names.toArray());
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return OWN.contains(member) && !member.equals(INVOKE);
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        return switch (member) {
            case ADDRESS -> StrKey.encode(contract.address());
            case FUNCTIONS -> new InteropArray(contract.functions().toArray());
            case GAS_LIMIT -> gasLimit();
            default -> throw UnknownIdentifierException.create(member);
        };
    }

    @ExportMessage
    boolean isMemberModifiable(String member) {
        return GAS_LIMIT.equals(member);
    }

    @ExportMessage
    boolean isMemberInsertable(@SuppressWarnings("unused") String member) {
        return false;
    }

    @ExportMessage
    @TruffleBoundary
    void writeMember(String member, Object value) throws UnknownIdentifierException, UnsupportedTypeException {
        if (!GAS_LIMIT.equals(member)) {
            throw UnknownIdentifierException.create(member);
        }
        try {
            long gas = INTEROP.asLong(value);
            if (gas < 0) {
                throw UnsupportedTypeException.create(new Object[] {value}, GAS_LIMIT + " must not be negative");
            }
            gasLimit = gas;
        } catch (UnsupportedMessageException e) {
            throw UnsupportedTypeException.create(new Object[] {value}, GAS_LIMIT + " is a number of gas units");
        }
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberInvocable(String member) {
        return contract.functions().contains(member) || INVOKE.equals(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object invokeMember(String member, Object[] args) throws UnknownIdentifierException {
        if (INVOKE.equals(member)) {
            if (args.length == 0 || !INTEROP.isString(args[0])) {
                throw ContractError.invalidArguments(INVOKE + " takes the function's name, then its arguments");
            }
            String function = asString(args[0]);
            return report(invoke(function, java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (!contract.functions().contains(member)) {
            throw UnknownIdentifierException.create(member);
        }
        SorobanContract.Result r = invoke(member, args);
        if (!r.success()) {
            throw ContractError.halt(member, r.value().toString(), r.value() + " (" + r.message() + ")", r.gasUsed());
        }
        return toInterop(r.value());
    }

    private long gasLimit() {
        return gasLimit >= 0 ? gasLimit : ZvmContext.get(null).environment().gasLimit();
    }

    private SorobanContract.Result invoke(String function, Object[] args) {
        List<ScVal> values = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            try {
                values.add(toScVal(args[i], 0));
            } catch (IllegalArgumentException e) {
                throw ContractError.invalidArguments(function + " argument " + (i + 1) + ": " + e.getMessage());
            }
        }
        ZvmContext context = ZvmContext.get(null);
        WorldState state = context.state();
        state.beginTransaction();
        try {
            return contract.invoke(language, state, Ledger.of(context.environment().number(), context.environment().timestamp()), function, values, gasLimit());
        } catch (IllegalArgumentException e) {
            throw ContractError.invalidArguments(e.getMessage());
        } finally {
            context.backend().apply(state.finishTransaction());
        }
    }

    private static String asString(Object o) {
        try {
            return INTEROP.asString(o);
        } catch (UnsupportedMessageException e) {
            throw new IllegalArgumentException("not a string");
        }
    }

    /** An interop value as a Soroban value (see the class comment). */
    private static ScVal toScVal(Object o, int depth) {
        if (depth > 100) {
            throw new IllegalArgumentException("nested deeper than 100");
        }
        try {
            if (INTEROP.isString(o)) {
                String s = INTEROP.asString(o);
                return s.indexOf(':') < 0 && !s.equals("void") ? new ScVal.Str(s) : ScValText.parse(s);
            }
            if (INTEROP.isBoolean(o)) {
                return new ScVal.Bool(INTEROP.asBoolean(o));
            }
            if (INTEROP.isNull(o)) {
                return ScVal.VOID_VALUE;
            }
            if (INTEROP.fitsInInt(o)) {
                return new ScVal.Int(IntType.I32, INTEROP.asInt(o));
            }
            if (INTEROP.fitsInLong(o)) {
                return new ScVal.Int(IntType.I64, INTEROP.asLong(o));
            }
            if (INTEROP.fitsInBigInteger(o)) {
                BigInteger v = INTEROP.asBigInteger(o);
                return new ScVal.Int(IntType.I128.fits(v) ? IntType.I128 : IntType.I256, v);
            }
            if (INTEROP.hasArrayElements(o)) {
                List<ScVal> items = new ArrayList<>();
                for (long i = 0; i < INTEROP.getArraySize(o); i++) {
                    items.add(toScVal(INTEROP.readArrayElement(o, i), depth + 1));
                }
                return new ScVal.Vec(items);
            }
        } catch (UnsupportedMessageException | InvalidArrayIndexException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        throw new IllegalArgumentException("cannot pass " + INTEROP.toDisplayString(o) + " to a contract (use typed text such as \"u32:5\")");
    }

    /** A Soroban value as an interop value (see the class comment). */
    static Object toInterop(ScVal v) {
        return switch (v) {
            case ScVal.Bool b -> b.value();
            case ScVal.Void x -> ZvmNull.INSTANCE;
            case ScVal.Int i when i.value().bitLength() < 64 -> i.kind().bits == 32 && i.kind().signed ? (Object) i.value().intValue() : (Object) i.value().longValue();
            case ScVal.Int i -> i.value().toString();
            case ScVal.Sym s -> s.name();
            case ScVal.Str s -> s.text();
            case ScVal.Bytes b -> org.zvm.util.Hex.of(b.bytes());
            case ScVal.Address a -> StrKey.encode(a);
            case ScVal.Vec vec -> new InteropArray(vec.items().stream().map(SorobanContractObject::toInterop).toArray());
            case ScVal.Map m -> {
                Map<String, Object> members = new LinkedHashMap<>();
                for (int i = 0; i < m.keys().size(); i++) {
                    ScVal k = m.keys().get(i);
                    members.put(k instanceof ScVal.Sym s ? s.name() : k instanceof ScVal.Str s ? s.text() : k.toString(), toInterop(m.values().get(i)));
                }
                yield new InteropRecord(members);
            }
            case ScVal.Error e -> e.toString();
        };
    }

    private static InteropRecord report(SorobanContract.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.success() ? "success" : "failure");
        m.put("result", r.value().toString());
        m.put("message", r.message() == null ? ZvmNull.INSTANCE : r.message());
        List<Object> events = new ArrayList<>();
        for (SorobanEvent e : r.events()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("type", e.diagnostic() ? "diagnostic" : "contract");
            em.put("contract", StrKey.encode(e.contract()));
            em.put("topics", new InteropArray(e.topics().items().stream().map(ScVal::toString).toArray()));
            em.put("data", e.data().toString());
            events.add(new InteropRecord(em));
        }
        m.put("events", new InteropArray(events.toArray()));
        m.put("gasUsed", r.gasUsed());
        return new InteropRecord(m);
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends com.oracle.truffle.api.TruffleLanguage<?>> getLanguage() {
        return ZvmLanguage.class;
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "Soroban contract " + contract.name() + " " + StrKey.encode(contract.address());
    }
}
