// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zvm.util.Json;

/** The text and JSON that run and bench print, and the exit status a result maps to. */
class ReportTest {
    @Test
    void summaryOfASuccess() {
        CallResult r = new CallResult("success", null, 21, 9_999_979, "0x2a", "{}");
        assertEquals("""
                        status:   success
                        gas used: 21
                        output:   0x2a""", Report.summary(r));
        assertEquals(0, r.exitCode());
    }

    @Test
    void summaryOfAHalt() {
        CallResult r = new CallResult("halt", "out_of_gas", 100, 0, "0x", "{}");
        assertEquals("""
                        status:   halt
                        reason:   out_of_gas
                        gas used: 100
                        output:   0x""", Report.summary(r));
        assertEquals(1, r.exitCode());
        assertEquals(1, new CallResult("revert", "revert", 5, 5, "0x", "{}").exitCode());
    }

    @Test
    void unknownStatusIsAProtocolBug() {
        assertThrows(IllegalStateException.class, () -> new CallResult("maybe", null, 0, 0, "0x", "{}").exitCode());
    }

    @Test
    void benchJsonHasExactlyTheFourKeys() {
        Bench.Measurement m = new Bench.Measurement(2.5e-6, 50_000, 20_000.0, 4_000_000, 6.1, true, false, List.of());
        assertEquals("{\"secondsPerExecution\":2.5E-6,\"gasUsed\":50000,\"mgasPerSecond\":20000.0,\"executions\":4000000}",
                        Report.benchJson(m));
    }

    @Test
    void wasmBenchHasNoGasButTheResult() {
        Bench.Measurement m = new Bench.Measurement(1.5e-3, 0, 0, 2_000, 6.1, true, false, List.of());
        assertEquals("{\"secondsPerExecution\":0.0015,\"executions\":2000,\"warmupSeconds\":6.1,\"settled\":true,\"result\":\"i32:196418\"}",
                        Report.wasmBenchJson(m, "i32:196418"));
        assertEquals("""
                        executions:     2000
                        time/execution: 1.500 ms
                        result:         i32:196418""", Report.wasmBenchText(m, "i32:196418"));
    }

    @Test
    void benchText() {
        Bench.Measurement m = new Bench.Measurement(8.123456e-4, 123_456, 151.98, 12_345, 6.1, true, false, List.of());
        assertEquals("""
                        executions:     12345
                        time/execution: 812.346 us
                        gas used:       123456
                        throughput:     151.98 MGas/s""", Report.benchText(m));
    }

    @Test
    void suiteTableAndGeomeans() {
        List<BenchSuite.Case> cases = List.of(new BenchSuite.Case("main/long_case_name", Path.of("a.hex"), new byte[0], "0x", null));
        int width = Report.caseWidth(cases);
        assertEquals(19, width);
        assertEquals(7, Report.caseWidth(List.of(new BenchSuite.Case("x", Path.of("a.hex"), new byte[0], "0x", null))), "wide enough for 'geomean'");
        List<BenchSuite.Result> results = List.of(
                        new BenchSuite.Result("main/long_case_name", new Bench.Measurement(1e-3, 2_000_000, 2000.0, 1000, 3, true, false, List.of()), BenchSuite.OK),
                        new BenchSuite.Result("b", new Bench.Measurement(1e-5, 50, 5.0, 100_000, 3, false, false,
                                        List.of(new Bench.Sample(0.05, 2e-5), new Bench.Sample(0.1, 1e-5))), BenchSuite.FAILED));
        assertEquals("""
                        case                    gas used    time/exec     MGas/s  status
                        main/long_case_name      2000000     1.000 ms    2000.00  ok
                        b                             50    10.000 us       5.00  FAILED
                        geomean                            100.000 us     100.00
                        1 of 2 cases FAILED""",
                        String.join("\n", Report.suiteHeader(width), Report.suiteRow(results.get(0), width), Report.suiteRow(results.get(1), width),
                                        Report.suiteSummary(results, width)));
        assertEquals("{\"case\":\"b\",\"secondsPerExecution\":1.0E-5,\"gasUsed\":50,\"mgasPerSecond\":5.0,\"executions\":100000,"
                        + "\"settled\":false,\"status\":\"FAILED\",\"curve\":[[0.05,2.0E-5],[0.1,1.0E-5]]}", Report.suiteCaseJson(results.get(1)));
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) Json.parse(Report.suiteSummaryJson(results));
        assertEquals(List.of("cases", "failed", "geomeanSecondsPerExecution", "geomeanMgasPerSecond"), List.copyOf(summary.keySet()));
        assertEquals(2, ((Number) summary.get("cases")).intValue());
        assertEquals(1, ((Number) summary.get("failed")).intValue());
        assertEquals(1e-4, ((Number) summary.get("geomeanSecondsPerExecution")).doubleValue(), 1e-15);
        assertEquals(100.0, ((Number) summary.get("geomeanMgasPerSecond")).doubleValue(), 1e-9);
    }

    @Test
    void durations() {
        assertEquals("1.500 s", Report.duration(1.5));
        assertEquals("2.000 ms", Report.duration(0.002));
        assertEquals("3.250 us", Report.duration(3.25e-6));
        assertEquals("120.0 ns", Report.duration(1.2e-7));
        assertEquals("null", Report.jsonNumber(Double.NaN));
    }
}
