// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * {@code zvm wasm-spectest}: evaluates each wast2json command file (the language returns a runner of its
 * commands) and prints, with {@code --json}, one line per checked command and a last
 * {@code {"passed", "failed", "skipped"}} line; otherwise each failure on stderr and a summary per file
 * group (the command file's name) and in total. A file that cannot be read or parsed counts as one failure.
 */
final class WasmSpecTests {
    static final String MIME = "application/x-wasm-spectest+json";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    /** Passed, failed and skipped commands per group. */
    private final Map<String, long[]> groups = new TreeMap<>();
    private final long[] total = new long[3];

    WasmSpecTests(PrintStream out, PrintStream err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /** Runs the files; true when no command failed. */
    boolean run(Context context, List<Path> files) {
        for (Path file : files) {
            String name = file.getFileName().toString();
            long[] tally = groups.computeIfAbsent(name.endsWith(".json") ? name.substring(0, name.length() - 5) : name, k -> new long[3]);
            try {
                Source source = Source.newBuilder(ZvmLauncher.LANGUAGE_ID, file.toFile()).name(file.toString()).mimeType(MIME).build();
                Value results = context.eval(source).execute();
                for (long i = 0; i < results.getArraySize(); i++) {
                    Value r = results.getArrayElement(i);
                    String status = r.getMember("status").asString();
                    count(tally, status.equals("passed") ? 0 : status.equals("failed") ? 1 : 2);
                    if (json) {
                        out.println(r.getMember("json").asString());
                    } else if (status.equals("failed")) {
                        err.println("FAIL " + file + ":" + r.getMember("line").asLong() + " " + r.getMember("command").asString() + ": " + r.getMember("detail").asString());
                    }
                }
            } catch (IOException | PolyglotException e) {
                if (e instanceof PolyglotException p && (p.isInternalError() || p.isHostException() || p.isCancelled())) {
                    throw p;
                }
                count(tally, 1);
                String message = file + ": " + e.getMessage();
                if (json) {
                    out.println("{\"file\":" + org.zvm.util.Json.quote(file.toString()) + ",\"status\":\"failed\",\"detail\":" + org.zvm.util.Json.quote(message) + "}");
                } else {
                    err.println("FAIL " + message);
                }
            }
        }
        if (json) {
            out.println("{\"passed\": " + total[0] + ", \"failed\": " + total[1] + ", \"skipped\": " + total[2] + "}");
        } else {
            groups.forEach((name, t) -> out.printf("%-40s %7d passed %7d failed %7d skipped%n", name, t[0], t[1], t[2]));
            out.printf("%-40s %7d passed %7d failed %7d skipped%n", "total", total[0], total[1], total[2]);
        }
        return total[1] == 0;
    }

    private void count(long[] tally, int which) {
        tally[which]++;
        total[which]++;
    }
}
