// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.util.List;
import java.util.Locale;

import org.zvm.util.Json;

/** What {@code run} and {@code bench} print: plain functions of the results, so tests need no engine. */
final class Report {
    private Report() {
    }

    /** The human summary of one call; the reason line is left out when the language gives none. */
    static String summary(CallResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("status:   ").append(r.status()).append('\n');
        if (r.reason() != null) {
            sb.append("reason:   ").append(r.reason()).append('\n');
        }
        sb.append("gas used: ").append(r.gasUsed()).append('\n');
        sb.append("output:   ").append(r.output());
        return sb.toString();
    }

    static String benchText(Bench.Measurement m) {
        return "executions:     " + m.executions() + '\n' +
                        "time/execution: " + duration(m.secondsPerExecution()) + '\n' +
                        "gas used:       " + m.gasUsed() + '\n' +
                        "throughput:     " + String.format(Locale.ROOT, "%.2f", m.mgasPerSecond()) + " MGas/s";
    }

    /** Exactly the four keys the issue names, numbers only, so any JSON reader takes it. */
    static String benchJson(Bench.Measurement m) {
        return "{" + benchFields(m) + "}";
    }

    private static String benchFields(Bench.Measurement m) {
        return "\"secondsPerExecution\":" + jsonNumber(m.secondsPerExecution()) +
                        ",\"gasUsed\":" + m.gasUsed() +
                        ",\"mgasPerSecond\":" + jsonNumber(m.mgasPerSecond()) +
                        ",\"executions\":" + m.executions();
    }

    /** A WASM export has no gas: the time, and the first call's typed results for the caller to check. */
    static String wasmBenchText(Bench.Measurement m, String result) {
        return "executions:     " + m.executions() + '\n' +
                        "time/execution: " + duration(m.secondsPerExecution()) + '\n' +
                        "result:         " + result;
    }

    static String wasmBenchJson(Bench.Measurement m, String result) {
        return "{\"secondsPerExecution\":" + jsonNumber(m.secondsPerExecution()) + ",\"executions\":" + m.executions() +
                        ",\"warmupSeconds\":" + jsonNumber(m.warmupSeconds()) + ",\"settled\":" + m.stable() + ",\"result\":" + Json.quote(result) + "}";
    }

    /** The width of the case column: the longest name, or the geomean row's label. */
    static int caseWidth(List<BenchSuite.Case> cases) {
        return Math.max("geomean".length(), cases.stream().mapToInt(c -> c.name().length()).max().orElse(0));
    }

    static String suiteHeader(int width) {
        return String.format(Locale.ROOT, "%-" + width + "s %12s %12s %10s  %s", "case", "gas used", "time/exec", "MGas/s", "status");
    }

    static String suiteRow(BenchSuite.Result r, int width) {
        Bench.Measurement m = r.measurement();
        return String.format(Locale.ROOT, "%-" + width + "s %12d %12s %10.2f  %s", r.name(), m.gasUsed(), duration(m.secondsPerExecution()),
                        m.mgasPerSecond(), r.status());
    }

    /** The geomean row under the table, and a count line when cases failed. */
    static String suiteSummary(List<BenchSuite.Result> results, int width) {
        String line = String.format(Locale.ROOT, "%-" + width + "s %12s %12s %10.2f", "geomean", "", duration(geomeanSeconds(results)), geomeanMgas(results));
        long failed = results.stream().filter(BenchSuite.Result::failed).count();
        return failed == 0 ? line : line + "\n" + failed + " of " + results.size() + " cases FAILED";
    }

    /**
     * One case: the bench keys plus {@code case}, {@code status}, whether warm-up ended with stable times, and
     * the warm-up curve as {@code [seconds, secondsPerExecution]} pairs.
     */
    static String suiteCaseJson(BenchSuite.Result r) {
        StringBuilder curve = new StringBuilder();
        for (Bench.Sample s : r.measurement().curve()) {
            curve.append(curve.isEmpty() ? "" : ",").append('[').append(jsonNumber(s.seconds())).append(',').append(jsonNumber(s.secondsPerExecution())).append(']');
        }
        return "{\"case\":" + Json.quote(r.name()) + "," + benchFields(r.measurement()) + ",\"settled\":" + r.measurement().stable() +
                        ",\"status\":" + Json.quote(r.status()) + ",\"curve\":[" + curve + "]}";
    }

    static String suiteSummaryJson(List<BenchSuite.Result> results) {
        return "{\"cases\":" + results.size() +
                        ",\"failed\":" + results.stream().filter(BenchSuite.Result::failed).count() +
                        ",\"geomeanSecondsPerExecution\":" + jsonNumber(geomeanSeconds(results)) +
                        ",\"geomeanMgasPerSecond\":" + jsonNumber(geomeanMgas(results)) + "}";
    }

    private static double geomeanSeconds(List<BenchSuite.Result> results) {
        return BenchSuite.geomean(results.stream().map(r -> r.measurement().secondsPerExecution()).toList());
    }

    private static double geomeanMgas(List<BenchSuite.Result> results) {
        return BenchSuite.geomean(results.stream().map(r -> r.measurement().mgasPerSecond()).toList());
    }

    /** Seconds with a unit that keeps 3 to 4 significant digits: "812.3 us". */
    static String duration(double seconds) {
        if (seconds >= 1) {
            return String.format(Locale.ROOT, "%.3f s", seconds);
        } else if (seconds >= 1e-3) {
            return String.format(Locale.ROOT, "%.3f ms", seconds * 1e3);
        } else if (seconds >= 1e-6) {
            return String.format(Locale.ROOT, "%.3f us", seconds * 1e6);
        }
        return String.format(Locale.ROOT, "%.1f ns", seconds * 1e9);
    }

    /** JSON has no NaN or Infinity; a measurement never produces them, but null is safer than invalid JSON. */
    static String jsonNumber(double d) {
        return Double.isFinite(d) ? Double.toString(d) : "null";
    }
}
