// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.zvm.tools.TestData;

/**
 * The WebAssembly core spec tests (wast2json output in {@code wasm-spec} of the data directory, found as
 * {@link EthereumStateTestSuite} finds its data) through the language's runner, one dynamic test per file
 * group, printing its passed, failed and skipped counts. By default every file runs except most SIMD
 * ones (a fixed {@link #SIMD_SLICE} keeps CI time down); {@code -Dzvm.wasmspec=all} runs them all,
 * {@code -Dzvm.wasmspec=i32,br} the named groups. A group passes when none of its assertions fail.
 */
class WasmSpecTestSuite {
    /** The SIMD files of the default run: memory access, constants, lanes, bit operations, integer and float arithmetic, conversions. */
    private static final List<String> SIMD_SLICE = List.of("simd_address", "simd_const", "simd_load", "simd_store", "simd_splat", "simd_bitwise",
                    "simd_bit_shift", "simd_boolean", "simd_i32x4_arith", "simd_i8x16_sat_arith", "simd_f64x2_arith", "simd_conversions");

    private static Context context;

    @BeforeAll
    static void open() {
        context = Context.newBuilder("zvm").allowIO(org.graalvm.polyglot.io.IOAccess.ALL).build();
    }

    @AfterAll
    static void close() {
        if (context != null) {
            context.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> specTests() throws IOException {
        Path root = TestData.dir("wasm-spec");
        String selection = System.getProperty("zvm.wasmspec", "");
        List<Path> groups;
        try (Stream<Path> list = Files.list(root)) {
            groups = list.filter(Files::isDirectory).sorted().filter(d -> {
                String name = d.getFileName().toString();
                return selection.equals("all") || (selection.isEmpty() ? !name.startsWith("simd_") || SIMD_SLICE.contains(name) : List.of(selection.split(",")).contains(name));
            }).toList();
        }
        return groups.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> run(d)));
    }

    private static void run(Path group) throws IOException {
        String name = group.getFileName().toString();
        Path file = group.resolve(name + ".json");
        Source source = Source.newBuilder("zvm", file.toFile()).mimeType("application/x-wasm-spectest+json").build();
        Value results = context.eval(source).execute();
        long[] counts = new long[3];
        TreeSet<Long> failedLines = new TreeSet<>();
        Map<Long, String> details = new TreeMap<>();
        for (long i = 0; i < results.getArraySize(); i++) {
            Value r = results.getArrayElement(i);
            switch (r.getMember("status").asString()) {
                case "passed" -> counts[0]++;
                case "failed" -> {
                    counts[1]++;
                    long line = r.getMember("line").asLong();
                    failedLines.add(line);
                    details.put(line, r.getMember("json").asString());
                }
                default -> counts[2]++;
            }
        }
        System.out.printf("wasm-spec %-36s %6d passed %6d failed %6d skipped%n", name, counts[0], counts[1], counts[2]);
        assertEquals(new TreeSet<>(), failedLines, name + ": " + details.values());
    }
}
