// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zvm.abi.AbiFunction;
import org.zvm.util.Hex;

/**
 * {@code --trace=calls} (the {@code zvm-calltrace} instrument): the call tree of a transaction with gas,
 * contracts, functions and outcomes, as {@code forge test -vvvv} prints it; by name with an ABI.
 */
class CallTraceTest {
    private static final String CALLER = "0x00000000000000000000000000000000000000c0";

    private static String trace(Source source, String calldata, Map<String, String> options) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("zvm").option("zvm-calltrace", "true").options(options).err(err).build()) {
            context.eval(source).invokeMember("call", calldata, 1_000_000L, "0x0", CALLER, true);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void createAndCallInANativeContract() throws Exception {
        Path file = Path.of(CallTraceTest.class.getResource("/debug/parent.zasm").toURI());
        String tree = trace(Source.newBuilder("zvm", file.toFile()).mimeType("text/x-zasm").build(), "0x", Map.of());
        assertEquals("""
                        Traces:
                          [149454] 0x000000000000000000000000000000000000c0de::fallback()
                            ├─ [18] → new @0x957ae746d39217a52a610d35e7d18d8109a2b36e
                            │   └─ ← [Return] 22 bytes of code
                            ├─ [46433] 0x957ae746d39217a52a610d35e7d18d8109a2b36e::fallback()
                            │   └─ ← [Return] 0x000000000000000000000000000000000000000000000000000000000000002a
                            └─ ← [Stop]
                        """, tree);
    }

    @Test
    void solidityByAbi(@TempDir Path out) throws Exception {
        Solc solc = Solc.compile("Counter.sol", "Counter", out);
        Source code = Source.newBuilder("zvm", solc.code().toFile()).build();
        Map<String, String> abi = Map.of("zvm-calltrace.Abi", solc.abi().toString());
        String five = "00".repeat(31) + "05";
        assertEquals("""
                        Traces:
                          [22924] 0x000000000000000000000000000000000000c0de::increment(5)
                            └─ ← [Return] 5
                        """, trace(code, "0x7cf5dab0" + five, abi));
        assertEquals("""
                        Traces:
                          [2810] 0x000000000000000000000000000000000000c0de::decrement(5)
                            └─ ← [Revert] count would go below zero
                        """, trace(code, "0x3a9ebefd" + five, abi));
    }

    /** Logs appear where they were emitted, decoded by the ABI's events (a non-indexed string, an indexed address). */
    @Test
    void emitsByEvent(@TempDir Path out) throws Exception {
        Solc solc = Solc.compile("Registry.sol", "Registry", out);
        Map<String, String> abi = Map.of("zvm-calltrace.Abi", solc.abi().toString());
        String claim = Hex.of(AbiFunction.parse("claim(string,bytes)").encodeCall(List.of("zvm", new byte[]{1})));
        String tree = trace(Source.newBuilder("zvm", solc.code().toFile()).build(), claim, abi);
        assertEquals("""
                        Traces:
                          [GAS] 0x000000000000000000000000000000000000c0de::claim("zvm", 0x01)
                            ├─ emit Claimed(name: "zvm", owner: 0x00000000000000000000000000000000000000C0)
                            └─ ← [Stop]
                        """, tree.replaceFirst("\\[\\d+\\]", "[GAS]"));
    }
}
