// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zvm.wasm.ModuleBytes.CODE;
import static org.zvm.wasm.ModuleBytes.DATA;
import static org.zvm.wasm.ModuleBytes.DATA_COUNT;
import static org.zvm.wasm.ModuleBytes.ELEMENT;
import static org.zvm.wasm.ModuleBytes.END;
import static org.zvm.wasm.ModuleBytes.EXPORT;
import static org.zvm.wasm.ModuleBytes.EXTERNREF;
import static org.zvm.wasm.ModuleBytes.F32;
import static org.zvm.wasm.ModuleBytes.F64;
import static org.zvm.wasm.ModuleBytes.FUNCREF;
import static org.zvm.wasm.ModuleBytes.FUNCTION;
import static org.zvm.wasm.ModuleBytes.GLOBAL;
import static org.zvm.wasm.ModuleBytes.I32;
import static org.zvm.wasm.ModuleBytes.I64;
import static org.zvm.wasm.ModuleBytes.MEMORY;
import static org.zvm.wasm.ModuleBytes.TABLE;
import static org.zvm.wasm.ModuleBytes.TYPE;
import static org.zvm.wasm.ModuleBytes.V128;
import static org.zvm.wasm.ModuleBytes.body;
import static org.zvm.wasm.ModuleBytes.bytes;
import static org.zvm.wasm.ModuleBytes.concat;
import static org.zvm.wasm.ModuleBytes.exportFunc;
import static org.zvm.wasm.ModuleBytes.funcType;
import static org.zvm.wasm.ModuleBytes.function;
import static org.zvm.wasm.ModuleBytes.leb;
import static org.zvm.wasm.ModuleBytes.module;
import static org.zvm.wasm.ModuleBytes.section;
import static org.zvm.wasm.ModuleBytes.vec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zvm.wasm.WasmException;
import org.zvm.wasm.WasmException.Kind;
import org.zvm.wasm.runtime.Instance;
import org.zvm.wasm.runtime.Linker;
import org.zvm.wasm.runtime.RefNull;
import org.zvm.wasm.runtime.WasmFunction;
import org.zvm.wasm.spectest.SpecTestRunner;

/**
 * Function bodies: every instruction's operand and result types as the spec gives them (written out
 * here from the spec, not taken from the decoder), each validated, built and run once, and each typing
 * rule's failure with the spec's message. The bodies run in one environment with a table, a memory,
 * globals, and element and data segments, so any instruction has something to work on.
 */
class CodeBuilderTest {
    private static final int[] NONE = {};

    /**
     * The module: f0 of type {@code () -> results} is {@code body} (locals, then code; exported as "f");
     * f1 is {@code (i32) -> (i32)} identity; f2 {@code () -> ()} is referenced nowhere. Type 2 is {@code () -> ()}, type 3 {@code (i32 i64) -> (i64 i32)}.
     * Tables: 0 funcref [f1, null, null, null] (max 10), 1 externref of 2. Memory 1 page (max 2) starting
     * "ab". Globals: 0 mutable i32 0, 1 immutable i64 5, 2 mutable externref null. Element segments: 0
     * active [f1], 1 passive [f1, f0], 2 declarative [f0]. Data: 0 active "ab", 1 passive "xyz".
     */
    private static byte[] environment(int[] results, byte[] body) {
        return module(section(TYPE, vec(funcType(NONE, results), funcType(new int[] {I32}, I32), funcType(NONE), funcType(new int[] {I32, I64}, I64, I32))),
                        section(FUNCTION, vec(leb(0), leb(1), leb(2))), section(TABLE, vec(bytes(FUNCREF, 1, 4, 10), bytes(EXTERNREF, 0, 2))), section(MEMORY, vec(bytes(1, 1, 2))),
                        section(GLOBAL, vec(bytes(I32, 1, 0x41, 0, END), bytes(I64, 0, 0x42, 5, END), bytes(EXTERNREF, 1, 0xD0, EXTERNREF, END))),
                        section(EXPORT, vec(exportFunc("f", 0))),
                        section(ELEMENT, vec(concat(bytes(0, 0x41, 0, END), vec(leb(1))), concat(bytes(1, 0), vec(leb(1), leb(0))), concat(bytes(3, 0), vec(leb(0))))),
                        section(DATA_COUNT, leb(2)), section(CODE, vec(concat(leb(body.length), body), body(0x20, 0, END), body(END))),
                        section(DATA, vec(concat(bytes(0, 0x41, 0, END), vec(bytes('a'), bytes('b'))), concat(bytes(1), vec(bytes('x'), bytes('y'), bytes('z'))))));
    }

