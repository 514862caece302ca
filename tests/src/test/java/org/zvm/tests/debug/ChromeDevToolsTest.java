// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zvm.tests.debug.CdpClient.list;
import static org.zvm.tests.debug.CdpClient.map;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zvm.crypto.Hashes;
import org.zvm.util.Hex;
import org.zvm.util.Json;

/**
 * Chrome DevTools on a contract, through the real protocol: {@code --inspect} starts the inspector, a
 * WebSocket client (what Chrome's front end is) sees the {@code .zasm} parsed, sets a breakpoint by line,
 * reads the scope (stack, memory, storage touched, calldata, gas) and steps into a CALL, which opens the
 * callee's disassembly. Line numbers refer to {@code debug/parent.zasm}.
 */
class ChromeDevToolsTest {
    private static final long GAS = 1_000_000;
    private static final String CALLER = "0x00000000000000000000000000000000000000c0";
    /** 0-based, as the protocol counts: parent.zasm lines 8 (MSTORE), 21 (SSTORE) and 30 (CALL). */
    private static final int MSTORE_LINE = 7;
    private static final int SSTORE_LINE = 20;
    private static final int CALL_LINE = 29;
    private static final int MSTORE_PC = 9;

    @Test
    void breakpointScopeAndStepIntoCall() throws Exception {
        Path file = Path.of(ChromeDevToolsTest.class.getResource("/debug/parent.zasm").toURI());
        int port = freePort();
        CompletableFuture<String[]> run = runUnderInspector(port, Source.newBuilder("zvm", file.toFile()).mimeType("text/x-zasm").build(), "0x", Map.of());

        try (CdpClient cdp = attach(port)) {
            Map<String, Object> script = cdp.awaitEvent("Debugger.scriptParsed", p -> ((String) p.get("url")).endsWith("parent.zasm"));
            String url = (String) script.get("url");
            String parentScript = (String) script.get("scriptId");

            // Suspended on the first instruction: the first line of code in the file.
            Map<String, Object> first = cdp.awaitEvent("Debugger.paused");
            assertEquals(2, line(topFrame(first)));

            setBreakpoint(cdp, url, MSTORE_LINE);
            setBreakpoint(cdp, url, SSTORE_LINE);
            setBreakpoint(cdp, url, CALL_LINE);

            cdp.send("Debugger.resume");
            Map<String, Object> atMstore = topFrame(cdp.awaitEvent("Debugger.paused"));
            assertEquals(MSTORE_LINE, line(atMstore));
            assertEquals(parentScript, map(atMstore.get("location")).get("scriptId"));
            Map<String, Object> scope = scope(cdp, atMstore);
            assertEquals(List.of("stack", "memory", "storage", "calldata", "gas", "pc", "address"), List.copyOf(scope.keySet()));
            assertEquals(List.of("0x33", "0x60"), elements(cdp, scope.get("stack")));
            assertEquals(Map.of("0x0", "0x2a"), properties(cdp, scope.get("storage")));
            assertEquals(Map.of(), properties(cdp, scope.get("memory")));
            assertEquals("0x", value(scope.get("calldata")));
            assertEquals(MSTORE_PC, ((Number) value(scope.get("pc"))).intValue());
            assertEquals(tracedGasBefore(file, MSTORE_PC), ((Number) value(scope.get("gas"))).longValue());

            cdp.send("Debugger.resume");
            Map<String, Object> atSstore = topFrame(cdp.awaitEvent("Debugger.paused"));
            assertEquals(SSTORE_LINE, line(atSstore));
            Map<String, Object> memory = properties(cdp, scope(cdp, atSstore).get("memory"));
            assertEquals("0x" + "00".repeat(31) + "33", memory.get("0x60"));

            cdp.send("Debugger.resume");
            Map<String, Object> atCall = cdp.awaitEvent("Debugger.paused");
            assertEquals(CALL_LINE, line(topFrame(atCall)));
            assertEquals(1, list(atCall.get("callFrames")).size());

            cdp.send("Debugger.stepInto");
            Map<String, Object> inChild = cdp.awaitEvent("Debugger.paused");
            List<Object> frames = list(inChild.get("callFrames"));
            assertEquals(2, frames.size(), "the child's frame above the parent's");
            Map<String, Object> child = map(frames.get(0));
            assertNotEquals(parentScript, map(child.get("location")).get("scriptId"), "the callee's own source opens");
            assertEquals(CALL_LINE, line(map(frames.get(1))));
            Map<String, Object> childScope = scope(cdp, child);
            assertEquals(List.of(), elements(cdp, childScope.get("stack")));
            assertEquals(Map.of(), properties(cdp, childScope.get("storage")));

            cdp.send("Debugger.resume");
            assertEquals("success", run.get(60, TimeUnit.SECONDS)[0]);
        }
    }

