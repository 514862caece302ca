// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zvm.tests.LauncherTest.zvm;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zvm.tests.LauncherTest.Run;
import org.zvm.tools.TestData;
import org.zvm.util.Json;

/** {@code zvm soroban invoke} as a user meets it: typed results and events, persistent storage, exit codes. */
class SorobanLauncherTest {
    private static String wasm(String file) {
        return TestData.dir("soroban-wasms").resolve(file).toString();
    }

    private static void assertOneLineError(Run r, String message) {
        assertEquals(2, r.exit(), r.err());
        assertEquals("zvm: " + message + "\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void addPrintsTheTypedResultAndItsEvent() throws Exception {
        Run r = zvm("soroban", "invoke", wasm("tier1/22_example_add_i32.wasm"), "add", "i32:7", "i32:35");
        assertEquals(0, r.exit(), r.err());
        assertEquals("i32:42\nevent topics [sym:add] data vec:[i32:7,i32:35]\n", r.out());
    }

    @Test
    void incrementCountsAcrossProcessesWithTheSameState(@TempDir Path dir) throws Exception {
        String state = dir.resolve("state").toString();
        for (int i = 1; i <= 3; i++) {
            Run r = zvm("soroban", "invoke", wasm("handwritten/increment.wasm"), "increment", "--state", state, "--json");
            assertEquals(0, r.exit(), r.err());
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) Json.parse(r.out());
            assertEquals("success", json.get("status"));
            assertEquals("u32:" + i, json.get("result"));
            assertEquals("[{type=contract, contract=" + ((Map<?, ?>) ((java.util.List<?>) json.get("events")).getFirst()).get("contract")
                            + ", topics=[sym:COUNTER, sym:increment], data=u32:" + i + "}]", json.get("events").toString());
        }
        Run fresh = zvm("soroban", "invoke", wasm("handwritten/increment.wasm"), "increment");
        assertEquals("u32:1", fresh.out().lines().findFirst().orElseThrow(), "without --state every run starts afresh");
    }

    @Test
    void vaultOverdraftIsAFailureWithItsErrorValue(@TempDir Path dir) throws Exception {
        String state = dir.resolve("state").toString();
        assertEquals("u32:10\n", zvm("soroban", "invoke", wasm("handwritten/vault.wasm"), "deposit", "u32:10", "--state", state).out());
        assertEquals("u32:4\n", zvm("soroban", "invoke", wasm("handwritten/vault.wasm"), "withdraw", "u32:6", "--state", state).out());
        Run overdraft = zvm("soroban", "invoke", wasm("handwritten/vault.wasm"), "withdraw", "u32:5", "--state", state);
        assertEquals(1, overdraft.exit());
        assertEquals("zvm: withdraw failed: error:contract:1 (withdraw returned error:contract:1)\n", overdraft.err());
        assertEquals("u32:4\n", zvm("soroban", "invoke", wasm("handwritten/vault.wasm"), "balance", "--state", state).out());
    }

    @Test
    void anInfiniteLoopRunsOutOfGas() throws Exception {
        Run r = zvm("soroban", "invoke", wasm("tier2/20_example_hostile.wasm"), "iloop", "--gas", "100000", "--json");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().startsWith("{\"status\":\"failure\",\"result\":\"error:budget:5\",\"message\":\"out of gas\""), r.out());
        assertTrue(r.out().contains("\"gasUsed\":100000}"), r.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        assertOneLineError(zvm("soroban", "invoke", wasm("other/20_example_add_f32.wasm"), "add", "i32:1", "i32:2"),
                        "20_example_add_f32.wasm: not a Soroban contract: it uses floats, which Soroban's VM disables");
        assertOneLineError(zvm("soroban", "invoke", wasm("tier1/22_example_add_i32.wasm"), "add", "i32:x", "i32:1"),
                        "add argument 1: 'i32:x': 'x' is not an integer (i32)");
        assertOneLineError(zvm("soroban", "invoke", wasm("tier1/22_example_add_i32.wasm"), "sub"),
                        "22_example_add_i32.wasm exports no function 'sub' (it has: add)");
        assertOneLineError(zvm("soroban", "invoke", wasm("tier1/22_example_add_i32.wasm"), "add", "7"),
                        "7: argument must be TYPE:VALUE (i32:7, u32:5, u64:9, i128:-3, sym:hello, str:text, bool:true, bytes:0x.., addr:G.., vec:[...], map:{k=v})");
        assertOneLineError(zvm("soroban", "invoke", "missing.wasm", "f"), "missing.wasm: no such file");
        assertOneLineError(zvm("soroban", "run"), "soroban: expected 'invoke' (usage: zvm soroban invoke FILE.wasm FUNCTION [ARG...] [--state DIR] [--gas N] [--json])");
        assertOneLineError(zvm("soroban", "invoke", wasm("tier1/22_example_add_i32.wasm"), "add", "--gas", "x"), "--gas: not a decimal or 0x-hex number: 'x'");
    }
}
