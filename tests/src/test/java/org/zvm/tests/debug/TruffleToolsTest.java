// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests.debug;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;
import org.zvm.tools.ProjectDir;

/**
 * Truffle's CPU sampler and zvm's coverage instrument on contracts: the sampler attributes time to the
 * contract (its root is named after the code), coverage counts every source line's instructions and marks
 * the ones that never ran.
 */
class TruffleToolsTest {
    private static final String CALLER = "0x00000000000000000000000000000000000000c0";
    private static final Path LOOP = ProjectDir.get().resolve("examples/loop.zasm");

    /** Runs loop.zasm with {@code n} iterations; returns what the tools wrote to stdout and stderr. */
    private static String run(long n, Map<String, String> options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("zvm").options(options).out(out).err(out).build()) {
            String calldata = String.format("0x%064x", n);
            context.eval(Source.newBuilder("zvm", LOOP.toFile()).mimeType("text/x-zasm").build()).invokeMember("call", calldata, 1L << 40, "0x0", CALLER, true);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void cpuSamplerSeesTheContract() throws Exception {
        String histogram = run(3_000_000, Map.of("cpusampler", "true", "cpusampler.Period", "1"));
        assertTrue(histogram.contains("Sampling Histogram"), histogram);
        assertTrue(histogram.lines().anyMatch(l -> l.contains("loop.zasm") && l.contains("|")), "a row for the contract: " + histogram);
    }

    @Test
    void coverageMarksLinesThatNeverRan() throws Exception {
        String skipped = run(0, Map.of("zvm-coverage", "true"));
        assertTrue(skipped.contains("loop.zasm: 19 of 25 lines, 19 of 25 instructions (76.0%)"), skipped);
        assertTrue(skipped.contains("     #####    13 | DUP2                ; [i, sum, i]"), skipped);
        String looped = run(3, Map.of("zvm-coverage", "true"));
        assertTrue(looped.contains("loop.zasm: 25 of 25 lines, 25 of 25 instructions (100.0%)"), looped);
        assertTrue(looped.contains("         3    13 | DUP2                ; [i, sum, i]"), "the loop body ran three times: " + looped);
    }
}
