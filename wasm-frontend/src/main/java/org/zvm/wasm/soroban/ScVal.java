// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

import org.zvm.util.Hex;
import org.zvm.util.Json;

/**
 * A Soroban value as the host holds it (the XDR {@code ScVal}): what host objects, storage, events,
 * arguments and results are made of. Immutable, as Soroban's host objects are; {@link #compareTo} is
 * Soroban's total order (type first, in {@code ScValType} order), which keeps map keys sorted.
 * {@link #toString} is the typed text {@link ScValText} reads back ({@code i32:42}, {@code sym:add},
 * {@code vec:[u32:1,u32:2]}).
 */
public sealed interface ScVal extends Comparable<ScVal> {
    /** The {@code ScValType} discriminant: the XDR tag and the first key of the order. */
    int type();

    int BOOL = 0;
    int VOID = 1;
    int ERROR = 2;
    int BYTES = 13;
    int STRING = 14;
    int SYMBOL = 15;
    int VEC = 16;
    int MAP = 17;
    int ADDRESS = 18;

    Void VOID_VALUE = new Void();

    @Override
    default int compareTo(ScVal o) {
        if (type() != o.type()) {
            return Integer.compare(type(), o.type());
        }
        return switch (this) {
            case Bool b -> Boolean.compare(b.value, ((Bool) o).value);
            case Void v -> 0;
            case Error e -> e.category != ((Error) o).category ? Integer.compare(e.category, ((Error) o).category) : Integer.compareUnsigned(e.code, ((Error) o).code);
            case Int i -> i.value.compareTo(((Int) o).value);
            case Bytes b -> Arrays.compareUnsigned(b.bytes, ((Bytes) o).bytes);
            case Str s -> Arrays.compareUnsigned(s.bytes, ((Str) o).bytes);
            case Sym s -> s.name.compareTo(((Sym) o).name);
            case Vec v -> compareLists(v.items, ((Vec) o).items);
            case Map m -> {
                int c = compareLists(m.keys, ((Map) o).keys);
                yield c != 0 ? c : compareLists(m.values, ((Map) o).values);
            }
            case Address a -> a.kind != ((Address) o).kind ? Integer.compare(a.kind, ((Address) o).kind) : Arrays.compareUnsigned(a.id, ((Address) o).id);
        };
    }

    private static int compareLists(List<ScVal> a, List<ScVal> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    record Bool(boolean value) implements ScVal {
        @Override
        public int type() {
            return BOOL;
        }

        @Override
        public String toString() {
            return "bool:" + value;
        }
    }

    record Void() implements ScVal {
        @Override
        public int type() {
            return VOID;
        }

        @Override
        public String toString() {
            return "void";
        }
    }

    /** {@code category} is the {@code ScErrorType} (0 Contract), {@code code} the contract's or host's code. */
    record Error(int category, int code) implements ScVal {
        static final String[] TYPES = {"contract", "wasmvm", "context", "storage", "object", "crypto", "events", "budget", "value", "auth"};

        @Override
        public int type() {
            return ERROR;
        }

        @Override
        public String toString() {
            return "error:" + (category >= 0 && category < TYPES.length ? TYPES[category] : Integer.toString(category)) + ":" + Integer.toUnsignedString(code);
        }
    }

    /** An integer of one of Soroban's ten integer types; the constructor checks the range. */
    record Int(IntType kind, BigInteger value) implements ScVal {
        public Int {
            if (!kind.fits(value)) {
                throw new IllegalArgumentException(value + " is out of range for " + kind.text);
            }
        }

        public Int(IntType kind, long value) {
            this(kind, BigInteger.valueOf(value));
        }

        @Override
        public int type() {
            return kind.xdrType;
        }

        @Override
        public String toString() {
            return kind.text + ":" + value;
        }
    }

    record Bytes(byte[] bytes) implements ScVal {
        @Override
        public int type() {
            return BYTES;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "bytes:" + Hex.of(bytes);
        }
    }

    /** A Soroban string: bytes, UTF-8 by convention only. */
    record Str(byte[] bytes) implements ScVal {
        public Str(String s) {
            this(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public int type() {
            return STRING;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Str b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "str:" + Json.quote(text());
        }
    }

    record Sym(String name) implements ScVal {
        public Sym {
            if (!Val.isSymbol(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a symbol (at most 32 characters of [_0-9A-Za-z])");
            }
        }

        @Override
        public int type() {
            return SYMBOL;
        }

        @Override
        public String toString() {
            return "sym:" + name;
        }
    }

    record Vec(List<ScVal> items) implements ScVal {
        public Vec {
            items = List.copyOf(items);
        }

        @Override
        public int type() {
            return VEC;
        }

        @Override
        public String toString() {
            StringJoiner j = new StringJoiner(",", "vec:[", "]");
            items.forEach(v -> j.add(v.toString()));
            return j.toString();
        }
    }

    /** Keys strictly ascending, each with its value at the same position. */
    record Map(List<ScVal> keys, List<ScVal> values) implements ScVal {
        public Map {
            keys = List.copyOf(keys);
            values = List.copyOf(values);
            if (keys.size() != values.size()) {
                throw new IllegalArgumentException("map with " + keys.size() + " keys and " + values.size() + " values");
            }
            for (int i = 1; i < keys.size(); i++) {
                if (keys.get(i - 1).compareTo(keys.get(i)) >= 0) {
                    throw new IllegalArgumentException("map keys are not strictly ascending: " + keys.get(i - 1) + ", " + keys.get(i));
                }
            }
        }

        /** The map of unordered {@code keys} (no duplicates) and their {@code values}. */
        public static Map sorted(List<ScVal> keys, List<ScVal> values) {
            Integer[] order = new Integer[keys.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> keys.get(a).compareTo(keys.get(b)));
            List<ScVal> k = new ArrayList<>();
            List<ScVal> v = new ArrayList<>();
            for (int i : order) {
                k.add(keys.get(i));
                v.add(values.get(i));
            }
            return new Map(k, v);
        }

        /** The position of {@code key}, or {@code -(insertion point) - 1}. */
        public int find(ScVal key) {
            return java.util.Collections.binarySearch(keys, key);
        }

        @Override
        public int type() {
            return MAP;
        }

        @Override
        public String toString() {
            StringJoiner j = new StringJoiner(",", "map:{", "}");
            for (int i = 0; i < keys.size(); i++) {
                j.add(keys.get(i) + "=" + values.get(i));
            }
            return j.toString();
        }
    }

    /** {@code kind} 0: an account (ed25519 public key), 1: a contract (its 32-byte id). */
    record Address(int kind, byte[] id) implements ScVal {
        public static final int ACCOUNT = 0;
        public static final int CONTRACT = 1;

        public Address {
            if (id.length != 32 || kind != ACCOUNT && kind != CONTRACT) {
                throw new IllegalArgumentException("an address is an account or contract kind and 32 bytes");
            }
            id = id.clone();
        }

        @Override
        public int type() {
            return ADDRESS;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Address a && kind == a.kind && Arrays.equals(id, a.id);
        }

        @Override
        public int hashCode() {
            return kind * 31 + Arrays.hashCode(id);
        }

        @Override
        public String toString() {
            return "addr:" + StrKey.encode(this);
        }
    }
}
