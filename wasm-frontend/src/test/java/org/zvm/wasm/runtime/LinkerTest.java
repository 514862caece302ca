// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.zvm.wasm.ModuleBytes.CODE;
import static org.zvm.wasm.ModuleBytes.DATA;
import static org.zvm.wasm.ModuleBytes.ELEMENT;
import static org.zvm.wasm.ModuleBytes.END;
import static org.zvm.wasm.ModuleBytes.EXPORT;
import static org.zvm.wasm.ModuleBytes.EXTERNREF;
import static org.zvm.wasm.ModuleBytes.FUNCREF;
import static org.zvm.wasm.ModuleBytes.FUNCTION;
import static org.zvm.wasm.ModuleBytes.GLOBAL;
import static org.zvm.wasm.ModuleBytes.I32;
import static org.zvm.wasm.ModuleBytes.I64;
import static org.zvm.wasm.ModuleBytes.IMPORT;
import static org.zvm.wasm.ModuleBytes.MEMORY;
import static org.zvm.wasm.ModuleBytes.START;
import static org.zvm.wasm.ModuleBytes.TABLE;
import static org.zvm.wasm.ModuleBytes.V128;
import static org.zvm.wasm.ModuleBytes.body;
import static org.zvm.wasm.ModuleBytes.bytes;
import static org.zvm.wasm.ModuleBytes.concat;
import static org.zvm.wasm.ModuleBytes.exportFunc;
import static org.zvm.wasm.ModuleBytes.function;
import static org.zvm.wasm.ModuleBytes.leb;
import static org.zvm.wasm.ModuleBytes.module;
import static org.zvm.wasm.ModuleBytes.name;
import static org.zvm.wasm.ModuleBytes.oneType;
import static org.zvm.wasm.ModuleBytes.section;
import static org.zvm.wasm.ModuleBytes.sleb;
import static org.zvm.wasm.ModuleBytes.vec;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zvm.wasm.WasmException;
import org.zvm.wasm.WasmException.Kind;
import org.zvm.wasm.host.HostFunction;
import org.zvm.wasm.parser.BinaryParser;
import org.zvm.wasm.spectest.SpecTestRunner;

/**
 * Instantiation as the spec orders it: imports resolved and checked against their types and limits,
 * tables, memories and globals allocated and initialized, segments copied (a failing one keeps the
 * earlier ones), the start function run; and the runtime objects' limits.
 */
class LinkerTest {
    private static final int[] NONE = {};

    private static Instance instantiate(byte[] bytes, Map<String, Object> imports) {
        return Linker.instantiate(BinaryParser.parse(null, bytes, "test"), (module, name) -> imports.get(module + "." + name));
    }

    private static Instance instantiate(byte[] bytes) {
        return instantiate(bytes, Map.of());
    }

    private static void fails(Kind kind, String message, byte[] bytes, Map<String, Object> imports) {
        fails(kind, message, bytes, imports, "");
    }

    private static void fails(Kind kind, String message, byte[] bytes, Map<String, Object> imports, String why) {
        WasmException e = assertThrows(WasmException.class, () -> instantiate(bytes, imports), why);
        assertEquals(kind + ": " + message, e.kind() + ": " + e.getMessage(), why);
    }

    private static Object[] call(Instance instance, String export, Object... args) {
        return SpecTestRunner.invoke((WasmFunction) instance.exports.get(export), args);
    }

    /** A module that imports {@code m.x} as the import description {@code description} (kind byte first). */
    private static byte[] importing(byte[] description) {
        return module(oneType(new int[] {I32}, I32), section(IMPORT, vec(concat(name("m"), name("x"), description))));
    }

