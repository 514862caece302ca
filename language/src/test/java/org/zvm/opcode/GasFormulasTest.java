// SPDX-License-Identifier: Apache-2.0
package org.zvm.opcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zvm.opcode.GasFormulas.evaluate;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zvm.ZvmLanguage;
import org.zvm.crypto.SignatureAlgorithm;
import org.zvm.tools.Assembler;
import org.zvm.util.Json;

/**
 * The exported gas formulas against the VM: each test runs a straight-line program (every instruction runs
 * once) and checks that gasUsed is the sum of the base gas of its instructions plus what the formulas
 * predict, so a compiler that imports {@code gas-schedule.json} estimates exactly what zvm charges.
 */
class GasFormulasTest {
    private static final String CALLER = "0x00000000000000000000000000000000000000c0";
    private Context context;
    private Value contract;

    @BeforeEach
    void open() {
        context = Context.create(ZvmLanguage.ID);
    }

    @AfterEach
    void close() {
        context.close();
    }

    /** Deploys {@code zasm} (replacing what was deployed) and calls it once, committing; returns gasUsed. */
    private long run(String zasm, String calldata, String value) {
        contract = context.eval(Source.newBuilder(ZvmLanguage.ID, zasm, "gas.zasm").mimeType(ZvmLanguage.ZASM_MIME).buildLiteral());
        return call(calldata, value);
    }

    private long run(String zasm) {
        return run(zasm, "0x", "0x0");
    }

    @SuppressWarnings("unchecked")
    private long call(String calldata, String value) {
        Value result = contract.invokeMember("call", calldata, 1_000_000L, value, CALLER, true);
        Map<String, Object> json = (Map<String, Object>) Json.parse(result.getMember("json").asString());
        assertEquals("success", json.get("status"), json.toString());
        return ((BigInteger) json.get("gasUsed")).longValueExact();
    }

    /** The base gas of every instruction of a straight-line program, from the opcode table. */
    private static long base(String zasm) {
        byte[] code = Assembler.assemble(zasm, "gas.zasm").code();
        long sum = 0;
        for (int pc = 0; pc < code.length; pc += Opcode.fromByte(code[pc] & 0xFF).length()) {
            sum += Opcode.fromByte(code[pc] & 0xFF).baseGas;
        }
        return sum;
    }

    private void assertCharged(String zasm, long dynamic) {
        assertEquals(base(zasm) + dynamic, run(zasm), zasm);
    }

    @Test
    void memoryExpansion() {
        assertCharged("PUSH1 1\nPUSH2 0x1000\nMSTORE\n", evaluate("memoryExpansion", 0, 0x1000, 32));
        // The second store lies inside memory already; MSTORE8 past the end grows it by one word.
        assertCharged("PUSH1 1\nPUSH2 0x1000\nMSTORE\nPUSH1 2\nPUSH1 0x40\nMSTORE\nPUSH1 3\nPUSH2 0x1020\nMSTORE8\n",
                        evaluate("memoryExpansion", 0, 0x1000, 32) + evaluate("memoryExpansion", 0x1020, 0x40, 32) + evaluate("memoryExpansion", 0x1020, 0x1020, 1));
        assertEquals(0, evaluate("memoryExpansion", 0, 0x100000, 0), "a zero-length range touches no memory");
        assertEquals(3 * 1000 + 1000 * 1000 / 512, evaluate("memoryCost", 1000));
    }

    @Test
    void hashingPerWord() {
        for (String op : List.of("KECCAK256", "SHA256", "RIPEMD160", "BLAKE2B")) {
            long dynamic = evaluate(op.toLowerCase(Locale.ROOT), 100) + evaluate("memoryExpansion", 0, 8, 100);
            assertCharged("PUSH1 100\nPUSH1 8\n" + op + "\n", dynamic);
        }
        // TABLEHASH is static: its base gas is all.
        assertCharged("PUSH1 1\nPUSH1 2\nTABLEHASH\n", 0);
    }

    @Test
    void copyPerWord() {
        String calldata = "0x" + "ab".repeat(70);
        String zasm = "PUSH1 70\nPUSH1 0\nPUSH1 16\nCALLDATACOPY\n";
        assertEquals(base(zasm) + evaluate("copy", 70) + evaluate("memoryExpansion", 0, 16, 70), run(zasm, calldata, "0x0"));
    }