    private static Object[] run(int[] results, int... code) {
        return run(results, bytes(code));
    }

    private static Object[] run(int[] results, byte[] code) {
        return runWithLocals(results, bytes(0), code);
    }

    /** Runs {@code code} after the local declarations {@code locals} (a vector of count-type groups). */
    private static Object[] runWithLocals(int[] results, byte[] locals, byte[] code) {
        Instance instance = Linker.instantiate(BinaryParser.parse(null, environment(results, concat(locals, code)), "test"), (m, n) -> null);
        return SpecTestRunner.invoke((WasmFunction) instance.exports.get("f"), new Object[0]);
    }

    private static void rejected(Kind kind, String message, int[] results, int... code) {
        rejected(kind, message, results, bytes(code));
    }

    private static void rejected(Kind kind, String message, int[] results, byte[] code) {
        WasmException e = assertThrows(WasmException.class, () -> run(results, code));
        assertEquals(kind + ": " + message, e.kind() + ": " + e.getMessage());
    }

    private static void invalid(String message, int[] results, int... code) {
        rejected(Kind.INVALID, message, results, code);
    }

    /** A constant of {@code type}: 1, 1L, 1.0f or 1.0. */
    private static byte[] one(int type) {
        return switch (type) {
            case I32 -> bytes(0x41, 1);
            case I64 -> bytes(0x42, 1);
            case F32 -> bytes(0x43, 0, 0, 0x80, 0x3F);
            case F64 -> bytes(0x44, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F);
            default -> throw new IllegalArgumentException("type " + type);
        };
    }

    /** A numeric instruction's signature: its operand types and result type. */
    private record Signature(byte[] opcode, int[] params, int result) {
    }

    private static void add(List<Signature> to, int first, int last, int[] params, int result) {
        for (int op = first; op <= last; op++) {
            to.add(new Signature(bytes(op), params, result));
        }
    }

    /** The spec's numeric instructions (0x45-0xC4 and the saturating truncations). */
    private static List<Signature> numeric() {
        List<Signature> s = new ArrayList<>();
        int[] i = {I32};
        int[] ii = {I32, I32};
        int[] l = {I64};
        int[] ll = {I64, I64};
        int[] f = {F32};
        int[] ff = {F32, F32};
        int[] d = {F64};
        int[] dd = {F64, F64};
        add(s, 0x45, 0x45, i, I32);
        add(s, 0x46, 0x4F, ii, I32);
        add(s, 0x50, 0x50, l, I32);
        add(s, 0x51, 0x5A, ll, I32);
        add(s, 0x5B, 0x60, ff, I32);
        add(s, 0x61, 0x66, dd, I32);
        add(s, 0x67, 0x69, i, I32);
        add(s, 0x6A, 0x78, ii, I32);
        add(s, 0x79, 0x7B, l, I64);
        add(s, 0x7C, 0x8A, ll, I64);
        add(s, 0x8B, 0x91, f, F32);
        add(s, 0x92, 0x98, ff, F32);
        add(s, 0x99, 0x9F, d, F64);
        add(s, 0xA0, 0xA6, dd, F64);
        add(s, 0xA7, 0xA7, l, I32);
        add(s, 0xA8, 0xA9, f, I32);
        add(s, 0xAA, 0xAB, d, I32);
        add(s, 0xAC, 0xAD, i, I64);
        add(s, 0xAE, 0xAF, f, I64);
        add(s, 0xB0, 0xB1, d, I64);
        add(s, 0xB2, 0xB3, i, F32);
        add(s, 0xB4, 0xB5, l, F32);
        add(s, 0xB6, 0xB6, d, F32);
        add(s, 0xB7, 0xB8, i, F64);
        add(s, 0xB9, 0xBA, l, F64);
        add(s, 0xBB, 0xBB, f, F64);
        add(s, 0xBC, 0xBC, f, I32);
        add(s, 0xBD, 0xBD, d, I64);
        add(s, 0xBE, 0xBE, i, F32);
        add(s, 0xBF, 0xBF, l, F64);
        add(s, 0xC0, 0xC1, i, I32);
        add(s, 0xC2, 0xC4, l, I64);
        int[][] saturating = {f, f, d, d, f, f, d, d};
        for (int sub = 0; sub < 8; sub++) {
            s.add(new Signature(bytes(0xFC, sub), saturating[sub], sub < 4 ? I32 : I64));
        }
        return s;
    }