    /**
     * With solc's source map the Source is the Solidity file: a breakpoint on {@code count = next;} (line 10
     * of examples/solidity/Counter.sol) stops there, with {@code count}'s slot among the storage touched.
     */
    @Test
    void solidityBreakpoint(@TempDir Path out) throws Exception {
        Solc solc = Solc.compile("Counter.sol", "Counter", out);
        int port = freePort();
        String calldata = selector("increment(uint256)") + "00".repeat(31) + "05";
        CompletableFuture<String[]> run = runSolidityUnderInspector(port, solc, calldata);
        try (CdpClient cdp = attach(port)) {
            String url = awaitSolidityPaused(cdp, solc);
            Map<String, Object> frame = topFrame(resumeToBreakpoint(cdp, url, 9));
            Map<String, Object> scope = scope(cdp, frame);
            assertEquals(calldata, value(scope.get("calldata")));
            assertEquals("0x0", properties(cdp, scope.get("storage")).get("0x0"), "count was read: slot 0 is touched");
            assertTrue(elements(cdp, scope.get("stack")).contains("0x5"), "the argument is on the stack");
            cdp.send("Debugger.resume");
            String[] result = run.get(60, TimeUnit.SECONDS);
            assertEquals("success", result[0]);
            assertEquals("0x" + "00".repeat(31) + "05", result[1]);
        }
    }

    /**
     * The Call Stack names Solidity functions: {@code transfer(to, 100)} on examples/solidity/Token.sol stops
     * first in {@code transfer} (line 28, {@code _move(msg.sender, to, value);}), then inside the internal
     * {@code _move} it calls (line 48, the balance check), where the frame is named {@code Token._move} and
     * the scope's {@code functions} lists {@code _move} above its caller's call site. The caller has no
     * tokens, so the call then reverts.
     */
    @Test
    void solidityFramesByFunctionName(@TempDir Path out) throws Exception {
        Solc solc = Solc.compile("Token.sol", "Token", out);
        int port = freePort();
        String calldata = selector("transfer(address,uint256)") + "00".repeat(31) + "c1" + "00".repeat(31) + "64";
        CompletableFuture<String[]> run = runSolidityUnderInspector(port, solc, calldata);
        try (CdpClient cdp = attach(port)) {
            String url = awaitSolidityPaused(cdp, solc);
            Map<String, Object> inTransfer = resumeToBreakpoint(cdp, url, 27);
            assertEquals(1, list(inTransfer.get("callFrames")).size());
            assertEquals("Token.transfer", topFrame(inTransfer).get("functionName"));
            assertEquals(List.of("Token.transfer (Token.sol:28)"), elements(cdp, scope(cdp, topFrame(inTransfer)).get("functions")));

            Map<String, Object> inMove = resumeToBreakpoint(cdp, url, 47);
            Map<String, Object> frame = topFrame(inMove);
            assertEquals(1, list(inMove.get("callFrames")).size(), "an internal call is a jump in the same contract frame");
            assertEquals("Token._move", frame.get("functionName"));
            Map<String, Object> scope = scope(cdp, frame);
            assertEquals(List.of("functions", "stack", "memory", "storage", "calldata", "gas", "pc", "address"), List.copyOf(scope.keySet()));
            assertEquals(List.of("Token._move (Token.sol:48)", "Token.transfer (Token.sol:28)"), elements(cdp, scope.get("functions")));

            cdp.send("Debugger.resume");
            assertEquals("revert", run.get(60, TimeUnit.SECONDS)[0]);
        }
    }

