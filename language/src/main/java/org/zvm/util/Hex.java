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

    /** {@code 0x} followed by two digits per byte. */
    public static String of(byte[] b) {
        return "0x" + HexFormat.of().formatHex(b);
    }
}