    @Test
    void numericInstructionsHaveTheSpecsTypes() {
        for (Signature sig : numeric()) {
            String what = String.format("opcode %02x", sig.opcode()[sig.opcode().length - 1]);
            byte[] operands = concat(Arrays.stream(sig.params()).mapToObj(CodeBuilderTest::one).toArray(byte[][]::new));
            Object[] r = run(new int[] {sig.result()}, concat(operands, sig.opcode(), bytes(END)));
            assertEquals(1, r.length, what);
            // The first operand of another type (i32 stands in for i64, and i64 for the rest) is refused.
            int wrong = sig.params()[0] == I64 ? I32 : I64;
            byte[] mismatched = concat(one(wrong), Arrays.copyOfRange(operands, one(sig.params()[0]).length, operands.length));
            WasmException e = assertThrows(WasmException.class, () -> run(new int[] {sig.result()}, concat(mismatched, sig.opcode(), bytes(END))), what);
            assertEquals("type mismatch", e.getMessage(), what);
            // The result is of the signature's type: taking it as another type fails.
            int other = sig.result() == I32 ? F64 : I32;
            assertThrows(WasmException.class, () -> run(new int[] {other}, concat(operands, sig.opcode(), bytes(END))), what);
        }
    }

    @Test
    void someResults() {
        assertEquals(2L, run(new int[] {I32}, 0x41, 1, 0x41, 1, 0x6A, END)[0]);
        assertEquals(1L, run(new int[] {I32}, 0x41, 0, 0x45, END)[0], "i32.eqz 0");
        assertEquals(-128L, run(new int[] {I64}, 0x42, 0x80, 0x01, 0xC2, END)[0], "i64.extend8_s 128");
        assertEquals(0x3F800000L, run(new int[] {I32}, concat(one(F32), bytes(0xBC, END)))[0], "i32.reinterpret_f32 1.0");
    }

