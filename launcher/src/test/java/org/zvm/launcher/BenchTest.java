// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The warm-up rule and the arithmetic, against a fake clock that each execution advances. */
class BenchTest {
    /** A clock and a contract whose execution time is whatever {@link #cost} says for the n-th call. */
    private static final class FakeContract {
        long now;
        long calls;
        final java.util.function.LongUnaryOperator cost;
        final long gas;

        FakeContract(java.util.function.LongUnaryOperator cost, long gas) {
            this.cost = cost;
            this.gas = gas;
        }

        long call() {
            now += cost.applyAsLong(calls++);
            return gas;
        }
    }

    @Test
    void warmsUpUntilCompiledThenMeasures() {
        // 10 us per call for the first 100k calls ("interpreted"), then 1 us ("compiled").
        FakeContract c = new FakeContract(n -> n < 100_000 ? 10_000 : 1_000, 3_000);
        Bench.Measurement m = new Bench(c::call, () -> c.now, Bench.MAX_EXTRA_WARMUP_NANOS).run(0.5, 2);
        assertTrue(m.stable());
        assertTrue(m.warmupSeconds() >= 1.0, "100k calls at 10 us are 1 s of warm-up");
        assertEquals(1e-6, m.secondsPerExecution(), 1e-12);
        assertEquals(3_000, m.gasUsed());
        assertEquals(3_000.0, m.mgasPerSecond(), 1e-6);
        assertTrue(m.executions() >= 2_000_000 && m.executions() < 2_200_000, "about 2 s worth: " + m.executions());
        assertFalse(m.gasVaried());
    }

    @Test
    void curveFollowsTheSpeedOverWallClockTime() {
        FakeContract c = new FakeContract(n -> n < 100_000 ? 10_000 : 1_000, 3_000);
        java.util.List<Bench.Sample> curve = new Bench(c::call, () -> c.now, Bench.MAX_EXTRA_WARMUP_NANOS).run(0.5, 2).curve();
        assertEquals(1e-5, curve.get(0).secondsPerExecution(), 1e-12, "interpreted at first");
        assertEquals(1e-6, curve.get(curve.size() - 1).secondsPerExecution(), 1e-12, "compiled at the end");
        double previous = 0;
        for (Bench.Sample s : curve) {
            assertTrue(s.seconds() - previous >= Bench.SAMPLE_NANOS / 1e9 - 1e-9, "one sample per 50 ms of calls: " + s);
            previous = s.seconds();
        }
        assertEquals(c.now / 1e9, previous, 0.1, "the curve covers the whole run");
    }

    @Test
    void minimumWarmupIsHonouredEvenWhenStableAtOnce() {
        FakeContract c = new FakeContract(n -> 1_000, 1);
        Bench.Measurement m = new Bench(c::call, () -> c.now, Bench.MAX_EXTRA_WARMUP_NANOS).run(4, 0.1);
        assertTrue(m.stable());
        assertTrue(m.warmupSeconds() >= 4.0 && m.warmupSeconds() < 5.0, "warm-up " + m.warmupSeconds());
    }

    /** Alternating 0.6 s phases of 1 us and 2 us per call: no three windows ever agree within 5%. */
    private static Bench.Measurement noisyMachine(long maxExtraWarmupNanos) {
        FakeContract c = new FakeContract(n -> (n / 600_000) % 2 == 0 ? 1_000 : 2_000, 7);
        return new Bench(c::call, () -> c.now, maxExtraWarmupNanos).run(1, 0.1);
    }

    @Test
    void givesUpOnANoisyMachineAfterThirtySecondsMore() {
        Bench.Measurement m = noisyMachine(Bench.MAX_EXTRA_WARMUP_NANOS);
        assertFalse(m.stable());
        assertTrue(m.warmupSeconds() >= 31 && m.warmupSeconds() < 33, "warm-up " + m.warmupSeconds());
    }

    @Test
    void aSuiteGivesUpAfterThreeSecondsMore() {
        Bench.Measurement m = noisyMachine(BenchSuite.MAX_EXTRA_WARMUP_NANOS);
        assertFalse(m.stable());
        assertTrue(m.warmupSeconds() >= 4 && m.warmupSeconds() < 5, "warm-up " + m.warmupSeconds());
    }

    @Test
    void reportsWhenGasVaries() {
        FakeContract c = new FakeContract(n -> 1_000, 0);
        long[] i = {0};
        Bench.Measurement m = new Bench(() -> {
            c.call();
            return i[0]++ % 2;
        }, () -> c.now, Bench.MAX_EXTRA_WARMUP_NANOS).run(0, 0.1);
        assertTrue(m.gasVaried());
    }
}
