// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zvm.wasm.ModuleBytes.CODE;
import static org.zvm.wasm.ModuleBytes.END;
import static org.zvm.wasm.ModuleBytes.EXPORT;
import static org.zvm.wasm.ModuleBytes.EXTERNREF;
import static org.zvm.wasm.ModuleBytes.F32;
import static org.zvm.wasm.ModuleBytes.F64;
import static org.zvm.wasm.ModuleBytes.FUNCREF;
import static org.zvm.wasm.ModuleBytes.FUNCTION;
import static org.zvm.wasm.ModuleBytes.I32;
import static org.zvm.wasm.ModuleBytes.I64;
import static org.zvm.wasm.ModuleBytes.TYPE;
import static org.zvm.wasm.ModuleBytes.body;
import static org.zvm.wasm.ModuleBytes.exportFunc;
import static org.zvm.wasm.ModuleBytes.funcType;
import static org.zvm.wasm.ModuleBytes.leb;
import static org.zvm.wasm.ModuleBytes.module;
import static org.zvm.wasm.ModuleBytes.section;
import static org.zvm.wasm.ModuleBytes.vec;

import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exported functions as an embedder sees them through the polyglot API: Java numbers in, Java numbers
 * out, a signature to read, and every mismatch refused at the boundary rather than inside the guest.
 */
class WasmFunctionObjectTest {
    private static Context context;
    private static Value exports;

    /** Functions: "mix" (i32 i64 f32 f64) -> (f64) sums its arguments; "none" () -> (); "pair" () -> (i32 f32); "refs" (externref funcref) -> (externref funcref); "deep" recurses forever. */
    @BeforeAll
    static void instantiate() {
        byte[] types = section(TYPE, vec(funcType(new int[] {I32, I64, F32, F64}, F64), funcType(new int[0]), funcType(new int[0], I32, F32),
                        funcType(new int[] {EXTERNREF, FUNCREF}, EXTERNREF, FUNCREF)));
        byte[] mix = body(0x20, 0, 0xB7, 0x20, 1, 0xB9, 0xA0, 0x20, 2, 0xBB, 0xA0, 0x20, 3, 0xA0, END);
        byte[] pair = body(0x41, 7, 0x43, 0, 0, 0xC0, 0x3F, END);
        byte[] refs = body(0x20, 0, 0x20, 1, END);
        byte[] deep = body(0x10, 4, END);
        byte[] m = module(types, section(FUNCTION, vec(leb(0), leb(1), leb(2), leb(3), leb(1))),
                        section(EXPORT, vec(exportFunc("mix", 0), exportFunc("none", 1), exportFunc("pair", 2), exportFunc("refs", 3), exportFunc("deep", 4))),
                        section(CODE, vec(mix, body(END), pair, refs, deep)));
        context = Context.create("zvm");
        exports = context.eval(Source.newBuilder("zvm", ByteSequence.create(m), "m").mimeType("application/wasm").buildLiteral());
    }

    @AfterAll
    static void close() {
        context.close();
    }

    @Test
    void numbersConvertBothWays() {
        assertEquals(10.5, exports.getMember("mix").execute(1, 2L, 3.5f, 4.0).asDouble());
        assertEquals(10.0, exports.getMember("mix").execute((byte) 1, 2, 3, 4).asDouble(), "any number that fits the parameter type");
        assertTrue(exports.getMember("none").execute().isNull(), "no result is null");
        Value pair = exports.getMember("pair").execute();
        assertEquals(7, pair.getArrayElement(0).asInt());
        assertEquals(1.5f, pair.getArrayElement(1).asFloat());
    }

    @Test
    void signaturesAreMembers() {
        Value mix = exports.getMember("mix");
        assertEquals(List.of("params", "results"), List.copyOf(mix.getMemberKeys()));
        assertEquals(List.of("i32", "i64", "f32", "f64"), names(mix.getMember("params")));
        assertEquals(List.of("f64"), names(mix.getMember("results")));
        assertFalse(mix.hasMember("name"));
        assertTrue(mix.canExecute());
    }

    private static List<String> names(Value array) {
        String[] names = new String[(int) array.getArraySize()];
        for (int i = 0; i < names.length; i++) {
            names[i] = array.getArrayElement(i).asString();
        }
        return List.of(names);
    }

    @Test
    void referencesPassThrough() {
        Value refs = exports.getMember("refs");
        Value nulls = refs.execute(null, null);
        assertTrue(nulls.getArrayElement(0).isNull());
        assertTrue(nulls.getArrayElement(1).isNull());
        Value back = refs.execute("host object", exports.getMember("none"));
        assertEquals("host object", back.getArrayElement(0).asString());
        assertTrue(back.getArrayElement(1).asString().startsWith("func "), "a function reference comes back as its name");
    }

    @Test
    void mismatchesAreRefusedAtTheBoundary() {
        Value mix = exports.getMember("mix");
        assertThrows(IllegalArgumentException.class, () -> mix.execute(1, 2), "too few arguments");
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> mix.execute("one", 2L, 3f, 4.0));
        assertTrue(type.getMessage().contains("argument 0 is not a i32"), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> mix.execute(1, 2.5, 3f, 4.0), "a fraction is no i64");
        assertThrows(IllegalArgumentException.class, () -> exports.getMember("refs").execute(null, 5), "a number is no funcref");
    }

    @Test
    void endlessRecursionIsExhaustion() {
        PolyglotException e = assertThrows(PolyglotException.class, () -> exports.getMember("deep").execute());
        assertTrue(e.isGuestException());
        assertEquals("call stack exhausted", e.getMessage());
    }

}
