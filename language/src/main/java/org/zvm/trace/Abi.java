// SPDX-License-Identifier: Apache-2.0
package org.zvm.trace;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.zvm.crypto.Hashes;
import org.zvm.util.Hex;
import org.zvm.util.Json;

/**
 * Enough of the Solidity ABI to name calls in a trace: functions by selector (from solc's JSON ABI),
 * their arguments and results decoded when every type is an elementary one ({@code uintN}, {@code intN},
 * {@code address}, {@code bool}, {@code bytesN}, {@code bytes}, {@code string}); anything else is shown
 * as raw hex. Revert data decodes as {@code Error(string)} or {@code Panic(uint256)}.
 */
final class Abi {
    /** A function: its name and parameter types in canonical form. */
    record Function(String name, List<String> inputs, List<String> outputs) {
    }

    private static final int ERROR_SELECTOR = 0x08c379a0;
    private static final int PANIC_SELECTOR = 0x4e487b71;

    private final Map<Integer, Function> bySelector = new HashMap<>();

    /** Reads JSON ABIs (arrays of entries as solc writes them); entries other than functions are skipped. */
    static Abi of(List<String> jsonTexts) {
        Abi abi = new Abi();
        for (String text : jsonTexts) {
            for (Object entry : (List<?>) Json.parse(text)) {
                Map<?, ?> e = (Map<?, ?>) entry;
                if ("function".equals(e.get("type"))) {
                    Function f = new Function((String) e.get("name"), types(e.get("inputs")), types(e.get("outputs")));
                    abi.bySelector.put(selector(f.name() + "(" + String.join(",", f.inputs()) + ")"), f);
                }
            }
        }
        return abi;
    }

    private static List<String> types(Object params) {
        List<String> types = new ArrayList<>();
        if (params instanceof List<?> list) {
            for (Object p : list) {
                types.add(canonical((Map<?, ?>) p));
            }
        }
        return types;
    }

    /** The type as it appears in a signature: tuples spelled out as {@code (t1,t2)}. */
    private static String canonical(Map<?, ?> param) {
        String type = (String) param.get("type");
        if (!type.startsWith("tuple")) {
            return type;
        }
        List<String> parts = types(param.get("components"));
        return "(" + String.join(",", parts) + ")" + type.substring("tuple".length());
    }

    static int selector(String signature) {
        byte[] h = Hashes.keccak256(signature.getBytes(StandardCharsets.US_ASCII));
        return (h[0] & 0xFF) << 24 | (h[1] & 0xFF) << 16 | (h[2] & 0xFF) << 8 | h[3] & 0xFF;
    }

    /** The function {@code calldata} calls, or null when no ABI names its selector. */
    Function function(byte[] calldata) {
        return calldata.length < 4 ? null : bySelector.get(selectorOf(calldata));
    }

    /** {@code name(arg, ...)}: decoded when the ABI knows the function, else the selector and raw arguments. */
    String describeCall(byte[] calldata) {
        if (calldata.length == 0) {
            return "fallback()";
        }
        Function f = function(calldata);
        if (f == null) {
            return calldata.length < 4 ? "fallback(" + Hex.of(calldata) + ")"
                            : String.format("0x%08x(%s)", selectorOf(calldata), calldata.length == 4 ? "" : Hex.of(Arrays.copyOfRange(calldata, 4, calldata.length)));
        }
        String args = decode(f.inputs(), calldata, 4);
        return f.name() + "(" + (args != null ? args : Hex.of(Arrays.copyOfRange(calldata, 4, calldata.length))) + ")";
    }

    /** What a successful call returned: decoded by the function's outputs when known. */
    String describeOutput(byte[] calldata, byte[] output) {
        Function f = function(calldata);
        String decoded = f == null || f.outputs().isEmpty() ? null : decode(f.outputs(), output, 0);
        return decoded != null ? decoded : Hex.of(output);
    }

    /** A revert's data: the {@code Error(string)} message, the {@code Panic} code, or raw hex. */
    static String describeRevert(byte[] data) {
        if (data.length >= 4 && selectorOf(data) == ERROR_SELECTOR) {
            String message = decode(List.of("string"), data, 4);
            if (message != null) {
                return message;
            }
        }
        if (data.length == 36 && selectorOf(data) == PANIC_SELECTOR) {
            return "panic: 0x" + new BigInteger(1, Arrays.copyOfRange(data, 4, 36)).toString(16);
        }
        return data.length == 0 ? "" : Hex.of(data);
    }

    private static int selectorOf(byte[] data) {
        return (data[0] & 0xFF) << 24 | (data[1] & 0xFF) << 16 | (data[2] & 0xFF) << 8 | data[3] & 0xFF;
    }

    /** The values of {@code types} encoded at {@code base}, comma-separated; null when one cannot be decoded. */
    static String decode(List<String> types, byte[] data, int base) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            int head = base + 32 * i;
            if (head + 32 > data.length) {
                return null;
            }
            String value = decodeOne(types.get(i), data, head, base);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return String.join(", ", values);
    }

    private static String decodeOne(String type, byte[] data, int head, int base) {
        BigInteger word = new BigInteger(1, Arrays.copyOfRange(data, head, head + 32));
        if (type.startsWith("uint")) {
            return word.toString();
        }
        if (type.startsWith("int")) {
            return (word.testBit(255) ? word.subtract(BigInteger.ONE.shiftLeft(256)) : word).toString();
        }
        switch (type) {
            case "address":
                return Hex.of(Arrays.copyOfRange(data, head + 12, head + 32));
            case "bool":
                return word.signum() == 0 ? "false" : "true";
            case "string", "bytes": {
                long offset = word.bitLength() > 31 ? -1 : word.longValue();
                if (offset < 0 || base + offset + 32 > data.length) {
                    return null;
                }
                int at = (int) (base + offset);
                BigInteger length = new BigInteger(1, Arrays.copyOfRange(data, at, at + 32));
                if (length.bitLength() > 31 || at + 32 + length.longValue() > data.length) {
                    return null;
                }
                byte[] bytes = Arrays.copyOfRange(data, at + 32, at + 32 + length.intValue());
                return type.equals("string") ? Json.quote(new String(bytes, StandardCharsets.UTF_8)) : Hex.of(bytes);
            }
            default:
                if (type.matches("bytes([1-9]|[12][0-9]|3[0-2])")) {
                    return Hex.of(Arrays.copyOfRange(data, head, head + Integer.parseInt(type.substring(5))));
                }
                return null;
        }
    }
}
