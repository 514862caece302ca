// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.hedera;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zvm.abi.AbiCodec;
import org.zvm.abi.AbiException;
import org.zvm.abi.AbiFunction;
import org.zvm.runtime.Message;
import org.zvm.runtime.PrecompiledContract;

/**
 * A Hedera system contract: a table of Solidity functions by selector, each with a fixed gas cost and a
 * handler from decoded arguments to results, ABI-encoded as the function's outputs. Calldata that names
 * no function of the table or does not decode fails the call (its gas is consumed), as does a function
 * that changes state called from a static frame or by DELEGATECALL/CALLCODE (when the frame's account
 * is not the system contract itself), and a function whose handler refuses the call.
 */
final class SystemContract implements PrecompiledContract {
    /** Computes a function's results from its arguments and the call frame; null fails the call. */
    @FunctionalInterface
    interface Handler {
        List<Object> apply(List<Object> args, Message frame);
    }

    /** The gas of a call from its decoded arguments, for functions that cost by the work they ask for. */
    @FunctionalInterface
    interface Gas {
        long of(List<Object> args);
    }

    /**
     * A function of the table: the outputs of {@code signature} say how results are encoded. It costs
     * {@code gas}, or what {@code byArguments} (when not null) makes of the decoded arguments.
     */
    record Function(AbiFunction abi, long gas, Gas byArguments, boolean changesState, Handler handler) {
    }

    private final Map<Integer, Function> bySelector = new LinkedHashMap<>();

    SystemContract add(String signature, long gas, boolean changesState, Handler handler) {
        return add(signature, gas, null, changesState, handler);
    }

    /** A function whose gas depends on its arguments; {@code gas} is what undecodable calldata costs. */
    SystemContract add(String signature, long gas, Gas byArguments, boolean changesState, Handler handler) {
        AbiFunction f = AbiFunction.parse(signature);
        if (bySelector.put(ByteBuffer.wrap(f.selector()).getInt(), new Function(f, gas, byArguments, changesState, handler)) != null) {
            throw new IllegalStateException("two functions with the selector of " + signature);
        }
        return this;
    }

    private Function function(byte[] input) {
        return input.length < 4 ? null : bySelector.get(ByteBuffer.wrap(input).getInt());
    }

    /** Whether {@code input} names a function of this table. */
    boolean knows(byte[] input) {
        return function(input) != null;
    }

    private static List<Object> arguments(Function f, byte[] input) {
        return AbiCodec.decode(f.abi.inputs(), Arrays.copyOfRange(input, 4, input.length));
    }

    /** The functions, for documentation and tests. */
    List<Function> functions() {
        return List.copyOf(bySelector.values());
    }

    @Override
    public long gas(byte[] input) {
        Function f = function(input);
        if (f == null || f.byArguments == null) {
            return f == null ? 0 : f.gas;
        }
        try {
            return f.byArguments.of(arguments(f, input));
        } catch (AbiException e) {
            return f.gas;
        }
    }

    @Override
    public byte[] run(Message frame) {
        Function f = function(frame.calldata);
        if (f == null || f.changesState && (frame.isStatic || !frame.address.equals(frame.codeAddress))) {
            return null;
        }
        try {
            List<Object> args = arguments(f, frame.calldata);
            List<Object> results = f.handler.apply(args, frame);
            return results == null ? null : AbiCodec.encode(f.abi.outputs(), results);
        } catch (AbiException e) {
            return null;
        }
    }
}
