// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

import java.math.BigInteger;

/**
 * Soroban's integer types, one row each: width, signedness, the typed-text prefix, the {@code ScValType},
 * and the {@link Val} tags of the small form and the host object (U32/I32 only have the small form).
 */
public enum IntType {
    // @formatter:off
    //         bits signed text         xdr small                 object
    U32       (32,  false, "u32",       3,  Val.U32,              -1),
    I32       (32,  true,  "i32",       4,  Val.I32,              -1),
    U64       (64,  false, "u64",       5,  Val.U64_SMALL,        Val.U64_OBJECT),
    I64       (64,  true,  "i64",       6,  Val.I64_SMALL,        Val.I64_OBJECT),
    TIMEPOINT (64,  false, "timepoint", 7,  Val.TIMEPOINT_SMALL,  Val.TIMEPOINT_OBJECT),
    DURATION  (64,  false, "duration",  8,  Val.DURATION_SMALL,   Val.DURATION_OBJECT),
    U128      (128, false, "u128",      9,  Val.U128_SMALL,       Val.U128_OBJECT),
    I128      (128, true,  "i128",      10, Val.I128_SMALL,       Val.I128_OBJECT),
    U256      (256, false, "u256",      11, Val.U256_SMALL,       Val.U256_OBJECT),
    I256      (256, true,  "i256",      12, Val.I256_SMALL,       Val.I256_OBJECT);
    // @formatter:on

    public final int bits;
    public final boolean signed;
    public final String text;
    public final int xdrType;
    public final int smallTag;
    public final int objectTag;
    private final BigInteger min;
    private final BigInteger max;

    IntType(int bits, boolean signed, String text, int xdrType, int smallTag, int objectTag) {
        this.bits = bits;
        this.signed = signed;
        this.text = text;
        this.xdrType = xdrType;
        this.smallTag = smallTag;
        this.objectTag = objectTag;
        this.min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        this.max = BigInteger.ONE.shiftLeft(signed ? bits - 1 : bits).subtract(BigInteger.ONE);
    }

    public boolean fits(BigInteger v) {
        return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
    }

    /** {@code v} reduced to this type's width (two's complement), as fixed-width arithmetic wraps. */
    public BigInteger wrap(BigInteger v) {
        BigInteger m = v.mod(BigInteger.ONE.shiftLeft(bits));
        return signed && m.testBit(bits - 1) ? m.subtract(BigInteger.ONE.shiftLeft(bits)) : m;
    }

    /** The type whose small or object {@link Val} tag is {@code tag}, or null. */
    public static IntType ofTag(int tag) {
        for (IntType t : values()) {
            if (t.smallTag == tag || t.objectTag == tag) {
                return t;
            }
        }
        return null;
    }

    public static IntType ofText(String text) {
        for (IntType t : values()) {
            if (t.text.equals(text)) {
                return t;
            }
        }
        return null;
    }

    public static IntType ofXdr(int xdr) {
        return xdr >= U32.xdrType && xdr <= I256.xdrType ? values()[xdr - U32.xdrType] : null;
    }
}
