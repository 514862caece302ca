// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.Source;
import org.zvm.ZvmLanguage;
import org.zvm.tools.ProjectDir;

/**
 * Compiles a contract of {@code examples/solidity} with {@code scripts/solc.sh} (the pinned solc-js); solc's
 * {@code .bin} file is a zvm source as it is (the language detects it), its companion {@code .abi} found by its path.
 * When solc cannot be installed here (exit 3) the calling test is skipped with a notice.
 */
final class Solidity {
    private Solidity() {
    }

    /** The creation code of {@code contract} in {@code examples/solidity/FILE}, its ABI beside it in {@code out}. */
    static Source compile(String file, String contract, Path out) throws IOException, InterruptedException {
        compileAll(out, file);
        return source(out, contract);
    }

    /** Compiles the named files of {@code examples/solidity} in one solc run into {@code out}. */
    static void compileAll(Path out, String... files) throws IOException, InterruptedException {
        Path root = ProjectDir.get();
        List<String> arguments = new ArrayList<>(List.of("--bin", "--abi", "--optimize", "--base-path", root.toString(), "-o", out.toString()));
        for (String file : files) {
            arguments.add(root.resolve("examples/solidity").resolve(file).toString());
        }
        Scripts.Run solc = Scripts.run("solc.sh", "solc", arguments);
        assertEquals(0, solc.exitValue(), solc.log());
    }

    /** The creation code of {@code contract} that {@link #compileAll} wrote into {@code out}. */
    static Source source(Path out, String contract) throws IOException {
        Path bin;
        try (var files = Files.list(out)) {
            bin = files.filter(f -> f.getFileName().toString().endsWith("_" + contract + ".bin") || f.getFileName().toString().equals(contract + ".bin")).findFirst()
                            .orElseThrow(() -> new IOException("solc wrote no " + contract + ".bin into " + out));
        }
        // The language reads solc's hex text itself (.bin), and finds the ABI in X.abi beside it.
        return Source.newBuilder(ZvmLanguage.ID, bin.toFile()).build();
    }
}
