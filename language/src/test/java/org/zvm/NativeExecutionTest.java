// SPDX-License-Identifier: Apache-2.0
package org.zvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zvm.util.Json;

/**
 * Native programs end to end: status, halt reason, exact gas, output and storage, evmone style (build
 * code, run, assert). Gas figures are worked out by hand from zvm-native.md in each comment.
 */
class NativeExecutionTest {
    static final String SELF = "0x000000000000000000000000000000000000c0de";
    /** A fresh world per test: every program is deployed at the same address. */
    static ZvmRunner zvm;

    @BeforeEach
    void start() {
        zvm = new ZvmRunner();
    }

    @AfterEach
    void stop() {
        zvm.close();
    }

    static Map<String, Object> run(String zasm) {
        return zvm.run(zasm, "", 1_000_000);
    }

    static long gasUsed(Map<String, Object> r) {
        return ((BigInteger) r.get("gasUsed")).longValue();
    }

    static String output(Map<String, Object> r) {
        return (String) r.get("output");
    }

    static String word(long v) {
        return String.format("0x%064x", v);
    }

    @Test
    void storageCounterCostsExactlyAsSpecified() {
        Value counter = zvm.deploy("PUSH1 0\nSLOAD\nPUSH1 1\nADD\nPUSH1 0\nSSTORE\nHALT\n");
        Map<String, Object> first = ZvmRunner.call(counter, "", 100_000);
        assertEquals("success", first.get("status"));
        assertEquals(Json.NULL, first.get("reason"));
        // 3 + 2,100 (cold SLOAD) + 3 + 3 + 3 + 20,000 (0 -> 1 on a warm slot)
        assertEquals(22_112, gasUsed(first));
        assertEquals(Map.of(SELF, Map.of("0x0", "0x1")), first.get("storage"));
        Map<String, Object> second = ZvmRunner.call(counter, "", 100_000);
        // A new transaction: cold again; 1 -> 2 with original == current is a reset (2,900).
        assertEquals(3 + 2_100 + 3 + 3 + 3 + 2_900, gasUsed(second));
        assertEquals(Map.of(SELF, Map.of("0x0", "0x2")), second.get("storage"));
    }

    /** Sums 0 .. n-1 for n in the call data and returns the sum: a loop with a static back edge. */
    static final String SUM_LOOP = """
                        PUSH1 0
                        PUSH1 0
                        PUSH1 test
                        JUMP
                        loop: SWAP1
                        DUP2
                        ADD
                        SWAP1
                        PUSH1 1
                        ADD
                        test: PUSH1 0
                        CALLDATALOAD
                        DUP2
                        LT
                        PUSH1 loop
                        JUMPI
                        POP
                        PUSH1 0
                        MSTORE
                        PUSH1 32
                        PUSH1 0
                        RETURN
                        """;

    @Test
    void loopSumsAndReturns() {
        Map<String, Object> r = zvm.run(SUM_LOOP, word(100), 1_000_000);
        assertEquals("success", r.get("status"));
        assertEquals(word(4950), output(r));
    }

    @Test
    void transientStorageRoundTrips() {
        Map<String, Object> r = run("PUSH1 0x63\nPUSH1 5\nTSTORE\nPUSH1 5\nTLOAD\nPUSH1 0\nMSTORE\nPUSH1 32\nPUSH1 0\nRETURN\n");
        assertEquals(word(0x63), output(r));
        assertEquals(Map.of(), r.get("storage"));
    }

    @Test
    void arithmeticWrapsAndSpecializes() {
        // 2^255 * 2 wraps to 0 (wide path); 7 * 6 takes the 64-bit path; SUB 0 - 1 is all ones.
        String program = """
                        PUSH1 2
                        PUSH32 0x8000000000000000000000000000000000000000000000000000000000000000
                        MUL
                        PUSH1 6
                        PUSH1 7
                        MUL
                        ADD
                        PUSH1 1
                        PUSH1 0
                        SUB
                        ADD
                        PUSH1 0
                        MSTORE
                        PUSH1 32
                        PUSH1 0
                        RETURN
                        """;
        assertEquals(word(41), output(run(program)));
    }

    @Test
    void gasOpcodeSeesTheExactGasLeft() {
        // GAS costs 2 and is the first instruction: 1,000 - 2 = 998.
        Map<String, Object> r = zvm.run("GAS\nPUSH1 0\nMSTORE\nPUSH1 32\nPUSH1 0\nRETURN\n", "", 1_000);
        assertEquals(word(998), output(r));
    }

