// SPDX-License-Identifier: Apache-2.0
package org.zvm.polyglot;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.zvm.abi.AbiException;
import org.zvm.abi.AbiText;
import org.zvm.abi.AbiType;
import org.zvm.runtime.Address;
import org.zvm.runtime.InteropArray;
import org.zvm.runtime.ZvmContract;
import org.zvm.util.Hex;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;

/**
 * Interop values to ABI values and back, by ABI type. In: integers from any interop number that fits
 * (JavaScript numbers and BigInts, Python ints) or a decimal/hex string; addresses from a hex string or a
 * contract object; bytes from a hex string, a byte buffer or an array of numbers; arrays and tuples from
 * arrays (tuples also from objects or dictionaries keyed by the component names). Out: integers as
 * {@link AbiNumber}, addresses as checksummed hex, bytes as hex, arrays and tuples as arrays.
 */
public final class AbiValues {
    private static final InteropLibrary INTEROP = InteropLibrary.getUncached();

    private AbiValues() {
    }

    @TruffleBoundary
    public static Object fromInterop(AbiType type, Object value, String where) {
        try {
            return convert(type, value, where);
        } catch (InteropException e) {
            throw new AbiException(where + ": cannot read the " + type.canonical() + " value: " + e.getMessage());
        }
    }

    private static Object convert(AbiType type, Object value, String where) throws InteropException {
        switch (type) {
            case AbiType.UInt u -> {
                return integer(type, value, where);
            }
            case AbiType.Int i -> {
                return integer(type, value, where);
            }
            case AbiType.Address a -> {
                if (value instanceof ZvmContract c) {
                    return c.address();
                }
                return AbiText.address(string(type, value, where), where);
            }
            case AbiType.Bool b -> {
                if (!INTEROP.isBoolean(value)) {
                    throw mismatch(type, value, where);
                }
                return INTEROP.asBoolean(value);
            }
            case AbiType.FixedBytes f -> {
                return bytes(type, value, where);
            }
            case AbiType.Bytes b -> {
                return bytes(type, value, where);
            }
            case AbiType.Str s -> {
                return string(type, value, where);
            }
            case AbiType.Array a -> {
                if (!INTEROP.hasArrayElements(value)) {
                    throw mismatch(type, value, where);
                }
                List<Object> out = new ArrayList<>();
                long n = INTEROP.getArraySize(value);
                for (long k = 0; k < n; k++) {
                    out.add(convert(a.element(), INTEROP.readArrayElement(value, k), where + " element " + (k + 1)));
                }
                return out;
            }
            case AbiType.Tuple t -> {
                List<Object> out = new ArrayList<>();
                boolean array = INTEROP.hasArrayElements(value);
                if (!array && !INTEROP.hasMembers(value) && !INTEROP.hasHashEntries(value)) {
                    throw mismatch(type, value, where);
                }
                if (array && INTEROP.getArraySize(value) != t.size()) {
                    throw new AbiException(where + ": " + type.canonical() + " has " + t.size() + " components, got " + INTEROP.getArraySize(value));
                }
                for (int k = 0; k < t.size(); k++) {
                    String name = t.names().get(k);
                    Object component;
                    if (array) {
                        component = INTEROP.readArrayElement(value, k);
                    } else if (!name.isEmpty() && AbiCalls.field(value, name) != null) {
                        component = AbiCalls.field(value, name);
                    } else {
                        throw new AbiException(where + ": " + type.canonical() + " component " + (k + 1) + (name.isEmpty() ? " has no name; pass an array" : " '" + name + "' is missing"));
                    }
                    out.add(convert(t.types().get(k), component, where + " component " + (k + 1)));
                }
                return out;
            }
        }
    }

    private static BigInteger integer(AbiType type, Object value, String where) throws UnsupportedMessageException {
        if (value instanceof AbiNumber n) {
            return n.value();
        }
        if (INTEROP.fitsInLong(value)) {
            return BigInteger.valueOf(INTEROP.asLong(value));
        }
        if (INTEROP.fitsInBigInteger(value)) {
            return INTEROP.asBigInteger(value);
        }
        if (INTEROP.isString(value)) {
            return AbiText.integer(INTEROP.asString(value).strip(), where, type);
        }
        throw mismatch(type, value, where);
    }

    private static byte[] bytes(AbiType type, Object value, String where) throws InteropException {
        byte[] b;
        if (INTEROP.isString(value)) {
            try {
                b = Hex.bytes(INTEROP.asString(value));
            } catch (IllegalArgumentException e) {
                throw new AbiException(where + ": " + type.canonical() + " takes hex bytes: " + e.getMessage());
            }
        } else if (INTEROP.hasBufferElements(value)) {
            b = new byte[Math.toIntExact(INTEROP.getBufferSize(value))];
            for (int k = 0; k < b.length; k++) {
                b[k] = INTEROP.readBufferByte(value, k);
            }
        } else if (INTEROP.hasArrayElements(value)) {
            b = new byte[Math.toIntExact(INTEROP.getArraySize(value))];
            for (int k = 0; k < b.length; k++) {
                Object e = INTEROP.readArrayElement(value, k);
                if (!INTEROP.fitsInInt(e) || INTEROP.asInt(e) < -128 || INTEROP.asInt(e) > 255) {
                    throw new AbiException(where + ": byte " + k + " is not a number from 0 to 255");
                }
                b[k] = (byte) INTEROP.asInt(e);
            }
        } else {
            throw mismatch(type, value, where);
        }
        return b;
    }

    private static String string(AbiType type, Object value, String where) throws UnsupportedMessageException {
        if (!INTEROP.isString(value)) {
            throw mismatch(type, value, where);
        }
        return INTEROP.asString(value);
    }

    private static AbiException mismatch(AbiType type, Object value, String where) {
        return new AbiException(where + ": " + type.canonical() + " cannot take " + String.valueOf(INTEROP.toDisplayString(value, false)));
    }

    /** A decoded value as an interop value. */
    @TruffleBoundary
    public static Object toInterop(AbiType type, Object value) {
        return switch (type) {
            case AbiType.UInt u -> new AbiNumber((BigInteger) value);
            case AbiType.Int i -> new AbiNumber((BigInteger) value);
            case AbiType.Address a -> AbiText.checksummed((Address) value);
            case AbiType.Bool b -> value;
            case AbiType.FixedBytes f -> Hex.of((byte[]) value);
            case AbiType.Bytes b -> Hex.of((byte[]) value);
            case AbiType.Str s -> value;
            case AbiType.Array a -> {
                List<?> list = (List<?>) value;
                Object[] out = new Object[list.size()];
                for (int k = 0; k < out.length; k++) {
                    out[k] = toInterop(a.element(), list.get(k));
                }
                yield new InteropArray(out);
            }
            case AbiType.Tuple t -> {
                List<?> list = (List<?>) value;
                Object[] out = new Object[list.size()];
                for (int k = 0; k < out.length; k++) {
                    out[k] = toInterop(t.types().get(k), list.get(k));
                }
                yield new InteropArray(out);
            }
        };
    }
}
