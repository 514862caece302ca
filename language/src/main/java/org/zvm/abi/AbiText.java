// SPDX-License-Identifier: Apache-2.0
package org.zvm.abi;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.zvm.crypto.Hashes;
import org.zvm.runtime.Address;
import org.zvm.util.Hex;
import org.zvm.util.Json;

/**
 * ABI values as text, the way {@code cast} reads and prints them: integers in decimal or {@code 0x}-hex
 * (negative for {@code intN}), addresses as 40 hex digits (a mixed-case one must carry a valid EIP-55
 * checksum), {@code true}/{@code false}, bytes as hex ({@code bytesN} right-padded when shorter), strings
 * as they are, arrays as {@code [a, b]} and tuples as {@code (a, b)} (elements may be double-quoted).
 * Printing adds cast's exponent hint to integers of 10000 and more ({@code 1000000 [1e6]}), checksums
 * addresses and quotes strings (JSON quoting, which is cast's for all but control characters).
 */
public final class AbiText {
    private AbiText() {
    }

    /** The value {@code text} spells as {@code type}; {@code where} starts the error message. */
    public static Object parse(AbiType type, String text, String where) {
        String s = text.strip();
        switch (type) {
            case AbiType.UInt u -> {
                BigInteger v = integer(s, where, type);
                if (v.signum() < 0) {
                    throw new AbiException(where + ": " + type.canonical() + " cannot be negative: '" + text + "'");
                }
                return v;
            }
            case AbiType.Int i -> {
                return integer(s, where, type);
            }
            case AbiType.Address a -> {
                return address(s, where);
            }
            case AbiType.Bool b -> {
                if (s.equals("true") || s.equals("false")) {
                    return Boolean.valueOf(s);
                }
                throw new AbiException(where + ": bool is true or false, not '" + text + "'");
            }
            case AbiType.FixedBytes f -> {
                byte[] b = hexBytes(s, where, type);
                if (b.length > f.size()) {
                    throw new AbiException(where + ": " + type.canonical() + " takes at most " + f.size() + " bytes, got " + b.length);
                }
                return java.util.Arrays.copyOf(b, f.size());
            }
            case AbiType.Bytes b -> {
                return hexBytes(s, where, type);
            }
            case AbiType.Str str -> {
                return unquote(text);
            }
            case AbiType.Array a -> {
                List<String> items = split(s, '[', ']', where, type);
                if (a.length() >= 0 && items.size() != a.length()) {
                    throw new AbiException(where + ": " + type.canonical() + " takes " + a.length() + " elements, got " + items.size());
                }
                List<Object> values = new ArrayList<>();
                for (int k = 0; k < items.size(); k++) {
                    values.add(parse(a.element(), items.get(k), where + " element " + (k + 1)));
                }
                return values;
            }
            case AbiType.Tuple t -> {
                List<String> items = split(s, '(', ')', where, type);
                if (items.size() != t.size()) {
                    throw new AbiException(where + ": " + type.canonical() + " has " + t.size() + " components, got " + items.size());
                }
                List<Object> values = new ArrayList<>();
                for (int k = 0; k < items.size(); k++) {
                    values.add(parse(t.types().get(k), items.get(k), where + " component " + t.describe(k)));
                }
                return values;
            }
        }
    }

    /** The value as cast prints it. */
    public static String format(AbiType type, Object value) {
        return switch (type) {
            case AbiType.UInt u -> withExponent((BigInteger) value);
            case AbiType.Int i -> withExponent((BigInteger) value);
            case AbiType.Address a -> checksummed((Address) value);
            case AbiType.Bool b -> value.toString();
            case AbiType.FixedBytes f -> Hex.of((byte[]) value);
            case AbiType.Bytes b -> Hex.of((byte[]) value);
            case AbiType.Str s -> Json.quote((String) value);
            case AbiType.Array a -> {
                List<?> list = (List<?>) value;
                List<String> parts = new ArrayList<>();
                for (Object o : list) {
                    parts.add(format(a.element(), o));
                }
                yield "[" + String.join(", ", parts) + "]";
            }
            case AbiType.Tuple t -> {
                List<?> list = (List<?>) value;
                List<String> parts = new ArrayList<>();
                for (int k = 0; k < t.size(); k++) {
                    parts.add(format(t.types().get(k), list.get(k)));
                }
                yield "(" + String.join(", ", parts) + ")";
            }
        };
    }