    /** Loads and stores: operand types, natural alignment, and a memory to use. */
    @Test
    void memoryInstructions() {
        int[] loads = {0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35};
        int[] loadTypes = {I32, I64, F32, F64, I32, I32, I32, I32, I64, I64, I64, I64, I64, I64};
        int[] loadAlign = {2, 3, 2, 3, 0, 0, 1, 1, 0, 0, 1, 1, 2, 2};
        for (int k = 0; k < loads.length; k++) {
            int op = loads[k];
            int[] result = {loadTypes[k]};
            String what = String.format("load %02x", op);
            assertEquals(1, run(result, 0x41, 0, op, loadAlign[k], 0, END).length, what);
            rejected(Kind.INVALID, "alignment must not be larger than natural", result, 0x41, 0, op, loadAlign[k] + 1, 0, END);
            rejected(Kind.INVALID, "type mismatch", result, 0x42, 0, op, 0, 0, END);
            WasmException e = assertThrows(WasmException.class, () -> run(result, 0x41, 0, op, 0, 0x80, 0x80, 0x04, END), what);
            assertEquals("out of bounds memory access", e.getMessage(), what);
        }
        int[] stores = {0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E};
        int[] storeTypes = {I32, I64, F32, F64, I32, I32, I64, I64, I64};
        int[] storeAlign = {2, 3, 2, 3, 0, 1, 0, 1, 2};
        for (int k = 0; k < stores.length; k++) {
            byte[] value = one(storeTypes[k]);
            assertEquals(0, run(NONE, concat(bytes(0x41, 0), value, bytes(stores[k], storeAlign[k], 0, END))).length);
            rejected(Kind.INVALID, "alignment must not be larger than natural", NONE, concat(bytes(0x41, 0), value, bytes(stores[k], storeAlign[k] + 1, 0, END)));
            byte[] wrongValue = one(storeTypes[k] == I32 ? I64 : I32);
            rejected(Kind.INVALID, "type mismatch", NONE, concat(bytes(0x41, 0), wrongValue, bytes(stores[k], 0, 0, END)));
        }
        assertEquals((long) 'a' | 'b' << 8, run(new int[] {I32}, 0x41, 0, 0x2F, 1, 0, END)[0], "the data segment is in memory");
        assertEquals(1L, run(new int[] {I32}, 0x3F, 0, END)[0], "memory.size");
        assertEquals(1L, run(new int[] {I32}, 0x41, 1, 0x40, 0, END)[0], "memory.grow returns the old size");
        assertEquals(-1L, run(new int[] {I32}, 0x41, 2, 0x40, 0, END)[0], "beyond the maximum");
        rejected(Kind.MALFORMED, "zero byte expected", new int[] {I32}, 0x3F, 1, END);
        rejected(Kind.MALFORMED, "zero byte expected", new int[] {I32}, 0x41, 1, 0x40, 1, END);
    }

    @Test
    void memoryWithoutAMemory() {
        byte[] m = function(new int[] {I32}, new int[] {0x41, 0, 0x28, 2, 0, END});
        WasmException e = assertThrows(WasmException.class, () -> BinaryParser.parse(null, m, "m"));
        assertEquals("unknown memory 0", e.getMessage());
    }

    @Test
    void bulkMemoryAndSegments() {
        // memory.init 1 (passive "xyz") at 4, then load byte 5: 'y'.
        assertEquals((long) 'y', run(new int[] {I32}, 0x41, 4, 0x41, 1, 0x41, 2, 0xFC, 8, 1, 0, 0x41, 4, 0x2D, 0, 0, END)[0]);
        assertEquals("out of bounds memory access", assertThrows(WasmException.class, () -> run(NONE, 0x41, 0, 0x41, 2, 0x41, 2, 0xFC, 8, 1, 0, END)).getMessage());
        // data.drop 1, then memory.init of one byte of it traps; of zero bytes it does not.
        assertEquals("out of bounds memory access", assertThrows(WasmException.class, () -> run(NONE, 0xFC, 9, 1, 0x41, 0, 0x41, 0, 0x41, 1, 0xFC, 8, 1, 0, END)).getMessage());
        assertEquals(0, run(NONE, 0xFC, 9, 1, 0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 8, 1, 0, END).length);
        // memory.copy "ab" to 10, memory.fill 3 bytes at 20 with '!'.
        assertEquals((long) 'b', run(new int[] {I32}, 0x41, 10, 0x41, 0, 0x41, 2, 0xFC, 10, 0, 0, 0x41, 11, 0x2D, 0, 0, END)[0]);
        assertEquals((long) '!', run(new int[] {I32}, 0x41, 20, 0x41, '!', 0x41, 3, 0xFC, 11, 0, 0x41, 22, 0x2D, 0, 0, END)[0]);
        invalid("unknown data segment 2", NONE, 0xFC, 9, 2, END);
        invalid("type mismatch", NONE, 0x41, 0, 0x41, 0, 0x42, 0, 0xFC, 11, 0, END);
        rejected(Kind.MALFORMED, "zero byte expected", NONE, 0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 10, 0, 1, END);
        rejected(Kind.MALFORMED, "illegal opcode fc 18", NONE, 0xFC, 18, END);
    }

