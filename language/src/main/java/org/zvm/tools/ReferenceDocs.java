// SPDX-License-Identifier: Apache-2.0
package org.zvm.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the generated pages of {@code docs/reference/} from the tables in the code, so the docs cannot
 * drift from the implementation; {@code ReferenceDocsTest} fails when the committed copies are stale.
 */
public final class ReferenceDocs {
    private ReferenceDocs() {
    }

    /** The command that regenerates the pages, run from the project root; printed in each page's header. */
    public static final String REGENERATE_COMMAND = "mvn -pl language compile exec:java@reference-docs";

    /** File name → content of every generated page, in a fixed order. */
    public static Map<String, String> generate() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("opcodes.md", OpcodeDocGenerator.generate());
        files.put("gas-schedule.json", GasScheduleExporter.generate());
        files.put("errors.md", ErrorDocGenerator.generate());
        return files;
    }

    /** {@code args[0]}: the directory to write into (normally {@code docs/reference}). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ReferenceDocs <docs/reference directory>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : generate().entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + file);
        }
    }

    /** The opening line of a generated page. */
    static String generatedFrom(String source) {
        return "Generated from " + source + " — do not edit; run `" + REGENERATE_COMMAND + "`.";
    }

    /** {@code text} made safe for a Markdown table cell. */
    static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
