// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

/**
 * Soroban's 64-bit {@code Val} (soroban-env-common {@code val.rs}): the low 8 bits are a tag, the high 56
 * a body. Small values live in the body; everything else is a host object whose handle is the body's
 * high 32 bits. Only static helpers: a {@code Val} stays a plain {@code long} so it crosses the wasm
 * boundary unboxed.
 */
public final class Val {
    public static final int FALSE = 0;
    public static final int TRUE = 1;
    public static final int VOID = 2;
    public static final int ERROR = 3;
    public static final int U32 = 4;
    public static final int I32 = 5;
    public static final int U64_SMALL = 6;
    public static final int I64_SMALL = 7;
    public static final int TIMEPOINT_SMALL = 8;
    public static final int DURATION_SMALL = 9;
    public static final int U128_SMALL = 10;
    public static final int I128_SMALL = 11;
    public static final int U256_SMALL = 12;
    public static final int I256_SMALL = 13;
    public static final int SYMBOL_SMALL = 14;
    public static final int U64_OBJECT = 64;
    public static final int I64_OBJECT = 65;
    public static final int TIMEPOINT_OBJECT = 66;
    public static final int DURATION_OBJECT = 67;
    public static final int U128_OBJECT = 68;
    public static final int I128_OBJECT = 69;
    public static final int U256_OBJECT = 70;
    public static final int I256_OBJECT = 71;
    public static final int BYTES_OBJECT = 72;
    public static final int STRING_OBJECT = 73;
    public static final int SYMBOL_OBJECT = 74;
    public static final int VEC_OBJECT = 75;
    public static final int MAP_OBJECT = 76;
    public static final int ADDRESS_OBJECT = 77;
    public static final int MUXED_ADDRESS_OBJECT = 78;
    public static final int EXECUTABLE_TAG_OBJECT = 79;

    public static final long VOID_VAL = VOID;
    /** Bodies of small 56-bit numbers: the range {@code [-2^55, 2^55)} signed, {@code [0, 2^56)} unsigned. */
    public static final int SMALL_BITS = 56;
    /** Longest symbol that fits a {@code SymbolSmall}: 9 characters of 6 bits. */
    public static final int SMALL_SYMBOL_CHARS = 9;
    private static final String SYMBOL_CHARS = "_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Val() {
    }

    public static int tag(long val) {
        return (int) (val & 0xff);
    }

    public static boolean isObject(long val) {
        int t = tag(val);
        return t >= U64_OBJECT && t <= EXECUTABLE_TAG_OBJECT;
    }

    /** The body's high 32 bits: a u32/i32 value, an object handle or an error code. */
    public static int major(long val) {
        return (int) (val >>> 32);
    }

    /** The body's low 24 bits: an error's type. */
    public static int minor(long val) {
        return (int) (val >>> 8) & 0xffffff;
    }

    public static long fromMajorMinor(int tag, int major, int minor) {
        return (long) major << 32 | (long) (minor & 0xffffff) << 8 | tag;
    }

    public static long fromBody(int tag, long body) {
        return body << 8 | tag;
    }

    /** The body of a small unsigned number. */
    public static long body(long val) {
        return val >>> 8;
    }

    /** The body of a small signed number, sign-extended. */
    public static long signedBody(long val) {
        return val >> 8;
    }

    public static boolean fitsSmallUnsigned(long v) {
        return v >>> SMALL_BITS == 0;
    }

    public static boolean fitsSmallSigned(long v) {
        return v >> (SMALL_BITS - 1) == 0 || v >> (SMALL_BITS - 1) == -1;
    }

    public static long bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    public static long u32(int v) {
        return fromMajorMinor(U32, v, 0);
    }

    public static long i32(int v) {
        return fromMajorMinor(I32, v, 0);
    }

    public static long error(int type, int code) {
        return fromMajorMinor(ERROR, code, type);
    }

    /** An object handle as the guest sees it: relative (low bit 0), index {@code handle >> 1}. */
    public static long object(int tag, int index) {
        return fromMajorMinor(tag, index << 1, 0);
    }

    /** The object table index of a relative handle, or -1 for an absolute (odd) one. */
    public static int objectIndex(long val) {
        int handle = major(val);
        return (handle & 1) != 0 ? -1 : handle >>> 1;
    }

    /** Whether {@code s} is a valid symbol: at most 32 characters of {@code [_0-9A-Za-z]}. */
    public static boolean isSymbol(String s) {
        if (s.length() > 32) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (SYMBOL_CHARS.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A short valid symbol as a {@code SymbolSmall}: six bits a character, {@code _} = 1, first character highest. */
    public static long smallSymbol(String s) {
        if (s.length() > SMALL_SYMBOL_CHARS || !isSymbol(s)) {
            throw new IllegalArgumentException("not a small symbol: " + s);
        }
        long body = 0;
        for (int i = 0; i < s.length(); i++) {
            body = body << 6 | SYMBOL_CHARS.indexOf(s.charAt(i)) + 1;
        }
        return fromBody(SYMBOL_SMALL, body);
    }

    /** The characters of a {@code SymbolSmall}; null when its body has an invalid 6-bit code. */
    public static String smallSymbolText(long val) {
        long body = body(val);
        if (body >>> SMALL_SYMBOL_CHARS * 6 != 0) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int shift = (SMALL_SYMBOL_CHARS - 1) * 6; shift >= 0; shift -= 6) {
            int code = (int) (body >>> shift) & 0x3f;
            if (code != 0) {
                b.append(SYMBOL_CHARS.charAt(code - 1));
            } else if (b.length() > 0) {
                return null;
            }
        }
        return b.toString();
    }
}
