// SPDX-License-Identifier: Apache-2.0
package org.zvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zvm.nodes.Regions;
import org.zvm.tools.Assembler;

/**
 * Code cut into separately compiled regions ({@code zvm.RegionBytes}, {@link org.zvm.nodes.Regions})
 * computes exactly what it computes as one unit: status, output, gas, storage and logs. Regions of 4
 * bytes put nearly every block in a region of its own, so control crosses regions at every jump and
 * fall-through, and the stack (deeper than the frame-resident part too) crosses with it, with values
 * that stay the same across entries and values that change (see {@code EntryProfile}).
 */
class RegionsTest {
    private static final int TINY_REGIONS = 4;
    /**
     * 33 bytes that change nothing: in front of every program so that it is longer than eight 4-byte
     * regions and really runs in regions (shorter code compiles as one unit).
     */
    private static final String PADDING = "PUSH1 0\nPOP\n".repeat(11);

    static List<String> programs() {
        // The sum loop, then its result stored and logged too.
        String loop = NativeExecutionTest.SUM_LOOP.replace("POP\n", "POP\nDUP1\nPUSH1 7\nSSTORE\nPUSH1 1\nLOG0\n");
        // 40 words: more than the frame holds, summed back down across many regions.
        String deep = "PUSH1 1\n".repeat(40) + "ADD\n".repeat(39) + "PUSH1 0\nMSTORE\nPUSH1 32\nPUSH1 0\nRETURN\n";
        // A computed destination in the middle of a straight line: its block is built when first jumped to.
        String computed = "PUSH1 3\nPUSH1 mid\nPUSH1 0\nADD\nJUMP\nPUSH1 100\nmid: PUSH1 5\nADD\nPUSH1 0\nMSTORE\nPUSH1 32\nPUSH1 0\nRETURN\n";
        String outOfGas = "l: PUSH1 1\nPOP\nPUSH1 l\nJUMP\n";
        String reverts = "PUSH1 9\nPUSH1 0\nSSTORE\nPUSH1 0\nPUSH1 0\nREVERT\n";
        return List.of(loop, deep, computed, outOfGas, reverts, NativeExecutionTest.subroutineAtSixHeights()).stream().map(p -> PADDING + p).toList();
    }

    @ParameterizedTest
    @MethodSource("programs")
    void regionsComputeWhatOneUnitComputes(String program) {
        assertTrue(Regions.wanted(Assembler.assemble(program).code().length, TINY_REGIONS), "the program is long enough to run in regions");
        assertEquals(run(program, 0), run(program, TINY_REGIONS));
    }

    /**
     * Compiled regions: each compiles within the first call (the loop's iterations count), with guards on
     * the stack its entries brought (see {@code EntryProfile}); the later calls with other loop bounds break
     * those guards, and every result must still be what one interpreted unit computes.
     */
    @Test
    void compiledRegionsComputeWhatOneUnitComputes() {
        String program = PADDING + NativeExecutionTest.SUM_LOOP;
        Context.Builder builder = Context.newBuilder(ZvmLanguage.ID).allowExperimentalOptions(true).option("zvm.RegionBytes", Integer.toString(TINY_REGIONS))
                        .option("engine.BackgroundCompilation", "false").option("engine.MultiTier", "false").option("engine.SingleTierCompilationThreshold", "10");
        try (ZvmRunner compiled = new ZvmRunner(builder); ZvmRunner interpreted = new ZvmRunner(Context.newBuilder(ZvmLanguage.ID))) {
            Value regions = compiled.deploy(program);
            Value whole = interpreted.deploy(program);
            for (long n : new long[]{100, 100, 37, 0, 1000}) {
                String calldata = NativeExecutionTest.word(n);
                assertEquals(ZvmRunner.call(whole, calldata, 1_000_000), ZvmRunner.call(regions, calldata, 1_000_000), "sum below " + n);
            }
        }
    }

    private static Map<String, Object> run(String program, int regionBytes) {
        Context.Builder builder = Context.newBuilder(ZvmLanguage.ID).allowExperimentalOptions(true).option("zvm.RegionBytes", Integer.toString(regionBytes));
        try (ZvmRunner zvm = new ZvmRunner(builder)) {
            Value contract = zvm.deploy(program);
            Map<String, Object> first = ZvmRunner.call(contract, NativeExecutionTest.word(100), 200_000);
            // Again: the second call runs the regions with the profiles the first left; the third brings other
            // values into them than their entry profiles recorded.
            return Map.of("first", first, "second", ZvmRunner.call(contract, NativeExecutionTest.word(100), 200_000),
                            "third", ZvmRunner.call(contract, NativeExecutionTest.word(37), 200_000));
        }
    }
}
