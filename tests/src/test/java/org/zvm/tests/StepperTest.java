// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zvm.tests.LauncherTest.Run;
import org.zvm.tests.debug.Solc;

/**
 * {@code zvm step} driven through standard input as a user types: steps, breakpoints by line (in this
 * source and in the callee's listing) and by pc, stepping out of a CALL, the state printed at each stop. Lines and pcs refer to
 * {@code debug/parent.zasm}.
 */
class StepperTest {
    private static final String PARENT = Path.of("src/test/resources/debug/parent.zasm").toString();

    @Test
    void stepBreakIntoAndOut() throws Exception {
        Run r = LauncherTest.zvmWithInput(String.join("\n", "s", "b 8", "c", "b pc 112", "c", "b 0xc49b98de.zasm:5", "c", "o", "c") + "\n", "step", PARENT);
        assertEquals(0, r.exit(), r.toString());
        // Each stop's header follows the prompt that asked for it: "(zvm) [depth 1] ...".
        List<String> stops = r.out().lines().filter(l -> l.contains("[depth ")).map(l -> l.substring(l.indexOf("[depth "))).toList();
        assertEquals(6, stops.size(), r.toString());
        assertEquals(List.of(
                        "[depth 1] PUSH1 @ pc 0  parent.zasm:3  gas 10000000",
                        "[depth 1] PUSH1 @ pc 2  parent.zasm:4  gas 9999997"),
                        stops.subList(0, 2), r.out());
        assertTrue(stops.get(2).startsWith("[depth 1] MSTORE @ pc 9  parent.zasm:8  gas "), stops.toString());
        assertTrue(stops.get(3).startsWith("[depth 1] CALL @ pc 112  parent.zasm:30  gas "), stops.toString());
        assertTrue(stops.get(4).startsWith("[depth 2] PUSH1 @ pc 5  0xc49b98de.zasm:5  gas "), "a breakpoint in the child's listing: " + stops);
        assertTrue(stops.get(5).startsWith("[depth 1] PUSH1 @ pc 113  parent.zasm:31  gas "), "out of the child, after the CALL: " + stops);

        String atMstore = section(r.out(), "MSTORE @ pc 9");
        assertTrue(atMstore.contains("  stack   (top first): 0x60 0x33\n"), atMstore);
        assertTrue(atMstore.contains("  storage 0x0: 0x2a\n"), atMstore);
        assertTrue(atMstore.contains("  memory  (empty)\n"), atMstore);
        String atCall = section(r.out(), "CALL @ pc 112");
        assertTrue(atCall.contains("  memory  0x60: 0x" + "00".repeat(31) + "33\n"), atCall);
        assertTrue(r.out().contains("breakpoint at pc 112 (0x70)"), r.out());
        assertTrue(r.out().contains("breakpoint at parent.zasm:8"), "a line of the current source: " + r.out());
        assertTrue(r.out().contains("status:   success\n"), r.out());
    }

    /**
     * In Solidity code each stop names the functions it is in: a breakpoint on line 48 of
     * examples/solidity/Token.sol, inside the internal {@code _move} that {@code transfer} calls on line 28.
     */
    @Test
    void solidityFunctions(@TempDir Path out) throws Exception {
        Solc solc = Solc.compile("Token.sol", "Token", out);
        String calldata = "0xa9059cbb" + "00".repeat(31) + "c1" + "00".repeat(31) + "64";  // transfer(0x...c1, 100)
        Run r = LauncherTest.zvmWithInput("b 48\nc\nc\n", "step", solc.code().toString(), "--calldata", calldata, "--source-map", solc.sourceMap().toString(),
                        "--sources", solc.source().toString());
        assertEquals(1, r.exit(), "the caller has no tokens: the transfer reverts " + r);
        assertTrue(r.out().contains("  in      Token.transfer (Token.sol:"), "the first stop, in the dispatcher, runs transfer: " + r.out());
        assertTrue(r.out().contains("  in      Token._move (Token.sol:48) < Token.transfer (Token.sol:28)\n"), r.out());
    }

    @Test
    void quitStopsTheCall() throws Exception {
        Run r = LauncherTest.zvmWithInput("q\n", "step", PARENT);
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().strip().endsWith("stopped"), r.out());
    }

    /** The text printed at the stop whose header names {@code where}, up to the next prompt. */
    private static String section(String out, String where) {
        int at = out.indexOf("] " + where);
        assertTrue(at >= 0, where + " in " + out);
        return out.substring(at, out.indexOf("(zvm)", at));
    }
}
