// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests.fuzz;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.zvm.ZvmLanguage;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * WASM execution of arbitrary modules through the embedder's API: the module is instantiated and every
 * exported function called in export order with arguments 0, 1, 2… of its parameter types. Traps,
 * exhaustion and link errors are guest exceptions; nothing else escapes, and a second instance run the
 * same way gives the same results.
 */
class WasmExecutionFuzzTest {
    @FuzzTest
    void wasmExecution(byte[] input) {
        FuzzPolyglot.assertSameTwice(FuzzPolyglot.binary(ZvmLanguage.WASM_MIME, input), WasmExecutionFuzzTest::callAll);
    }

    /** Calls each export once; one line per call with its result or its guest error. */
    private static String callAll(Value exports) {
        StringBuilder out = new StringBuilder();
        for (String name : exports.getMemberKeys()) {
            Value f = exports.getMember(name);
            Value params = f.getMember("params");
            Object[] args = new Object[(int) params.getArraySize()];
            for (int i = 0; i < args.length; i++) {
                args[i] = argument(params.getArrayElement(i).asString(), i);
            }
            out.append(name).append(": ");
            try {
                out.append(f.execute(args));
            } catch (PolyglotException e) {
                if (e.isCancelled() || e.isInternalError()) {
                    throw e;
                }
                out.append("error: ").append(e.getMessage());
            } catch (IllegalArgumentException e) {
                // A parameter type the host cannot pass (v128) is refused before the call.
                out.append("refused: ").append(e.getMessage());
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static Object argument(String type, int i) {
        return switch (type) {
            case "i32" -> i;
            case "i64" -> (long) i;
            case "f32" -> (float) i;
            case "f64" -> (double) i;
            default -> null;
        };
    }
}
