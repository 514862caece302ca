// SPDX-License-Identifier: Apache-2.0
package org.zvm.util;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zvm.error.ZvmParseException;

/**
 * A small strict RFC 8259 JSON reader and writer, so container ABIs, state tests and the exported gas
 * schedule need no third-party library. Parsing is one recursive-descent pass over the string (no regex,
 * no tokenizer objects), fast enough for multi-megabyte test fixtures.
 *
 * <p>Values map to Java as: object → {@link LinkedHashMap} (member order kept), array → {@link ArrayList},
 * string → {@link String}, integer → {@link BigInteger}, number with fraction or exponent →
 * {@link BigDecimal}, {@code true}/{@code false} → {@link Boolean}, {@code null} → {@link #NULL}. The sentinel
 * keeps "member is null" apart from "member is absent" in {@code map.get}.
 *
 * <p>Strictness: exactly one value surrounded by optional JSON whitespace; no comments, trailing commas,
 * leading zeros, {@code NaN}, unescaped control characters or duplicate member names. Errors are
 * {@link ZvmParseException}s whose offset is the character index in the input.
 */
public final class Json {
    private Json() {
    }

    /** The JSON {@code null} value. */
    public enum Null {
        NULL;

        @Override
        public String toString() {
            return "null";
        }
    }

    public static final Null NULL = Null.NULL;

    /** Deeper nesting is rejected instead of overflowing the Java stack. */
    public static final int MAX_DEPTH = 512;

    /** Parses one JSON text. */
    public static Object parse(CharSequence text) {
        Parser p = new Parser(text.toString());
        p.skipWhitespace();
        Object value = p.value(0);
        p.skipWhitespace();
        if (p.pos < p.s.length()) {
            throw p.error("unexpected " + p.describe(p.pos) + " after the JSON value");
        }
        return value;
    }

    /** Recursive descent over a string; {@code pos} always points at the next unread character. */
    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        ZvmParseException error(String what) {
            return error(pos, what);
        }

        ZvmParseException error(int at, String what) {
            return ZvmParseException.atOffset(at, "JSON: " + what);
        }

        String describe(int at) {
            if (at >= s.length()) {
                return "end of input";
            }
            char c = s.charAt(at);
            return c >= 0x20 && c < 0x7F ? "character '" + c + "'" : String.format("character U+%04X", (int) c);
        }

