// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import static org.zvm.wasm.ModuleBytes.IMPORT;
import static org.zvm.wasm.ModuleBytes.MEMORY;
import static org.zvm.wasm.ModuleBytes.START;
import static org.zvm.wasm.ModuleBytes.TABLE;
import static org.zvm.wasm.ModuleBytes.TYPE;
import static org.zvm.wasm.ModuleBytes.V128;
import static org.zvm.wasm.ModuleBytes.body;
import static org.zvm.wasm.ModuleBytes.bytes;
import static org.zvm.wasm.ModuleBytes.concat;
import static org.zvm.wasm.ModuleBytes.exportFunc;
import static org.zvm.wasm.ModuleBytes.function;
import static org.zvm.wasm.ModuleBytes.funcType;
import static org.zvm.wasm.ModuleBytes.leb;
import static org.zvm.wasm.ModuleBytes.module;
import static org.zvm.wasm.ModuleBytes.name;
import static org.zvm.wasm.ModuleBytes.oneType;
import static org.zvm.wasm.ModuleBytes.section;
import static org.zvm.wasm.ModuleBytes.sleb;
import static org.zvm.wasm.ModuleBytes.vec;

import org.junit.jupiter.api.Test;
import org.zvm.wasm.WasmException;
import org.zvm.wasm.WasmException.Kind;

/**
 * The decoder and the module-level validation rules, section by section: each way a module is malformed
 * or invalid fails with the spec's class and message (those of the reference interpreter), and the
 * forms a valid module may take decode.
 */
class BinaryParserTest {
    private static final int[] NONE = {};

    private static WasmModule parse(byte[] bytes) {
        return BinaryParser.parse(null, bytes, "test");
    }

    private static void malformed(String message, byte[] bytes) {
        rejected(Kind.MALFORMED, message, bytes);
    }

    private static void invalid(String message, byte[] bytes) {
        rejected(Kind.INVALID, message, bytes);
    }

    private static void rejected(Kind kind, String message, byte[] bytes) {
        WasmException e = assertThrows(WasmException.class, () -> parse(bytes));
        assertEquals(kind + ": " + message, e.kind() + ": " + e.getMessage());
    }

    /** A one-function module whose body, of type {@code () -> results}, is {@code code}. */
    private static byte[] code(int[] results, int... code) {
        return function(results, code);
    }

    /** A module with the memory of {@code min} pages and nothing else. */
    private static byte[] memoryModule(byte[] limits) {
        return module(section(MEMORY, vec(limits)));
    }

    @Test
    void header() {
        malformed("unexpected end", bytes());
        malformed("unexpected end", bytes(0, 'a', 's'));
        malformed("magic header not detected", bytes(0, 'a', 's', 'n', 1, 0, 0, 0));
        malformed("unexpected end", bytes(0, 'a', 's', 'm', 1, 0));
        malformed("unknown binary version", bytes(0, 'a', 's', 'm', 2, 0, 0, 0));
        assertEquals(0, parse(module()).exports.size(), "the header alone is the empty module");
    }

    @Test
    void sectionsComeOnceInOrder() {
        malformed("malformed section id", module(section(13)));
        byte[] types = oneType(NONE);
        malformed("unexpected content after last section", module(types, types));
        malformed("unexpected content after last section", module(section(FUNCTION, vec()), types));
        malformed("unexpected content after last section", module(section(DATA, vec()), section(DATA_COUNT, leb(0))));
        byte[] custom = section(0, name("meta"), bytes(1, 2, 3));
        assertEquals(1, parse(module(custom, types, custom, custom)).types.length, "custom sections go anywhere");
        malformed("unexpected end", module(section(0)));
    }

    @Test
    void sectionSizesMustMatch() {
        malformed("section size mismatch", module(section(TYPE, vec(funcType(NONE)), bytes(0))));
        byte[] shortType = module(concat(bytes(TYPE, 2), vec(funcType(NONE))));
        malformed("unexpected end of section or function", shortType);
        malformed("length out of bounds", module(bytes(TYPE, 9, 1)));
        malformed("section size mismatch", module(oneType(NONE), section(FUNCTION, vec(leb(0))), section(CODE, vec(concat(leb(3), bytes(0, END, END))))));
    }

