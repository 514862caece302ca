// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm;

/**
 * Value types as their binary encoding bytes. Numbers travel as {@code long} bit patterns (i32
 * sign-extended, floats as raw bits, so NaN payloads survive every move); references as objects.
 */
public final class ValueTypes {
    public static final byte I32 = 0x7F;
    public static final byte I64 = 0x7E;
    public static final byte F32 = 0x7D;
    public static final byte F64 = 0x7C;
    public static final byte V128 = 0x7B;
    public static final byte FUNCREF = 0x70;
    public static final byte EXTERNREF = 0x6F;
    /** The validator's "any type" of values popped from an unreachable stack. */
    public static final byte UNKNOWN = 0;

    private ValueTypes() {
    }

    public static boolean isNumber(byte t) {
        return t == I32 || t == I64 || t == F32 || t == F64;
    }

    public static boolean isReference(byte t) {
        return t == FUNCREF || t == EXTERNREF;
    }

    /** Types whose values sit in frame slots as objects: references and v128. */
    public static boolean isObject(byte t) {
        return isReference(t) || t == V128;
    }

    public static boolean isValueType(byte t) {
        return isNumber(t) || isReference(t) || t == V128;
    }

    public static String name(byte t) {
        return switch (t) {
            case I32 -> "i32";
            case I64 -> "i64";
            case F32 -> "f32";
            case F64 -> "f64";
            case V128 -> "v128";
            case FUNCREF -> "funcref";
            case EXTERNREF -> "externref";
            default -> "?";
        };
    }
}
