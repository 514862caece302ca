// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zvm.crypto.KnownAnswers;
import org.zvm.util.Hex;
import org.zvm.util.Json;

/**
 * The {@code zvm} command as a user meets it: a separate JVM started with the same optimizing-runtime
 * flags as this one, checked for exit codes, stdout and one-line errors (never a stack trace).
 */
class LauncherTest {
    static final Path EXAMPLES = Path.of("../examples");

    record Run(int exit, String out, String err) {
    }

    static Run zvm(String... args) throws IOException, InterruptedException {
        return zvm(List.of(), args);
    }

    /** Runs the launcher in a JVM with this one's flags plus {@code jvmOptions} (e.g. another locale). */
    static Run zvm(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        return run(jvmOptions, null, args);
    }

    /** Runs zvm with {@code input} as its standard input. */
    static Run zvmWithInput(String input, String... args) throws IOException, InterruptedException {
        return run(List.of(), input, args);
    }

    private static Run run(List<String> jvmOptions, String input, String... args) throws IOException, InterruptedException {
        // stderr goes to a file: read from a pipe after stdout, a long trace would fill the pipe and block the child.
        Path errFile = Files.createTempFile("zvm-stderr", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command(jvmOptions, args)).redirectError(errFile.toFile());
            pb.redirectInput(input == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null")) : ProcessBuilder.Redirect.PIPE);
            Process p = pb.start();
            if (input != null) {
                try (var stdin = p.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(errFile, StandardCharsets.UTF_8));
        } finally {
            Files.delete(errFile);
        }
    }

    /** The command line of a zvm JVM with this one's flags and class path plus {@code jvmOptions}. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-javaagent") && !a.startsWith("-Dsurefire") && !a.startsWith("-Dbasedir")) {
                cmd.add(a);
            }
        }
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.zvm.launcher.ZvmLauncher");
        cmd.addAll(List.of(args));
        return cmd;
    }

    static void assertOneLineError(Run r, String expected) {
        assertEquals(2, r.exit(), r.toString());
        assertEquals("zvm: " + expected, r.err().strip(), r.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Run r) {
        return (Map<String, Object>) Json.parse(r.out());
    }

    @Test
    void runCounterAsJson() throws Exception {
        Run r = zvm("run", EXAMPLES.resolve("counter.zasm").toString(), "--json");
        assertEquals(0, r.exit(), r.toString());
        Map<String, Object> j = json(r);
        assertEquals("success", j.get("status"));
        assertEquals(22112, ((Number) j.get("gasUsed")).intValue());
        assertEquals(Map.of("0x000000000000000000000000000000000000c0de", Map.of("0x0", "0x1")), j.get("storage"));
    }

    @Test
    void haltExitsWithOne() throws Exception {
        Run r = zvm("run", EXAMPLES.resolve("counter.zasm").toString(), "--gas", "100", "--json");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("out_of_gas", json(r).get("reason"));
    }

    @Test
    void stateDirectoryKeepsStorageBetweenRuns(@TempDir Path dir) throws Exception {
        String state = dir.resolve("world").toString();
        zvm("run", EXAMPLES.resolve("counter.zasm").toString(), "--state", state, "--json");
        Run second = zvm("run", EXAMPLES.resolve("counter.zasm").toString(), "--state", state, "--json");
        assertEquals(0, second.exit(), second.toString());
        assertEquals(Map.of("0x000000000000000000000000000000000000c0de", Map.of("0x0", "0x2")), json(second).get("storage"));
    }

    @Test
    void malformedInputGivesOneLineErrors(@TempDir Path dir) throws Exception {
        Path bad = Files.write(dir.resolve("bad.zvm"), new byte[]{0x11, 0x01, 0x0c});
        assertOneLineError(zvm("run", bad.toString()), "bad.zvm: invalid opcode 0x0c at offset 2");
        Path container = Files.write(dir.resolve("bad.zvmc"), "ZVMX0000000000000000".getBytes(StandardCharsets.US_ASCII));
        Run r = zvm("run", container.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("zvm: ") && r.err().contains("offset 0") && r.err().strip().lines().count() == 1, r.toString());
        assertOneLineError(zvm("run", dir.resolve("missing.zasm").toString()), dir.resolve("missing.zasm") + ": no such file");
        assertOneLineError(zvm("run", EXAMPLES.resolve("counter.zasm").toString(), "--calldata", "abc"), "--calldata: odd number of hex digits");
        assertEquals(2, zvm("frobnicate").exit());
    }

    @Test
    void assembleThenDisassemble(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("counter.zvmc");
        assertEquals(0, zvm("asm", EXAMPLES.resolve("counter.zasm").toString(), "-o", out.toString()).exit());
        Run dis = zvm("disasm", out.toString());
        assertEquals(0, dis.exit(), dis.toString());
        assertTrue(dis.out().contains("SLOAD") && dis.out().contains("SSTORE"), dis.out());
        Run run = zvm("run", out.toString(), "--json");
        assertEquals(22112, ((Number) json(run).get("gasUsed")).intValue());
    }

    @Test
    void gasScheduleIsJson() throws Exception {
        Run r = zvm("gas-schedule", "--json");
        assertEquals(0, r.exit());
        assertTrue(Json.parse(r.out()) instanceof Map);
    }

    @Test
    void traceWritesEip3155Lines() throws Exception {
        Run r = zvm("run", EXAMPLES.resolve("counter.zasm").toString(), "--trace");
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("{")).toList();
        assertEquals(8, lines.size(), r.err());
        assertEquals(Map.of("output", "", "gasUsed", "0x5660"), Json.parse(lines.get(7)), "geth's summary line: 22112 gas");
        @SuppressWarnings("unchecked")
        Map<String, Object> sload = (Map<String, Object>) Json.parse(lines.get(1));
        assertEquals("SLOAD", sload.get("opName"));
        assertEquals(2, ((Number) sload.get("pc")).intValue());
        assertEquals("0x834", sload.get("gasCost"));
        assertEquals("0x98967d", sload.get("gas"), "10,000,000 - 3");
        assertEquals(List.of("0x0"), sload.get("stack"), "the stack before SLOAD runs");
    }

    @Test
    void chainHederaPutsTheSystemContractsAt0x167To0x169(@TempDir Path dir) throws Exception {
        // STATICCALL 0x169 with getPseudorandomSeed()'s selector in memory 0..4, return memory 0..32.
        Path hex = Files.writeString(dir.resolve("seed.hex"), "0x63d83bf9a160e01b60005260206000600460006101695afa5060206000f3\n");
        Run hedera = zvm("run", hex.toString(), "--format", "evm", "--chain", "hedera", "--json");
        assertEquals(0, hedera.exit(), hedera.toString());
        assertEquals("0xafd2843a2ef873f2aa555bd0f46e21bd1a0ba0c96f930af0a8c5aa337bdd3338", json(hedera).get("output"), "seed 0 of the default seed 'zvm'");
        Run ethereum = zvm("run", hex.toString(), "--format", "evm", "--json");
        assertEquals("0xd83bf9a1" + "0".repeat(56), json(ethereum).get("output"), "0x169 is an empty account: memory keeps the selector");
        assertOneLineError(zvm("run", hex.toString(), "--format", "evm", "--chain", "solana"), "--chain: unknown chain 'solana' (expected one of ethereum, hedera)");
    }

    @Test
    void theHederaLedgerPersistsWithState(@TempDir Path dir) throws Exception {
        // golden/hedera.zasm creates a topic: the second run, over the same --state, gets the next entity number.
        String program = Path.of("src/test/resources/golden/hedera.zasm").toString();
        String world = dir.resolve("world").toString();
        for (String topic : List.of("3e9", "3ea")) {
            Run r = zvm("run", program, "--state", world, "--json");
            assertEquals(0, r.exit(), r.toString());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> logs = (List<Map<String, Object>>) json(r).get("logs");
            assertTrue(((String) logs.get(0).get("data")).endsWith("0".repeat(61) + topic), r.out());
        }
    }

    @Test
    void evmCodeRunsAndTraces(@TempDir Path dir) throws Exception {
        Path hex = Files.writeString(dir.resolve("add.hex"), "0x6005600401600055\n");
        Run r = zvm("run", hex.toString(), "--format", "evm", "--fork", "Istanbul", "--json", "--trace");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(20012L, ((Number) json(r).get("gasUsed")).longValue(), "EIP-2200 SSTORE of a fresh slot, no EIP-2929 cold charge");
        List<String> lines = r.err().lines().filter(l -> l.startsWith("{")).toList();
        assertEquals(6, lines.size(), r.err());
        assertEquals(List.of(), ((Map<?, ?>) Json.parse(lines.get(0))).get("stack"));
        assertEquals(List.of("0x5", "0x4"), ((Map<?, ?>) Json.parse(lines.get(2))).get("stack"));
        assertEquals(Map.of("output", "", "gasUsed", "0x4e2c"), Json.parse(lines.get(5)));
    }

    @Test
    void traceSummaryNamesARevert(@TempDir Path dir) throws Exception {
        // MSTORE8 0xab at 0, REVERT with that byte.
        Path hex = Files.writeString(dir.resolve("revert.hex"), "60ab60005360016000fd");
        Run r = zvm("run", hex.toString(), "--format", "evm", "--trace");
        assertEquals(1, r.exit(), r.toString());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("{")).toList();
        assertEquals(Map.of("output", "ab", "gasUsed", "0x12", "error", "execution reverted"), Json.parse(lines.getLast()), r.err());
    }

    @Test
    void malformedStateTestsGiveOneLineErrors(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"t\": {}, }");
        Run text = zvm("statetest", bad.toString());
        assertEquals(1, text.exit(), text.toString());
        assertTrue(text.err().lines().anyMatch(l -> l.equals("FAIL " + bad + ": JSON: expected a member name, found character '}' at offset 10")), text.err());
        assertFalse(text.err().contains("\tat "), "no stack trace");
        Run json = zvm("statetest", bad.toString(), "--json");
        assertEquals(1, json.exit(), json.toString());
        List<String> lines = json.out().lines().toList();
        assertEquals(Map.of("file", bad.toString(), "pass", false, "error", bad + ": JSON: expected a member name, found character '}' at offset 10"), Json.parse(lines.get(0)));
        assertEquals("{\"passed\": 0, \"failed\": 1, \"skipped\": 0}", lines.get(1));
        assertOneLineError(zvm("statetest", bad.toString(), "--fork", "Frontier"), "--fork: unknown fork 'Frontier' (known: Istanbul, Berlin, London, Shanghai, Cancun)");
        assertOneLineError(zvm("statetest", dir.resolve("missing.json").toString()), dir.resolve("missing.json") + ": no such file or directory");
        Path odd = Files.writeString(dir.resolve("odd.hex"), "0x60016");
        assertOneLineError(zvm("run", odd.toString(), "--format", "evm"), odd + ": odd number of hex digits (5)");
    }

    @Test
    void benchReportsJson() throws Exception {
        Run r = zvm("bench", EXAMPLES.resolve("loop.zasm").toString(), "--calldata", String.format("%064x", 1000), "--seconds", "1", "--warmup", "0", "--json");
        assertEquals(0, r.exit(), r.toString());
        Map<String, Object> j = json(r);
        assertTrue(((Number) j.get("executions")).longValue() > 0, r.toString());
        assertTrue(j.containsKey("mgasPerSecond") && j.containsKey("secondsPerExecution") && j.containsKey("gasUsed"));
    }

    @Test
    void benchTimesAWasmExportAndPrintsItsResult() throws Exception {
        String fib = EXAMPLES.resolve("fib.wasm").toString();
        Run r = zvm("bench", fib, "--invoke", "fib", "i32:15", "--seconds", "0.5", "--warmup", "0", "--json");
        assertEquals(0, r.exit(), r.toString());
        Map<String, Object> j = json(r);
        assertEquals("i32:610", j.get("result"));
        assertTrue(((Number) j.get("executions")).longValue() > 0, r.toString());
        assertOneLineError(zvm("bench", fib, "--invoke", "fib", "i64:1"), "--invoke: argument 1 of fib is a i32, got i64:1");
    }

    @Test
    void benchSuiteChecksOutputsThenMeasuresEachCase(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("answer.hex"), "602a60005260206000f3");
        Files.writeString(dir.resolve("echo.hex"), "366000600037366000f3");
        Path tsv = Files.writeString(dir.resolve("cases.tsv"), "answer\tanswer.hex\t\necho\techo.hex\tbeef\n");
        Files.writeString(dir.resolve("expected.tsv"), String.format("answer\t%064x\necho\tbeee\n", 42));
        Run r = zvm("bench", "--suite", tsv.toString(), "--fork", "Istanbul", "--seconds", "0.2", "--warmup", "0", "--json");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("zvm: echo: output 0xbeef differs from the expected 0xbeee"), r.err());
        List<Map<?, ?>> lines = r.out().lines().<Map<?, ?>> map(l -> (Map<?, ?>) Json.parse(l)).toList();
        assertEquals(3, lines.size(), r.out());
        assertEquals("answer", lines.get(0).get("case"));
        assertEquals("ok", lines.get(0).get("status"));
        assertEquals(18L, ((Number) lines.get(0).get("gasUsed")).longValue(), "3 + 3 + 6 (MSTORE, one word) + 3 + 3 + 0");
        assertEquals("FAILED", lines.get(1).get("status"));
        assertTrue(((Number) lines.get(1).get("executions")).longValue() > 0, "a failed case is still measured");
        assertEquals(2, ((Number) lines.get(2).get("cases")).intValue());
        assertEquals(1, ((Number) lines.get(2).get("failed")).intValue());
        assertTrue(((Number) lines.get(2).get("geomeanMgasPerSecond")).doubleValue() > 0, r.out());

        Files.writeString(tsv, "answer\tanswer.hex\n");
        assertOneLineError(zvm("bench", "--suite", tsv.toString()), tsv + ":1: expected 3 tab-separated fields (case, code file, calldata hex), found 2");
    }

    @Test
    void keygenSignVerifyExitCodes(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("alice.key");
        Path payload = Files.writeString(dir.resolve("release.txt"), "release 1.0\n");
        Path sig = dir.resolve("release.zsig");
        Run k = zvm("keygen", "--alg", "ml-dsa-65", "--seed", "0x" + "07".repeat(32), "--out", key.toString());
        assertEquals(0, k.exit(), k.toString());
        assertTrue(k.out().startsWith("ML-DSA-65 public key 0x"), k.out());
        Run s = zvm("sign", "--key", key.toString(), "--payload", payload.toString(), "--out", sig.toString());
        assertEquals(0, s.exit(), s.toString());
        Run valid = zvm("verify", sig.toString(), "--payload", payload.toString());
        assertEquals(0, valid.exit(), valid.toString());
        assertEquals("valid ML-DSA-65 signature", valid.out().strip());
        Path tampered = Files.writeString(dir.resolve("tampered.txt"), "release 1.1\n");
        Run invalid = zvm("verify", sig.toString(), "--payload", tampered.toString());
        assertEquals(1, invalid.exit(), invalid.toString());
        assertEquals("invalid ML-DSA-65 signature", invalid.out().strip());
        Path bad = Files.writeString(dir.resolve("bad.zsig"), "{\"format\": \"zsig\", \"version\": 1, \"alg\": \"Falcon-1024\"}");
        assertOneLineError(zvm("verify", bad.toString(), "--payload", payload.toString()),
                        bad + ": alg: unknown algorithm 'Falcon-1024' (ML-DSA-65|Falcon-512|SLH-DSA-SHA2-128s|Ed25519|secp256k1)");
    }

    /** The NIST round-3 Falcon-512 known answer, wrapped as a .zsig, verifies through the command. */
    @Test
    void falconKnownAnswerVerifiesAsZsig(@TempDir Path dir) throws Exception {
        byte[][] v = KnownAnswers.falconVector();
        Path sig = Files.writeString(dir.resolve("kat.zsig"), "{\"format\": \"zsig\", \"version\": 1, \"alg\": \"Falcon-512\", \"publicKey\": \""
                        + Hex.of(v[0]) + "\", \"signature\": \"" + Hex.of(v[2]) + "\"}\n");
        Path payload = Files.write(dir.resolve("kat.bin"), v[1]);
        Run r = zvm("verify", sig.toString(), "--payload", payload.toString());
        assertEquals(0, r.exit(), r.toString());
        Path other = Files.write(dir.resolve("other.bin"), KnownAnswers.flip(v[1], 0));
        assertEquals(1, zvm("verify", sig.toString(), "--payload", other.toString()).exit());
    }

    @Test
    void wasmInvokePrintsTypedResults(@TempDir Path dir) throws Exception {
        String fib = EXAMPLES.resolve("fib.wasm").toString();
        Run r = zvm("run", fib, "--invoke", "fib", "i32:20");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("i32:6765", r.out().strip());
        Run j = zvm("run", fib, "--invoke", "fib", "i32:10", "--json");
        assertEquals(List.of(Map.of("type", "i32", "value", "55")), json(j).get("results"));
        assertOneLineError(zvm("run", fib, "--invoke", "fib", "i64:1"), "--invoke: argument 1 of fib is a i32, got i64:1");
        assertOneLineError(zvm("run", fib, "--invoke", "nope"), "--invoke: the module exports no function 'nope'");
        Path bad = Files.write(dir.resolve("bad.wasm"), new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0});
        assertOneLineError(zvm("run", bad.toString(), "--invoke", "f"), "bad.wasm: malformed module: unknown binary version");
    }

