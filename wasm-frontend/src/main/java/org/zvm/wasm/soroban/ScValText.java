// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.zvm.util.Hex;
import org.zvm.util.Json;

/**
 * Reads the typed text of a value, as {@link ScVal#toString} writes it and the command line takes it:
 * {@code i32:7 u32:5 u64:9 i64:-1 u128:.. i128:-3 u256:.. i256:.. timepoint:.. duration:.. sym:hello
 * str:text (or str:"json") bool:true void bytes:0x.. addr:G..|C.. error:contract:1 vec:[v,...]
 * map:{k=v,...}}. A malformed text is an {@link IllegalArgumentException} with a one-line message.
 */
public final class ScValText {
    private final String text;
    private int pos;

    private ScValText(String text) {
        this.text = text;
    }

    public static ScVal parse(String text) {
        ScValText p = new ScValText(text);
        ScVal v = p.value(true);
        if (p.pos != text.length()) {
            throw p.error("unexpected '" + text.substring(p.pos) + "'");
        }
        return v;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("'" + text + "': " + what);
    }

    private boolean eat(String s) {
        if (text.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    /** The text up to the next delimiter of an enclosing vec or map (or the end at top level). */
    private String atom(boolean top) {
        int start = pos;
        while (pos < text.length() && (top || ",]}=".indexOf(text.charAt(pos)) < 0)) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private ScVal value(boolean top) {
        if (eat("void")) {
            return ScVal.VOID_VALUE;
        }
        int colon = text.indexOf(':', pos);
        if (colon < 0) {
            throw error("a value is TYPE:VALUE (i32:7, sym:hello, vec:[...]), got '" + text.substring(pos) + "'");
        }
        String type = text.substring(pos, colon);
        pos = colon + 1;
        IntType intType = IntType.ofText(type);
        if (intType != null) {
            String digits = atom(top);
            try {
                return new ScVal.Int(intType, new BigInteger(digits));
            } catch (NumberFormatException e) {
                throw error("'" + digits + "' is not an integer (" + type + ")");
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }
        return switch (type) {
            case "bool" -> switch (atom(top)) {
                case "true" -> new ScVal.Bool(true);
                case "false" -> new ScVal.Bool(false);
                default -> throw error("a bool is true or false");
            };
            case "bytes" -> {
                try {
                    yield new ScVal.Bytes(Hex.bytes(atom(top)));
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage());
                }
            }
            case "str" -> new ScVal.Str(pos < text.length() && text.charAt(pos) == '"' ? quoted() : atom(top));
            case "sym" -> {
                try {
                    yield new ScVal.Sym(atom(top));
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage());
                }
            }
            case "addr" -> {
                try {
                    yield StrKey.decode(atom(top));
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage());
                }
            }
            case "error" -> error();
            case "vec" -> new ScVal.Vec(list('[', ']', null));
            case "map" -> {
                List<ScVal> values = new ArrayList<>();
                List<ScVal> keys = list('{', '}', values);
                try {
                    yield ScVal.Map.sorted(keys, values);
                } catch (IllegalArgumentException e) {
                    throw error("duplicate map key");
                }
            }
            default -> throw error("unknown type '" + type + "' (i32, u32, i64, u64, i128, u128, i256, u256, timepoint, duration, bool, void, sym, str, bytes, addr, error, vec, map)");
        };
    }

    private String quoted() {
        int start = pos++;
        while (pos < text.length() && text.charAt(pos) != '"') {
            pos += text.charAt(pos) == '\\' ? 2 : 1;
        }
        if (pos >= text.length()) {
            throw error("unterminated string");
        }
        pos++;
        return (String) Json.parse(text.substring(start, pos));
    }

    private ScVal error() {
        String spec = atom(false);
        int colon = spec.indexOf(':');
        int type = colon < 0 ? -1 : List.of(ScVal.Error.TYPES).indexOf(spec.substring(0, colon));
        try {
            if (type >= 0) {
                return new ScVal.Error(type, Integer.parseUnsignedInt(spec.substring(colon + 1)));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw error("an error is error:TYPE:CODE with TYPE one of " + String.join(", ", ScVal.Error.TYPES));
    }

    /** Items between {@code open} and {@code close}; with {@code values}, items are {@code key=value} pairs. */
    private List<ScVal> list(char open, char close, List<ScVal> values) {
        if (!eat(String.valueOf(open))) {
            throw error("expected '" + open + "'");
        }
        List<ScVal> items = new ArrayList<>();
        if (eat(String.valueOf(close))) {
            return items;
        }
        do {
            items.add(value(false));
            if (values != null) {
                if (!eat("=")) {
                    throw error("a map entry is KEY=VALUE");
                }
                values.add(value(false));
            }
        } while (eat(","));
        if (!eat(String.valueOf(close))) {
            throw error("expected '" + close + "'");
        }
        return items;
    }
}