    @Test
    void revertKeepsGasAndUndoesStorage() {
        Map<String, Object> r = run("PUSH1 7\nPUSH1 1\nSSTORE\nPUSH1 0xAB\nPUSH1 0\nMSTORE8\nPUSH1 1\nPUSH1 0\nREVERT\n");
        assertEquals("revert", r.get("status"));
        assertEquals("revert", r.get("reason"));
        assertEquals("0xab", output(r));
        assertEquals(Map.of(), r.get("storage"));
        assertTrue(gasUsed(r) < 1_000_000);
    }

    @Test
    void logsCarryTopicsAndData() {
        Map<String, Object> r = run("PUSH1 0x2A\nPUSH1 0\nMSTORE8\nPUSH1 0x99\nPUSH1 1\nPUSH1 0\nLOG1\nHALT\n");
        assertEquals(List.of(Map.of("address", SELF, "topics", List.of(word(0x99)), "data", "0x2a")), r.get("logs"));
        // 3 + 3 + 3 (MSTORE8 memory word) + 3 + 3 + 3 + 750 + 8 (one byte)
        assertEquals(3 + 3 + 3 + 3 + 3 + 3 + 3 + 750 + 8, gasUsed(r));
    }

    @Test
    void tableHashMatchesTheVectors() {
        Map<String, Object> r = run("PUSH1 0\nPUSH1 1\nTABLEHASH\nPUSH1 0\nMSTORE\nPUSH1 32\nPUSH1 0\nRETURN\n");
        assertEquals("0xa6eef7e35abe7026729641147f7915573c7e97b47efa546f5f6e3230263bcb49", output(r));
        r = run("PUSH1 1\nPUSH1 2\nTABLEHASH\nPUSH1 0\nMSTORE\nPUSH1 32\nPUSH1 0\nRETURN\n");
        assertEquals("0xe90b7bceb6e7df5418fb78d8ee546e97c83a08bbccc01a0644d599ccd2a7c2e0", output(r));
    }

    static void assertHalt(String reason, Map<String, Object> r, long gasLimit) {
        assertEquals("halt", r.get("status"));
        assertEquals(reason, r.get("reason"));
        assertEquals(gasLimit, gasUsed(r), "an exceptional halt consumes all gas");
        assertEquals(Map.of(), r.get("storage"));
    }

    @Test
    void haltReasons() {
        assertHalt("stack_underflow", run("PUSH1 1\nPUSH1 0\nSSTORE\nPOP\n"), 1_000_000);
        assertHalt("stack_overflow", run("l: PUSH1 0\nPUSH1 l\nJUMP\n"), 1_000_000);
        assertHalt("invalid_jump", run("PUSH1 0xff\nJUMP\n"), 1_000_000);
        // Offset 1 is inside the PUSH1 immediate.
        assertHalt("invalid_jump", run("PUSH1 0\nPUSH1 1\nADD\nJUMP\n"), 1_000_000);
        assertHalt("out_of_gas", zvm.run("PUSH1 1\nPUSH1 2\nADD\nHALT\n", "", 8), 8);
        assertHalt("out_of_gas", run("PUSH32 0x0100000000\nMLOAD\n"), 1_000_000);
        assertHalt("returndata_out_of_bounds", run("PUSH1 1\nPUSH1 0\nPUSH1 0\nRETURNDATACOPY\n"), 1_000_000);
        assertHalt("initcode_size_exceeded", run("PUSH2 0xC001\nPUSH1 0\nPUSH1 0\nCREATE\n"), 1_000_000);
    }

    @Test
    void outOfGasInsideABlockHaltsAtTheExactInstruction() {
        // 3 + 3 + 3 = 9 static gas, only 7 given: the third PUSH runs out, not the block as a whole.
        Map<String, Object> r = zvm.run("PUSH1 1\nPUSH1 2\nPUSH1 3\nHALT\n", "", 7);
        assertHalt("out_of_gas", r, 7);
    }

    /**
     * A subroutine entered at six different stack heights: the block gets a copy per height up to its
     * limit, then a generic one, and every entry must compute the same as the first.
     */
    @Test
    void blockEnteredAtManyHeightsComputesTheSame() {
        // 11 + 12 + ... + 16
        assertEquals(word(81), output(run(subroutineAtSixHeights())));
    }