    @Test
    void tableInstructions() {
        // table.get 0 of element 0: f1 (active segment); table.size; table.grow by 2 with null; table.fill.
        assertEquals(0L, run(new int[] {I32}, 0x41, 0, 0x25, 0, 0xD1, END)[0], "not null");
        assertEquals(4L, run(new int[] {I32}, 0xFC, 16, 0, END)[0]);
        assertEquals(4L, run(new int[] {I32}, 0xD0, FUNCREF, 0x41, 2, 0xFC, 15, 0, END)[0]);
        assertEquals(-1L, run(new int[] {I32}, 0xD0, FUNCREF, 0x41, 7, 0xFC, 15, 0, END)[0], "beyond the maximum");
        assertEquals(1L, run(new int[] {I32}, 0x41, 0, 0xD0, FUNCREF, 0x41, 4, 0xFC, 17, 0, 0x41, 0, 0x25, 0, 0xD1, END)[0], "filled with null");
        // table.set 1 then call_indirect through it; table.copy; table.init from the passive segment; elem.drop.
        assertEquals(9L, run(new int[] {I32}, 0x41, 1, 0xD2, 1, 0x26, 0, 0x41, 9, 0x41, 1, 0x11, 1, 0, END)[0]);
        assertEquals(8L, run(new int[] {I32}, 0x41, 2, 0x41, 0, 0x41, 1, 0xFC, 14, 0, 0, 0x41, 8, 0x41, 2, 0x11, 1, 0, END)[0]);
        assertEquals(7L, run(new int[] {I32}, 0x41, 3, 0x41, 0, 0x41, 1, 0xFC, 12, 1, 0, 0x41, 7, 0x41, 3, 0x11, 1, 0, END)[0]);
        assertEquals("out of bounds table access", assertThrows(WasmException.class, () -> run(NONE, 0xFC, 13, 1, 0x41, 0, 0x41, 0, 0x41, 1, 0xFC, 12, 1, 0, END)).getMessage());
        assertEquals("uninitialized element 3", assertThrows(WasmException.class, () -> run(new int[] {I32}, 0x41, 0, 0x41, 3, 0x11, 1, 0, END)).getMessage());
        assertEquals("indirect call type mismatch", assertThrows(WasmException.class, () -> run(NONE, 0x41, 0, 0x11, 2, 0, END)).getMessage());
        // The externref table takes the mutable externref global.
        assertEquals(1L, run(new int[] {I32}, 0x41, 1, 0x23, 2, 0x26, 1, 0x41, 1, 0x25, 1, 0xD1, END)[0]);
        invalid("type mismatch", NONE, 0x41, 0, 0xD0, FUNCREF, 0x26, 1, END);
        invalid("unknown table 2", new int[] {I32}, 0xFC, 16, 2, END);
        invalid("unknown table 2", NONE, 0x41, 0, 0x11, 2, 2, END);
        invalid("unknown type", NONE, 0x41, 0, 0x11, 9, 0, END);
        invalid("unknown elem segment 3", NONE, 0xFC, 13, 3, END);
        invalid("type mismatch", NONE, 0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 14, 1, 0, END);
        invalid("type mismatch", NONE, 0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 12, 1, 1, END);
    }

    @Test
    void references() {
        assertEquals(1L, run(new int[] {I32}, 0xD0, EXTERNREF, 0xD1, END)[0]);
        assertEquals(0L, run(new int[] {I32}, 0xD2, 0, 0xD1, END)[0], "f0 is declared by an element segment");
        assertEquals(RefNull.INSTANCE, run(new int[] {FUNCREF}, 0xD0, FUNCREF, END)[0]);
        invalid("undeclared function reference", new int[] {FUNCREF}, 0xD2, 2, END);
        invalid("unknown function 5", new int[] {FUNCREF}, 0xD2, 5, END);
        rejected(Kind.MALFORMED, "malformed reference type", new int[] {FUNCREF}, 0xD0, I32, END);
        invalid("type mismatch", new int[] {I32}, 0x41, 0, 0xD1, END);
    }

