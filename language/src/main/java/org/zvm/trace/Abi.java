// SPDX-License-Identifier: Apache-2.0
package org.zvm.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.zvm.abi.AbiCodec;
import org.zvm.abi.AbiEvent;
import org.zvm.abi.AbiException;
import org.zvm.abi.AbiFunction;
import org.zvm.abi.AbiText;
import org.zvm.abi.AbiType.Tuple;
import org.zvm.abi.ContractAbi;
import org.zvm.abi.RevertReason;
import org.zvm.runtime.UInt256;
import org.zvm.state.Log;
import org.zvm.util.Hex;

/**
 * The contract ABIs a trace names things by, merged into one ({@link ContractAbi}, so decoding is the
 * polyglot API's): calls by selector with their arguments and results, revert data with the custom
 * errors, logs by their events. What no ABI names, or what does not decode, is shown as raw hex.
 */
final class Abi {
    private final ContractAbi abi;

    private Abi(ContractAbi abi) {
        this.abi = abi;
    }

    /** Merges solc JSON ABIs; {@code names} label them in errors. */
    static Abi of(List<String> jsonTexts, List<String> names) {
        List<AbiFunction> functions = new ArrayList<>();
        List<AbiFunction> errors = new ArrayList<>();
        List<AbiEvent> events = new ArrayList<>();
        for (int i = 0; i < jsonTexts.size(); i++) {
            ContractAbi a = ContractAbi.read(jsonTexts.get(i), names.get(i));
            functions.addAll(a.functions());
            errors.addAll(a.errors());
            events.addAll(a.events());
        }
        return new Abi(new ContractAbi(functions, ContractAbi.NONE.constructor(), errors, events));
    }

    /** The function {@code calldata} calls, or null when no ABI names its selector. */
    private AbiFunction function(byte[] calldata) {
        if (calldata.length < 4) {
            return null;
        }
        byte[] selector = Arrays.copyOf(calldata, 4);
        return abi.functions().stream().filter(f -> Arrays.equals(f.selector(), selector)).findFirst().orElse(null);
    }

    /** {@code name(arg, ...)}: decoded when the ABI knows the function, else the selector and raw arguments. */
    String describeCall(byte[] calldata) {
        if (calldata.length < 4) {
            return "fallback(" + (calldata.length == 0 ? "" : Hex.of(calldata)) + ")";
        }
        byte[] args = Arrays.copyOfRange(calldata, 4, calldata.length);
        AbiFunction f = function(calldata);
        if (f == null) {
            return Hex.of(Arrays.copyOf(calldata, 4)) + "(" + (args.length == 0 ? "" : Hex.of(args)) + ")";
        }
        String decoded = values(f.inputs(), args);
        return f.name() + "(" + (decoded != null ? decoded : Hex.of(args)) + ")";
    }

    /** What a successful call returned: decoded by the function's outputs when known. */
    String describeOutput(byte[] calldata, byte[] output) {
        AbiFunction f = function(calldata);
        String decoded = f == null || f.outputs().size() == 0 ? null : values(f.outputs(), output);
        return decoded != null ? decoded : Hex.of(output);
    }

    /** A revert's data: the {@code Error(string)} message, the {@code Panic} code and meaning, a custom error, or raw hex. */
    String describeRevert(byte[] data) {
        return RevertReason.decode(data, abi).message();
    }

    /** {@code emit Transfer(from: 0x…, to: 0x…, value: 5)} when an event of the ABI matches, else the raw topics and data. */
    String describeLog(Log log) {
        List<byte[]> topics = log.topics().stream().map(UInt256::toBytes).toList();
        AbiEvent event = topics.isEmpty() ? null : abi.event(topics.getFirst());
        if (event != null) {
            try {
                return "emit " + event.describe(topics, log.data());
            } catch (AbiException e) {
                // A log that carries the event's topic but not its layout is shown raw.
            }
        }
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < topics.size(); i++) {
            raw.add("topic " + i + ": " + Hex.of(topics.get(i)));
        }
        raw.add("data: " + Hex.of(log.data()));
        return "emit log(" + String.join(", ", raw) + ")";
    }

    /** The values of {@code types} in {@code data}, comma-separated; null when they do not decode. */
    private static String values(Tuple types, byte[] data) {
        List<Object> values;
        try {
            values = AbiCodec.decode(types, data);
        } catch (AbiException e) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            parts.add(AbiText.format(types.types().get(i), values.get(i)));
        }
        return String.join(", ", parts);
    }
}
