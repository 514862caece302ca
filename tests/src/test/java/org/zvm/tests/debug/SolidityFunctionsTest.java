// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zvm.ZvmLanguage;
import org.zvm.crypto.Hashes;
import org.zvm.debug.SolidityFunctions;
import org.zvm.debug.SoliditySourceMap;
import org.zvm.evm.EvmFrontend;
import org.zvm.opcode.Revision;
import org.zvm.util.Hex;

import com.oracle.truffle.api.source.Source;

/**
 * Solidity functions from a source map without solc: hand-written code laid out as solc lays it out
 * (a dispatcher mapped to the contract, {@code f}'s entry mapped to its definition, an {@code i} jump
 * from the call {@code g()} into {@code g}, an {@code o} jump back), so the names, the selector lookup
 * and the call stack are checked where solc cannot be installed too. ChromeDevToolsTest checks the same
 * on solc's real output through DevTools.
 */
class SolidityFunctionsTest {
    /**
     * Byte offsets: the contract 0..138, {@code function f} at 17 (30 long), the call {@code g()} at 41,
     * {@code function g} at 52 (23 long); solc inlines {@code receive} and {@code fallback} into the
     * dispatcher, so the map never points at them.
     */
    private static final String SOURCE = "contract C {\n    function f() external { g(); }\n    function g() private {}\n"
                    + "    receive() external payable {}\n    fallback() external {}\n}\n";
    private static final String F = Hex.of(Arrays.copyOf(Hashes.keccak256("f()".getBytes(StandardCharsets.US_ASCII)), 4)).substring(2);
    /**
     * 0 PUSH1 0, 2 CALLDATALOAD, 3 PUSH1 e0, 5 SHR, 6 PUSH4 f(), 11 EQ, 12 PUSH1 16, 14 JUMPI, 15 STOP,
     * 16 JUMPDEST (f), 17 PUSH1 22, 19 PUSH1 24, 21 JUMP (into g), 22 JUMPDEST, 23 STOP, 24 JUMPDEST (g),
     * 25 JUMP (out of g).
     */
    private static final String CODE = "600035" + "60e01c" + "63" + F + "14" + "601057" + "00" + "5b" + "6016" + "6018" + "56" + "5b00" + "5b56";
    private static final String MAP = String.join(";", "0:138:0:-", "", "", "", "", "", "", "", "0:0:-1", "17:30:0", "41:3", "", ":::i", "17:30:0:-", "", "52:23:0", ":::o");

    private static SolidityFunctions functions() {
        Source sol = Source.newBuilder(ZvmLanguage.ID, SOURCE, "C.sol").mimeType(SoliditySourceMap.SOLIDITY_MIME).build();
        return SoliditySourceMap.parse(MAP).over(new EvmFrontend().model("C", Hex.bytes(CODE), Revision.CANCUN), List.of(sol)).solidity();
    }

    private static List<String> frames(SolidityFunctions functions, String calldata, int pc, List<int[]> calls) {
        return functions.frames(Hex.bytes(calldata), pc, calls).stream().map(SolidityFunctions.Frame::toString).toList();
    }

    @Test
    void functionsAndJumpsFromTheMap() {
        SolidityFunctions functions = functions();
        assertNull(functions.functionAt(0), "the dispatcher belongs to no function");
        assertEquals("C.f", functions.functionAt(16));
        assertEquals("C.f", functions.functionAt(21), "the call g() is inside f");
        assertEquals("C.g", functions.functionAt(25));
        assertNull(functions.functionAt(15), "an instruction without a source");
        assertEquals('i', functions.jump(21));
        assertEquals('o', functions.jump(25));
        assertEquals(0, functions.jump(14), "a JUMPI is no call");
    }

    @Test
    void callStackInnermostFirst() {
        SolidityFunctions functions = functions();
        assertEquals(List.of("C.f (C.sol:1)"), frames(functions, "0x" + F, 0, List.of()), "the dispatcher already runs f by its selector");
        assertEquals(List.of("C.f (C.sol:2)"), frames(functions, "0x" + F, 21, List.of()));
        assertEquals(List.of("C.g (C.sol:3)", "C.f (C.sol:2)"), frames(functions, "0x" + F, 24, List.<int[]> of(new int[]{21, 24})));
        assertEquals(List.of("C.g (C.sol:3)", "C.f (C.sol:2)"), frames(functions, "0x" + F, 25, List.of(new int[]{21, 15}, new int[]{21, 24})),
                        "a call into code without a Solidity source is a compiler helper, not a frame");
        assertEquals(List.of("C.fallback (C.sol:1)"), frames(functions, "0x12345678", 0, List.of()), "no function answers the selector");
        assertEquals(List.of("C.receive (C.sol:1)"), frames(functions, "0x", 0, List.of()), "no calldata");
    }

    @Test
    void anInlinedFunctionIsTheInnermostFrame() {
        SolidityFunctions functions = functions();
        assertEquals(List.of("C.g (C.sol:3)", "C.f"), frames(functions, "0x" + F, 24, List.of()),
                        "code of g run without a followed call (as an inlined modifier runs): g on top, its caller without a call site");
    }

    @Test
    void malformedJumpField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SoliditySourceMap.parse("0:1:0:-;1:2:0:x"));
        assertEquals("entry 1: jump 'x' is not i, o or -", e.getMessage());
    }
}
