// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.zvm.tools.ProjectDir;

/**
 * Runs a script of {@code scripts/} for a test. The scripts that install a node tool on first use
 * ({@code solc.sh}, {@code evm-diff.sh}) exit 3 when it cannot be had here (no node/npm or no registry):
 * the calling test is then skipped with a notice instead of failing.
 */
final class Scripts {
    private static final long TIMEOUT_SECONDS = 600;

    private Scripts() {
    }

    /** The script's exit status and its standard output and error, interleaved. */
    record Run(int exitValue, String log) {
    }

    static Run run(String script, String tool, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", ProjectDir.get().resolve("scripts").resolve(script).toString()));
        command.addAll(arguments);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(script + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        Assumptions.assumeTrue(p.exitValue() != 3, () -> "skipped: " + tool + " is not available here (" + script + " exit 3): " + log.strip());
        return new Run(p.exitValue(), log);
    }
}