    @Test
    void variables() {
        byte[] locals = bytes(1, 1, I64);
        assertEquals(7L, runWithLocals(new int[] {I64}, locals, bytes(0x42, 7, 0x22, 0, 0x1A, 0x20, 0, END))[0], "local.tee then local.get");
        assertEquals(5L, run(new int[] {I64}, 0x23, 1, END)[0]);
        assertEquals(3L, run(new int[] {I32}, 0x41, 3, 0x24, 0, 0x23, 0, END)[0]);
        invalid("global is immutable", NONE, 0x42, 0, 0x24, 1, END);
        invalid("unknown global 3", new int[] {I32}, 0x23, 3, END);
        invalid("unknown local 0", NONE, 0x41, 0, 0x21, 0, END);
        invalid("unknown local 0", NONE, 0x41, 0, 0x22, 0, 0x1A, END);
        invalid("type mismatch", NONE, 0x41, 0, 0x24, 1 + 1, END);
    }

    @Test
    void controlInstructions() {
        // block (result i32) i32.const 1 br 0 end; loop; if/else with a type index (i32 i64) -> (i64 i32).
        assertEquals(1L, run(new int[] {I32}, 0x02, I32, 0x41, 1, 0x0C, 0, 0x0B, END)[0]);
        assertEquals(3L, run(new int[] {I32}, 0x03, I32, 0x41, 3, 0x0B, END)[0]);
        Object[] swapped = run(new int[] {I64, I32}, 0x41, 4, 0x42, 5, 0x41, 1, 0x04, 3, 0x1A, 0x1A, 0x42, 6, 0x41, 7, 0x05, 0x1A, 0x1A, 0x42, 8, 0x41, 9, 0x0B, END);
        assertEquals(6L, swapped[0]);
        assertEquals(7L, swapped[1]);
        assertEquals(2L, run(new int[] {I32}, 0x41, 0, 0x04, I32, 0x41, 1, 0x05, 0x41, 2, 0x0B, END)[0]);
        assertEquals(0, run(NONE, 0x41, 0, 0x04, 0x40, 0x0B, END).length, "if without else");
        // br_if, br_table (default and indexed), return, call, nop, select, select t, drop.
        assertEquals(5L, run(new int[] {I32}, 0x02, I32, 0x41, 5, 0x41, 1, 0x0D, 0, 0x1A, 0x41, 6, 0x0B, END)[0]);
        assertEquals(20L, run(new int[] {I32}, 0x02, 0x40, 0x02, 0x40, 0x41, 1, 0x0E, 1, 0, 1, 0x0B, 0x41, 10, 0x0F, 0x0B, 0x41, 20, END)[0]);
        assertEquals(10L, run(new int[] {I32}, 0x02, 0x40, 0x02, 0x40, 0x41, 0, 0x0E, 1, 0, 1, 0x0B, 0x41, 10, 0x0F, 0x0B, 0x41, 20, END)[0]);
        assertEquals(4L, run(new int[] {I32}, 0x01, 0x41, 4, 0x10, 1, END)[0]);
        assertEquals(2L, run(new int[] {I32}, 0x41, 1, 0x41, 2, 0x41, 0, 0x1B, END)[0]);
        assertEquals(RefNull.INSTANCE, run(new int[] {EXTERNREF}, 0xD0, EXTERNREF, 0x23, 2, 0x41, 1, 0x1C, 1, EXTERNREF, END)[0]);
        // Errors.
        invalid("unknown label", NONE, 0x0C, 1, END);
        invalid("unknown label", NONE, 0x41, 0, 0x0E, 0, 3, END);
        invalid("type mismatch", new int[] {I32}, 0x02, 0x40, 0x02, I32, 0x41, 0, 0x41, 0, 0x0E, 1, 0, 1, 0x0B, 0x1A, 0x0B, 0x41, 0, END);
        invalid("type mismatch", new int[] {I32}, 0x41, 1, 0x04, I32, 0x41, 1, 0x0B, END);
        invalid("type mismatch", NONE, 0x02, 0x40, 0x41, 1, 0x0B, END);
        invalid("unknown type", NONE, 0x02, 9, 0x0B, END);
        invalid("type mismatch", new int[] {FUNCREF}, 0xD0, FUNCREF, 0xD0, FUNCREF, 0x41, 1, 0x1B, END);
        invalid("type mismatch", new int[] {I32}, 0x41, 1, 0x42, 2, 0x41, 0, 0x1B, END);
        invalid("invalid result arity", new int[] {I32}, 0x41, 1, 0x41, 2, 0x41, 0, 0x1C, 2, I32, I32, END);
        invalid("unknown function 3", NONE, 0x10, 3, END);
        rejected(Kind.MALFORMED, "END opcode expected", NONE, 0x41, 0, 0x04, 0x40, 0x05, 0x05, 0x0B, END);
        rejected(Kind.MALFORMED, "illegal opcode 6", NONE, 0x06, END);
    }