    @Test
    void wasmSpectestPrintsJsonLinesAndASummary(@TempDir Path dir) throws Exception {
        Path module = dir.resolve("t.0.wasm");
        Files.copy(EXAMPLES.resolve("fib.wasm"), module);
        Files.writeString(dir.resolve("t.json"), """
                        {"source_filename": "t.wast", "commands": [
                          {"type": "module", "line": 1, "filename": "t.0.wasm"},
                          {"type": "assert_return", "line": 2, "action": {"type": "invoke", "field": "fib", "args": [{"type": "i32", "value": "10"}]},
                           "expected": [{"type": "i32", "value": "55"}]},
                          {"type": "assert_return", "line": 3, "action": {"type": "invoke", "field": "fib", "args": [{"type": "i32", "value": "10"}]},
                           "expected": [{"type": "i32", "value": "56"}]},
                          {"type": "assert_malformed", "line": 4, "filename": "t.1.wat", "text": "unexpected token", "module_type": "text"}]}
                        """);
        Run r = zvm("wasm-spectest", dir.toString(), "--json");
        assertEquals(1, r.exit(), r.toString());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(4, lines.size(), r.toString());
        assertTrue(lines.get(1).contains("\"status\":\"failed\"") && lines.get(1).contains("expected i32 56, got 0x37"), lines.get(1));
        assertEquals("{\"passed\": 1, \"failed\": 1, \"skipped\": 1}", lines.get(3));
    }

