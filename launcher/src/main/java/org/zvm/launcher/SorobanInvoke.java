// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.zvm.util.Json;

/**
 * {@code zvm soroban invoke FILE.wasm FUNCTION [ARG...] [--state DIR] [--gas N] [--json]}: loads FILE as a
 * Soroban contract ({@code application/x-soroban+wasm}), invokes FUNCTION with typed arguments
 * ({@code i32:7}, {@code u32:5}, {@code sym:hello}, {@code vec:[u32:1,u32:2]}, ...) through the contract
 * object's {@code __invoke} member, and prints the typed result and then each event; with {@code --json}
 * one object ({@code status}, {@code result}, {@code message}, {@code events}, {@code gasUsed}). With
 * {@code --state DIR} the contract's storage persists in the world state there. Exit 0 success, 1 a failed
 * invocation (its error value is printed), 2 bad input.
 */
final class SorobanInvoke {
    static final String USAGE = "soroban invoke FILE.wasm FUNCTION [ARG...] [--state DIR] [--gas N] [--json]";
    static final String MIME = "application/x-soroban+wasm";

    private final Path file;
    private final String function;
    private final List<String> args;
    private final Path stateDir;
    private final long gas;
    private final boolean json;

    private SorobanInvoke(Path file, String function, List<String> args, Path stateDir, long gas, boolean json) {
        this.file = file;
        this.function = function;
        this.args = args;
        this.stateDir = stateDir;
        this.gas = gas;
        this.json = json;
    }

    /** The words after {@code soroban}; options may stand anywhere after {@code invoke}. */
    static SorobanInvoke parse(List<String> words) throws UsageException {
        if (words.isEmpty() || !words.getFirst().equals("invoke")) {
            throw new UsageException("soroban: expected 'invoke' (usage: zvm " + USAGE + ")");
        }
        List<String> positional = new ArrayList<>();
        Path stateDir = null;
        long gas = Arguments.DEFAULT_GAS;
        boolean json = false;
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "--json" -> json = true;
                case "--state", "--gas" -> {
                    if (i + 1 == words.size()) {
                        throw new UsageException(w + ": missing value");
                    }
                    String v = words.get(++i);
                    if (w.equals("--state")) {
                        stateDir = Arguments.stateDir(v);
                    } else {
                        gas = Arguments.gas(v);
                    }
                }
                default -> {
                    if (w.startsWith("--")) {
                        throw new UsageException(w + ": not an option of 'soroban invoke' (usage: zvm " + USAGE + ")");
                    }
                    positional.add(w);
                }
            }
        }
        if (positional.size() < 2) {
            throw new UsageException("soroban invoke: missing " + (positional.isEmpty() ? "FILE.wasm and FUNCTION" : "FUNCTION") + " (usage: zvm " + USAGE + ")");
        }
        List<String> args = List.copyOf(positional.subList(2, positional.size()));
        for (String a : args) {
            if (a.indexOf(':') < 0 && !a.equals("void")) {
                throw new UsageException(a + ": argument must be TYPE:VALUE (i32:7, u32:5, u64:9, i128:-3, sym:hello, str:text, bool:true, bytes:0x.., addr:G.., vec:[...], map:{k=v})");
            }
        }
        return new SorobanInvoke(Arguments.existingFile(positional.get(0)), positional.get(1), args, stateDir, gas, json);
    }

    Path stateDir() {
        return stateDir;
    }

    int run(Context context, PrintStream out, PrintStream err) throws UsageException {
        Source source = Source.newBuilder(ZvmLauncher.LANGUAGE_ID, ByteSequence.create(ZvmLauncher.read(file)), file.getFileName().toString())
                        .mimeType(MIME).buildLiteral();
        Value contract;
        Value report;
        try {
            contract = context.eval(source);
            contract.putMember("__gasLimit", gas);
            List<Object> invokeArgs = new ArrayList<>();
            invokeArgs.add(function);
            invokeArgs.addAll(args);
            report = contract.invokeMember("__invoke", invokeArgs.toArray());
        } catch (PolyglotException e) {
            if (e.isInternalError() || e.isHostException() || e.isExit() || e.isCancelled() || e.isInterrupted()) {
                throw e;
            }
            // Loading errors and arguments that do not fit: nothing ran.
            throw new UsageException(e.getMessage() == null ? file + ": not a Soroban contract" : e.getMessage());
        }
        boolean success = report.getMember("status").asString().equals("success");
        Value events = report.getMember("events");
        if (json) {
            List<String> list = new ArrayList<>();
            for (long i = 0; i < events.getArraySize(); i++) {
                Value e = events.getArrayElement(i);
                List<String> topics = topics(e).stream().map(Json::quote).toList();
                list.add("{\"type\":" + Json.quote(e.getMember("type").asString()) + ",\"contract\":" + Json.quote(e.getMember("contract").asString())
                                + ",\"topics\":[" + String.join(",", topics) + "],\"data\":" + Json.quote(e.getMember("data").asString()) + "}");
            }
            Value message = report.getMember("message");
            out.println("{\"status\":" + Json.quote(report.getMember("status").asString()) + ",\"result\":" + Json.quote(report.getMember("result").asString())
                            + ",\"message\":" + (message.isNull() ? "null" : Json.quote(message.asString())) + ",\"events\":[" + String.join(",", list) + "],\"gasUsed\":"
                            + report.getMember("gasUsed").asLong() + "}");
        } else if (success) {
            out.println(report.getMember("result").asString());
            for (long i = 0; i < events.getArraySize(); i++) {
                Value e = events.getArrayElement(i);
                String kind = e.getMember("type").asString().equals("contract") ? "event" : "diagnostic";
                out.println(kind + " topics [" + String.join(",", topics(e)) + "] data " + e.getMember("data").asString());
            }
        } else {
            err.println("zvm: " + function + " failed: " + report.getMember("result").asString() + " (" + report.getMember("message").asString() + ")");
        }
        return success ? ZvmLauncher.EXIT_SUCCESS : 1;
    }

    private static List<String> topics(Value event) {
        Value topics = event.getMember("topics");
        List<String> out = new ArrayList<>();
        for (long k = 0; k < topics.getArraySize(); k++) {
            out.add(topics.getArrayElement(k).asString());
        }
        return out;
    }
}
