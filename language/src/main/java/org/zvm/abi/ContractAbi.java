// SPDX-License-Identifier: Apache-2.0
package org.zvm.abi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.zvm.abi.AbiType.Tuple;
import org.zvm.error.ZvmParseException;
import org.zvm.util.Json;

/**
 * A contract's interface read from solc's JSON ABI ({@code solc --abi}, or any JSON object with an
 * {@code abi} member such as a Hardhat or Foundry artifact): its functions, its constructor, its custom
 * errors, which decode revert data, and its events, which decode logs. Fallback and receive are accepted
 * and not used.
 */
public record ContractAbi(List<AbiFunction> functions, AbiFunction constructor, List<AbiFunction> errors, List<AbiEvent> events) {
    /** The constructor when the ABI declares none: no arguments, not payable. */
    private static final AbiFunction DEFAULT_CONSTRUCTOR = new AbiFunction("constructor", Tuple.of(List.of()), Tuple.of(List.of()), "nonpayable");

    /** The interface of code evaluated without an ABI: no functions, a constructor without arguments. */
    public static final ContractAbi NONE = new ContractAbi(List.of(), DEFAULT_CONSTRUCTOR, List.of(), List.of());

    public ContractAbi {
        functions = List.copyOf(functions);
        errors = List.copyOf(errors);
        events = List.copyOf(events);
    }

    /** Reads the JSON text; {@code name} (a file name) starts the error message. */
    public static ContractAbi read(String json, String name) {
        Object root;
        try {
            root = Json.parse(json);
        } catch (ZvmParseException e) {
            throw new AbiException(name + ": not JSON: " + e.getMessage());
        }
        if (root instanceof Map<?, ?> m && m.get("abi") != null) {
            root = m.get("abi");
        }
        if (!(root instanceof List<?> entries)) {
            throw new AbiException(name + ": a JSON ABI is an array of entries (or an object with an \"abi\" array)");
        }
        List<AbiFunction> functions = new ArrayList<>();
        List<AbiFunction> errors = new ArrayList<>();
        List<AbiEvent> events = new ArrayList<>();
        AbiFunction constructor = DEFAULT_CONSTRUCTOR;
        for (int i = 0; i < entries.size(); i++) {
            String where = name + ": entry " + i;
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new AbiException(where + ": not an object");
            }
            String type = entry.get("type") == null ? "function" : string(entry, "type", where);
            switch (type) {
                case "function" -> functions.add(function(entry, string(entry, "name", where), where));
                case "constructor" -> constructor = function(entry, "constructor", where);
                case "error" -> errors.add(function(entry, string(entry, "name", where), where));
                case "event" -> events.add(event(entry, string(entry, "name", where), where));
                case "fallback", "receive" -> {
                }
                default -> throw new AbiException(where + ": unknown entry type '" + type + "'");
            }
        }
        return new ContractAbi(functions, constructor, errors, events);
    }

    /** The functions called {@code name} (several when overloaded). */
    public List<AbiFunction> functionsNamed(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).toList();
    }

    /** The custom error whose selector starts {@code data}, or null. */
    public AbiFunction error(byte[] data) {
        if (data.length < 4) {
            return null;
        }
        byte[] selector = Arrays.copyOf(data, 4);
        return errors.stream().filter(e -> Arrays.equals(e.selector(), selector)).findFirst().orElse(null);
    }

    /** The non-anonymous event whose signature hash is {@code topic}, or null. */
    public AbiEvent event(byte[] topic) {
        return events.stream().filter(e -> !e.anonymous() && Arrays.equals(e.topic(), topic)).findFirst().orElse(null);
    }

    private static AbiEvent event(Map<?, ?> entry, String name, String where) {
        Tuple inputs = parameters(entry.get("inputs"), where + " (" + name + ") inputs");
        List<Boolean> indexed = new ArrayList<>();
        if (entry.get("inputs") instanceof List<?> params) {
            for (Object p : params) {
                indexed.add(Boolean.TRUE.equals(((Map<?, ?>) p).get("indexed")));
            }
        }
        return new AbiEvent(name, inputs, indexed, Boolean.TRUE.equals(entry.get("anonymous")));
    }

    private static AbiFunction function(Map<?, ?> entry, String name, String where) {
        Tuple inputs = parameters(entry.get("inputs"), where + " (" + name + ") inputs");
        Tuple outputs = parameters(entry.get("outputs"), where + " (" + name + ") outputs");
        Object mutability = entry.get("stateMutability");
        String m = mutability instanceof String s ? s : Boolean.TRUE.equals(entry.get("constant")) ? "view" : "nonpayable";
        return new AbiFunction(name, inputs, outputs, m);
    }

    private static Tuple parameters(Object list, String where) {
        if (list == null) {
            return Tuple.of(List.of());
        }
        if (!(list instanceof List<?> params)) {
            throw new AbiException(where + ": not an array");
        }
        List<AbiType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            String at = where + " " + i;
            if (!(params.get(i) instanceof Map<?, ?> p)) {
                throw new AbiException(at + ": not an object");
            }
            types.add(type(p, at));
            names.add(p.get("name") instanceof String n ? n : "");
        }
        return new Tuple(types, names);
    }

    /** {@code tuple} types take their components from the entry; the rest parse as spelled. */
    private static AbiType type(Map<?, ?> param, String where) {
        String type = string(param, "type", where);
        try {
            if (!type.startsWith("tuple")) {
                return AbiType.parse(type);
            }
            AbiType t = parameters(param.get("components"), where + " components");
            String suffix = type.substring("tuple".length());
            java.util.regex.Matcher dims = java.util.regex.Pattern.compile("\\[(\\d{0,6})\\]").matcher(suffix);
            int end = 0;
            while (dims.lookingAt()) {
                t = new AbiType.Array(t, dims.group(1).isEmpty() ? -1 : Integer.parseInt(dims.group(1)));
                end = dims.end();
                dims.region(end, suffix.length());
            }
            if (end != suffix.length()) {
                throw new AbiException("unknown type '" + type + "'");
            }
            return t;
        } catch (AbiException e) {
            throw new AbiException(where + ": " + e.getMessage());
        }
    }

    private static String string(Map<?, ?> m, String key, String where) {
        if (!(m.get(key) instanceof String s)) {
            throw new AbiException(where + ": missing \"" + key + "\"");
        }
        return s;
    }
}