    @Test
    void expPerExponentByte() {
        assertCharged("PUSH2 0x0101\nPUSH1 3\nEXP\n", evaluate("exp", 2));
        assertCharged("PUSH1 0\nPUSH1 3\nEXP\n", evaluate("exp", 0));
    }

    @Test
    void logPerTopicAndByte() {
        for (int topics = 0; topics <= 4; topics++) {
            Opcode log = Opcode.fromMnemonic("LOG" + topics);
            assertEquals(log.baseGas, evaluate("log", topics, 0), "the table's base gas is the formula without data");
            String zasm = "PUSH1 7\n".repeat(topics) + "PUSH1 40\nPUSH1 0\nLOG" + topics + "\n";
            assertEquals(base(zasm) - log.baseGas + evaluate("log", topics, 40) + evaluate("memoryExpansion", 0, 0, 40), run(zasm), zasm);
        }
    }

    @Test
    void storageColdWarmSetReset() {
        // slot 0: 0 -> 1 cold, then 1 -> 2 warm; slot 1 read cold, then warm.
        String first = "PUSH1 1\nPUSH1 0\nSSTORE\nPUSH1 2\nPUSH1 0\nSSTORE\nPUSH1 1\nSLOAD\nPUSH1 1\nSLOAD\n";
        assertCharged(first, evaluate("sstore", 1, 0, 0, 1) + evaluate("sstore", 0, 0, 1, 2) + evaluate("sload", 1) + evaluate("sload", 0));
        // A new transaction: slot 0 holds 2. 2 -> 2 (no-op, cold), 2 -> 5 (warm reset), 5 -> 2 (back to the original).
        String second = "PUSH1 2\nPUSH1 0\nSSTORE\nPUSH1 5\nPUSH1 0\nSSTORE\nPUSH1 2\nPUSH1 0\nSSTORE\n";
        assertCharged(second, evaluate("sstore", 1, 2, 2, 2) + evaluate("sstore", 0, 2, 2, 5) + evaluate("sstore", 0, 2, 5, 2));
        assertEquals(5000, Opcode.SSTORE.baseGas + evaluate("sstore", 1, 2, 2, 5), "a cold reset costs 5000 in all");
    }

