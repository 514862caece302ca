// SPDX-License-Identifier: Apache-2.0
package org.zvm.util;

import java.util.HexFormat;

/** Hex text as every zvm interface writes it: {@code 0x}-prefixed lower case, prefix optional on input. */
public final class Hex {
    private Hex() {
    }

    /** The digits of {@code s} without a leading {@code 0x} or {@code 0X}. */
    public static String strip(String s) {
        return s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
    }

    /** Bytes of an even number of hex digits, with or without {@code 0x}. */
    public static byte[] bytes(String s) {
        String h = strip(s);
        if (h.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: '" + s + "'");
        }
        try {
            return HexFormat.of().parseHex(h);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not hex: '" + s + "'");
        }
    }

    /**
     * The code a text of hex digits spells, as solc's {@code .bin} files hold it: {@code 0x} optional,
     * whitespace anywhere ignored. Anything else is an error naming the offending character's offset (a
     * byte offset when the text was read as Latin-1).
     */
    public static byte[] code(CharSequence text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (end - start >= 2 && text.charAt(start) == '0' && (text.charAt(start + 1) == 'x' || text.charAt(start + 1) == 'X')) {
            start += 2;
        }
        StringBuilder digits = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.digit(c, 16) >= 0 && c < 0x80) {
                digits.append(c);
            } else if (!Character.isWhitespace(c)) {
                throw new IllegalArgumentException("not a hex digit: " + (c < 0x100 ? "byte 0x" + HexFormat.of().toHexDigits((byte) c) : "'" + c + "'") + " at offset " + i);
            }
        }
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("no hex digits (empty code is almost surely the wrong file)");
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits (" + digits.length() + ")");
        }
        return HexFormat.of().parseHex(digits);
    }

    /**
     * A code offset as listings print it: at least four digits, no prefix ({@code 002a}, {@code 10000}).
     * Not {@code String.format("%04x")}: listings print one per line, and that was most of a listing's time.
     */
    public static String offset(int pc) {
        String digits = Integer.toHexString(pc);
        return digits.length() >= 4 ? digits : "0".repeat(4 - digits.length()) + digits;
    }

    /** {@code 0x} followed by two digits per byte. */
    public static String of(byte[] b) {
        return "0x" + HexFormat.of().formatHex(b);
    }
}