    /** Code after an unconditional branch is validated against an unknown stack, and never runs. */
    @Test
    void unreachableCodeIsValidatedPolymorphically() {
        assertEquals(1L, run(new int[] {I32}, 0x41, 1, 0x0F, 0x6A, END)[0], "i32.add on an empty, unreachable stack");
        assertEquals("unreachable", assertThrows(WasmException.class, () -> run(new int[] {I64}, 0x00, 0x1A, 0x1A, 0x42, 1, END)).getMessage());
        invalid("type mismatch", new int[] {I32}, 0x00, 0x42, 0, END);
    }

    /**
     * After the first invalid instruction the rest of the body is still decoded, every immediate of every
     * kind, so that a malformed encoding later on is what the module reports, as the reference
     * interpreter (which decodes before it validates) does.
     */
    @Test
    void anInvalidBodyIsDecodedToItsEnd() {
        byte[] rest = concat(bytes(0x02, 0x40, 0x0C, 0, 0x0D, 0, 0x0E, 1, 0, 0, 0x10, 1, 0x11, 1, 0, 0x1C, 1, I32, 0x20, 0, 0x23, 0, 0x24, 0, 0x25, 0, 0x26, 0, 0x03, 0x40, 0x0B, 0x04, 3, 0x0B),
                        bytes(0x3F, 0, 0x40, 0, 0xD0, FUNCREF, 0xD2, 0, 0x41, 0x7F, 0x42, 0x7F), one(F32), one(F64), bytes(0x28, 2, 0, 0x3E, 2, 0, 0x6A, 0x05),
                        bytes(0xFC, 0, 0xFC, 8, 1, 0, 0xFC, 9, 1, 0xFC, 10, 0, 0, 0xFC, 11, 0, 0xFC, 12, 1, 0, 0xFC, 13, 1, 0xFC, 14, 0, 0, 0xFC, 16, 0),
                        bytes(0xFD, 0x0C), new byte[16], bytes(0xFD, 0x0D), new byte[16], bytes(0xFD, 0x15, 0, 0xFD, 0x00, 4, 0, 0xFD, 0x54, 0, 0, 0, 0xFD, 0x5C, 2, 0, 0xFD, 0x6E),
                        bytes(0x04, 0x40, 0x05, 0x0B, 0x0B));
        byte[] invalidFirst = bytes(0x42, 0, 0x45);
        rejected(Kind.INVALID, "type mismatch", NONE, concat(invalidFirst, rest, bytes(END)));
        rejected(Kind.INVALID, "type mismatch", NONE, concat(bytes(0x02, 0x40), invalidFirst, rest, bytes(0x0B, END)));
        rejected(Kind.INVALID, "unknown type", NONE, concat(bytes(0x02, 9), rest, bytes(0x0B, END)));
        rejected(Kind.MALFORMED, "illegal opcode ff", NONE, concat(invalidFirst, rest, bytes(0xFF, END)));
        rejected(Kind.MALFORMED, "illegal opcode fc 18", NONE, concat(invalidFirst, rest, bytes(0xFC, 18, END)));
    }