    /** Calls one subroutine from six stack heights, so its blocks get a copy per height and a generic one. */
    static String subroutineAtSixHeights() {
        StringBuilder program = new StringBuilder("PUSH1 10\n");
        for (int call = 1; call <= 6; call++) {
            program.append(call == 1 ? "" : "DUP1\n").append("PUSH1 r").append(call).append("\nPUSH1 sub\nJUMP\nr").append(call).append(": ");
        }
        program.append("ADD\n".repeat(5)).append("PUSH1 0\nMSTORE\nPUSH1 32\nPUSH1 0\nRETURN\n");
        // sub: (x, ret) -> x + 1, back to ret.
        return program.append("sub: SWAP1\nPUSH1 1\nADD\nSWAP1\nJUMP\n").toString();
    }

    /** A straight line longer than a block may be is split; gas and results are those of one line. */
    @Test
    void longStraightLineIsSplitTransparently() {
        String line = "PUSH1 0\n" + "PUSH1 1\nADD\n".repeat(300) + "PUSH1 0\nMSTORE\nPUSH1 32\nPUSH1 0\nRETURN\n";
        Map<String, Object> r = run(line);
        assertEquals(word(300), output(r));
        // 601 pushes and adds at 3 gas, then PUSH1 0, MSTORE 3 + 3 memory, PUSH1 32, PUSH1 0, RETURN 0.
        assertEquals(601 * 3 + 3 + 6 + 3 + 3, gasUsed(r));
        // Out of gas in the third 128-instruction piece halts there, with all gas used.
        assertHalt("out_of_gas", zvm.run(line, "", 3 * 300), 3 * 300);
    }

    /** Init code that returns {@code runtimeHex} (at most 8 bytes) as the new contract's code. */
    static String initCode(String runtimeHex) {
        int len = (runtimeHex.length() - 2) / 2;
        return String.format("PUSH8 %s\nPUSH1 0\nMSTORE\nPUSH1 %d\nPUSH1 %d\nRETURN\n", runtimeHex, len, 32 - len);
    }

    @Test
    void createThenCallAndStaticCall() {
        // Runtime code of the child: SSTORE(key 1, value 5), HALT = 11 05 11 01 91 00.
        String child = "0x110511019100";
        String init = initCode(child);
        // The factory writes the init code to memory, creates, then CALLs the child (which stores) and
        // STATICCALLs it (which must fail): storage slot 0 = address, 1 = call ok, 2 = staticcall ok.
        int initLen = init.length();
        String factory = """
                        PUSH32 0x%s
                        PUSH1 0
                        MSTORE
                        PUSH1 %d
                        PUSH1 0
                        PUSH1 0
                        CREATE
                        PUSH1 0
                        SSTORE
                        PUSH1 0
                        PUSH1 0
                        PUSH1 0
                        PUSH1 0
                        PUSH1 0
                        PUSH1 0
                        SLOAD
                        PUSH4 100000
                        CALL
                        PUSH1 1
                        SSTORE
                        PUSH1 0
                        PUSH1 0
                        PUSH1 0
                        PUSH1 0
                        PUSH1 0
                        SLOAD
                        PUSH4 100000
                        STATICCALL
                        PUSH1 2
                        SSTORE
                        HALT
                        """;
        byte[] initBytes = org.zvm.tools.Assembler.assemble(init).code();
        String initHex = java.util.HexFormat.of().formatHex(initBytes);
        assertTrue(initBytes.length <= 32, "init code fits one word: " + initLen);
        String program = String.format(factory, (initHex + "0".repeat(64)).substring(0, 64), initBytes.length);
        Map<String, Object> r = run(program);
        assertEquals("success", r.get("status"), r.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> storage = (Map<String, Object>) r.get("storage");
        @SuppressWarnings("unchecked")
        Map<String, Object> own = (Map<String, Object>) storage.get(SELF);
        String created = (String) own.get("0x0");
        assertEquals("0x1", own.get("0x1"), "CALL succeeds");
        assertEquals(null, own.get("0x2"), "STATICCALL into a store fails (0 is not stored)");
        String createdAddress = "0x" + "0".repeat(42 - created.length()) + created.substring(2);
        assertEquals(Map.of("0x1", "0x5"), storage.get(createdAddress), "the child's own storage");
    }

    @Test
    void badCodeIsALoadErrorWithTheOffset() {
        PolyglotException e = org.junit.jupiter.api.Assertions.assertThrows(PolyglotException.class,
                        () -> zvm.context.eval(org.graalvm.polyglot.Source.newBuilder(ZvmLanguage.ID,
                                        org.graalvm.polyglot.io.ByteSequence.create(new byte[]{0x11, 0x00, 0x0c}), "bad.zvm").mimeType(ZvmLanguage.NATIVE_MIME).buildLiteral()));
        assertTrue(e.isSyntaxError());
        assertEquals("bad.zvm: invalid opcode 0x0c at offset 2", e.getMessage());
    }
}
