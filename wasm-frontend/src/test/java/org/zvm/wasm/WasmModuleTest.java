// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.junit.jupiter.api.Test;
import org.zvm.wasm.parser.BinaryParser;
import org.zvm.wasm.runtime.Instance;
import org.zvm.wasm.runtime.Linker;
import org.zvm.wasm.runtime.V128;
import org.zvm.wasm.runtime.WasmFunction;
import org.zvm.wasm.spectest.SpecTestRunner;

/**
 * Decoding, validation and execution of small hand-assembled modules of one exported function: the
 * error classes and messages of the spec, and the semantics that are easy to get subtly wrong.
 */
class WasmModuleTest {
    private static final int I32 = 0x7F;
    private static final int I64 = 0x7E;
    private static final int F32 = 0x7D;

    /** A module with one function of type {@code params -> results} exported as "f", with {@code body} (locals included). */
    static byte[] module(int[] params, int[] results, int... body) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        ByteArrayOutputStream type = new ByteArrayOutputStream();
        type.write(1);
        type.write(0x60);
        type.write(params.length);
        for (int p : params) {
            type.write(p);
        }
        type.write(results.length);
        for (int r : results) {
            type.write(r);
        }
        section(m, 1, type.toByteArray());
        section(m, 3, new byte[] {1, 0});
        section(m, 7, new byte[] {1, 1, 'f', 0, 0});
        byte[] code = new byte[body.length];
        for (int i = 0; i < body.length; i++) {
            code[i] = (byte) body[i];
        }
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        c.write(1);
        c.write(code.length);
        c.writeBytes(code);
        section(m, 10, c.toByteArray());
        return m.toByteArray();
    }

    private static void section(ByteArrayOutputStream m, int id, byte[] payload) {
        m.write(id);
        m.write(payload.length);
        m.writeBytes(payload);
    }

    static Object[] call(byte[] module, Object... args) {
        Instance instance = Linker.instantiate(BinaryParser.parse(null, module, "test"), (mod, name) -> null);
        return SpecTestRunner.invoke((WasmFunction) instance.exports.get("f"), args);
    }

    static WasmException failure(byte[] module, Object... args) {
        return assertThrows(WasmException.class, () -> call(module, args));
    }

    @Test
    void addsTwoI32() {
        byte[] add = module(new int[] {I32, I32}, new int[] {I32}, 0, 0x20, 0, 0x20, 1, 0x6A, 0x0B);
        assertEquals(42L, call(add, 7L, 35L)[0]);
        assertEquals((long) Integer.MIN_VALUE, call(add, (long) Integer.MAX_VALUE, 1L)[0], "i32 addition wraps");
    }

    @Test
    void loopSumsWithBranches() {
        // local 1 = sum; loop { sum += n; n -= 1; br_if 0 (n != 0) }; sum
        byte[] sum = module(new int[] {I64}, new int[] {I64}, 1, 1, I64, 0x03, 0x40, 0x20, 1, 0x20, 0, 0x7C, 0x21, 1, 0x20, 0, 0x42, 1, 0x7D, 0x22, 0,
                        0x42, 0, 0x52, 0x0D, 0, 0x0B, 0x20, 1, 0x0B);
        assertEquals(5050L, call(sum, 100L)[0]);
    }

    @Test
    void trapsCarryTheSpecMessages() {
        byte[] div = module(new int[] {I32, I32}, new int[] {I32}, 0, 0x20, 0, 0x20, 1, 0x6D, 0x0B);
        WasmException e = failure(div, 1L, 0L);
        assertEquals(WasmException.Kind.TRAP, e.kind());
        assertEquals("integer divide by zero", e.getMessage());
        assertEquals("integer overflow", failure(div, (long) Integer.MIN_VALUE, -1L).getMessage());
        assertEquals("unreachable", failure(module(new int[0], new int[0], 0, 0x00, 0x0B)).getMessage());
    }

    @Test
    void floatMinQuietsASignalingNaN() {
        byte[] min = module(new int[] {F32, F32}, new int[] {F32}, 0, 0x20, 0, 0x20, 1, 0x96, 0x0B);
        long signaling = 0x7fa00000L;
        long result = (Long) call(min, signaling, (long) Float.floatToRawIntBits(1f))[0];
        assertEquals(0x7fc00000, (int) result & 0x7fc00000, "an arithmetic (quiet) NaN");
        assertEquals((long) Float.floatToRawIntBits(-0f), call(min, (long) Float.floatToRawIntBits(0f), (long) Float.floatToRawIntBits(-0f))[0]);
    }

    @Test
    void validationErrorsAreInvalid() {
        WasmException e = failure(module(new int[0], new int[0], 0, 0x41, 1, 0x0B));
        assertEquals(WasmException.Kind.INVALID, e.kind());
        assertEquals("type mismatch", e.getMessage());
        assertEquals("unknown local 3", failure(module(new int[0], new int[0], 0, 0x20, 3, 0x1A, 0x0B)).getMessage());
        assertEquals("unknown label", failure(module(new int[0], new int[0], 0, 0x0C, 1, 0x0B)).getMessage());
    }

    /** Found by fuzzing: a host argument for a v128 or funcref parameter reached the guest unchecked, a ClassCastException inside. */
    @Test
    void hostArgumentsWithoutAWasmFormAreRefused() {
        byte[] v128 = module(new int[] {0x7B}, new int[] {0x7B}, 0, 0x20, 0, 0x0B);
        byte[] funcref = module(new int[] {0x70}, new int[] {I32}, 0, 0x20, 0, 0xD1, 0x0B);
        try (Context c = Context.create("zvm")) {
            Value f = export(c, v128);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.execute((Object) null));
            assertTrue(e.getMessage().contains("argument 0 is not a v128"), e.getMessage());
            Value isNull = export(c, funcref);
            assertThrows(IllegalArgumentException.class, () -> isNull.execute("not a function"));
            assertEquals(1, isNull.execute((Object) null).asInt());
            assertEquals(0, isNull.execute(isNull).asInt(), "an exported function is a funcref");
        }
    }

    /** Found by fuzzing: a function section declaring 2^32-1 functions in five bytes made the decoder allocate 8 GB. */
    @Test
    void hugeFunctionCountIsAnUnexpectedEnd() {
        byte[] m = {0, 'a', 's', 'm', 1, 0, 0, 0, 3, 5, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
        WasmException e = assertThrows(WasmException.class, () -> BinaryParser.parse(null, m, "m"));
        assertEquals(WasmException.Kind.MALFORMED, e.kind());
        assertEquals("unexpected end", e.getMessage());
    }

    /** Found by fuzzing: several results printed as an identity hash, different in every run. */
    @Test
    void severalResultsPrintTheirValues() {
        byte[] swap = module(new int[] {I64, I64}, new int[] {I64, I64}, 0, 0x20, 1, 0x20, 0, 0x0B);
        try (Context c = Context.create("zvm")) {
            assertEquals("[2, 1]", export(c, swap).execute(1L, 2L).toString());
        }
    }

    private static Value export(Context c, byte[] module) {
        return c.eval(Source.newBuilder("zvm", ByteSequence.create(module), "m").mimeType("application/wasm").buildLiteral()).getMember("f");
    }

    @Test
    void decodingErrorsAreMalformed() {
        WasmException e = assertThrows(WasmException.class, () -> BinaryParser.parse(null, new byte[] {0, 'a', 's', 'x', 1, 0, 0, 0}, "m"));
        assertEquals(WasmException.Kind.MALFORMED, e.kind());
        assertEquals("magic header not detected", e.getMessage());
        byte[] truncated = module(new int[0], new int[0], 0, 0x0B);
        byte[] cut = java.util.Arrays.copyOf(truncated, truncated.length - 1);
        assertEquals(WasmException.Kind.MALFORMED, assertThrows(WasmException.class, () -> BinaryParser.parse(null, cut, "m")).kind());
        assertEquals("illegal opcode ff", failure(module(new int[0], new int[0], 0, 0xFF, 0x0B)).getMessage());
    }

    @Test
    void multipleResultsComeBackInOrder() {
        byte[] swap = module(new int[] {I32, I64}, new int[] {I64, I32}, 0, 0x20, 1, 0x20, 0, 0x0B);
        assertArrayEquals(new Object[] {9L, 4L}, call(swap, 4L, 9L));
    }

    @Test
    void simdAddsLanesWithWraparound() {
        int v128 = 0x7B;
        byte[] add = module(new int[] {v128, v128}, new int[] {v128}, 0, 0x20, 0, 0x20, 1, 0xFD, 0xAE, 0x01, 0x0B);
        V128 a = V128.of(4, new long[] {1, 2, 3, Integer.MAX_VALUE});
        V128 b = V128.of(4, new long[] {10, 20, 30, 1});
        assertEquals(V128.of(4, new long[] {11, 22, 33, Integer.MIN_VALUE}), call(add, a, b)[0]);
    }

    @Test
    void hostFunctionsSeeTheImportingInstance() {
        // (import "env" "twice" (func (param i32) (result i32))) (memory 1) (func (export "f") (param i32) (result i32) local.get 0 call 0)
        byte[] m = {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 6, 1, 0x60, 1, I32, 1, I32, 2, 13, 1, 3, 'e', 'n', 'v', 5, 't', 'w', 'i', 'c', 'e', 0, 0, 3, 2, 1, 0,
                        5, 3, 1, 0, 1, 7, 5, 1, 1, 'f', 0, 1, 10, 8, 1, 6, 0, 0x20, 0, 0x10, 0, 0x0B};
        org.zvm.wasm.host.HostFunction twice = (context, args) -> {
            context.write(0, new byte[] {42});
            return new Object[] {(Integer) args[0] * 2};
        };
        Instance instance = Linker.instantiate(BinaryParser.parse(null, m, "host"), (mod, name) -> mod.equals("env") && name.equals("twice") ? twice : null);
        assertEquals(42L, SpecTestRunner.invoke((WasmFunction) instance.exports.get("f"), new Object[] {21L})[0]);
        assertEquals(42, instance.memories[0].getByte(0));
        WasmException unknown = assertThrows(WasmException.class, () -> Linker.instantiate(BinaryParser.parse(null, m, "host"), (mod, name) -> null));
        assertEquals(WasmException.Kind.UNLINKABLE, unknown.kind());
    }

    @Test
    void meteredBlocksChargeGasAndRunningOutTraps() {
        byte[] sum = module(new int[] {I64}, new int[] {I64}, 1, 1, I64, 0x03, 0x40, 0x20, 1, 0x20, 0, 0x7C, 0x21, 1, 0x20, 0, 0x42, 1, 0x7D, 0x22, 0,
                        0x42, 0, 0x52, 0x0D, 0, 0x0B, 0x20, 1, 0x0B);
        Instance instance = Linker.instantiate(BinaryParser.parse(null, sum, "gas"), (mod, name) -> null);
        WasmFunction f = (WasmFunction) instance.exports.get("f");
        // Unmetered (a plain invocation): nothing is charged.
        assertEquals(55L, SpecTestRunner.invoke(f, new Object[] {10L})[0]);
        assertEquals(Long.MAX_VALUE, instance.gasLeft());
        instance.meter(1000);
        assertEquals(55L, SpecTestRunner.invoke(f, new Object[] {10L})[0]);
        // The body (2 nodes) once, the loop's 11 instructions per iteration.
        assertEquals(1000 - 2 - 10 * 11, instance.gasLeft());
        WasmException e = assertThrows(WasmException.class, () -> SpecTestRunner.invoke(f, new Object[] {1000L}));
        assertEquals("out of gas", e.getMessage());
        assertEquals(0, instance.gasLeft());
    }
}