    @Test
    void refundCounterMatchesTheVm() {
        // The EIP-3155 trace shows the refund counter before each instruction, so the closing PUSH1 shows all of it.
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        context.close();
        context = Context.newBuilder(ZvmLanguage.ID).option("zvm-trace", "true").err(trace).build();
        run("PUSH1 2\nPUSH1 0\nSSTORE\nPUSH1 7\nPUSH1 1\nSSTORE\n");
        // Slot 0 holds 2 and slot 1 holds 7: 2 -> 0 -> 3 -> 2, and 7 -> 0.
        trace.reset();
        run("PUSH1 0\nPUSH1 0\nSSTORE\nPUSH1 3\nPUSH1 0\nSSTORE\nPUSH1 2\nPUSH1 0\nSSTORE\nPUSH1 0\nPUSH1 1\nSSTORE\nPUSH1 0\n");
        long predicted = evaluate("sstoreRefund", 2, 2, 0) + evaluate("sstoreRefund", 2, 0, 3) + evaluate("sstoreRefund", 2, 3, 2) + evaluate("sstoreRefund", 7, 7, 0);
        String last = trace.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("\"opName\"")).reduce((x, y) -> y).orElseThrow();
        assertEquals(predicted, ((BigInteger) ((Map<?, ?>) Json.parse(last)).get("refund")).longValueExact(), last);
        assertEquals(GasCosts.SSTORE_RESET - GasCosts.WARM_ACCESS + GasCosts.SSTORE_CLEARS_REFUND, predicted, "restored slot 0, cleared slot 1");
    }

    @Test
    void refundsFollowEip3529() {
        assertEquals(GasCosts.SSTORE_CLEARS_REFUND, evaluate("sstoreRefund", 2, 2, 0));
        assertEquals(0, evaluate("sstoreRefund", 0, 0, 1));
        assertEquals(GasCosts.SSTORE_SET - GasCosts.WARM_ACCESS, evaluate("sstoreRefund", 0, 1, 0));
        assertEquals(-GasCosts.SSTORE_CLEARS_REFUND, evaluate("sstoreRefund", 2, 0, 3));
        assertEquals(GasCosts.SSTORE_RESET - GasCosts.WARM_ACCESS - GasCosts.SSTORE_CLEARS_REFUND, evaluate("sstoreRefund", 2, 0, 2));
        assertEquals(200, evaluate("refundCap", 1000));
    }

    @Test
    void valueCallToANewAccount() {
        // CALL gas=0xffff to 0xdead with value 1 and empty memory ranges: cold, value, new account; the callee
        // runs no code and hands back what it was given, the free stipend included.
        String zasm = "PUSH1 0\nPUSH1 0\nPUSH1 0\nPUSH1 0\nPUSH1 1\nPUSH2 0xdead\nPUSH2 0xffff\nCALL\n";
        long predicted = base(zasm) + evaluate("call", 1, 1, 1) - evaluate("callStipend", 1);
        assertEquals(predicted, run(zasm, "0x", "0x10"));
        assertEquals(0xffff, evaluate("callGasForwarded", 0xffff, 1_000_000));
        assertEquals(1_000_000 - 1_000_000 / 64, evaluate("callGasForwarded", 2_000_000, 1_000_000));
    }

    @Test
    void postQuantumPerMessageByteAndPerScheme() {
        // Key [0,1), message [0,100), signature [0,1): far too short to verify, which pushes 0 but costs the same.
        String verify = "PUSH1 1\nPUSH1 0\nPUSH1 100\nPUSH1 0\nPUSH1 1\nPUSH1 0\nPQ_VERIFY_FALCON\n";
        assertCharged(verify, evaluate("pqVerify", 100) + evaluate("memoryExpansion", 0, 0, 1) + evaluate("memoryExpansion", 32, 0, 100) + evaluate("memoryExpansion", 128, 0, 1));
        SignatureAlgorithm mlDsa = SignatureAlgorithm.ML_DSA_65;
        String keygen = "PUSH1 0x40\nPUSH1 0\nPUSH1 0xF0\nPQ_KEYGEN\n";
        assertCharged(keygen, evaluate("pqKeygen", 0xF0) + evaluate("memoryExpansion", 0, 0, 32) + evaluate("memoryExpansion", 32, 0x40, mlDsa.publicKeyLength + mlDsa.privateKeyLength));
        assertCharged("PUSH1 0x40\nPUSH1 0\nPUSH1 0x07\nPQ_KEYGEN\n", evaluate("pqKeygen", 0x07));
        assertEquals(GasCosts.PQ_KEYGEN_SPHINCS, evaluate("pqKeygen", 0xF2));
    }

    @Test
    void everyFormulaIsWellFormed() {
        Set<String> operators = Set.of("+", "-", "*", "/", "min", "max", "==", "!=", "<", "<=", ">", ">=", "and", "or", "not", "if");
        for (GasFormulas.Formula f : GasFormulas.ALL.values()) {
            check(f.expr(), f, operators);
            for (String op : f.opcodes()) {
                assertTrue(Opcode.fromMnemonic(op) != null, f.name() + ": no opcode " + op);
            }
            assertTrue(Set.of("dynamic", "total", "refund", "gas", "helper").contains(f.charge()), f.name());
        }
    }

    private static void check(GasFormulas.Expr e, GasFormulas.Formula f, Set<String> operators) {
        switch (e) {
            case GasFormulas.Num n -> {
            }
            case GasFormulas.Input in -> assertTrue(f.params().contains(in.name()), f.name() + ": unknown input " + in.name());
            case GasFormulas.Apply a -> {
                assertTrue(operators.contains(a.op()) || GasFormulas.ALL.containsKey(a.op()), f.name() + ": unknown op " + a.op());
                if (GasFormulas.ALL.containsKey(a.op())) {
                    assertEquals(GasFormulas.ALL.get(a.op()).params().size(), a.args().size(), f.name() + " calls " + a.op());
                }
                a.args().forEach(arg -> check(arg, f, operators));
            }
        }
    }
}
