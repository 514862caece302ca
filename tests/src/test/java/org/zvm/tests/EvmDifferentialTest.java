// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small fixed-seed batch of the differential test against @ethereumjs/vm (docs/differential.md):
 * {@code scripts/evm-diff.sh --expect} generates the programs and writes them as state tests whose
 * expected post-state root and logs hash are ethereumjs's; zvm's state test runner must reproduce every
 * one. Skipped with a notice when node, npm or the npm package cannot be had here (exit 3).
 */
class EvmDifferentialTest {
    /** Enough programs to touch every chunk kind many times, few enough for CI (a few seconds per side). */
    private static final int PROGRAMS = 150;
    private static final int SEED = 20261202;

    @Test
    void zvmAgreesWithEthereumjsOnGeneratedPrograms(@TempDir Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve("programs.json");
        Scripts.Run expect = Scripts.run("evm-diff.sh", "@ethereumjs", List.of("--expect", file.toString(), Integer.toString(PROGRAMS), Integer.toString(SEED)));
        assertEquals(0, expect.exitValue(), expect.log());

        StringBuilder disagreements = new StringBuilder();
        long cases;
        try (Context context = Context.newBuilder("zvm").option("zvm.Fork", "Cancun").build()) {
            Source source = Source.newBuilder("zvm", file.toFile()).mimeType("application/x-ethereum-statetest+json").build();
            Value results = context.eval(source).execute();
            cases = results.getArraySize();
            for (long i = 0; i < cases; i++) {
                Value c = results.getArrayElement(i);
                if (!c.getMember("pass").asBoolean()) {
                    disagreements.append('\n').append(c.getMember("json").asString());
                }
            }
        }
        assertEquals(PROGRAMS, cases);
        assertTrue(disagreements.isEmpty(), "zvm disagrees with ethereumjs (reproduce with scripts/evm-diff.sh " + PROGRAMS + " " + SEED + "):" + disagreements);
    }
}