    /** Named values as {@code forge} prints arguments: {@code (to: 0x…, amount: 5)}, unnamed ones bare. */
    public static String describe(AbiType.Tuple types, List<?> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            String name = types.names().get(i);
            parts.add((name.isEmpty() ? "" : name + ": ") + format(types.types().get(i), values.get(i)));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    /** An address with the EIP-55 mixed-case checksum. */
    public static String checksummed(Address address) {
        String lower = HexFormat.of().formatHex(address.toBytes());
        byte[] hash = Hashes.keccak256(lower.getBytes(StandardCharsets.US_ASCII));
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < 40; i++) {
            char c = lower.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            sb.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    /** 40 hex digits with {@code 0x}; mixed case must be a correct EIP-55 checksum. */
    public static Address address(String s, String where) {
        String digits = Hex.strip(s);
        if (digits.length() != 40 || digits.length() == s.length() || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new AbiException(where + ": address is 0x and 40 hex digits, not '" + s + "'");
        }
        Address a = Address.fromHex(digits);
        boolean mixed = !digits.equals(digits.toLowerCase(Locale.ROOT)) && !digits.equals(digits.toUpperCase(Locale.ROOT));
        if (mixed && !checksummed(a).substring(2).equals(digits)) {
            throw new AbiException(where + ": bad EIP-55 checksum in address '" + s + "' (expected " + checksummed(a) + ")");
        }
        return a;
    }

    /** Decimal, {@code 0x}-hex, or either with a leading minus. */
    public static BigInteger integer(String s, String where, AbiType type) {
        boolean negative = s.startsWith("-");
        String body = negative ? s.substring(1) : s;
        String digits = Hex.strip(body);
        boolean hex = digits.length() != body.length();
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, hex ? 16 : 10) >= 0)) {
            throw new AbiException(where + ": " + type.canonical() + " takes a decimal or 0x-hex integer, not '" + s + "'");
        }
        BigInteger v = new BigInteger(digits, hex ? 16 : 10);
        return negative ? v.negate() : v;
    }

    private static byte[] hexBytes(String s, String where, AbiType type) {
        try {
            return Hex.bytes(s);
        } catch (IllegalArgumentException e) {
            throw new AbiException(where + ": " + type.canonical() + " takes hex bytes: " + e.getMessage());
        }
    }

    /** Foundry's hint: the number, then up to four significant digits in exponent form for 10000 and more. */
    static String withExponent(BigInteger v) {
        BigInteger abs = v.abs();
        if (abs.compareTo(BigInteger.valueOf(10_000)) < 0) {
            return v.toString();
        }
        String digits = abs.toString();
        String mantissa = digits.substring(0, 4).replaceAll("0+$", "");
        if (mantissa.length() > 1) {
            mantissa = mantissa.charAt(0) + "." + mantissa.substring(1);
        }
        String sign = v.signum() < 0 ? "-" : "";
        return v + " [" + sign + mantissa + "e" + (digits.length() - 1) + "]";
    }

    /** A string element of an array or tuple may be double-quoted (to hold commas); a top-level one is taken as is. */
    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            return t.substring(1, t.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return s;
    }

    /** The top-level items of {@code open a, b, ... close}, respecting nesting and double quotes. */
    private static List<String> split(String s, char open, char close, String where, AbiType type) {
        if (s.length() < 2 || s.charAt(0) != open || s.charAt(s.length() - 1) != close) {
            throw new AbiException(where + ": " + type.canonical() + " is written " + open + "a, b, ..." + close + ", not '" + s + "'");
        }
        String body = s.substring(1, s.length() - 1);
        List<String> items = new ArrayList<>();
        if (body.isBlank()) {
            return items;
        }
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(body.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0 || quoted) {
            throw new AbiException(where + ": unbalanced brackets or quotes in '" + s + "'");
        }
        items.add(body.substring(start));
        List<String> stripped = new ArrayList<>();
        for (String item : items) {
            stripped.add(item.strip());
        }
        return stripped;
    }
}