    @Test
    void abiAndSelectorPrintAsCastDoes() throws Exception {
        Run sig = zvm("selector", "transfer(address,uint256)");
        assertEquals(0, sig.exit(), sig.toString());
        assertEquals("0xa9059cbb", sig.out().strip());
        Run enc = zvm("abi", "encode", "f(int8,bool)", "-1", "true");
        assertEquals("0x" + "f".repeat(64) + "0".repeat(63) + "1", enc.out().strip(), enc.toString());
        Run dec = zvm("abi", "decode", "f()(int8,bool)", enc.out().strip());
        assertEquals("-1\ntrue", dec.out().strip(), dec.toString());
        assertOneLineError(zvm("abi", "decode", "(bool)", "0x02"), "abi: offset 0x0: data ends at 1 bytes, a word needs 32");
    }

    @Test
    void timeoutStopsARunawayContract(@TempDir Path dir) throws Exception {
        // JUMPDEST; PUSH1 0; JUMP with 2^62 gas: only the wall-clock guard ends it.
        Path spin = Files.writeString(dir.resolve("spin.hex"), "5b600056");
        Run r = zvm("run", spin.toString(), "--format", "evm", "--gas", "0x4000000000000000", "--timeout", "1");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("zvm: --timeout: stopped after 1 s", r.err().strip());
        assertOneLineError(zvm("run", spin.toString(), "--format", "evm", "--timeout", "0"), "--timeout: not a positive number of seconds: '0'");
    }

}
