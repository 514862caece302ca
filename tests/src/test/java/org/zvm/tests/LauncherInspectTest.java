// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zvm.tests.debug.CdpClient;
import org.zvm.util.Json;

/**
 * {@code zvm --inspect run FILE} as a user starts it: the launcher prints the DevTools address, suspends
 * on the first instruction until a client attaches, and finishes the run when the client resumes.
 */
class LauncherInspectTest {
    private static final String PARENT = Path.of("src/test/resources/debug/parent.zasm").toString();

    @Test
    void inspectRunWaitsForDevTools(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(LauncherTest.command(List.of(), "--inspect=" + port, "--inspect.Path=zvm-launcher", "run", PARENT, "--json"))
                        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try (CdpClient cdp = CdpClient.connect(new URI("ws://127.0.0.1:" + port + "/zvm-launcher"))) {
            cdp.send("Runtime.enable");
            cdp.send("Debugger.enable");
            cdp.send("Runtime.runIfWaitingForDebugger");
            cdp.awaitEvent("Debugger.scriptParsed", e -> ((String) e.get("url")).endsWith("parent.zasm"));
            Map<String, Object> paused = cdp.awaitEvent("Debugger.paused");
            Map<String, Object> top = CdpClient.map(CdpClient.list(paused.get("callFrames")).getFirst());
            assertEquals(2, ((Number) CdpClient.map(top.get("location")).get("lineNumber")).intValue(), "suspended on the first instruction");
            cdp.send("Debugger.resume");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out + Files.readString(err));
            assertEquals("success", CdpClient.map(Json.parse(out)).get("status"));
            assertTrue(Files.readString(err).contains("Debugger listening on ws://127.0.0.1:" + port + "/zvm-launcher"), Files.readString(err));
        } finally {
            p.destroyForcibly();
        }
    }
}
