// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.zvm.util.Json;

/**
 * {@code zvm run FILE.wasm --invoke EXPORT [ARG...]}: calls an exported function of the instantiated module
 * with typed arguments ({@code i32:7}, {@code i64:-1}, {@code f32:1.5}, {@code f64:2}) and prints its
 * results typed the same way, or with {@code --json} one object: {@code status} ({@code success} or
 * {@code trap}), {@code results} (type and value of each) or {@code message}. {@code zvm bench FILE.wasm
 * --invoke ...} times the same {@link Call}.
 */
final class WasmInvoke {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;

    WasmInvoke(PrintStream out, PrintStream err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /** A typed argument as the Java value the exported function takes; a usage error names what is wrong. */
    static Object parse(String arg) throws UsageException {
        int colon = arg.indexOf(':');
        String type = colon < 0 ? "" : arg.substring(0, colon);
        String text = arg.substring(colon + 1);
        try {
            return switch (type) {
                case "i32" -> (int) parseInteger(text, 32);
                case "i64" -> parseInteger(text, 64);
                case "f32" -> Float.parseFloat(text);
                case "f64" -> Double.parseDouble(text);
                default -> throw new UsageException(arg + ": argument must be TYPE:VALUE with TYPE i32, i64, f32 or f64");
            };
        } catch (NumberFormatException e) {
            throw new UsageException(arg + ": not a " + type + " value");
        }
    }

    /** Signed decimal, or unsigned up to 2^bits - 1 (the bit pattern). */
    private static long parseInteger(String text, int bits) {
        if (text.startsWith("-")) {
            long v = Long.parseLong(text);
            if (bits == 32 && v < Integer.MIN_VALUE) {
                throw new NumberFormatException(text);
            }
            return v;
        }
        long v = Long.parseUnsignedLong(text);
        if (bits == 32 && (v >>> 32) != 0) {
            throw new NumberFormatException(text);
        }
        return v;
    }

    /** An export and its checked arguments, ready to be called any number of times ({@code bench} calls it in a loop). */
    record Call(String export, Value function, Object[] values) {
        Value execute() {
            return function.execute(values);
        }

        /** The results of one call, typed as the arguments are ({@code i32:7}), in order. */
        List<String> typed(Value result) {
            Value types = function.getMember("results");
            List<String> typed = new ArrayList<>();
            for (int i = 0; i < types.getArraySize(); i++) {
                String type = types.getArrayElement(i).asString();
                Value v = types.getArraySize() == 1 ? result : result.getArrayElement(i);
                String text = switch (type) {
                    case "i32" -> Integer.toString(v.asInt());
                    case "i64" -> Long.toString(v.asLong());
                    case "f32" -> Float.toString(v.asFloat());
                    case "f64" -> Double.toString(v.asDouble());
                    default -> v.toString();
                };
                typed.add(type + ":" + text);
            }
            return typed;
        }
    }

    /** Looks up the export and checks each argument against its parameter type. */
    static Call call(Value instance, String export, List<String> args) throws UsageException {
        if (!instance.hasMember(export) || !instance.getMember(export).canExecute()) {
            throw new UsageException("--invoke: the module exports no function '" + export + "'");
        }
        Value function = instance.getMember(export);
        Value params = function.getMember("params");
        if (params.getArraySize() != args.size()) {
            throw new UsageException("--invoke: " + export + " takes " + params.getArraySize() + " arguments, got " + args.size());
        }
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            String want = params.getArrayElement(i).asString();
            if (!args.get(i).startsWith(want + ":")) {
                throw new UsageException("--invoke: argument " + (i + 1) + " of " + export + " is a " + want + ", got " + args.get(i));
            }
            values[i] = parse(args.get(i));
        }
        return new Call(export, function, values);
    }

    int run(Call call) {
        Value result;
        try {
            result = call.execute();
        } catch (PolyglotException e) {
            if (e.isInternalError() || e.isHostException() || e.isExit() || e.isCancelled() || e.isInterrupted()) {
                throw e;
            }
            if (json) {
                out.println("{\"status\":\"trap\",\"message\":" + Json.quote(String.valueOf(e.getMessage())) + "}");
            } else {
                err.println("zvm: trap: " + e.getMessage());
            }
            return 1;
        }
        List<String> typed = call.typed(result);
        if (!json) {
            out.println(String.join(" ", typed));
            return 0;
        }
        List<String> jsonValues = new ArrayList<>();
        for (String t : typed) {
            int colon = t.indexOf(':');
            jsonValues.add("{\"type\":" + Json.quote(t.substring(0, colon)) + ",\"value\":" + Json.quote(t.substring(colon + 1)) + "}");
        }
        out.println("{\"status\":\"success\",\"results\":[" + String.join(",", jsonValues) + "]}");
        return 0;
    }
}
