// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.util.Locale;

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
        return "{\"secondsPerExecution\":" + jsonNumber(m.secondsPerExecution()) +
                        ",\"gasUsed\":" + m.gasUsed() +
                        ",\"mgasPerSecond\":" + jsonNumber(m.mgasPerSecond()) +
                        ",\"executions\":" + m.executions() + "}";
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