        void skipWhitespace() {
            int n = s.length();
            while (pos < n) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        Object value(int depth) {
            if (pos >= s.length()) {
                throw error("expected a value, found end of input");
            }
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object(depth + 1);
                case '[' -> array(depth + 1);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", NULL);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("expected a value, found " + describe(pos));
                }
            };
        }

        Object literal(String word, Object result) {
            if (!s.startsWith(word, pos)) {
                throw error("expected a value, found " + describe(pos));
            }
            pos += word.length();
            return result;
        }

        Map<String, Object> object(int depth) {
            checkDepth(depth);
            int open = pos++;
            Map<String, Object> map = new LinkedHashMap<>();
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error("expected a member name, found " + describe(pos));
                }
                int keyAt = pos;
                String key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                Object v = value(depth);
                if (map.putIfAbsent(key, v) != null) {
                    throw error(keyAt, "duplicate member name " + quote(key));
                }
                skipWhitespace();
                char c = peek();
                pos++;
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    pos--;
                    throw error(pos >= s.length() ? "object opened at offset " + open + " is not closed"
                                    : "expected ',' or '}', found " + describe(pos));
                }
            }
        }

        List<Object> array(int depth) {
            checkDepth(depth);
            int open = pos++;
            List<Object> list = new ArrayList<>();
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipWhitespace();
                list.add(value(depth));
                skipWhitespace();
                char c = peek();
                pos++;
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    pos--;
                    throw error(pos >= s.length() ? "array opened at offset " + open + " is not closed"
                                    : "expected ',' or ']', found " + describe(pos));
                }
            }
        }

        void checkDepth(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nesting deeper than " + MAX_DEPTH);
            }
        }

        /** The next character, or 0 at the end (never a valid structural character). */
        char peek() {
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "', found " + describe(pos));
            }
            pos++;
        }

        String string() {
            int open = pos++;
            int n = s.length();
            int start = pos;
            // Fast path: no escapes, so the value is a substring.
            while (pos < n) {
                char c = s.charAt(pos);
                if (c == '"') {
                    return s.substring(start, pos++);
                }
                if (c == '\\') {
                    break;
                }
                if (c < 0x20) {
                    throw error("unescaped control character U+" + String.format("%04X", (int) c) + " in a string");
                }
                pos++;
            }
            StringBuilder sb = new StringBuilder(pos - start + 16).append(s, start, pos);
            while (pos < n) {
                char c = s.charAt(pos);
                if (c == '"') {
                    pos++;
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw error("unescaped control character U+" + String.format("%04X", (int) c) + " in a string");
                }
                if (c != '\\') {
                    sb.append(c);
                    pos++;
                    continue;
                }
                if (pos + 1 >= n) {
                    break;
                }
                char e = s.charAt(pos + 1);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        sb.append((char) hex4(pos + 2));
                        pos += 4;
                    }
                    default -> throw error("invalid escape '\\" + e + "'");
                }
                pos += 2;
            }
            throw error(open, "string is not closed");
        }

        int hex4(int at) {
            if (at + 4 > s.length()) {
                throw error(at - 2, "\\u escape needs 4 hex digits");
            }
            int v = 0;
            for (int i = at; i < at + 4; i++) {
                int d = Character.digit(s.charAt(i), 16);
                if (d < 0 || s.charAt(i) > 'f') {
                    throw error(at - 2, "\\u escape needs 4 hex digits");
                }
                v = v << 4 | d;
            }
            return v;
        }

        Number number() {
            int start = pos;
            int n = s.length();
            if (s.charAt(pos) == '-') {
                pos++;
            }
            int intStart = pos;
            if (pos >= n || !isDigit(s.charAt(pos))) {
                throw error("expected a digit, found " + describe(pos));
            }
            if (s.charAt(pos) == '0' && pos + 1 < n && isDigit(s.charAt(pos + 1))) {
                throw error(pos, "leading zero in a number");
            }
            while (pos < n && isDigit(s.charAt(pos))) {
                pos++;
            }
            boolean integer = true;
            if (pos < n && s.charAt(pos) == '.') {
                integer = false;
                pos++;
                digits();
            }
            if (pos < n && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                integer = false;
                pos++;
                if (pos < n && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                digits();
            }
            if (!integer) {
                try {
                    return new BigDecimal(s.substring(start, pos));
                } catch (NumberFormatException e) {
                    // Valid JSON, but BigDecimal's scale is an int: 1e3000000000 has no value here.
                    throw error(start, "number out of range");
                }
            }
            // Up to 18 digits always fit a long: skip BigInteger's string parser.
            if (pos - intStart <= 18) {
                return BigInteger.valueOf(Long.parseLong(s, start, pos, 10));
            }
            return new BigInteger(s.substring(start, pos));
        }

        void digits() {
            if (pos >= s.length() || !isDigit(s.charAt(pos))) {
                throw error("expected a digit, found " + describe(pos));
            }
            while (pos < s.length() && isDigit(s.charAt(pos))) {
                pos++;
            }
        }

        static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }

    /** {@code s} as a JSON string literal, quotes included; non-ASCII characters are kept as they are. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(s, sb);
        return sb.toString();
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Compact JSON for a tree of maps, collections, strings, numbers, booleans and {@code null}/{@link #NULL}. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, -1, 0);
        return sb.toString();
    }

    /** Like {@link #write} but one member or element per line, indented by two spaces: for committed files. */
    public static String writePretty(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 2, 0);
        return sb.append('\n').toString();
    }

    /** {@code indent < 0} means compact. */
    private static void write(Object value, StringBuilder sb, int indent, int level) {
        switch (value) {
            case null -> sb.append("null");
            case Null n -> sb.append("null");
            case String str -> quote(str, sb);
            case Boolean b -> sb.append(b.booleanValue());
            case BigDecimal d -> sb.append(d.toString());
            case Double d -> sb.append(finite(d));
            case Float f -> sb.append(finite(f.doubleValue()));
            case Number num -> sb.append(num.toString());
            case Map<?, ?> map -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    newline(sb, indent, level + 1);
                    quote(String.valueOf(e.getKey()), sb);
                    sb.append(indent < 0 ? ":" : ": ");
                    write(e.getValue(), sb, indent, level + 1);
                }
                if (!first) {
                    newline(sb, indent, level);
                }
                sb.append('}');
            }
            case Collection<?> list -> {
                sb.append('[');
                boolean first = true;
                for (Object element : list) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    newline(sb, indent, level + 1);
                    write(element, sb, indent, level + 1);
                }
                if (!first) {
                    newline(sb, indent, level);
                }
                sb.append(']');
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static String finite(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON has no " + d);
        }
        return Double.toString(d);
    }

    private static void newline(StringBuilder sb, int indent, int level) {
        if (indent >= 0) {
            sb.append('\n').repeat(' ', indent * level);
        }
    }
}
