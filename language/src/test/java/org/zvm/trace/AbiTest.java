// SPDX-License-Identifier: Apache-2.0
package org.zvm.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.zvm.util.Hex;

/** The call tracer's ABI reading: selectors from solc's JSON, argument and revert decoding. */
class AbiTest {
    private static final String ABI = """
                    [{"type":"function","name":"transfer","inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"}],
                      "outputs":[{"name":"","type":"bool"}]},
                     {"type":"function","name":"f","inputs":[{"name":"x","type":"int8"},{"name":"s","type":"string"},{"name":"b","type":"bytes2"}],"outputs":[]},
                     {"type":"event","name":"Transfer","inputs":[]}]""";

    private static String word(String hexDigits) {
        return "0".repeat(64 - hexDigits.length()) + hexDigits;
    }

    @Test
    void selectorIsTheKeccakOfTheSignature() {
        assertEquals(0xa9059cbb, Abi.selector("transfer(address,uint256)"));
    }

    @Test
    void callsAndResultsByName() {
        Abi abi = Abi.of(List.of(ABI));
        byte[] transfer = Hex.bytes("a9059cbb" + word("c0ffee") + word("2a"));
        assertEquals("transfer(0x0000000000000000000000000000000000c0ffee, 42)", abi.describeCall(transfer));
        assertEquals("true", abi.describeOutput(transfer, Hex.bytes(word("1"))));
        byte[] f = Hex.bytes(String.format("%08x", Abi.selector("f(int8,string,bytes2)")) + "f".repeat(64) + word("60") + "abcd" + "0".repeat(60)
                        + word("2") + "6869" + "0".repeat(60));
        assertEquals("f(-1, \"hi\", 0xabcd)", abi.describeCall(f));
    }

    @Test
    void unknownSelectorsAndShortDataStayRaw() {
        Abi abi = Abi.of(List.of(ABI));
        assertEquals("0x12345678(0x01)", abi.describeCall(Hex.bytes("1234567801")));
        assertEquals("transfer(0x01)", abi.describeCall(Hex.bytes("a9059cbb01")), "known function, arguments too short to decode");
        assertEquals("fallback()", abi.describeCall(new byte[0]));
    }

    @Test
    void revertReasons() {
        assertEquals("\"no\"", Abi.describeRevert(Hex.bytes("08c379a0" + word("20") + word("2") + "6e6f" + "0".repeat(60))));
        assertEquals("panic: 0x11", Abi.describeRevert(Hex.bytes("4e487b71" + word("11"))));
        assertEquals("0xdeadbeef", Abi.describeRevert(Hex.bytes("deadbeef")));
        assertEquals("", Abi.describeRevert(new byte[0]));
    }
}
