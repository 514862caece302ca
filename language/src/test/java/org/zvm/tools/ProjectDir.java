// SPDX-License-Identifier: Apache-2.0
package org.zvm.tools;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project root (the directory holding {@code language/}) for tests that read committed files. */
public final class ProjectDir {
    private ProjectDir() {
    }

    public static Path get() {
        String configured = System.getProperty("zvm.project.dir");
        if (configured != null && Files.isDirectory(Path.of(configured, "language"))) {
            return Path.of(configured);
        }
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("language"))) {
                return p;
            }
        }
        throw new IllegalStateException("no directory containing language/ above " + System.getProperty("user.dir"));
    }
}
