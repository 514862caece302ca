// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files, as SimpleLanguage keeps them: {@code golden/NAME.zasm} runs with the calldata and gas of
 * an optional {@code NAME.input} ({@code calldata=0x…}, {@code value=0x…}, {@code gas=N} lines) and must print exactly
 * {@code NAME.output}, the {@code zvm run --json} object. In {@code golden/error/}, the output is the one-line
 * error that loading the program gives. Set {@code -Dzvm.golden.update=true} to rewrite the outputs
 * (then review the diff). Each program runs in a fresh world.
 */
class GoldenFileSuite {
    static final Path DIR = Path.of("src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("zvm.golden.update");

    @TestFactory
    Stream<DynamicTest> programs() throws IOException {
        return cases(DIR).map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p, run(p))));
    }

    @TestFactory
    Stream<DynamicTest> loadErrors() throws IOException {
        return cases(DIR.resolve("error")).map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p, loadError(p))));
    }

    static Stream<Path> cases(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".zasm") || p.toString().endsWith(".zvm")).sorted().toList();
            return list.stream();
        }
    }

    static String run(Path program) throws IOException {
        String calldata = "";
        String value = "0x0";
        long gas = 1_000_000;
        Path input = sibling(program, ".input");
        if (Files.exists(input)) {
            for (String line : Files.readAllLines(input)) {
                if (line.startsWith("calldata=")) {
                    calldata = line.substring("calldata=".length()).trim();
                } else if (line.startsWith("value=")) {
                    value = line.substring("value=".length()).trim();
                } else if (line.startsWith("gas=")) {
                    gas = Long.parseLong(line.substring("gas=".length()).trim());
                }
            }
        }
        try (Context context = Context.create("zvm")) {
            Value contract = context.eval(Source.newBuilder("zvm", program.toFile()).build());
            return contract.invokeMember("call", calldata, gas, value, "0x00000000000000000000000000000000000000c0", true).getMember("json").asString();
        }
    }

    static String loadError(Path program) throws IOException {
        try (Context context = Context.create("zvm")) {
            context.eval(Source.newBuilder("zvm", program.toFile()).build());
            return "no error";
        } catch (PolyglotException e) {
            return e.getMessage();
        }
    }

    static void check(Path program, String actual) {
        Path expected = sibling(program, ".output");
        try {
            if (UPDATE) {
                Files.writeString(expected, actual + "\n");
                return;
            }
            assertEquals(Files.readString(expected).strip(), actual.strip(), program.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path sibling(Path program, String extension) {
        String name = program.getFileName().toString();
        return program.resolveSibling(name.substring(0, name.lastIndexOf('.')) + extension);
    }
}
