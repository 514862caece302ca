// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The {@code zvm bench} timing loop, apart from the engine so the warm-up rule can be tested with a fake clock.
 *
 * <p>
 * Calls are made in chunks between two clock reads; the chunk size doubles until a chunk takes about
 * {@value #CHUNK_NANOS} ns, so reading the clock costs nothing measurable even for a contract that runs in
 * a few hundred nanoseconds.
 *
 * <p>
 * <b>Warm-up rule.</b> Run for at least the minimum warm-up time, then keep going until the time per
 * execution of the last {@value #STABLE_WINDOWS} windows of {@value #WINDOW_NANOS} ns each agrees within 5%
 * (slowest / fastest &le; {@value #TOLERANCE}), i.e. until Graal has stopped making the calls faster. If that
 * does not happen within {@value #MAX_EXTRA_WARMUP_NANOS} ns after the minimum (a noisy machine, or a compilation
 * that takes longer than that), measuring starts anyway and {@link Measurement#stable()} is false. A suite
 * of many cases passes a smaller limit so that its total time stays predictable.
 *
 * <p>
 * <b>Measurement.</b> Then chunks run until their summed time reaches the measuring time; seconds per
 * execution is that sum over the number of executions, and MGas/s is gasUsed / secondsPerExecution / 1e6.
 *
 * <p>
 * <b>Warm-up curve.</b> Every {@value #SAMPLE_NANOS} ns of calls, warm-up and measurement alike, adds a
 * {@link Sample}: how fast the calls were at that moment of wall-clock time, which is what the issue's
 * "90% of peak within 5 s" is read from (scripts/evm-bench-curve.mjs plots it).
 */
final class Bench {
    static final long CHUNK_NANOS = 10_000_000L;
    static final long WINDOW_NANOS = 500_000_000L;
    static final int STABLE_WINDOWS = 3;
    static final double TOLERANCE = 1.05;
    static final long MAX_EXTRA_WARMUP_NANOS = 30_000_000_000L;
    static final long SAMPLE_NANOS = 50_000_000L;
    private static final long MAX_CHUNK = 1L << 24;

    /** One call of the contract; returns its gasUsed. */
    @FunctionalInterface
    interface Execution {
        long run();
    }

    /**
     * @param stable whether warm-up ended by the stability rule rather than its time limit
     * @param gasVaried whether gasUsed differed between executions (it should not when state is rolled back)
     * @param curve the warm-up curve, in time order
     */
    record Measurement(double secondsPerExecution, long gasUsed, double mgasPerSecond, long executions,
                    double warmupSeconds, boolean stable, boolean gasVaried, List<Sample> curve) {
    }

    /**
     * @param seconds wall-clock time from the start of the bench to the end of the sample's calls
     * @param secondsPerExecution the mean time of the calls since the previous sample
     */
    record Sample(double seconds, double secondsPerExecution) {
    }

    private final Execution execution;
    private final LongSupplier clock;
    private final long maxExtraWarmupNanos;
    private long chunk = 1;
    private long lastGas;
    private long minGas = Long.MAX_VALUE;
    private long maxGas = Long.MIN_VALUE;
    private final List<Sample> curve = new ArrayList<>();
    private long start;
    private long sampleNanos;
    private long sampleExecutions;

    Bench(Execution execution, LongSupplier clock, long maxExtraWarmupNanos) {
        this.execution = execution;
        this.clock = clock;
        this.maxExtraWarmupNanos = maxExtraWarmupNanos;
    }

    Measurement run(double minWarmupSeconds, double measureSeconds) {
        start = clock.getAsLong();
        boolean stable = warmUp(toNanos(minWarmupSeconds));
        double warmupSeconds = (clock.getAsLong() - start) / 1e9;

        minGas = Long.MAX_VALUE;
        maxGas = Long.MIN_VALUE;
        long measureNanos = toNanos(measureSeconds);
        long total = 0;
        long executions = 0;
        while (total < measureNanos) {
            long n = chunk;
            total += runChunk();
            executions += n;
        }
        double secondsPerExecution = total / 1e9 / executions;
        double mgas = lastGas / secondsPerExecution / 1e6;
        return new Measurement(secondsPerExecution, lastGas, mgas, executions, warmupSeconds, stable, minGas != maxGas, List.copyOf(curve));
    }

    private boolean warmUp(long minNanos) {
        long start = clock.getAsLong();
        Deque<Double> windows = new ArrayDeque<>();
        long windowNanos = 0;
        long windowExecutions = 0;
        while (true) {
            long n = chunk;
            windowNanos += runChunk();
            windowExecutions += n;
            if (windowNanos < WINDOW_NANOS) {
                continue;
            }
            windows.addLast((double) windowNanos / windowExecutions);
            if (windows.size() > STABLE_WINDOWS) {
                windows.removeFirst();
            }
            windowNanos = 0;
            windowExecutions = 0;
            long elapsed = clock.getAsLong() - start;
            if (elapsed >= minNanos && windows.size() == STABLE_WINDOWS && spread(windows) <= TOLERANCE) {
                return true;
            }
            if (elapsed >= minNanos + maxExtraWarmupNanos) {
                return false;
            }
        }
    }

    /** Runs {@link #chunk} executions and adapts the chunk size toward {@link #CHUNK_NANOS}. */
    private long runChunk() {
        long n = chunk;
        long t0 = clock.getAsLong();
        for (long i = 0; i < n; i++) {
            long gas = execution.run();
            minGas = Math.min(minGas, gas);
            maxGas = Math.max(maxGas, gas);
            lastGas = gas;
        }
        long t1 = clock.getAsLong();
        long dt = t1 - t0;
        sampleNanos += dt;
        sampleExecutions += n;
        if (sampleNanos >= SAMPLE_NANOS) {
            curve.add(new Sample((t1 - start) / 1e9, sampleNanos / 1e9 / sampleExecutions));
            sampleNanos = 0;
            sampleExecutions = 0;
        }
        if (dt < CHUNK_NANOS / 2 && n < MAX_CHUNK) {
            chunk = n * 2;
        } else if (dt > CHUNK_NANOS * 4 && n > 1) {
            chunk = n / 2;
        }
        return dt;
    }

    private static double spread(Deque<Double> windows) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double w : windows) {
            min = Math.min(min, w);
            max = Math.max(max, w);
        }
        return max / min;
    }

    private static long toNanos(double seconds) {
        return (long) (seconds * 1e9);
    }
}