    @Test
    void importsMustExistAndMatch() {
        byte[] func = importing(bytes(0, 0));
        fails(Kind.UNLINKABLE, "unknown import m.x", func, Map.of());
        fails(Kind.UNLINKABLE, "incompatible import type m.x", func, Map.of("m.x", new WasmGlobal((byte) I32, false)));
        FuncType other = new FuncType(bytes(I64), bytes(I32));
        fails(Kind.UNLINKABLE, "incompatible import type m.x", func, Map.of("m.x", new WasmFunction(other, "other", null)));

        byte[] table = importing(bytes(1, FUNCREF, 1, 2, 4));
        fails(Kind.UNLINKABLE, "incompatible import type m.x", table, Map.of("m.x", new WasmTable((byte) EXTERNREF, 2, 4)));
        fails(Kind.UNLINKABLE, "incompatible import type m.x", table, Map.of("m.x", new WasmTable((byte) FUNCREF, 1, 4)), "too small");
        fails(Kind.UNLINKABLE, "incompatible import type m.x", table, Map.of("m.x", new WasmTable((byte) FUNCREF, 2, -1)), "unbounded where a maximum is wanted");
        fails(Kind.UNLINKABLE, "incompatible import type m.x", table, Map.of("m.x", new WasmTable((byte) FUNCREF, 2, 5)), "maximum too large");
        assertEquals(3, instantiate(table, Map.of("m.x", new WasmTable((byte) FUNCREF, 3, 4))).tables[0].size());

        byte[] memory = importing(bytes(2, 0, 1));
        fails(Kind.UNLINKABLE, "incompatible import type m.x", memory, Map.of("m.x", new WasmMemory(0, -1)));
        fails(Kind.UNLINKABLE, "incompatible import type m.x", memory, Map.of("m.x", new WasmTable((byte) FUNCREF, 1, -1)));
        assertEquals(2, instantiate(memory, Map.of("m.x", new WasmMemory(2, -1))).memories[0].pages(), "no maximum wanted: any memory large enough");

        byte[] global = importing(bytes(3, I32, 1));
        fails(Kind.UNLINKABLE, "incompatible import type m.x", global, Map.of("m.x", new WasmGlobal((byte) I32, false)));
        fails(Kind.UNLINKABLE, "incompatible import type m.x", global, Map.of("m.x", new WasmGlobal((byte) I64, true)));
    }

    @Test
    void importedThingsAreShared() {
        // Exports memory "mem", global "g" (mutable i32 = 5) and table "t"; "store" writes 42 at address 8 and sets g to 6.
        byte[] exporter = module(oneType(NONE), section(FUNCTION, vec(leb(0))), section(TABLE, vec(bytes(FUNCREF, 0, 2))), section(MEMORY, vec(bytes(0, 1))),
                        section(GLOBAL, vec(bytes(I32, 1, 0x41, 5, END))),
                        section(EXPORT, vec(exportFunc("store", 0), concat(name("mem"), bytes(2, 0)), concat(name("g"), bytes(3, 0)), concat(name("t"), bytes(1, 0)))),
                        section(CODE, vec(body(0x41, 8, 0x41, 42, 0x36, 2, 0, 0x41, 6, 0x24, 0, END))));
        Instance a = instantiate(exporter);
        // Imports them and reads address 8 plus the global: 42 + 6 after a's store.
        byte[] importer = module(oneType(NONE, I32),
                        section(IMPORT, vec(concat(name("a"), name("mem"), bytes(2, 0, 1)), concat(name("a"), name("g"), bytes(3, I32, 1)), concat(name("a"), name("t"), bytes(1, FUNCREF, 0, 0)))),
                        section(FUNCTION, vec(leb(0))), section(EXPORT, vec(exportFunc("read", 0))), section(CODE, vec(body(0x41, 8, 0x28, 2, 0, 0x23, 0, 0x6A, END))));
        Instance b = instantiate(importer, Map.of("a.mem", a.exports.get("mem"), "a.g", a.exports.get("g"), "a.t", a.exports.get("t")));
        assertEquals(5L, call(b, "read")[0]);
        call(a, "store");
        assertEquals(48L, call(b, "read")[0]);
        assertSame(a.tables[0], b.tables[0]);
    }

    @Test
    void hostFunctionsChargeReadAndWriteTheImportersMemory() {
        Map<String, Object> seen = new HashMap<>();
        HostFunction host = (context, args) -> {
            seen.put("memory", context.hasMemory());
            long before = context.gasLeft();
            context.charge(10);
            seen.put("charged", before - context.gasLeft());
            int address = (Integer) args[0];
            byte[] in = context.read(address, 2);
            context.write(address + 2, new byte[] {(byte) (in[0] + in[1])});
            return new Object[] {in.length};
        };
        // (import "env" "h" (func (param i32) (result i32))), memory with bytes 3, 4 at address 0; "f" calls h(0) then loads byte 2.
        byte[] m = module(oneType(new int[] {I32}, I32), section(IMPORT, vec(concat(name("env"), name("h"), bytes(0, 0)))), section(FUNCTION, vec(leb(0))),
                        section(MEMORY, vec(bytes(0, 1))), section(EXPORT, vec(exportFunc("f", 1))), section(CODE, vec(body(0x41, 0, 0x10, 0, 0x1A, 0x41, 2, 0x2D, 0, 0, END))),
                        section(DATA, vec(concat(bytes(0, 0x41, 0, END), vec(bytes(3), bytes(4))))));
        Instance instance = instantiate(m, Map.of("env.h", host));
        instance.meter(1_000_000);
        assertEquals(7L, call(instance, "f", 0L)[0]);
        assertEquals(true, seen.get("memory"));
        assertEquals(10L, seen.get("charged"));

        Instance greedy = instantiate(m, Map.of("env.h", (HostFunction) (context, args) -> {
            context.charge(context.gasLeft() + 1);
            return new Object[] {0};
        }));
        greedy.meter(1_000_000);
        assertEquals("out of gas", assertThrows(WasmException.class, () -> call(greedy, "f", 0L)).getMessage());
        assertEquals(0, greedy.gasLeft(), "running out leaves nothing");
        Instance mute = instantiate(m, Map.of("env.h", (HostFunction) (context, args) -> new Object[0]));
        assertEquals("host function env.h returned 0 values, expected 1", assertThrows(WasmException.class, () -> call(mute, "f", 0L)).getMessage());

        HostFunction outside = (context, args) -> new Object[] {context.read(65535, 2).length};
        Instance bounds = instantiate(m, Map.of("env.h", outside));
        assertEquals("out of bounds memory access", assertThrows(WasmException.class, () -> call(bounds, "f", 0L)).getMessage());

        byte[] noMemory = module(oneType(new int[] {I32}, I32), section(IMPORT, vec(concat(name("env"), name("h"), bytes(0, 0)))), section(EXPORT, vec(exportFunc("h", 0))));
        Instance bare = instantiate(noMemory, Map.of("env.h", (HostFunction) (context, args) -> {
            assertEquals(false, context.hasMemory());
            context.write(0, new byte[1]);
            return new Object[] {0};
        }));
        assertEquals("the calling module has no memory", assertThrows(WasmException.class, () -> call(bare, "h", 0L)).getMessage());
    }