    /**
     * Around a CALL and an internal call that returns, in debug/Factory.sol: stepping into {@code c.seven()}
     * (line 14) puts the callee's frame on top (its code has no map: its listing's name) and leaves the
     * caller named {@code Factory.make}, its {@code functions} at the call's line; inside {@code twice}
     * (line 19, whose overflow check is a compiler helper called and left) the frame is
     * {@code Factory.twice}; back in {@code make} (line 15) only {@code make} is left.
     */
    @Test
    void solidityFramesAroundCalls(@TempDir Path out) throws Exception {
        Solc solc = Solc.compile(Path.of(ChromeDevToolsTest.class.getResource("/debug/Factory.sol").toURI()), "Factory", out);
        int port = freePort();
        CompletableFuture<String[]> run = runSolidityUnderInspector(port, solc, selector("make()"));
        try (CdpClient cdp = attach(port)) {
            String url = awaitSolidityPaused(cdp, solc);
            Map<String, Object> atCall = topFrame(resumeToBreakpoint(cdp, url, 13));
            assertEquals("Factory.make", atCall.get("functionName"));

            List<Object> frames = List.of();
            for (int step = 0; step < 50 && frames.size() < 2; step++) {
                cdp.send("Debugger.stepInto");
                frames = list(cdp.awaitEvent("Debugger.paused").get("callFrames"));
            }
            assertEquals(2, frames.size(), "stepped into the CALL");
            Map<String, Object> caller = map(frames.get(1));
            assertEquals("Factory.make", caller.get("functionName"));
            assertEquals(List.of("Factory.make (Factory.sol:14)"), elements(cdp, scope(cdp, caller).get("functions")));
            assertFalse(((String) map(frames.get(0)).get("functionName")).contains("."), "the callee has no map: " + frames.get(0));

            Map<String, Object> inTwice = topFrame(resumeToBreakpoint(cdp, url, 18));
            assertEquals("Factory.twice", inTwice.get("functionName"));
            assertEquals(List.of("Factory.twice (Factory.sol:19)", "Factory.make (Factory.sol:14)"), elements(cdp, scope(cdp, inTwice).get("functions")));

            Map<String, Object> back = topFrame(resumeToBreakpoint(cdp, url, 14));
            assertEquals("Factory.make", back.get("functionName"));
            assertEquals(List.of("Factory.make (Factory.sol:15)"), elements(cdp, scope(cdp, back).get("functions")), "twice and its helper were left");

            cdp.send("Debugger.resume");
            String[] result = run.get(60, TimeUnit.SECONDS);
            assertEquals("success", result[0]);
            assertEquals("0x" + "00".repeat(31) + "0e", result[1]);
        }
    }

    /**
     * Runs {@code source}'s {@code call(calldata)} in a context whose inspector listens on {@code port} and
     * waits for a client; completes with the result's status and output.
     */
    private static CompletableFuture<String[]> runUnderInspector(int port, Source source, String calldata, Map<String, String> options) {
        CompletableFuture<String[]> run = new CompletableFuture<>();
        Thread vm = new Thread(() -> {
            try (Context context = Context.newBuilder("zvm").option("inspect", String.valueOf(port)).option("inspect.Path", "zvm-test")
                            .option("inspect.WaitAttached", "true").option("inspect.Suspend", "true").options(options).allowIO(IOAccess.ALL).build()) {
                Value contract = context.eval(source);
                Value result = contract.invokeMember("call", calldata, GAS, "0x0", CALLER, true);
                run.complete(new String[]{result.getMember("status").asString(), result.getMember("output").asString()});
            } catch (Throwable t) {
                t.printStackTrace();
                run.completeExceptionally(t);
            }
        }, "zvm-under-devtools");
        vm.setDaemon(true);
        vm.start();
        return run;
    }

    /** {@code solc}'s runtime code with its source map, called with {@code calldata} under the inspector. */
    private static CompletableFuture<String[]> runSolidityUnderInspector(int port, Solc solc, String calldata) throws IOException {
        Source code = Source.newBuilder("zvm", ByteSequence.create(solc.runtimeCode()), solc.code().getFileName() + ".evm").mimeType("application/x-evm").build();
        return runUnderInspector(port, code, calldata, Map.of("zvm.SourceMap", solc.sourceMap().toString(), "zvm.Sources", solc.source().toString()));
    }

