// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Value;
import org.zvm.abi.AbiCodec;
import org.zvm.abi.AbiException;
import org.zvm.abi.AbiFunction;
import org.zvm.abi.AbiText;
import org.zvm.abi.AbiType;
import org.zvm.abi.ContractAbi;
import org.zvm.abi.RevertReason;
import org.zvm.container.ZvmContainer;
import org.zvm.util.Hex;
import org.zvm.util.Json;

/**
 * {@code zvm call FILE FUNCTION ARG...}: one call through the contract's ABI, which is where the language
 * finds it (the ABI inside a {@code .zvmc} container, else {@code X.abi} or {@code X.abi.json} beside
 * {@code X}), KALIX or solc. The arguments are read as {@link AbiText} by the function's types and encoded
 * with {@link AbiCodec} before anything runs, so a wrong count, a number out of range or an unknown function
 * is one usage line; the call itself goes through the contract's {@code call} member like {@code run}'s and
 * commits unless the function is {@code view} or {@code pure}.
 *
 * <p>
 * Printed: each result on a line (as {@code cast call} prints them); a revert or halt is one {@code zvm:}
 * line naming the function and the decoded reason, exit 1. With {@code --json}, the call's result object
 * with {@code function} and the decoded {@code results} (or {@code revertReason}) added.
 */
final class AbiCall {
    private final PrintStream out;
    private final PrintStream err;
    private final Arguments arguments;

    AbiCall(PrintStream out, PrintStream err, Arguments arguments) {
        this.out = out;
        this.err = err;
        this.arguments = arguments;
    }

    /** Calls {@link Arguments#invoke()} on the deployed {@code contract}; returns the exit status. */
    int run(Value contract) throws UsageException {
        ContractAbi abi = abi(arguments.file(), arguments.format());
        AbiFunction f = function(abi, arguments.invoke(), arguments.file());
        byte[] calldata = calldata(f, arguments.invokeArguments());
        CallResult r = CallResult.from(contract.invokeMember("call", Hex.of(calldata), arguments.gas(), arguments.value(), arguments.caller(), !f.isReadOnly()));
        byte[] output = Hex.bytes(r.output());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = new LinkedHashMap<>((Map<String, Object>) Json.parse(r.json()));
        json.put("function", f.signature());
        String failure = null;
        List<String> results = new ArrayList<>();
        switch (r.status()) {
            case "success" -> {
                try {
                    List<Object> values = f.decodeOutput(output);
                    for (int i = 0; i < values.size(); i++) {
                        results.add(AbiText.format(f.outputs().types().get(i), values.get(i)));
                    }
                    json.put("results", results);
                } catch (AbiException e) {
                    failure = f.signature() + ": its output does not decode as " + f.outputs().canonical() + ": " + e.getMessage();
                }
            }
            case "revert" -> {
                String reason = RevertReason.decode(output, abi).message();
                json.put("revertReason", reason);
                failure = f.signature() + " reverted: " + reason;
            }
            default -> failure = f.signature() + " halted: " + r.reason();
        }
        if (arguments.json()) {
            out.println(Json.write(json));
        } else if (failure == null) {
            results.forEach(out::println);
        }
        if (failure != null && !arguments.json()) {
            err.println("zvm: " + failure);
        }
        return failure == null ? 0 : 1;
    }

    /** The ABI the language reads for {@code file} (see {@link org.zvm.ZvmLanguage}), which must have functions. */
    static ContractAbi abi(Path file, Format format) throws UsageException {
        try {
            if (format == Format.ZVMC) {
                String inside = ZvmContainer.read(ZvmLauncher.read(file)).abiJson();
                if (!inside.isEmpty()) {
                    return ContractAbi.read(inside, file + " (container ABI)");
                }
            }
            for (String candidate : ContractAbi.companionFiles(file.toString())) {
                Path p = Path.of(candidate);
                if (Files.isRegularFile(p)) {
                    return ContractAbi.read(ZvmLauncher.utf8(p, ZvmLauncher.read(p)), p.getFileName().toString());
                }
            }
        } catch (AbiException e) {
            throw new UsageException(e.getMessage());
        }
        throw new UsageException(file + ": no ABI to call by (none in the container, no " + String.join(" or ", ContractAbi.companionFiles(file.getFileName().toString())) + " beside it)");
    }

    /** The function {@code name} names: a name, or a full signature when the name is overloaded. */
    static AbiFunction function(ContractAbi abi, String name, Path file) throws UsageException {
        for (AbiFunction f : abi.functions()) {
            if (f.signature().equals(name)) {
                return f;
            }
        }
        List<AbiFunction> named = abi.functionsNamed(name);
        if (named.size() == 1) {
            return named.getFirst();
        }
        if (named.isEmpty()) {
            List<String> all = abi.functions().stream().map(AbiFunction::signature).toList();
            throw new UsageException("call: " + file.getFileName() + " has no function '" + name + "' (" + String.join(", ", all) + ")");
        }
        List<String> signatures = named.stream().map(AbiFunction::signature).toList();
        throw new UsageException("call: " + name + " is overloaded (" + String.join(", ", signatures) + "): give its full signature");
    }

    /** The selector and the arguments encoded by {@code f}'s types. */
    static byte[] calldata(AbiFunction f, List<String> args) throws UsageException {
        AbiType.Tuple inputs = f.inputs();
        if (args.size() != inputs.size()) {
            throw new UsageException("call: " + f.signature() + " takes " + inputs.size() + " argument" + (inputs.size() == 1 ? "" : "s") + ", got " + args.size());
        }
        try {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String param = inputs.names().get(i);
                values.add(AbiText.parse(inputs.types().get(i), args.get(i), "argument " + (i + 1) + (param.isEmpty() ? "" : " (" + param + ")")));
            }
            return f.encodeCall(values);
        } catch (AbiException e) {
            throw new UsageException("call: " + f.signature() + ": " + e.getMessage());
        }
    }
}
