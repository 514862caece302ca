// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.zvm.tools.TestData;

/**
 * The Ethereum GeneralStateTests (Cancun) through the language's state test runner, one dynamic test per
 * file. By default a fixed slice of categories runs (what CI can afford); {@code -Dzvm.statetests=all}
 * runs every file, and {@code -Dzvm.statetests=stFoo,stBar} the named categories. The data comes from
 * {@code ../shared/data/ethereum-tests} or {@code -Dzvm.data.dir} (see its README for the upstream commit).
 */
class EthereumStateTestSuite {
    /** Categories that run by default: plain opcode semantics plus a spread of transaction rules. */
    private static final List<String> DEFAULT_SLICE = List.of("VMTests", "stExample", "stSLoadTest", "stShift", "stChainId", "stSelfBalance",
                    "stEIP1559", "stEIP2930", "stEIP3607", "stRefundTest", "stLogTests", "stTransactionTest", "stInitCodeTest", "stCodeCopyTest");

    private static Context context;

    @BeforeAll
    static void open() {
        context = Context.newBuilder("zvm").option("zvm.Fork", "Cancun").build();
    }

    @AfterAll
    static void close() {
        if (context != null) {
            context.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> stateTests() throws IOException {
        Path root = TestData.dir("ethereum-tests/GeneralStateTests");
        String selection = System.getProperty("zvm.statetests", "");
        List<Path> dirs = new ArrayList<>();
        if (selection.equals("all")) {
            dirs.add(root);
        } else {
            for (String category : selection.isEmpty() ? DEFAULT_SLICE : List.of(selection.split(","))) {
                dirs.add(root.resolve(category.strip()));
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(f -> f.toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> run(f)));
    }

    private static void run(Path file) throws IOException {
        Source source = Source.newBuilder("zvm", file.toFile()).mimeType("application/x-ethereum-statetest+json").build();
        Value cases = context.eval(source).execute();
        StringBuilder failures = new StringBuilder();
        for (long i = 0; i < cases.getArraySize(); i++) {
            Value c = cases.getArrayElement(i);
            if (!c.getMember("pass").asBoolean()) {
                failures.append('\n').append(c.getMember("json").asString());
            }
        }
        assertTrue(failures.isEmpty(), file + ":" + failures);
    }
}
