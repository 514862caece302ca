// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.zvm.error.ZvmParseException;
import org.zvm.state.InMemoryBackend;
import org.zvm.state.WorldState;
import org.zvm.tools.TestData;

/**
 * The contracts of {@code ../shared/data/soroban-wasms} (rs-soroban-env's test wasms and two hand-written
 * ones) loaded and invoked against a world state in memory.
 */
class SorobanContractTest {
    private static final long GAS = 10_000_000;
    private final WorldState state = new WorldState(new InMemoryBackend());
    private final Ledger ledger = Ledger.of(1, 1);

    private static Path data() {
        return TestData.dir("soroban-wasms");
    }

    private static SorobanContract load(String file) throws IOException {
        Path p = data().resolve(file);
        return SorobanContract.load(Files.readAllBytes(p), p.getFileName().toString());
    }

    private SorobanContract.Result invoke(SorobanContract c, String function, String... args) {
        List<ScVal> values = new ArrayList<>();
        for (String a : args) {
            values.add(ScValText.parse(a));
        }
        return c.invoke(null, state, ledger, function, values, GAS);
    }

    private static List<String> events(SorobanContract.Result r) {
        return r.events().stream().map(e -> e.topics() + " " + e.data()).toList();
    }

    @Test
    void everyUpstreamContractDecodesAndTheFloatOneIsRejected() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data())) {
            files = walk.filter(p -> p.toString().endsWith(".wasm") && !p.toString().contains("handwritten")).sorted().toList();
        }
        assertEquals(45, files.size());
        for (Path p : files) {
            String name = p.getFileName().toString();
            try {
                SorobanContract.load(Files.readAllBytes(p), name);
                assertFalse(name.equals("20_example_add_f32.wasm"), "the f32 contract loads");
            } catch (ZvmParseException e) {
                if (!name.equals("20_example_add_f32.wasm")) {
                    fail(name + ": " + e.getMessage());
                }
                assertEquals("not a Soroban contract: it uses floats, which Soroban's VM disables", e.getMessage());
            }
        }
    }

    @Test
    void importsMustBeHostFunctionsOfTheirType() {
        // A module importing x.1 (contract_event) as (i32) -> i64: a type section, then the import.
        byte[] wrongType = {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 6, 1, 0x60, 1, 0x7f, 1, 0x7e, 2, 7, 1, 1, 'x', 1, '1', 0, 0};
        ZvmParseException e = org.junit.jupiter.api.Assertions.assertThrows(ZvmParseException.class, () -> SorobanContract.load(wrongType, "m.wasm"));
        assertEquals("not a Soroban contract: it imports contract_event (x.1) with type (i32) -> (i64), not 2 i64 arguments and an i64 result", e.getMessage());
        byte[] unknown = wrongType.clone();
        unknown[20] = 'q';
        e = org.junit.jupiter.api.Assertions.assertThrows(ZvmParseException.class, () -> SorobanContract.load(unknown, "m.wasm"));
        assertEquals("not a Soroban contract: it imports q.1, which is not a Soroban host function", e.getMessage());
    }

    @Test
    void addReturnsTheSumAndEmitsItsEvent() throws IOException {
        SorobanContract add = load("tier1/22_example_add_i32.wasm");
        assertEquals(List.of("add"), add.functions());
        SorobanContract.Result r = invoke(add, "add", "i32:7", "i32:35");
        assertTrue(r.success(), r.message());
        assertEquals("i32:42", r.value().toString());
        assertEquals(List.of("vec:[sym:add] vec:[i32:7,i32:35]"), events(r));
        assertTrue(r.gasUsed() > 0 && r.gasUsed() < GAS, "gas used " + r.gasUsed());
        SorobanContract.Result wrong = invoke(add, "add", "u32:7", "i32:35");
        assertFalse(wrong.success(), "add checks its argument tags");
        assertEquals(List.of(), wrong.events());
    }

    @Test
    void fibIsPureComputeAndRunsOutOfGasBelowItsCost() throws IOException {
        SorobanContract fib = load("tier1/20_example_fib.wasm");
        SorobanContract.Result r = fib.invoke(null, state, ledger, "main", List.of(), 1_000_000_000L);
        assertTrue(r.success(), r.message());
        assertEquals(ScVal.VOID_VALUE, r.value(), "main computes fib(30) and returns void");
        SorobanContract.Result starved = fib.invoke(null, state, ledger, "main", List.of(), r.gasUsed() - 1);
        assertEquals("error:budget:5", starved.value().toString());
    }

    @Test
    void incrementCountsInInstanceStorage() throws IOException {
        SorobanContract c = load("handwritten/increment.wasm");
        for (int i = 1; i <= 3; i++) {
            SorobanContract.Result r = invoke(c, "increment");
            assertTrue(r.success(), r.message());
            assertEquals("u32:" + i, r.value().toString());
            assertEquals(List.of("vec:[sym:COUNTER,sym:increment] u32:" + i), events(r));
        }
        assertEquals(new ScVal.Int(IntType.U32, 3), new ContractStorage(state, c.account()).get(ContractStorage.INSTANCE, new ScVal.Sym("COUNTER")));
    }

    @Test
    void vaultDepositsWithdrawsAndRefusesAnOverdraft() throws IOException {
        SorobanContract vault = load("handwritten/vault.wasm");
        assertEquals("u32:100", invoke(vault, "deposit", "u32:100").value().toString());
        assertEquals("u32:70", invoke(vault, "withdraw", "u32:30").value().toString());
        SorobanContract.Result overdraft = invoke(vault, "withdraw", "u32:71");
        assertFalse(overdraft.success());
        assertEquals("error:contract:1", overdraft.value().toString());
        SorobanContract.Result badTag = invoke(vault, "deposit", "i32:5");
        assertFalse(badTag.success());
        assertEquals("error:contract:2", badTag.value().toString());
        assertEquals("u32:70", invoke(vault, "balance").value().toString());
    }

    @Test
    void aFailedInvocationLeavesNoStorageBehind() throws IOException {
        SorobanContract vault = load("handwritten/vault.wasm");
        assertTrue(invoke(vault, "deposit", "u32:4294967295").success());
        SorobanContract.Result overflow = invoke(vault, "deposit", "u32:1");
        assertFalse(overflow.success(), "the balance would pass u32");
        assertEquals("error:wasmvm:6", overflow.value().toString());
        assertEquals("u32:4294967295", invoke(vault, "balance").value().toString());
    }

    @Test
    void contractDataOfEachStorageType() throws IOException {
        SorobanContract c = load("tier1/22_test_contract_data_val.wasm");
        for (String type : new String[] {"persistent", "temporary", "instance"}) {
            SorobanContract.Result put = invoke(c, "put_" + type, "sym:k", "u64:123456789012345678");
            assertTrue(put.success(), type + ": " + put.message());
            SorobanContract.Result get = invoke(c, "get_" + type, "sym:k");
            assertTrue(get.success(), type + ": " + get.message());
            assertEquals("u64:123456789012345678", get.value().toString());
        }
    }

    @Test
    void contractDataOfEachTypeWithTtlsAndBytes() throws IOException {
        SorobanContract c = load("tier1/20_example_contract_data.wasm");
        for (String type : new String[] {"persistent", "temporary", "instance"}) {
            assertTrue(invoke(c, "put_" + type, "sym:k", "u64:1152921504606846976").success(), type);
            assertEquals("u64:1152921504606846976", invoke(c, "get_" + type, "sym:k").value().toString(), type);
            assertEquals("bool:true", invoke(c, "has_" + type, "sym:k").value().toString(), type);
            SorobanContract.Result extend = type.equals("instance") ? invoke(c, "extend_instance", "u32:10", "u32:100") : invoke(c, "extend_" + type, "sym:k", "u32:10", "u32:100");
            assertTrue(extend.success(), type + ": " + extend.message());
            assertTrue(invoke(c, "del_" + type, "sym:k").success(), type);
            assertEquals("bool:false", invoke(c, "has_" + type, "sym:k").value().toString(), type);
            assertFalse(invoke(c, "get_" + type, "sym:k").success(), type + ": a missing entry");
        }
        assertTrue(invoke(c, "put_persistent", "sym:k", "u64:1").success());
        assertTrue(invoke(c, "replace_with_bytes_and_extend", "sym:k", "u32:40", "u32:10", "u32:100").success());
    }

    @Test
    void linearMemoryMarshalling() throws IOException {
        SorobanContract c = load("tier2/20_example_linear_memory.wasm");
        assertTrue(invoke(c, "vec_mem_ok").success());
        assertTrue(invoke(c, "map_mem_ok").success());
        assertEquals("error:object:9", invoke(c, "vec_unpack_buf_too_short").value().toString());
        assertEquals("error:object:9", invoke(c, "vec_unpack_buf_too_long").value().toString());
        assertEquals("error:object:2", invoke(c, "map_keys_out_of_order").value().toString());
        assertEquals("error:object:2", invoke(c, "map_duplicate_keys").value().toString());
        assertEquals("bytes:0x00000005", invoke(c, "bin_word", "u32:5").value().toString());
    }

    @Test
    void tierTwoComputeAndLedgerContracts() throws IOException {
        SorobanContract.Result complex = invoke(load("tier2/20_example_complex.wasm"), "go");
        assertTrue(complex.success(), complex.message());
        assertEquals(1, complex.events().size());
        assertTrue(complex.events().getFirst().data() instanceof ScVal.Bytes b && b.bytes().length == 32, "the event carries a SHA-256");
        assertEquals("u32:45", invoke(load("tier2/20_example_alloc.wasm"), "sum", "u32:10").value().toString());
        SorobanContract.Result fannkuch = load("tier2/20_example_fannkuch.wasm").invoke(null, state, ledger, "main", List.of(), 1L << 40);
        assertTrue(fannkuch.success(), fannkuch.message());
        SorobanContract.Result loadgen = invoke(load("tier2/20_loadgen.wasm"), "do_cpu_only_work", "u32:10", "u32:10", "u32:10");
        assertTrue(loadgen.success(), loadgen.message());
        assertEquals("u256:10", loadgen.value().toString());
    }

    @Test
    void contractsCallContractsThatHaveRunBefore() throws IOException {
        SorobanContract add = load("tier1/22_example_add_i32.wasm");
        SorobanContract sum = load("tier2/20_example_sum_i32.wasm");
        String addAddress = "addr:" + StrKey.encode(add.address());
        SorobanContract.Result missing = invoke(sum, "sum", addAddress, "vec:[i32:1,i32:2,i32:3]");
        assertEquals("error:storage:3", missing.value().toString(), "add has not been deployed: " + missing.message());
        assertTrue(invoke(add, "add", "i32:0", "i32:0").success());
        SorobanContract.Result r = invoke(sum, "sum", addAddress, "vec:[i32:1,i32:2,i32:3]");
        assertTrue(r.success(), r.message());
        assertEquals("i32:6", r.value().toString());
        assertEquals(List.of("vec:[sym:add] vec:[i32:0,i32:1]", "vec:[sym:add] vec:[i32:1,i32:2]", "vec:[sym:add] vec:[i32:3,i32:3]"), events(r), "the callee's events, in order");
        SorobanContract.Result self = invoke(sum, "sum", "addr:" + StrKey.encode(sum.address()), "vec:[i32:1]");
        assertEquals("error:context:6", self.value().toString(), "no re-entry: " + self.message());
        SorobanContract invoker = load("tier2/20_example_invoke_contract.wasm");
        assertEquals("i32:5", invoke(invoker, "add_with", "i32:2", "i32:3", addAddress).value().toString());
    }

    @Test
    void hostileContractsAreContained() throws IOException {
        SorobanContract hostile = load("tier2/20_example_hostile.wasm");
        for (String f : hostile.functions()) {
            // Every function, given small u32 arguments, ends as a result or an error value; none escapes as a host exception.
            List<ScVal> args = java.util.Collections.nCopies(hostile.arity(f), new ScVal.Int(IntType.U32, 3));
            SorobanContract.Result r = hostile.invoke(null, state, ledger, f, args, GAS);
            assertTrue(r.success() || r.value() instanceof ScVal.Error, f + ": " + r);
        }
        SorobanContract.Result loop = hostile.invoke(null, state, ledger, "iloop", List.of(), GAS);
        assertEquals("error:budget:5", loop.value().toString(), loop.message());
        assertEquals(GAS, loop.gasUsed());
        SorobanContract.Result objects = hostile.invoke(null, state, ledger, "objs", List.of(), GAS);
        assertEquals("error:budget:5", objects.value().toString(), "100,000 host objects of 1 KiB cost more than the gas: " + objects.message());
        SorobanContract.Result deep = hostile.invoke(null, state, ledger, "deepstack", List.of(new ScVal.Int(IntType.U32, 1_000_000)), 1L << 40);
        assertFalse(deep.success(), "a million nested calls");
        SorobanContract.Result forged = hostile.invoke(null, state, ledger, "forgeref", List.of(new ScVal.Vec(List.of()), new ScVal.Int(IntType.U32, 0)), GAS);
        assertFalse(forged.success(), forged.toString());
    }
}
