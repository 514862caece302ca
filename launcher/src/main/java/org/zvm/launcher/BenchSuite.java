// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.zvm.util.Hex;

/**
 * The cases of {@code zvm bench --suite}, in the flat format of the evm-benchmarks data set: each line of
 * the TSV is {@code name<TAB>code file<TAB>calldata hex}, the code file (hex EVM runtime code) relative to
 * the TSV's directory; {@code expected.tsv} beside it, when present, is {@code name<TAB>output hex}. All of it
 * is read and checked before the engine starts, so a typo in the last line does not surface after minutes of
 * measuring.
 */
final class BenchSuite {
    static final String EXPECTED_FILE = "expected.tsv";
    static final String OK = "ok";
    /** The suite gives no expected output for the case; only the call's success was checked. */
    static final String UNCHECKED = "unchecked";
    static final String FAILED = "FAILED";
    /**
     * How long a case may warm up beyond {@code --warmup} waiting for stable times. With the single-file
     * bench's 30 s, the many cases whose compilation takes tens of seconds or whose times never agree within
     * 5% on a busy 2-core machine made the 27 evm-benchmarks cases take 7.5 minutes instead of about 3.
     */
    static final long MAX_EXTRA_WARMUP_NANOS = 3_000_000_000L;

    /**
     * @param calldata {@code 0x}-hex, as the contract's {@code call} member takes it
     * @param expected the output the first call must return ({@code 0x}-hex, lower case), or null when unknown
     */
    record Case(String name, Path codeFile, byte[] code, String calldata, String expected) {
    }

    /** @param status {@link #OK}, {@link #UNCHECKED} or {@link #FAILED} */
    record Result(String name, Bench.Measurement measurement, String status) {
        boolean failed() {
            return status.equals(FAILED);
        }
    }

    private BenchSuite() {
    }

    static List<Case> read(Path tsv) throws UsageException {
        Path expectedFile = tsv.resolveSibling(EXPECTED_FILE);
        Map<String, String> expected = Files.exists(expectedFile) ? expected(expectedFile) : Map.of();
        Map<Path, byte[]> codes = new HashMap<>();
        Map<String, Case> cases = new LinkedHashMap<>();
        for (Row row : rows(tsv, "case, code file, calldata hex")) {
            Path codeFile = tsv.resolveSibling(row.fields[1]);
            byte[] code = codes.get(codeFile);
            if (code == null) {
                code = Tools.evmCode(codeFile, ZvmLauncher.read(codeFile));
                codes.put(codeFile, code);
            }
            String name = row.fields[0];
            Case c = new Case(name, codeFile, code, hex(row, row.fields[2], "calldata"), expected.get(name));
            if (cases.putIfAbsent(name, c) != null) {
                throw new UsageException(row.where + ": case '" + name + "' appears twice");
            }
        }
        if (cases.isEmpty()) {
            throw new UsageException(tsv + ": no cases");
        }
        return List.copyOf(cases.values());
    }

    /** Why the first call disqualifies the case, or null: it must succeed and return the expected output. */
    static String failure(Case c, CallResult first) {
        if (first.exitCode() != ZvmLauncher.EXIT_SUCCESS) {
            return "the call ends with " + first.status() + (first.reason() == null ? "" : " (" + first.reason() + ")");
        }
        if (c.expected() != null && !c.expected().equalsIgnoreCase(first.output())) {
            return "output " + first.output() + " differs from the expected " + c.expected();
        }
        return null;
    }

    static String status(Case c, String failure) {
        if (failure != null) {
            return FAILED;
        }
        return c.expected() == null ? UNCHECKED : OK;
    }

    /** The geometric mean, the one average of ratios and rates that no single case dominates. */
    static double geomean(List<Double> values) {
        double sum = 0;
        for (double v : values) {
            sum += Math.log(v);
        }
        return Math.exp(sum / values.size());
    }

    private static Map<String, String> expected(Path file) throws UsageException {
        Map<String, String> out = new HashMap<>();
        for (Row row : rows(file, "case, output hex")) {
            out.put(row.fields[0], hex(row, row.fields[1], "output"));
        }
        return out;
    }

    /** @param where "file:line", for messages */
    private record Row(String where, String[] fields) {
    }

    /** The non-blank lines of a TSV, each with as many fields as {@code columns} names. */
    private static List<Row> rows(Path file, String columns) throws UsageException {
        int n = columns.split(",").length;
        List<Row> rows = new ArrayList<>();
        List<String> lines = ZvmLauncher.utf8(file, ZvmLauncher.read(file)).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = file + ":" + (i + 1);
            String[] fields = line.split("\t", -1);
            if (fields.length != n) {
                throw new UsageException(where + ": expected " + n + " tab-separated fields (" + columns + "), found " + fields.length);
            }
            if (fields[0].isEmpty()) {
                throw new UsageException(where + ": empty case name");
            }
            rows.add(new Row(where, fields));
        }
        return rows;
    }

    private static String hex(Row row, String field, String what) throws UsageException {
        String digits = Hex.strip(field.strip());
        if (digits.length() % 2 != 0 || !Arguments.isHex(digits)) {
            throw new UsageException(row.where + ": " + what + " is not hex bytes");
        }
        return "0x" + digits.toLowerCase(Locale.ROOT);
    }
}