    @Test
    void integers() {
        malformed("integer representation too long", module(concat(bytes(TYPE), bytes(0x81, 0x80, 0x80, 0x80, 0x80, 0x00))));
        malformed("integer too large", module(concat(bytes(TYPE), bytes(0x81, 0x80, 0x80, 0x80, 0x70))));
        malformed("integer too large", code(new int[] {I32}, 0x41, 0x80, 0x80, 0x80, 0x80, 0x70, END));
        malformed("integer representation too long", code(new int[] {I64}, concat(bytes(0x42), bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00), bytes(END))));
        malformed("integer too large", code(new int[] {I64}, concat(bytes(0x42), bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02), bytes(END))));
        WasmModule m = parse(code(new int[] {I32}, concat(bytes(0x41), sleb(-1), bytes(END))));
        assertEquals(1, m.code.length, "a padded negative LEB128 decodes");
    }

    private static int[] toInts(byte[] b) {
        int[] r = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[i] & 0xFF;
        }
        return r;
    }

    private static byte[] code(int[] results, byte[] code) {
        return function(results, toInts(code));
    }

    @Test
    void names() {
        malformed("malformed UTF-8 encoding", module(section(0, concat(leb(2), bytes(0xC3, 0x28)))));
        malformed("malformed UTF-8 encoding", module(oneType(NONE), section(IMPORT, vec(concat(leb(1), bytes(0xFF), name("x"), bytes(0, 0))))));
        malformed("length out of bounds", module(section(0, leb(100))));
        WasmModule m = parse(module(oneType(NONE), section(FUNCTION, vec(leb(0))), section(EXPORT, vec(exportFunc("αβ", 0))), section(CODE, vec(body(END)))));
        assertEquals("αβ", m.exports.get(0).name());
    }

    @Test
    void typeSection() {
        malformed("integer representation too long", module(section(TYPE, vec(bytes(0x61, 0, 0)))));
        malformed("malformed value type", module(section(TYPE, vec(bytes(0x60, 1, 0x40, 0)))));
        WasmModule m = parse(module(section(TYPE, vec(funcType(new int[] {I32, I64, F32, F64, V128, FUNCREF, EXTERNREF}, I32, I64)))));
        assertEquals(7, m.types[0].params().length);
        assertEquals(2, m.types[0].results().length);
    }

    @Test
    void importSection() {
        byte[] types = oneType(NONE);
        malformed("malformed import kind", module(types, section(IMPORT, vec(concat(name("m"), name("x"), bytes(4, 0))))));
        invalid("unknown type 1", module(types, section(IMPORT, vec(concat(name("m"), name("f"), bytes(0, 1))))));
        invalid("multiple memories", module(section(IMPORT, vec(concat(name("m"), name("a"), bytes(2, 0, 1)), concat(name("m"), name("b"), bytes(2, 0, 1))))));
        invalid("multiple memories", module(section(IMPORT, vec(concat(name("m"), name("a"), bytes(2, 0, 1)))), section(MEMORY, vec(bytes(0, 1)))));
        malformed("malformed mutability", module(section(IMPORT, vec(concat(name("m"), name("g"), bytes(3, I32, 2))))));
        malformed("malformed reference type", module(section(IMPORT, vec(concat(name("m"), name("t"), bytes(1, I32, 0, 1))))));
        WasmModule m = parse(module(types, section(IMPORT, vec(concat(name("m"), name("f"), bytes(0, 0)), concat(name("m"), name("t"), bytes(1, FUNCREF, 1, 1, 2)),
                        concat(name("m"), name("mem"), bytes(2, 0, 1)), concat(name("m"), name("g"), bytes(3, I64, 1))))));
        assertEquals(4, m.imports.size());
        assertEquals(1, m.importedFunctions);
        assertEquals(1, m.importedGlobals);
        assertEquals(2, m.tables.get(0).limits().max());
    }

    @Test
    void functionSection() {
        invalid("unknown type 0", module(section(FUNCTION, vec(leb(0))), section(CODE, vec(body(END)))));
        malformed("unexpected end", module(oneType(NONE), concat(bytes(FUNCTION, 5), leb(0xFFFFFFFFL))));
        malformed("function and code section have inconsistent lengths", module(oneType(NONE), section(FUNCTION, vec(leb(0)))));
        malformed("function and code section have inconsistent lengths", module(oneType(NONE), section(FUNCTION, vec(leb(0))), section(CODE, vec())));
        malformed("function and code section have inconsistent lengths", module(oneType(NONE), section(CODE, vec(body(END)))));
    }

    @Test
    void tablesAndMemories() {
        malformed("integer too large", memoryModule(bytes(2, 0)));
        invalid("memory size must be at most 65536 pages (4GiB)", memoryModule(concat(bytes(0), leb(65537))));
        invalid("memory size must be at most 65536 pages (4GiB)", memoryModule(concat(bytes(1, 0), leb(65537))));
        invalid("size minimum must not be greater than maximum", memoryModule(bytes(1, 2, 1)));
        invalid("multiple memories", module(section(MEMORY, vec(bytes(0, 0), bytes(0, 0)))));
        invalid("size minimum must not be greater than maximum", module(section(TABLE, vec(bytes(FUNCREF, 1, 3, 2)))));
        malformed("malformed reference type", module(section(TABLE, vec(bytes(I32, 0, 0)))));
        WasmModule m = parse(module(section(TABLE, vec(bytes(FUNCREF, 0, 1), bytes(EXTERNREF, 1, 0, 5))), section(MEMORY, vec(concat(bytes(1, 1), leb(65536))))));
        assertEquals(2, m.tables.size());
        assertEquals(5, m.tables.get(1).limits().max());
        assertEquals(65536, m.memories.get(0).max());
    }

    @Test
    void globalSection() {
        byte[] i32 = concat(bytes(I32, 0, 0x41), sleb(7), bytes(END));
        assertEquals(1, parse(module(section(GLOBAL, vec(i32)))).globals.size());
        malformed("malformed mutability", module(section(GLOBAL, vec(bytes(I32, 2, 0x41, 0, END)))));
        invalid("type mismatch", module(section(GLOBAL, vec(bytes(I64, 0, 0x41, 0, END)))));
        invalid("type mismatch", module(section(GLOBAL, vec(bytes(I32, 0, END)))));
        invalid("type mismatch", module(section(GLOBAL, vec(bytes(I32, 0, 0x41, 0, 0x41, 0, END)))));
        invalid("constant expression required", module(section(GLOBAL, vec(bytes(I32, 0, 0x41, 0, 0x41, 0, 0x6A, END)))));
        malformed("illegal opcode ff", module(section(GLOBAL, vec(bytes(I32, 0, 0xFF, END)))));
        invalid("unknown global 0", module(section(GLOBAL, vec(bytes(I32, 0, 0x23, 0, END)))));
        invalid("unknown global 1", module(section(GLOBAL, vec(i32, bytes(I32, 0, 0x23, 1, END)))));
        byte[] importMutable = section(IMPORT, vec(concat(name("m"), name("g"), bytes(3, I32, 1))));
        invalid("constant expression required", module(importMutable, section(GLOBAL, vec(bytes(I32, 0, 0x23, 0, END)))));
        byte[] importConst = section(IMPORT, vec(concat(name("m"), name("g"), bytes(3, I32, 0))));
        assertEquals(2, parse(module(importConst, section(GLOBAL, vec(bytes(I32, 1, 0x23, 0, END))))).globals.size(), "an imported immutable global initializes another");
        invalid("unknown function 0", module(section(GLOBAL, vec(bytes(FUNCREF, 0, 0xD2, 0, END)))));
        invalid("constant expression required", module(section(GLOBAL, vec(bytes(V128, 0, 0xFD, 1, END)))));
        byte[] all = vec(concat(bytes(I64, 0, 0x42), sleb(-5), bytes(END)), bytes(F32, 0, 0x43, 0, 0, 0x80, 0x3F, END), bytes(F64, 0, 0x44, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, END),
                        concat(bytes(V128, 0, 0xFD, 0x0C), new byte[16], bytes(END)), bytes(EXTERNREF, 0, 0xD0, EXTERNREF, END), bytes(FUNCREF, 0, 0xD0, FUNCREF, END));
        assertEquals(6, parse(module(section(GLOBAL, all))).globalInits.size());
    }

    @Test
    void exportSection() {
        byte[] withFunction = oneType(NONE);
        byte[] functions = section(FUNCTION, vec(leb(0)));
        byte[] code = section(CODE, vec(body(END)));
        malformed("malformed export kind", module(withFunction, functions, section(EXPORT, vec(concat(name("x"), bytes(4, 0)))), code));
        invalid("unknown function 1", module(withFunction, functions, section(EXPORT, vec(exportFunc("f", 1))), code));
        invalid("unknown table 0", module(section(EXPORT, vec(concat(name("t"), bytes(1, 0))))));
        invalid("unknown memory 0", module(section(EXPORT, vec(concat(name("m"), bytes(2, 0))))));
        invalid("unknown global 0", module(section(EXPORT, vec(concat(name("g"), bytes(3, 0))))));
        invalid("duplicate export name", module(withFunction, functions, section(EXPORT, vec(exportFunc("f", 0), exportFunc("f", 0))), code));
        WasmModule m = parse(module(withFunction, functions, section(TABLE, vec(bytes(FUNCREF, 0, 0))), section(MEMORY, vec(bytes(0, 0))), section(GLOBAL, vec(bytes(I32, 0, 0x41, 0, END))),
                        section(EXPORT, vec(exportFunc("f", 0), concat(name("t"), bytes(1, 0)), concat(name("m"), bytes(2, 0)), concat(name("g"), bytes(3, 0)))), code));
        assertEquals(4, m.exports.size());
    }

    @Test
    void startSection() {
        invalid("unknown function 1", function(NONE, new int[] {END}, section(START, leb(1))));
        invalid("start function", function(new int[] {I32}, new int[] {0x41, 0, END}, section(START, leb(0))));
        assertEquals(0, parse(function(NONE, new int[] {END}, section(START, leb(0)))).start);
    }

    @Test
    void elementSection() {
        byte[] table = section(TABLE, vec(bytes(FUNCREF, 0, 1)));
        byte[] offset = bytes(0x41, 0, END);
        malformed("malformed elements segment kind", function(NONE, new int[] {END}, table, section(ELEMENT, vec(bytes(8)))));
        invalid("unknown table 0", function(NONE, new int[] {END}, section(ELEMENT, vec(concat(bytes(0), offset, vec(leb(0)))))));
        invalid("unknown table 1", function(NONE, new int[] {END}, table, section(ELEMENT, vec(concat(bytes(2, 1), offset, bytes(0), vec(leb(0)))))));
        malformed("malformed element kind", function(NONE, new int[] {END}, table, section(ELEMENT, vec(concat(bytes(1, 1), vec(leb(0)))))));
        invalid("unknown function 3", function(NONE, new int[] {END}, table, section(ELEMENT, vec(concat(bytes(0), offset, vec(leb(3)))))));
        invalid("type mismatch", function(NONE, new int[] {END}, table, section(ELEMENT, vec(concat(bytes(0), bytes(0x42, 0, END), vec(leb(0)))))));
        byte[] externTable = section(TABLE, vec(bytes(EXTERNREF, 0, 1)));
        invalid("type mismatch", function(NONE, new int[] {END}, externTable, section(ELEMENT, vec(concat(bytes(0), offset, vec(leb(0)))))));
        byte[] segments = vec(concat(bytes(0), offset, vec(leb(0))), concat(bytes(1, 0), vec(leb(0), leb(0))), concat(bytes(2, 0), offset, bytes(0), vec(leb(0))), concat(bytes(3, 0), vec(leb(0))),
                        concat(bytes(4), offset, vec(bytes(0xD2, 0, END))), concat(bytes(5, FUNCREF), vec(bytes(0xD0, FUNCREF, END))), concat(bytes(6, 0), offset, bytes(FUNCREF), vec(bytes(0xD2, 0, END))),
                        concat(bytes(7, EXTERNREF), vec(bytes(0xD0, EXTERNREF, END))));
        WasmModule m = parse(function(NONE, new int[] {END}, table, section(ELEMENT, segments)));
        assertEquals(8, m.elements.length);
        assertEquals(2, m.elements[1].items().length);
        assertEquals(1, m.elements[1].mode(), "passive");
        assertEquals(2, m.elements[3].mode(), "declarative");
    }

    @Test
    void dataSection() {
        byte[] memory = section(MEMORY, vec(bytes(0, 1)));
        byte[] offset = bytes(0x41, 0, END);
        malformed("data count and data section have inconsistent lengths", module(memory, section(DATA_COUNT, leb(2)), section(DATA, vec(concat(bytes(1), vec())))));
        malformed("data count and data section have inconsistent lengths", module(memory, section(DATA_COUNT, leb(1))));
        malformed("malformed data segment kind", module(memory, section(DATA, vec(bytes(3)))));
        invalid("unknown memory 0", module(section(DATA, vec(concat(bytes(0), offset, vec())))));
        invalid("unknown memory 1", module(memory, section(DATA, vec(concat(bytes(2, 1), offset, vec())))));
        invalid("type mismatch", module(memory, section(DATA, vec(concat(bytes(0), bytes(0x42, 0, END), vec())))));
        malformed("length out of bounds", module(memory, section(DATA, vec(concat(bytes(1), leb(5), bytes(1, 2))))));
        WasmModule m = parse(module(memory, section(DATA_COUNT, leb(3)),
                        section(DATA, vec(concat(bytes(0), offset, leb(2), bytes(1, 2)), concat(bytes(1), leb(1), bytes(9)), concat(bytes(2, 0), offset, leb(0))))));
        assertEquals(3, m.data.length);
        assertEquals(false, m.data[1].active());
    }

    @Test
    void codeSection() {
        byte[] type = oneType(NONE);
        byte[] function = section(FUNCTION, vec(leb(0)));
        malformed("too many locals", module(type, function, section(CODE, vec(concat(leb(7), bytes(2), leb(0xFFFFFF), bytes(I32), bytes(END))))));
        malformed("malformed value type", module(type, function, section(CODE, vec(concat(leb(4), bytes(1, 1, 0x40, END))))));
        malformed("END opcode expected", module(type, function, section(CODE, vec(body(0x05, END)))));
        // memory.init without a data count section: malformed only when a data section follows.
        byte[] memory = section(MEMORY, vec(bytes(0, 1)));
        byte[] init = section(CODE, vec(body(0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 8, 0, 0, END)));
        malformed("data count section required", module(type, function, memory, init, section(DATA, vec(concat(bytes(1), vec())))));
        invalid("unknown data segment 0", module(type, function, memory, init));
        assertEquals(1, parse(module(type, function, memory, section(DATA_COUNT, leb(1)), init, section(DATA, vec(concat(bytes(1), vec()))))).code.length);
    }

    /**
     * Found by the decoder's fuzz target running slowly: a type or element section declaring 2^31-1
     * entries in five bytes made the decoder allocate the array first (an OutOfMemoryError; smaller
     * huge counts took a gigabyte each). A count beyond what is left of the input is cut short.
     */
    @Test
    void hugeCountsAreAnUnexpectedEnd() {
        byte[] huge = leb(0xFFFFFFFFL);
        malformed("unexpected end", module(concat(bytes(TYPE, huge.length), huge)));
        malformed("unexpected end", module(concat(bytes(ELEMENT, huge.length), huge)));
        malformed("unexpected end", module(concat(bytes(TYPE, 6), leb(1 << 28), bytes(0x60, 0))));
    }

    @Test
    void malformedCodeIsReportedBeforeAnEarlierInvalidBody() {
        byte[] type = oneType(NONE);
        byte[] functions = section(FUNCTION, vec(leb(0), leb(0)));
        byte[] invalidBody = body(0x41, 0, END);
        malformed("illegal opcode ff", module(type, functions, section(CODE, vec(invalidBody, body(0xFF, END)))));
        invalid("type mismatch", module(type, functions, section(CODE, vec(invalidBody, body(END)))));
        malformed("malformed section id", module(type, section(FUNCTION, vec(leb(0))), section(CODE, vec(invalidBody)), section(14)));
    }
}
