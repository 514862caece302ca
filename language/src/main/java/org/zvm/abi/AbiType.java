// SPDX-License-Identifier: Apache-2.0
package org.zvm.abi;

import java.util.Collections;
import java.util.List;

/**
 * A Solidity ABI type, as the ABI specification defines them: the elementary types, arrays of fixed or
 * dynamic length, and tuples. {@link #canonical()} is the spelling selectors hash; {@link #isDynamic()} and
 * {@link #headSize()} are what the head/tail encoding needs. {@link #parse} reads the spellings people write
 * ({@code uint} for {@code uint256}, {@code (uint256,address)[]}, parameter names).
 */
public sealed interface AbiType {
    /** The canonical spelling: {@code uint256}, {@code bytes32}, {@code (address,uint256)[2]}. */
    String canonical();

    /** True when the encoding's size depends on the value, so the head holds an offset. */
    default boolean isDynamic() {
        return false;
    }

    /** Bytes the type takes in the head of an enclosing tuple. */
    default int headSize() {
        return 32;
    }

    /** {@code uintN}: unsigned integers of N bits, N a multiple of 8 from 8 to 256. */
    record UInt(int bits) implements AbiType {
        public String canonical() {
            return "uint" + bits;
        }
    }

    /** {@code intN}: two's-complement signed integers of N bits. */
    record Int(int bits) implements AbiType {
        public String canonical() {
            return "int" + bits;
        }
    }

    /** {@code address}: 20 bytes, encoded as a {@code uint160}. */
    record Address() implements AbiType {
        public String canonical() {
            return "address";
        }
    }

    /** {@code bool}: a word that is 0 or 1. */
    record Bool() implements AbiType {
        public String canonical() {
            return "bool";
        }
    }

    /** {@code bytesN}: N bytes (1 to 32), left-aligned in a word. */
    record FixedBytes(int size) implements AbiType {
        public String canonical() {
            return "bytes" + size;
        }
    }

    /** {@code bytes}: a length and the bytes, padded to whole words. */
    record Bytes() implements AbiType {
        public String canonical() {
            return "bytes";
        }

        @Override
        public boolean isDynamic() {
            return true;
        }
    }

    /** {@code string}: UTF-8 text, encoded as {@code bytes}. */
    record Str() implements AbiType {
        public String canonical() {
            return "string";
        }

        @Override
        public boolean isDynamic() {
            return true;
        }
    }

    /**
     * {@code T[k]} when {@code length >= 0}, else {@code T[]}. Elements take at least a word, and a
     * static array's or a tuple's head at most 2^31-1 bytes: an element of no size ({@code int[0]}, {@code ()}, which no
     * compiler emits) let a few bytes of signature or data stand for millions of values, and a larger
     * head size overflowed.
     */
    record Array(AbiType element, int length) implements AbiType {
        public Array {
            if (!element.isDynamic() && element.headSize() == 0) {
                throw new AbiException(element.canonical() + "[" + (length < 0 ? "" : Integer.toString(length)) + "]: array elements of zero size are not supported");
            }
            if (length > 0 && !element.isDynamic() && (long) length * element.headSize() > Integer.MAX_VALUE) {
                throw new AbiException(element.canonical() + "[" + length + "]: too large, its head takes " + (long) length * element.headSize() + " bytes");
            }
        }

        public String canonical() {
            return element.canonical() + "[" + (length < 0 ? "" : Integer.toString(length)) + "]";
        }

        @Override
        public boolean isDynamic() {
            return length < 0 || element.isDynamic();
        }

        @Override
        public int headSize() {
            return isDynamic() ? 32 : length * element.headSize();
        }

        /** The element types a value of {@code count} elements encodes as (a tuple of them). */
        Tuple asTuple(int count) {
            return new Tuple(Collections.nCopies(count, element), Collections.nCopies(count, ""));
        }
    }

    /** {@code (T1,...,Tn)}; {@code names} are the component names from a JSON ABI or a signature ("" if none). */
    record Tuple(List<AbiType> types, List<String> names) implements AbiType {
        public Tuple {
            types = List.copyOf(types);
            names = List.copyOf(names);
            if (names.size() != types.size()) {
                throw new IllegalArgumentException("a name for each component");
            }
            long head = 0;
            for (AbiType t : types) {
                head += t.headSize();
            }
            if (head > Integer.MAX_VALUE) {
                throw new AbiException("a tuple of " + types.size() + " components: too large, its head takes " + head + " bytes");
            }
        }

        public static Tuple of(List<AbiType> types) {
            return new Tuple(types, Collections.nCopies(types.size(), ""));
        }

        public String canonical() {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < types.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(types.get(i).canonical());
            }
            return sb.append(')').toString();
        }

        @Override
        public boolean isDynamic() {
            return types.stream().anyMatch(AbiType::isDynamic);
        }

        @Override
        public int headSize() {
            if (isDynamic()) {
                return 32;
            }
            int size = 0;
            for (AbiType t : types) {
                size += t.headSize();
            }
            return size;
        }

        public int size() {
            return types.size();
        }

        /** How an error names component {@code i}: its index from 1, and its name when it has one. */
        String describe(int i) {
            String name = names.get(i);
            return (i + 1) + (name.isEmpty() ? "" : " (" + name + ")");
        }
    }

    /** Parses one type spelling, e.g. {@code uint}, {@code bytes32[]}, {@code (address,uint256)[2]}. */
    static AbiType parse(String text) {
        SignatureParser p = new SignatureParser(text);
        AbiType t = p.type();
        p.end();
        return t;
    }

    /** Parses a parenthesised list of types such as {@code (uint256,string)}, or a bare one ({@code uint256,string}). */
    static Tuple parseList(String text) {
        String s = text.strip();
        SignatureParser p = new SignatureParser(s.startsWith("(") ? s : "(" + s + ")");
        Tuple t = p.parameterList();
        p.end();
        return t;
    }

    /** The elementary type a name spells, or an error naming it. */
    static AbiType elementary(String name) {
        switch (name) {
            case "uint":
                return new UInt(256);
            case "int":
                return new Int(256);
            case "address":
                return new Address();
            case "bool":
                return new Bool();
            case "bytes":
                return new Bytes();
            case "string":
                return new Str();
            default:
                break;
        }
        for (String prefix : List.of("uint", "int", "bytes")) {
            String digits = name.substring(Math.min(prefix.length(), name.length()));
            if (name.startsWith(prefix) && !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9') && digits.charAt(0) != '0') {
                // No valid N has more than three digits; a longer one would overflow an int.
                int n = digits.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(digits);
                if (prefix.equals("bytes")) {
                    if (n >= 1 && n <= 32) {
                        return new FixedBytes(n);
                    }
                    throw new AbiException(name + ": bytesN takes N from 1 to 32");
                }
                if (n >= 8 && n <= 256 && n % 8 == 0) {
                    return prefix.equals("uint") ? new UInt(n) : new Int(n);
                }
                throw new AbiException(name + ": " + prefix + "N takes N a multiple of 8 from 8 to 256");
            }
        }
        throw new AbiException("unknown type '" + name + "'");
    }
}