    /** Waits for the Solidity source to be parsed and the first suspension; returns the source's URL. */
    private static String awaitSolidityPaused(CdpClient cdp, Solc solc) throws InterruptedException {
        String name = solc.source().getFileName().toString();
        String url = (String) cdp.awaitEvent("Debugger.scriptParsed", p -> ((String) p.get("url")).endsWith(name)).get("url");
        cdp.awaitEvent("Debugger.paused");
        return url;
    }

    /** Sets a breakpoint on {@code line} (0-based), resumes and checks execution stops there; returns the pause. */
    private static Map<String, Object> resumeToBreakpoint(CdpClient cdp, String url, int line) throws InterruptedException {
        setBreakpoint(cdp, url, line);
        cdp.send("Debugger.resume");
        Map<String, Object> paused = cdp.awaitEvent("Debugger.paused");
        assertEquals(line, line(topFrame(paused)));
        return paused;
    }

    /** The 4-byte selector of {@code signature}, hex. */
    private static String selector(String signature) {
        return Hex.of(Arrays.copyOf(Hashes.keccak256(signature.getBytes(StandardCharsets.US_ASCII)), 4));
    }

    /** Connects as DevTools does and lets the waiting context run. */
    private static CdpClient attach(int port) throws Exception {
        CdpClient cdp = CdpClient.connect(new URI("ws://127.0.0.1:" + port + "/zvm-test"));
        cdp.send("Runtime.enable");
        cdp.send("Debugger.enable");
        cdp.send("Runtime.runIfWaitingForDebugger");
        return cdp;
    }

    private static void setBreakpoint(CdpClient cdp, String url, int line) {
        Map<String, Object> bp = cdp.send("Debugger.setBreakpointByUrl", "url", url, "lineNumber", line);
        assertTrue(bp.containsKey("breakpointId"), bp.toString());
    }

    private static Map<String, Object> topFrame(Map<String, Object> paused) {
        return map(list(paused.get("callFrames")).getFirst());
    }

    private static int line(Map<String, Object> frame) {
        return ((Number) map(frame.get("location")).get("lineNumber")).intValue();
    }

    /** The frame's first scope as name to remote object. */
    private static Map<String, Object> scope(CdpClient cdp, Map<String, Object> frame) {
        Map<String, Object> first = map(list(frame.get("scopeChain")).getFirst());
        return remoteProperties(cdp, map(first.get("object")));
    }

    private static Map<String, Object> remoteProperties(CdpClient cdp, Map<String, Object> remote) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Object p : list(cdp.send("Runtime.getProperties", "objectId", remote.get("objectId"), "ownProperties", true).get("result"))) {
            Map<String, Object> property = map(p);
            result.put((String) property.get("name"), property.get("value"));
        }
        return result;
    }

    /** An object member's properties as name to primitive value. */
    private static Map<String, Object> properties(CdpClient cdp, Object remote) {
        Map<String, Object> result = new LinkedHashMap<>();
        remoteProperties(cdp, map(remote)).forEach((k, v) -> result.put(k, value(v)));
        return result;
    }

    /** An array member's elements, in index order (the protocol adds no other own properties for them). */
    private static List<Object> elements(CdpClient cdp, Object remote) {
        return properties(cdp, remote).entrySet().stream().filter(e -> e.getKey().chars().allMatch(Character::isDigit)).map(Map.Entry::getValue).toList();
    }

    private static Object value(Object remote) {
        return map(remote).get("value");
    }

    /** The gas before the instruction at {@code pc} as the EIP-3155 tracer prints it for the same call. */
    private static long tracedGasBefore(Path file, int pc) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("zvm").option("zvm-trace", "true").err(err).build()) {
            Value contract = context.eval(Source.newBuilder("zvm", file.toFile()).mimeType("text/x-zasm").build());
            contract.invokeMember("call", "0x", GAS, "0x0", CALLER, true);
        }
        for (String line : err.toString(StandardCharsets.UTF_8).lines().toList()) {
            Map<String, Object> step = map(Json.parse(line));
            if (((Number) step.get("pc")).intValue() == pc && ((Number) step.get("depth")).intValue() == 1) {
                return Long.decode((String) step.get("gas"));
            }
        }
        throw new AssertionError("no trace line for pc " + pc);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
