// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.ByteSequence;
import org.zvm.ZvmLanguage;
import org.zvm.tools.ProjectDir;
import org.zvm.util.Hex;

/**
 * Compiles a contract of {@code examples/solidity} with {@code scripts/solc.sh} (the pinned solc-js) and
 * turns solc's {@code .bin} into a zvm source whose companion {@code .abi} the language finds by its path.
 * When solc cannot be installed here (exit 3) the calling test is skipped with a notice.
 */
final class Solidity {
    private Solidity() {
    }

    /** The creation code of {@code contract} in {@code examples/solidity/FILE}, its ABI beside it in {@code out}. */
    static Source compile(String file, String contract, Path out) throws IOException, InterruptedException {
        Path root = ProjectDir.get();
        Scripts.Run solc = Scripts.run("solc.sh", "solc", List.of("--bin", "--abi", "--optimize", "--base-path", root.toString(), "-o", out.toString(),
                        root.resolve("examples/solidity").resolve(file).toString()));
        assertEquals(0, solc.exitValue(), solc.log());
        Path bin;
        try (var files = Files.list(out)) {
            bin = files.filter(f -> f.getFileName().toString().endsWith("_" + contract + ".bin") || f.getFileName().toString().equals(contract + ".bin")).findFirst()
                            .orElseThrow(() -> new IOException("solc wrote no " + contract + ".bin into " + out));
        }
        byte[] code = Hex.bytes(Files.readString(bin).strip());
        return Source.newBuilder(ZvmLanguage.ID, bin.toFile()).content(ByteSequence.create(code)).mimeType(ZvmLanguage.EVM_MIME).build();
    }
}
