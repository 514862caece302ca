// SPDX-License-Identifier: Apache-2.0
package org.zvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/**
 * The build promises Graal's optimizing runtime on the stock JDK. If the JVMCI flags or the compiler
 * jars go missing, Truffle silently falls back to its interpreter; these tests make that a failure.
 */
class OptimizingRuntimeTest {
    @Test
    void engineIsTheOptimizingRuntime() {
        try (Engine engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            assertEquals("GraalVM CE", engine.getImplementationName(), "the optimizing runtime is not active: check the JVMCI flags");
        }
    }

    @Test
    void contractLoopIsCompiled() {
        List<String> log = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (log) {
                    log.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Context.Builder builder = Context.newBuilder(ZvmLanguage.ID).allowExperimentalOptions(true).logHandler(handler)
                        .option("engine.TraceCompilation", "true").option("engine.BackgroundCompilation", "false")
                        .option("engine.CompilationFailureAction", "Throw");
        try (ZvmRunner zvm = new ZvmRunner(builder)) {
            Value loop = zvm.deploy("""
                            PUSH1 0
                            PUSH1 0
                            PUSH1 test
                            JUMP
                            loop: SWAP1
                            DUP2
                            ADD
                            SWAP1
                            PUSH1 1
                            ADD
                            test: PUSH1 0
                            CALLDATALOAD
                            DUP2
                            LT
                            PUSH1 loop
                            JUMPI
                            POP
                            PUSH1 0
                            MSTORE
                            PUSH1 32
                            PUSH1 0
                            RETURN
                            """);
            Map<String, Object> r = null;
            for (int i = 0; i < 5; i++) {
                r = ZvmRunner.call(loop, String.format("%064x", 200_000), 100_000_000);
            }
            assertEquals(String.format("0x%064x", 200_000L * 199_999 / 2), r.get("output"));
        }
        synchronized (log) {
            assertTrue(log.stream().anyMatch(l -> l.contains("opt done") && l.contains("ZvmContractRootNode")), "no compilation of the contract in: " + log);
        }
    }
}