    @Test
    void globalsAreInitializedInOrder() {
        byte[] m = module(oneType(NONE), section(IMPORT, vec(concat(name("m"), name("base"), bytes(3, I64, 0)))), section(FUNCTION, vec(leb(0))),
                        section(GLOBAL, vec(bytes(I64, 0, 0x23, 0, END), bytes(FUNCREF, 0, 0xD2, 0, END), bytes(EXTERNREF, 0, 0xD0, EXTERNREF, END),
                                        concat(bytes(V128, 0, 0xFD, 0x0C), bytes(1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0), bytes(END)))),
                        section(CODE, vec(body(END))));
        WasmGlobal base = new WasmGlobal((byte) I64, false);
        base.value = -3;
        Instance i = instantiate(m, Map.of("m.base", base));
        assertEquals(-3L, i.globals[1].value, "read from the imported global");
        assertSame(i.functions[0], i.globals[2].ref);
        assertSame(RefNull.INSTANCE, i.globals[3].ref);
        assertEquals(new V128(1, 2), i.globals[4].ref);
    }

    @Test
    void segmentsAreCopiedInOrderAndBoundsChecked() {
        byte[] table = section(TABLE, vec(bytes(FUNCREF, 0, 2)));
        byte[] memory = section(MEMORY, vec(bytes(0, 1)));
        byte[] segments = section(ELEMENT, vec(concat(bytes(0, 0x41, 1, END), vec(leb(0))), concat(bytes(1, 0), vec(leb(0), leb(0)))));
        Instance i = instantiate(function(NONE, new int[] {END}, table, segments));
        assertSame(RefNull.INSTANCE, i.tables[0].get(0));
        assertSame(i.functions[0], i.tables[0].get(1));
        assertEquals(0, i.elements[0].length, "an active segment is dropped");
        assertEquals(2, i.elements[1].length, "a passive one is kept for table.init");

        byte[] outside = section(ELEMENT, vec(concat(bytes(0, 0x41, 0, END), vec(leb(0))), concat(bytes(0, 0x41, 2, END), vec(leb(0)))));
        fails(Kind.TRAP, "out of bounds table access", function(NONE, new int[] {END}, table, outside), Map.of());

        byte[] data = section(DATA, vec(concat(bytes(0, 0x41, 1, END), vec(bytes(7))), concat(bytes(1), vec(bytes(8), bytes(9)))));
        Instance d = instantiate(module(memory, data));
        assertEquals(7, d.memories[0].getByte(1));
        assertArrayEquals(bytes(8, 9), d.data[1]);
        assertEquals(0, d.data[0].length);
        byte[] past = section(DATA, vec(concat(bytes(0), bytes(0x41), sleb(65535), bytes(END), vec(bytes(1), bytes(2)))));
        fails(Kind.TRAP, "out of bounds memory access", module(memory, past), Map.of());

        // The first segment is written before the second traps, and stays: the imported memory shows it.
        WasmMemory shared = new WasmMemory(1, -1);
        byte[] importsMemory = section(IMPORT, vec(concat(name("m"), name("mem"), bytes(2, 0, 1))));
        byte[] both = section(DATA, vec(concat(bytes(0, 0x41, 3, END), vec(bytes(5))), concat(bytes(0), bytes(0x41), sleb(65535), bytes(END), vec(bytes(1), bytes(2)))));
        fails(Kind.TRAP, "out of bounds memory access", module(importsMemory, both), Map.of("m.mem", shared));
        assertEquals(5, shared.getByte(3));
    }

