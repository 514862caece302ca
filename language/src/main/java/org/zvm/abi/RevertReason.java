// SPDX-License-Identifier: Apache-2.0
package org.zvm.abi;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import org.zvm.util.Hex;

/**
 * What revert data says: Solidity's {@code Error(string)} (from {@code require} and {@code revert("...")}),
 * {@code Panic(uint256)} with the name of its code (from checked arithmetic, {@code assert}, bounds
 * checks), a custom error of the contract's ABI, or raw bytes when it is none of these or malformed.
 *
 * @param kind {@code Error}, {@code Panic}, the custom error's name, or {@code raw}
 * @param message one line for people: {@code insufficient balance}, {@code panic 0x11: arithmetic underflow or overflow}
 * @param panicCode the panic code, or -1
 */
public record RevertReason(String kind, String message, long panicCode, byte[] data) {
    public static final AbiFunction ERROR = AbiFunction.parse("Error(string)");
    public static final AbiFunction PANIC = AbiFunction.parse("Panic(uint256)");

    /** Decodes {@code data}; {@code abi} (may be null) supplies the custom errors. */
    public static RevertReason decode(byte[] data, ContractAbi abi) {
        byte[] body = data.length >= 4 ? Arrays.copyOfRange(data, 4, data.length) : new byte[0];
        try {
            if (startsWith(data, ERROR)) {
                return new RevertReason("Error", (String) AbiCodec.decode(ERROR.inputs(), body).getFirst(), -1, data);
            }
            if (startsWith(data, PANIC)) {
                BigInteger code = (BigInteger) AbiCodec.decode(PANIC.inputs(), body).getFirst();
                long c = code.bitLength() < 63 ? code.longValue() : -1;
                return new RevertReason("Panic", "panic 0x" + code.toString(16) + ": " + panicName(c), c, data);
            }
            AbiFunction custom = abi == null ? null : abi.error(data);
            if (custom != null) {
                List<Object> values = AbiCodec.decode(custom.inputs(), body);
                return new RevertReason(custom.name(), custom.name() + AbiText.describe(custom.inputs(), values), -1, data);
            }
        } catch (AbiException e) {
            // Data that starts like a known error but does not decode is reported raw.
        }
        return new RevertReason("raw", data.length == 0 ? "no revert data" : "revert data " + Hex.of(data), -1, data);
    }

    /** The meaning Solidity gives a panic code. */
    public static String panicName(long code) {
        return switch ((int) code) {
            case 0x00 -> "generic compiler panic";
            case 0x01 -> "assertion failed";
            case 0x11 -> "arithmetic underflow or overflow";
            case 0x12 -> "division or modulo by zero";
            case 0x21 -> "conversion to an enum out of range";
            case 0x22 -> "incorrectly encoded storage byte array";
            case 0x31 -> "pop on an empty array";
            case 0x32 -> "array index out of bounds";
            case 0x41 -> "out of memory";
            case 0x51 -> "call to a zero-initialized internal function";
            default -> "unknown panic code";
        };
    }

    private static boolean startsWith(byte[] data, AbiFunction f) {
        return data.length >= 4 && Arrays.equals(Arrays.copyOf(data, 4), f.selector());
    }
}
