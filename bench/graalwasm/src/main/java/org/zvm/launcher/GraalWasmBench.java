// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;

/**
 * Times one export of a WASM module on GraalWasm, as {@code zvm bench FILE.wasm --invoke} does on zvm:
 * {@code GraalWasmBench FILE EXPORT [ARG...] [--warmup S] [--seconds S]}, typed arguments ({@code i32:7},
 * {@code i64:-1}, {@code f32:1.5}, {@code f64:2}). Prints one JSON line with the time per call, the first call's
 * result (its plain value: GraalWasm's exports do not carry their result types) and the engine's name, which
 * must be "GraalVM CE": a fallback to the interpreter would make the comparison meaningless, so it exits 2.
 *
 * <p>
 * It sits in the launcher's package only to reuse {@link Bench}, the warm-up and measuring loop, unchanged.
 */
public final class GraalWasmBench {
    private GraalWasmBench() {
    }

    public static void main(String[] args) throws IOException {
        // zvm bench's defaults (Arguments.DEFAULT_WARMUP and DEFAULT_SECONDS; that class is not compiled in here).
        double warmup = 5;
        double seconds = 10;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                default -> positional.add(args[i]);
            }
        }
        if (positional.size() < 2) {
            System.err.println("usage: GraalWasmBench FILE EXPORT [ARG...] [--warmup S] [--seconds S]");
            System.exit(2);
        }
        Path file = Path.of(positional.get(0));
        String export = positional.get(1);
        Object[] values = positional.subList(2, positional.size()).stream().map(GraalWasmBench::typed).toArray();
        Source source = Source.newBuilder("wasm", ByteSequence.create(Files.readAllBytes(file)), "bench").build();
        try (Context context = Context.newBuilder("wasm").build()) {
            String engine = context.getEngine().getImplementationName();
            if (!engine.equals("GraalVM CE")) {
                System.err.println("GraalWasmBench: the engine is '" + engine + "', not the optimizing runtime; check the JVMCI flags");
                System.exit(2);
            }
            Value function = exports(context.eval(source)).getMember(export);
            if (function == null || !function.canExecute()) {
                System.err.println("GraalWasmBench: " + file + " exports no function '" + export + "'");
                System.exit(2);
            }
            String result;
            try {
                result = function.execute(values).toString();
            } catch (PolyglotException e) {
                System.err.println("GraalWasmBench: trap: " + e.getMessage());
                System.exit(1);
                return;
            }
            Bench.Measurement m = new Bench(() -> {
                function.execute(values);
                return 0;
            }, System::nanoTime, Bench.MAX_EXTRA_WARMUP_NANOS).run(warmup, seconds);
            System.out.println("{\"secondsPerExecution\":" + m.secondsPerExecution() + ",\"executions\":" + m.executions() +
                            ",\"warmupSeconds\":" + m.warmupSeconds() + ",\"settled\":" + m.stable() + ",\"result\":\"" + result +
                            "\",\"engine\":\"" + engine + " " + context.getEngine().getVersion() + "\"}");
        }
    }

    /** Evaluating a module gives a module to instantiate (GraalWasm 24.2 on) or, before, the instance itself. */
    private static Value exports(Value evaluated) {
        Value instance = evaluated.canInstantiate() ? evaluated.newInstance() : evaluated;
        return instance.hasMember("exports") ? instance.getMember("exports") : instance;
    }

    private static Object typed(String arg) {
        String value = arg.substring(arg.indexOf(':') + 1);
        return switch (arg.substring(0, arg.indexOf(':'))) {
            case "i32" -> Integer.parseInt(value);
            case "i64" -> Long.parseLong(value);
            case "f32" -> Float.parseFloat(value);
            case "f64" -> Double.parseDouble(value);
            default -> throw new IllegalArgumentException(arg + ": argument must be TYPE:VALUE with TYPE i32, i64, f32 or f64");
        };
    }
}
