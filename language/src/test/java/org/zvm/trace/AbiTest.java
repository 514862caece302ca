// SPDX-License-Identifier: Apache-2.0
package org.zvm.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.zvm.abi.AbiFunction;
import org.zvm.abi.ContractAbi;
import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;
import org.zvm.state.Log;
import org.zvm.util.Hex;

/** The call tracer's names: calls, results, reverts and logs decoded by solc's JSON ABI (through {@code org.zvm.abi}). */
class AbiTest {
    private static final String ABI = """
                    [{"type":"function","name":"transfer","inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"}],
                      "outputs":[{"name":"","type":"bool"}]},
                     {"type":"function","name":"f","inputs":[{"name":"x","type":"int8"},{"name":"s","type":"string"},{"name":"b","type":"bytes2"}],"outputs":[]},
                     {"type":"event","name":"Transfer","inputs":[{"name":"from","type":"address","indexed":true},{"name":"value","type":"uint256","indexed":false}]},
                     {"type":"error","name":"Short","inputs":[{"name":"needed","type":"uint256"}]}]""";
    private static final Abi TRACE = Abi.of(List.of(ABI), List.of("T.abi"));

    private static String word(String hexDigits) {
        return "0".repeat(64 - hexDigits.length()) + hexDigits;
    }

    @Test
    void callsAndResultsByName() {
        Abi abi = TRACE;
        byte[] transfer = Hex.bytes("a9059cbb" + word("c0ffee") + word("2a"));
        assertEquals("transfer(0x0000000000000000000000000000000000C0FFEE, 42)", abi.describeCall(transfer));
        assertEquals("true", abi.describeOutput(transfer, Hex.bytes(word("1"))));
        byte[] f = Hex.bytes(Hex.of(AbiFunction.parse("f(int8,string,bytes2)").selector()).substring(2) + "f".repeat(64) + word("60") + "abcd" + "0".repeat(60)
                        + word("2") + "6869" + "0".repeat(60));
        assertEquals("f(-1, \"hi\", 0xabcd)", abi.describeCall(f));
    }

    @Test
    void unknownSelectorsAndShortDataStayRaw() {
        Abi abi = TRACE;
        assertEquals("0x12345678(0x01)", abi.describeCall(Hex.bytes("1234567801")));
        assertEquals("transfer(0x01)", abi.describeCall(Hex.bytes("a9059cbb01")), "known function, arguments too short to decode");
        assertEquals("fallback()", abi.describeCall(new byte[0]));
    }

    @Test
    void revertReasons() {
        assertEquals("no", TRACE.describeRevert(Hex.bytes("08c379a0" + word("20") + word("2") + "6e6f" + "0".repeat(60))));
        assertEquals("panic 0x11: arithmetic underflow or overflow", TRACE.describeRevert(Hex.bytes("4e487b71" + word("11"))));
        assertEquals("Short(needed: 5)", TRACE.describeRevert(Hex.bytes(Hex.of(AbiFunction.parse("Short(uint256)").selector()).substring(2) + word("5"))));
        assertEquals("revert data 0xdeadbeef", TRACE.describeRevert(Hex.bytes("deadbeef")));
        assertEquals("no revert data", TRACE.describeRevert(new byte[0]));
    }

    @Test
    void logsByEvent() {
        UInt256 topic = UInt256.fromBytes(ContractAbi.read(ABI, "T.abi").events().getFirst().topic());
        Log transfer = new Log(Address.fromHex("0x000000000000000000000000000000000000c0de"), List.of(topic, UInt256.fromHex("0xc0")), Hex.bytes(word("fa")));
        assertEquals("emit Transfer(from: 0x00000000000000000000000000000000000000C0, value: 250)", TRACE.describeLog(transfer));
        Log unknown = new Log(transfer.address(), List.of(UInt256.fromHex("0x1")), Hex.bytes("abcd"));
        assertEquals("emit log(topic 0: 0x" + word("1") + ", data: 0xabcd)", TRACE.describeLog(unknown));
        Log misshapen = new Log(transfer.address(), List.of(topic), Hex.bytes(word("fa")));
        assertEquals("emit log(topic 0: " + Hex.of(topic.toBytes()) + ", data: 0x" + word("fa") + ")", TRACE.describeLog(misshapen));
    }
}
