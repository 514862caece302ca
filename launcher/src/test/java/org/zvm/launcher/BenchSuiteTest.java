// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flat suite format: what a well-formed TSV yields, and the one-line message for each way it can be wrong. */
class BenchSuiteTest {
    @TempDir
    Path dir;
    private Path tsv;

    @BeforeEach
    void code() throws IOException {
        Files.createDirectory(dir.resolve("code"));
        Files.writeString(dir.resolve("code/add.hex"), "0x6001600201\n");
        Files.writeString(dir.resolve("code/stop.hex"), "00");
        tsv = dir.resolve("cases.tsv");
    }

    private List<BenchSuite.Case> read(String cases) throws Exception {
        Files.writeString(tsv, cases);
        return BenchSuite.read(tsv);
    }

    private void fails(String message, String cases) throws IOException {
        Files.writeString(tsv, cases);
        UsageException e = assertThrows(UsageException.class, () -> BenchSuite.read(tsv));
        assertEquals(message, e.getMessage());
    }

    @Test
    void readsCasesRelativeToTheTsvWithExpectedOutputs() throws Exception {
        Files.writeString(dir.resolve("expected.tsv"), "a/one\t00FF\na/two\t\n");
        List<BenchSuite.Case> cases = read("a/one\tcode/add.hex\tABCD\n\na/two\tcode/add.hex\t\r\nb/stop\tcode/stop.hex\t0x\n");
        assertEquals(List.of("a/one", "a/two", "b/stop"), cases.stream().map(BenchSuite.Case::name).toList());
        BenchSuite.Case one = cases.getFirst();
        assertEquals(dir.resolve("code/add.hex"), one.codeFile());
        assertArrayEquals(new byte[]{0x60, 0x01, 0x60, 0x02, 0x01}, one.code());
        assertSame(one.code(), cases.get(1).code(), "a code file shared by cases is read once");
        assertEquals("0xabcd", one.calldata());
        assertEquals("0x00ff", one.expected());
        assertEquals("0x", cases.get(1).calldata());
        assertEquals("0x", cases.get(1).expected());
        assertNull(cases.get(2).expected(), "no line in expected.tsv");
    }

    @Test
    void withoutExpectedTsvNothingIsExpected() throws Exception {
        assertNull(read("x\tcode/stop.hex\t\n").getFirst().expected());
    }

    @Test
    void malformedSuites() throws IOException {
        fails(tsv + ":2: expected 3 tab-separated fields (case, code file, calldata hex), found 2", "ok\tcode/stop.hex\t\nbad\tcode/stop.hex\n");
        fails(tsv + ":1: expected 3 tab-separated fields (case, code file, calldata hex), found 1", "name code/stop.hex 00\n");
        fails(tsv + ":1: empty case name", "\tcode/stop.hex\t\n");
        fails(tsv + ":1: calldata is not hex bytes", "x\tcode/stop.hex\tabc\n");
        fails(tsv + ":1: calldata is not hex bytes", "x\tcode/stop.hex\tzz\n");
        fails(tsv + ":2: case 'x' appears twice", "x\tcode/stop.hex\t\nx\tcode/add.hex\t\n");
        fails(dir.resolve("code/none.hex") + ": cannot read: no such file or directory", "x\tcode/none.hex\t\n");
        fails(tsv + ": no cases", "\n\n");
        Files.writeString(dir.resolve("code/bin.hex"), "60 0g");
        fails(dir.resolve("code/bin.hex") + ": not a hex digit: byte 0x67 at offset 4 (a binary EVM file needs the .evm extension)", "x\tcode/bin.hex\t\n");
        Files.writeString(dir.resolve("code/empty.hex"), "\n");
        fails(dir.resolve("code/empty.hex") + ": no hex digits (empty code is almost surely the wrong file)", "x\tcode/empty.hex\t\n");
        Files.writeString(dir.resolve("expected.tsv"), "x\tnothex\n");
        fails(dir.resolve("expected.tsv") + ":1: output is not hex bytes", "x\tcode/stop.hex\t\n");
    }

    @Test
    void aCaseFailsWhenTheCallDoesNotSucceedOrItsOutputDiffers() {
        BenchSuite.Case checked = new BenchSuite.Case("c", Path.of("c.hex"), new byte[]{0}, "0x", "0x2a");
        BenchSuite.Case unchecked = new BenchSuite.Case("u", Path.of("u.hex"), new byte[]{0}, "0x", null);
        CallResult good = new CallResult("success", null, 10, 0, "0x2A", "{}");
        CallResult other = new CallResult("success", null, 10, 0, "0x2b", "{}");
        CallResult halt = new CallResult("halt", "out_of_gas", 10, 0, "0x", "{}");

        assertNull(BenchSuite.failure(checked, good), "hex case does not matter");
        assertEquals(BenchSuite.OK, BenchSuite.status(checked, null));
        assertEquals("output 0x2b differs from the expected 0x2a", BenchSuite.failure(checked, other));
        assertEquals("the call ends with halt (out_of_gas)", BenchSuite.failure(unchecked, halt));
        assertEquals(BenchSuite.FAILED, BenchSuite.status(unchecked, "the call ends with halt"));
        assertNull(BenchSuite.failure(unchecked, other));
        assertEquals(BenchSuite.UNCHECKED, BenchSuite.status(unchecked, null));
        assertFalse(new BenchSuite.Result("u", null, BenchSuite.UNCHECKED).failed());
    }

    @Test
    void geomean() {
        assertEquals(4.0, BenchSuite.geomean(List.of(2.0, 8.0)), 1e-12);
        assertEquals(3.0, BenchSuite.geomean(List.of(3.0)), 1e-12);
        assertEquals(1e-3, BenchSuite.geomean(List.of(1e-6, 1.0)), 1e-15);
    }
}