    @Test
    void tablesAndMemoriesBeyondJavaArraysTrap() {
        fails(Kind.TRAP, "table of 20000000 entries is larger than zvm supports", module(section(TABLE, vec(concat(bytes(FUNCREF, 0), leb(20_000_000))))), Map.of());
        fails(Kind.TRAP, "memory of 40000 pages is larger than zvm supports (32767)", module(section(MEMORY, vec(concat(bytes(0), leb(40_000))))), Map.of());
    }

    @Test
    void startFunctionRunsAtInstantiation() {
        byte[] traps = function(NONE, new int[] {0x00, END}, section(START, leb(0)));
        fails(Kind.TRAP, "unreachable", traps, Map.of());
        byte[] sets = module(oneType(NONE), section(FUNCTION, vec(leb(0))), section(GLOBAL, vec(bytes(I32, 1, 0x41, 0, END))), section(START, leb(0)),
                        section(CODE, vec(body(0x41, 9, 0x24, 0, END))));
        assertEquals(9, instantiate(sets).globals[0].value);
    }

    @Test
    void memoryGrowsWithinItsLimits() {
        WasmMemory m = new WasmMemory(1, 3);
        assertEquals(1, m.grow(2));
        assertEquals(3, m.pages());
        assertEquals(-1, m.grow(1), "beyond the maximum");
        assertEquals(-1, new WasmMemory(0, -1).grow(WasmMemory.MAX_PAGES + 1), "beyond what a Java array holds");
        assertEquals(-1, new WasmMemory(0, -1).grow(-1), "a delta is unsigned");
        m.putLong(8, 0x0102030405060708L);
        assertEquals(0x05060708, m.getInt(8), "little-endian");
        assertEquals(0x0708, m.getShort(8));
        m.putShort(0, (short) -2);
        m.putInt(2, 7);
        m.putByte(6, (byte) 1);
        assertEquals(0x0001_0000_0007_FFFEL, m.getLong(0));
        assertEquals(3 * WasmMemory.PAGE - 4, m.address(0, 3L * WasmMemory.PAGE - 4, 4));
        assertEquals("out of bounds memory access", assertThrows(WasmException.class, () -> m.address(-1, 0, 1)).getMessage());
        assertEquals("out of bounds memory access", assertThrows(WasmException.class, () -> m.checkRange(1, -1)).getMessage());
    }

    @Test
    void tableGrowsWithinItsLimits() {
        WasmTable t = new WasmTable((byte) EXTERNREF, 1, 2);
        ExternRef r = new ExternRef(4);
        assertEquals(1, t.grow(1, r));
        assertSame(r, t.get(1));
        assertEquals(-1, t.grow(1, r));
        assertEquals(-1, new WasmTable((byte) FUNCREF, 0, -1).grow(-1, r), "a delta is unsigned");
        assertEquals("out of bounds table access", assertThrows(WasmException.class, () -> t.get(-1)).getMessage());
        assertEquals("out of bounds table access", assertThrows(WasmException.class, () -> t.set(2, r)).getMessage());
        t.set(0, r);
        assertSame(r, t.get(0));
    }

    @Test
    void functionTypesCompareByValue() {
        FuncType a = new FuncType(bytes(I32, I64), bytes(FUNCREF));
        FuncType b = new FuncType(bytes(I32, I64), bytes(FUNCREF));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new FuncType(bytes(I32), bytes(FUNCREF)));
        assertNotEquals(a, FuncType.EMPTY);
        assertEquals("(i32 i64) -> (funcref)", a.toString());
        assertEquals("() -> ()", FuncType.EMPTY.toString());
        assertEquals("null", RefNull.INSTANCE.toString());
    }

    @Test
    void exportsNameEveryKind() {
        byte[] m = module(oneType(NONE), section(FUNCTION, vec(leb(0))), section(TABLE, vec(bytes(FUNCREF, 0, 0))), section(MEMORY, vec(bytes(0, 0))),
                        section(GLOBAL, vec(bytes(I32, 0, 0x41, 0, END))),
                        section(EXPORT, vec(exportFunc("f", 0), concat(name("t"), bytes(1, 0)), concat(name("m"), bytes(2, 0)), concat(name("g"), bytes(3, 0)))),
                        section(CODE, vec(body(END))));
        Instance i = instantiate(m);
        assertEquals("func test.func0", i.exports.get("f").toString());
        assertSame(i.tables[0], i.exports.get("t"));
        assertSame(i.memory(0), i.exports.get("m"));
        assertSame(i.globals[0], i.exports.get("g"));
    }

}
