// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.runtime;

import org.zvm.runtime.InteropArray;
import org.zvm.runtime.ZvmNull;
import org.zvm.wasm.ValueTypes;
import org.zvm.wasm.WasmException;

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
 * An exported function as embedders see it: executable with numbers (converted to each parameter's type:
 * int for i32, long for i64, float, double), returning a number, null (no result) or an array (several),
 * and with members {@code params} and {@code results}, its signature as type names.
 */
@ExportLibrary(InteropLibrary.class)
public final class WasmFunctionObject implements TruffleObject {
    private static final InteropLibrary INTEROP = InteropLibrary.getUncached();
    private final WasmFunction function;

    public WasmFunctionObject(WasmFunction function) {
        this.function = function;
    }

    @ExportMessage
    boolean isExecutable() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object execute(Object[] args) throws ArityException, UnsupportedTypeException {
        byte[] params = function.type().params();
        if (args.length != params.length) {
            throw ArityException.create(params.length, params.length, args.length);
        }
        Object[] values = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            values[i] = toGuest(params[i], args, i);
        }
        Object r;
        try {
            r = function.target().call(values);
        } catch (StackOverflowError e) {
            throw WasmException.create(WasmException.Kind.EXHAUSTION, "call stack exhausted");
        }
        byte[] results = function.type().results();
        if (results.length == 0) {
            return ZvmNull.INSTANCE;
        }
        if (results.length == 1) {
            return toHost(results[0], r);
        }
        Object[] all = (Object[]) r;
        Object[] out = new Object[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = toHost(results[i], all[i]);
        }
        return new InteropArray(out);
    }

    private static Object toGuest(byte type, Object[] args, int i) throws UnsupportedTypeException {
        Object a = args[i];
        try {
            return switch (type) {
                case ValueTypes.I32 -> (long) INTEROP.asInt(a);
                case ValueTypes.I64 -> INTEROP.asLong(a);
                case ValueTypes.F32 -> (long) Float.floatToRawIntBits(INTEROP.asFloat(a));
                case ValueTypes.F64 -> Double.doubleToRawLongBits(INTEROP.asDouble(a));
                case ValueTypes.EXTERNREF -> INTEROP.isNull(a) ? RefNull.INSTANCE : a;
                // A funcref must be a function the guest can call; a v128 has no host form to take.
                case ValueTypes.FUNCREF -> INTEROP.isNull(a) ? RefNull.INSTANCE : a instanceof WasmFunctionObject f ? f.function : refuse(type, args, i);
                default -> refuse(type, args, i);
            };
        } catch (UnsupportedMessageException e) {
            return refuse(type, args, i);
        }
    }

    private static Object refuse(byte type, Object[] args, int i) throws UnsupportedTypeException {
        throw UnsupportedTypeException.create(args, "argument " + i + " is not a " + ValueTypes.name(type));
    }

    private static Object toHost(byte type, Object value) {
        return switch (type) {
            case ValueTypes.I32 -> (int) (long) (Long) value;
            case ValueTypes.I64 -> value;
            case ValueTypes.F32 -> Float.intBitsToFloat((int) (long) (Long) value);
            case ValueTypes.F64 -> Double.longBitsToDouble((Long) value);
            default -> value == RefNull.INSTANCE ? ZvmNull.INSTANCE : value.toString();
        };
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return new InteropArray(new Object[] {"params", "results"});
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return member.equals("params") || member.equals("results");
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        byte[] types = switch (member) {
            case "params" -> function.type().params();
            case "results" -> function.type().results();
            default -> throw UnknownIdentifierException.create(member);
        };
        Object[] names = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            names[i] = ValueTypes.name(types[i]);
        }
        return new InteropArray(names);
    }
}