    @Test
    void simdInstructions() {
        byte[] constant = concat(bytes(0xFD, 0x0C), bytes(1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0));
        // i32x4.extract_lane 2 of the constant; i32x4.splat then extract; i8x16.shuffle; load and store.
        assertEquals(3L, run(new int[] {I32}, concat(constant, bytes(0xFD, 0x1B, 2, END)))[0]);
        assertEquals(9L, run(new int[] {I32}, 0x41, 9, 0xFD, 0x11, 0xFD, 0x1B, 3, END)[0]);
        byte[] shuffle = concat(constant, constant, bytes(0xFD, 0x0D), bytes(4, 5, 6, 7, 0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15), bytes(0xFD, 0x1B, 0, END));
        assertEquals(2L, run(new int[] {I32}, shuffle)[0]);
        assertEquals((long) 'a', run(new int[] {I32}, 0x41, 0, 0xFD, 0x00, 4, 0, 0xFD, 0x15, 0, END)[0], "v128.load, i8x16.extract_lane_s");
        assertEquals(0, run(NONE, concat(bytes(0x41, 16), constant, bytes(0xFD, 0x0B, 4, 0, END))).length);
        assertEquals(1L, run(new int[] {I32}, concat(constant, bytes(0xFD, 0x53, END)))[0], "v128.any_true");
        assertEquals(1, run(new int[] {V128}, concat(bytes(0x41, 0), constant, bytes(0xFD, 0x54, 0, 0, 1, END))).length, "v128.load8_lane");
        assertEquals(0, run(NONE, concat(bytes(0x41, 0), constant, bytes(0xFD, 0x58, 0, 0, 1, END))).length, "v128.store8_lane");
        // Errors.
        rejected(Kind.INVALID, "invalid lane index", new int[] {I32}, concat(constant, bytes(0xFD, 0x1B, 4, END)));
        rejected(Kind.INVALID, "invalid lane index", new int[] {I32}, concat(constant, constant, bytes(0xFD, 0x0D), bytes(32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), bytes(0xFD, 0x1B, 0, END)));
        invalid("type mismatch", new int[] {I32}, 0x42, 9, 0xFD, 0x11, 0xFD, 0x1B, 0, END);
        invalid("alignment must not be larger than natural", new int[] {V128}, 0x41, 0, 0xFD, 0x00, 5, 0, END);
        rejected(Kind.MALFORMED, "illegal opcode fd 512", new int[] {V128}, 0xFD, 0x80, 0x04, END);
    }

    /**
     * Found by {@link #everyOpcodeByteFailsOnlyInTheSpecsClasses}'s first version, which ran the code: every
     * SIMD opcode from 0xf8 up, 0x100 and beyond too, decoded as a unary operation, and running one was an
     * internal error. Only 0xf8-0xff are (conversions); the relaxed-SIMD range after them is not supported.
     */
    @Test
    void simdOpcodesEndAt0xff() {
        byte[] constant = concat(bytes(0xFD, 0x0C), new byte[16]);
        assertEquals(1, run(new int[] {V128}, concat(constant, bytes(0xFD, 0xFF, 0x01, END))).length, "f64x2.convert_low_i32x4_u");
        rejected(Kind.MALFORMED, "illegal opcode fd 256", new int[] {V128}, concat(constant, bytes(0xFD, 0x80, 0x02, END)));
        rejected(Kind.MALFORMED, "illegal opcode fd 275", new int[] {V128}, concat(constant, bytes(0xFD, 0x93, 0x02, END)));
    }

    /** Every opcode byte followed by zero immediates decodes, or fails in one of the spec's classes: nothing else escapes. */
    @Test
    void everyOpcodeByteFailsOnlyInTheSpecsClasses() {
        for (int op = 0; op < 256; op++) {
            for (int[] results : new int[][] {NONE, {I32}}) {
                try {
                    BinaryParser.parse(null, environment(results, bytes(0, op, 0, 0, 0, END)), "test");
                } catch (WasmException e) {
                    assertTrue(e.kind() == Kind.MALFORMED || e.kind() == Kind.INVALID, e.kind() + " " + e.getMessage());
                }
            }
        }
    }
}
