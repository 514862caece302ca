// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zvm.tests.LauncherTest.Run;
import org.zvm.tools.TestData;

/**
 * Results and traces are a function of the input alone: the same run in two JVMs, the second with
 * another default locale (Turkish, whose dotless i breaks naive case mapping) and time zone, prints the
 * same bytes. Hash-ordered collections, the wall clock or locale-dependent formatting reaching an output
 * would show up here.
 */
class DeterminismTest {
    private static final List<String> ELSEWHERE = List.of("-Duser.language=tr", "-Duser.country=TR", "-Duser.timezone=Pacific/Kiritimati", "-Dfile.encoding=ISO-8859-1");

    private static void assertSameInTwoJvms(String... args) throws Exception {
        Run here = LauncherTest.zvm(args);
        Run there = LauncherTest.zvm(ELSEWHERE, args);
        assertEquals(here.exit(), there.exit(), there.toString());
        assertEquals(here.out(), there.out(), "stdout of " + String.join(" ", args));
        assertEquals(here.err(), there.err(), "stderr of " + String.join(" ", args));
    }

    @Test
    void evmTraceIsTheSameInTwoJvms(@TempDir Path dir) throws Exception {
        // Sixteen rounds of: mem[0] = i; storage[i] = keccak256(mem[0..32]); then LOG0 of the last word.
        Path program = Files.writeString(dir.resolve("loop.hex"), "60105b8060005260206000208155600190038060025760206000a000");
        Run r = LauncherTest.zvm("run", program.toString(), "--format", "evm", "--trace", "--json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().lines().count() > 16 * 13, "one trace line per instruction: " + r.err().lines().count());
        assertSameInTwoJvms("run", program.toString(), "--format", "evm", "--trace", "--json");
    }

    @Test
    void nativeTraceIsTheSameInTwoJvms() throws Exception {
        assertSameInTwoJvms("run", LauncherTest.EXAMPLES.resolve("loop.zasm").toString(), "--calldata", String.format("%064x", 50), "--trace", "--json");
    }

    @Test
    void stateTestResultsAreTheSameInTwoJvms() throws Exception {
        // Logs, refunds and access lists: state roots and logs hashes over many accounts and slots.
        Path root = TestData.dir("ethereum-tests/GeneralStateTests");
        assertSameInTwoJvms("statetest", root.resolve("stLogTests").toString(), root.resolve("stRefundTest").toString(), root.resolve("stEIP2930").toString(), "--json");
    }
}
