// SPDX-License-Identifier: Apache-2.0
package org.zvm.tools;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds a conformance data set for a test: under the {@code zvm.data.dir} system property, else under
 * {@code ../shared/data} beside the project root. The data is not in the repository, so a test whose data
 * is absent is skipped with a notice rather than failed.
 */
public final class TestData {
    private TestData() {
    }

    /** The directory {@code relative} of the data sets; aborts the calling test when it is absent. */
    public static Path dir(String relative) {
        String configured = System.getProperty("zvm.data.dir");
        Path base = configured != null ? Path.of(configured) : ProjectDir.get().resolve("../shared/data");
        Path dir = base.resolve(relative).normalize();
        if (!Files.isDirectory(dir)) {
            String notice = "skipped: no test data at " + dir + " (set -Dzvm.data.dir to the data directory)";
            // Surefire shows a skip only as a count; the console should say why.
            System.err.println(notice);
            Assumptions.abort(notice);
        }
        return dir;
    }
}
