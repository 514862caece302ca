// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

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
        Bench.Measurement m = new Bench.Measurement(2.5e-6, 50_000, 20_000.0, 4_000_000, 6.1, true, false);
        assertEquals("{\"secondsPerExecution\":2.5E-6,\"gasUsed\":50000,\"mgasPerSecond\":20000.0,\"executions\":4000000}",
                        Report.benchJson(m));
    }

    @Test
    void benchText() {
        Bench.Measurement m = new Bench.Measurement(8.123456e-4, 123_456, 151.98, 12_345, 6.1, true, false);
        assertEquals("""
                        executions:     12345
                        time/execution: 812.346 us
                        gas used:       123456
                        throughput:     151.98 MGas/s""", Report.benchText(m));
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
