// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests.debug;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.zvm.tools.ProjectDir;

/**
 * A Solidity contract compiled by {@code scripts/solc-debug.sh} (the pinned solc-js): its runtime code,
 * source map and ABI as files, as a user would produce them for {@code --inspect} and {@code zvm step}.
 * Where solc cannot be installed (exit 3) the calling test is skipped with a notice.
 */
public record Solc(Path source, Path code, Path sourceMap, Path abi) {

    /** {@code contract} of {@code examples/solidity/EXAMPLE}. */
    public static Solc compile(String example, String contract, Path outDir) throws IOException, InterruptedException {
        return compile(ProjectDir.get().resolve("examples/solidity").resolve(example), contract, outDir);
    }

    /** {@code contract} of the Solidity file {@code source}. */
    public static Solc compile(Path source, String contract, Path outDir) throws IOException, InterruptedException {
        Path project = ProjectDir.get();
        Process p = new ProcessBuilder(project.resolve("scripts/solc-debug.sh").toString(), source.toString(), contract, outDir.toString())
                        .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("solc-debug.sh did not finish in 300 s");
        }
        if (p.exitValue() == 3) {
            System.err.println("NOTICE: solc cannot be installed here, skipping: " + output.strip());
            Assumptions.abort("solc is not available: " + output.strip());
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("solc-debug.sh failed (" + p.exitValue() + "): " + output);
        }
        Path base = outDir.resolve(contract);
        Solc solc = new Solc(source, base.resolveSibling(contract + ".bin"), base.resolveSibling(contract + ".srcmap"), base.resolveSibling(contract + ".abi"));
        if (!Files.isRegularFile(solc.code()) || !Files.isRegularFile(solc.sourceMap())) {
            throw new AssertionError("solc-debug.sh wrote no code or source map: " + output);
        }
        return solc;
    }

    /** The runtime code's bytes. */
    byte[] runtimeCode() throws IOException {
        return org.zvm.util.Hex.bytes(Files.readString(code).strip());
    }
}
