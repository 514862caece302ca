// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.util.ArrayList;
import java.util.List;

import org.zvm.abi.AbiCodec;
import org.zvm.abi.AbiException;
import org.zvm.abi.AbiFunction;
import org.zvm.abi.AbiText;
import org.zvm.abi.AbiType;
import org.zvm.util.Hex;

/**
 * {@code zvm abi encode|decode} and {@code zvm selector}: what {@code cast abi-encode}, {@code cast abi-decode}
 * and {@code cast sig} print, from the language's plain-Java {@link org.zvm.abi} (no engine). Their operands
 * are free text (negative numbers, arrays, signatures with spaces), so the launcher hands them over whole
 * instead of parsing options out of them.
 */
final class AbiCommands {
    private AbiCommands() {
    }

    /** The output lines of {@code command} with its operands {@code words}; bad input is a {@link UsageException}. */
    static String run(Command command, List<String> words) throws UsageException {
        try {
            return command == Command.SELECTOR ? selector(words) : abi(words);
        } catch (AbiException e) {
            throw new UsageException(command.word + ": " + e.getMessage());
        }
    }

    private static String selector(List<String> words) throws UsageException {
        if (words.size() != 1) {
            throw new UsageException("selector: expected one signature such as 'transfer(address,uint256)', got " + words.size() + " arguments");
        }
        return Hex.of(AbiFunction.parse(words.getFirst()).selector());
    }

    private static String abi(List<String> words) throws UsageException {
        String sub = words.isEmpty() ? "" : words.getFirst();
        switch (sub) {
            case "encode" -> {
                if (words.size() < 2) {
                    throw new UsageException("abi encode: missing SIG (then one ARG per parameter)");
                }
                AbiType.Tuple inputs = AbiFunction.parse(words.get(1)).inputs();
                List<String> args = words.subList(2, words.size());
                if (args.size() != inputs.size()) {
                    throw new UsageException("abi encode: " + words.get(1) + " takes " + inputs.size() + " argument" + (inputs.size() == 1 ? "" : "s") + ", got " + args.size());
                }
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    values.add(AbiText.parse(inputs.types().get(i), args.get(i), "argument " + (i + 1)));
                }
                return Hex.of(AbiCodec.encode(inputs, values));
            }
            case "decode" -> {
                if (words.size() != 3) {
                    throw new UsageException("abi decode: expected TYPES (such as '(uint256,string)' or 'f()(uint256)') and HEX");
                }
                AbiType.Tuple types = decodedTypes(words.get(1));
                byte[] data;
                try {
                    data = Hex.bytes(words.get(2));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("abi decode: " + e.getMessage());
                }
                List<Object> values = AbiCodec.decode(types, data);
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    lines.add(AbiText.format(types.types().get(i), values.get(i)));
                }
                return String.join("\n", lines);
            }
            default -> throw new UsageException("abi: expected 'encode SIG ARG...' or 'decode TYPES HEX'" + (sub.isEmpty() ? "" : ", not '" + sub + "'"));
        }
    }

    /**
     * The types data decodes as: a signature's outputs when it has them ({@code balanceOf(address)(uint256)},
     * as cast reads it), else its parameters, or a bare list {@code (uint256,string)}.
     */
    private static AbiType.Tuple decodedTypes(String text) {
        if (text.strip().startsWith("(")) {
            return AbiType.parseList(text);
        }
        AbiFunction f = AbiFunction.parse(text);
        return f.outputs() != null ? f.outputs() : f.inputs();
    }
}
