// SPDX-License-Identifier: Apache-2.0
package org.zvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

/**
 * Instrumentation must not change what a contract computes: with the EIP-3155 tracer attached, every
 * instruction sits behind a wrapper node in its block, and the block's checks and per-height copies
 * must see through it. Each program runs untraced and traced, and the results must be identical.
 */
class InstrumentedExecutionTest {
    private record Case(String name, String zasm, long gas) {
    }

    private static final String LONG_LINE = "PUSH1 0\n" + "PUSH1 1\nADD\n".repeat(300) + "PUSH1 0\nMSTORE\nPUSH1 32\nPUSH1 0\nRETURN\n";

    private static final List<Case> CASES = List.of(
                    new Case("subroutine entered at six heights", NativeExecutionTest.subroutineAtSixHeights(), 1_000_000),
                    new Case("out of gas inside a block", "PUSH1 1\nPUSH1 2\nADD\nPUSH1 3\nADD\nHALT\n", 10),
                    new Case("stack underflow inside a block", "PUSH1 1\nADD\nHALT\n", 1_000),
                    new Case("out of gas in the third piece of a long line", LONG_LINE, 900),
                    new Case("a long line to its end", LONG_LINE, 1_000_000));

    @Test
    void tracedRunsComputeWhatUntracedRunsDo() {
        try (ZvmRunner plain = new ZvmRunner();
                        ZvmRunner traced = new ZvmRunner(Context.newBuilder(ZvmLanguage.ID).option("zvm-trace", "true").err(OutputStream.nullOutputStream()))) {
            for (Case c : CASES) {
                Map<String, Object> expected = plain.run(c.zasm(), "", c.gas());
                assertEquals(expected, traced.run(c.zasm(), "", c.gas()), c.name());
            }
        }
    }
}
