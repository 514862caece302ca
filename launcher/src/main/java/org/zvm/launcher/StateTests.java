// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.zvm.util.Json;

/**
 * {@code zvm statetest}: evaluates each state test file (the language returns a runner of its cases),
 * prints a line per case with {@code --json} or a progress line on a terminal, and a summary per category
 * (the file's directory) and in total. A file that cannot be read or parsed counts as one failure.
 */
final class StateTests {
    static final String MIME = "application/x-ethereum-statetest+json";

    /** Passed, failed and skipped cases of one category. */
    private static final class Tally {
        long passed;
        long failed;
        long skipped;
    }

    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final boolean progress;
    private final Map<String, Tally> categories = new TreeMap<>();
    private final Tally total = new Tally();

    StateTests(PrintStream out, PrintStream err, boolean json, boolean progress) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.progress = progress;
    }

    /** Every {@code .json} file under the paths, in a stable order. */
    static List<Path> files(List<Path> paths) throws UsageException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".json")).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UsageException(p + ": cannot list: " + e.getMessage());
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /** Runs the files; true when no case failed. */
    boolean run(Context context, List<Path> files, String filter) {
        int done = 0;
        for (Path file : files) {
            Tally tally = categories.computeIfAbsent(category(file), k -> new Tally());
            try {
                Source source = Source.newBuilder(ZvmLauncher.LANGUAGE_ID, file.toFile()).name(file.toString()).mimeType(MIME).build();
                Value cases = context.eval(source).execute(filter);
                for (long i = 0; i < cases.getArraySize(); i++) {
                    Value c = cases.getArrayElement(i);
                    boolean pass = c.getMember("pass").asBoolean();
                    count(tally, pass);
                    if (json) {
                        out.println(c.getMember("json").asString());
                    } else if (!pass) {
                        clearProgress();
                        err.println("FAIL " + file + " " + c.getMember("test").asString() + " d" + c.getMember("data").asInt() + " g"
                                        + c.getMember("gas").asInt() + " v" + c.getMember("value").asInt() + ": "
                                        + (c.getMember("error").isNull() ? "state root " + c.getMember("actualHash").asString() + " != expected "
                                                        + c.getMember("expectedHash").asString() : c.getMember("error").asString()));
                    }
                }
            } catch (IOException | PolyglotException e) {
                if (e instanceof PolyglotException p && (p.isInternalError() || p.isHostException() || p.isCancelled())) {
                    throw p;
                }
                count(tally, false);
                // The language's message already starts with the source name.
                String message = e instanceof PolyglotException ? e.getMessage() : file + ": cannot read: " + e.getMessage();
                if (json) {
                    out.println("{\"file\":" + Json.quote(file.toString()) + ",\"pass\":false,\"error\":" + Json.quote(message) + "}");
                } else {
                    clearProgress();
                    err.println("FAIL " + message);
                }
            }
            done++;
            if (progress) {
                err.print("\r" + done + "/" + files.size() + " files, " + total.passed + " passed, " + total.failed + " failed");
                err.flush();
            }
        }
        clearProgress();
        if (json) {
            out.println("{\"passed\": " + total.passed + ", \"failed\": " + total.failed + ", \"skipped\": " + total.skipped + "}");
        } else {
            categories.forEach((name, t) -> out.printf("%-40s %7d passed %7d failed %7d skipped%n", name, t.passed, t.failed, t.skipped));
            out.printf("%-40s %7d passed %7d failed %7d skipped%n", "total", total.passed, total.failed, total.skipped);
        }
        return total.failed == 0;
    }

    private void count(Tally tally, boolean pass) {
        if (pass) {
            tally.passed++;
            total.passed++;
        } else {
            tally.failed++;
            total.failed++;
        }
    }

    private void clearProgress() {
        if (progress) {
            err.print("\r\033[K");
        }
    }

    private static String category(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null || parent.getFileName() == null ? "." : parent.getFileName().toString();
    }
}
