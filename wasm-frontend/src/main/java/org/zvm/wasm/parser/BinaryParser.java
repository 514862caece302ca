// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.parser;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

import org.zvm.ZvmLanguage;
import org.zvm.wasm.ValueTypes;
import org.zvm.wasm.WasmException;
import org.zvm.wasm.parser.WasmModule.ConstExpr;
import org.zvm.wasm.parser.WasmModule.DataSegment;
import org.zvm.wasm.parser.WasmModule.ElemSegment;
import org.zvm.wasm.parser.WasmModule.Export;
import org.zvm.wasm.parser.WasmModule.GlobalType;
import org.zvm.wasm.parser.WasmModule.Import;
import org.zvm.wasm.parser.WasmModule.Limits;
import org.zvm.wasm.parser.WasmModule.TableType;
import org.zvm.wasm.runtime.FuncType;
import org.zvm.wasm.runtime.Instance;

/**
 * Decodes a module section by section and validates it as it goes; function bodies are validated and
 * built into nodes in one pass by {@link CodeBuilder}. Failures carry the spec's class (malformed or
 * invalid) and message.
 */
public final class BinaryParser {
    /** Section ids in the order the binary format requires them (data count sits before code). */
    private static final int[] ORDER = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 10, 11};
    /** More locals than this in one function are refused as "too many locals": their frame would not fit. */
    private static final long MAX_LOCALS = 50_000;

    private final ZvmLanguage language;
    private final BinaryReader in;
    private final WasmModule module;
    private int[] definedFunctionTypes = new int[0];
    private int dataCount = -1;
    /** Functions a ref.func in code may name: those referenced outside function bodies. */
    private final BitSet declared = new BitSet();
    /** The first invalid function body, thrown once the whole module has been decoded. */
    private WasmException invalid;

    private BinaryParser(ZvmLanguage language, byte[] bytes, String name) {
        this.language = language;
        this.in = new BinaryReader(bytes);
        this.module = new WasmModule(new Instance(name));
    }

    /** Decodes, validates and builds {@code bytes}; {@code language} may be null when only validating. */
    public static WasmModule parse(ZvmLanguage language, byte[] bytes, String name) {
        return new BinaryParser(language, bytes, name).module();
    }

    private WasmModule module() {
        if (in.limit < 4) {
            throw WasmException.malformed("unexpected end");
        }
        if (in.u8() != 0 || in.u8() != 'a' || in.u8() != 's' || in.u8() != 'm') {
            throw WasmException.malformed("magic header not detected");
        }
        if (in.limit < 8) {
            throw WasmException.malformed("unexpected end");
        }
        if (in.fixed32() != 1) {
            throw WasmException.malformed("unknown binary version");
        }
        int last = -1;
        boolean sawCode = false;
        while (!in.atLimit()) {
            int id = in.u8();
            int size = in.length();
            int end = in.pos + size;
            if (id > 12) {
                throw WasmException.malformed("malformed section id");
            }
            if (id != 0) {
                int rank = rank(id);
                if (rank <= last) {
                    throw WasmException.malformed("unexpected content after last section");
                }
                last = rank;
            }
            switch (id) {
                case 0 -> {
                    in.name();
                    if (in.pos <= end) {
                        in.pos = end;
                    }
                }
                case 1 -> types();
                case 2 -> imports();
                case 3 -> functions();
                case 4 -> tables();
                case 5 -> memories();
                case 6 -> globals();
                case 7 -> exports();
                case 8 -> start();
                case 9 -> elements();
                case 12 -> dataCount = in.index();
                case 10 -> {
                    code(end);
                    sawCode = true;
                }
                case 11 -> data();
                default -> throw WasmException.malformed("malformed section id");
            }
            checkEnd(end);
        }
        if (!sawCode && definedFunctionTypes.length > 0) {
            throw WasmException.malformed("function and code section have inconsistent lengths");
        }
        if (dataCount >= 0 && dataCount != module.data.length) {
            throw WasmException.malformed("data count and data section have inconsistent lengths");
        }
        if (invalid != null) {
            throw invalid;
        }
        return module;
    }

    /** Compares where a section or function body ended with where its size said it would. */
    private void checkEnd(int end) {
        if (in.pos > end) {
            throw WasmException.malformed("unexpected end of section or function");
        }
        if (in.pos < end) {
            throw WasmException.malformed("section size mismatch");
        }
    }

    private static int rank(int id) {
        for (int i = 0; i < ORDER.length; i++) {
            if (ORDER[i] == id) {
                return i;
            }
        }
        throw WasmException.malformed("malformed section id");
    }

    /**
     * The length of a vector whose entries take at least a byte each: a count beyond the rest of the
     * input is cut short ("unexpected end"), not an array to allocate.
     */
    private int count() {
        int n = in.index();
        if (n > in.limit - in.pos) {
            throw WasmException.malformed("unexpected end");
        }
        return n;
    }

    private void types() {
        int n = count();
        module.types = new FuncType[n];
        for (int i = 0; i < n; i++) {
            if (in.u8() != 0x60) {
                throw WasmException.malformed("integer representation too long");
            }
            byte[] params = valueTypes();
            byte[] results = valueTypes();
            module.types[i] = new FuncType(params, results);
            module.use(module.types[i], false);
        }
    }

    private byte[] valueTypes() {
        int n = in.length();
        byte[] r = new byte[n];
        for (int i = 0; i < n; i++) {
            r[i] = valueType();
        }
        return r;
    }

    byte valueType() {
        byte t = (byte) in.u8();
        if (!ValueTypes.isValueType(t)) {
            throw WasmException.malformed("malformed value type");
        }
        module.use(t);
        return t;
    }

    private byte referenceType() {
        byte t = (byte) in.u8();
        if (!ValueTypes.isReference(t)) {
            throw WasmException.malformed("malformed reference type");
        }
        return t;
    }

    private int typeIndex() {
        int t = in.index();
        if (t >= module.types.length) {
            throw WasmException.invalid("unknown type " + t);
        }
        return t;
    }

    private void imports() {
        int n = in.index();
        int[] funcs = new int[0];
        for (int i = 0; i < n; i++) {
            String mod = in.name();
            String name = in.name();
            int kind = in.u8();
            switch (kind) {
                case WasmModule.FUNC -> {
                    int t = typeIndex();
                    funcs = Arrays.copyOf(funcs, funcs.length + 1);
                    funcs[funcs.length - 1] = t;
                    module.imports.add(new Import(mod, name, kind, t, null, null, null));
                }
                case WasmModule.TABLE -> {
                    TableType t = tableType();
                    module.tables.add(t);
                    module.imports.add(new Import(mod, name, kind, -1, t, null, null));
                }
                case WasmModule.MEMORY -> {
                    Limits l = memoryType();
                    module.memories.add(l);
                    module.imports.add(new Import(mod, name, kind, -1, null, l, null));
                }
                case WasmModule.GLOBAL -> {
                    GlobalType g = globalType();
                    module.globals.add(g);
                    module.importedGlobals++;
                    module.imports.add(new Import(mod, name, kind, -1, null, null, g));
                }
                default -> throw WasmException.malformed("malformed import kind");
            }
        }
        module.importedFunctions = funcs.length;
        module.functionTypes = funcs;
        if (module.memories.size() > 1) {
            throw WasmException.invalid("multiple memories");
        }
    }

    private void functions() {
        int n = count();
        definedFunctionTypes = new int[n];
        for (int i = 0; i < n; i++) {
            definedFunctionTypes[i] = typeIndex();
        }
        int[] all = Arrays.copyOf(module.functionTypes, module.importedFunctions + n);
        System.arraycopy(definedFunctionTypes, 0, all, module.importedFunctions, n);
        module.functionTypes = all;
    }

    private Limits limits(long bound, String tooLarge) {
        int flag = (int) in.unsigned(1);
        if (flag > 1) {
            throw WasmException.malformed("integer too large");
        }
        long min = in.unsigned(32);
        long max = flag == 1 ? in.unsigned(32) : -1;
        if (min > bound || max > bound) {
            throw WasmException.invalid(tooLarge);
        }
        if (max >= 0 && min > max) {
            throw WasmException.invalid("size minimum must not be greater than maximum");
        }
        return new Limits(min, max);
    }

    private TableType tableType() {
        byte t = referenceType();
        return new TableType(t, limits(0xffffffffL, "table size must be at most 2^32-1"));
    }

    private Limits memoryType() {
        return limits(65536, "memory size must be at most 65536 pages (4GiB)");
    }

    private GlobalType globalType() {
        byte t = valueType();
        int mut = in.u8();
        if (mut > 1) {
            throw WasmException.malformed("malformed mutability");
        }
        return new GlobalType(t, mut == 1);
    }

    private void tables() {
        int n = in.index();
        for (int i = 0; i < n; i++) {
            module.tables.add(tableType());
        }
        if (module.tables.size() > 1) {
            module.features.add(WasmModule.Feature.REFERENCE_TYPES);
        }
    }

    private void memories() {
        int n = in.index();
        for (int i = 0; i < n; i++) {
            module.memories.add(memoryType());
        }
        if (module.memories.size() > 1) {
            throw WasmException.invalid("multiple memories");
        }
    }

    private void globals() {
        int n = in.index();
        for (int i = 0; i < n; i++) {
            GlobalType g = globalType();
            module.globalInits.add(constExpr(g.type(), module.importedGlobals));
            module.globals.add(g);
        }
    }

    /**
     * A constant expression of type {@code type}; only the first {@code visibleGlobals} globals (the
     * imported ones), and only immutable ones, may be read.
     */
    private ConstExpr constExpr(byte type, int visibleGlobals) {
        ConstExpr e = null;
        int values = 0;
        byte actual = ValueTypes.UNKNOWN;
        for (int op = in.u8(); op != 0x0B; op = in.u8()) {
            switch (op) {
                case 0x41 -> {
                    e = new ConstExpr(op, (int) in.signed(32));
                    actual = ValueTypes.I32;
                }
                case 0x42 -> {
                    e = new ConstExpr(op, in.signed(64));
                    actual = ValueTypes.I64;
                }
                case 0x43 -> {
                    e = new ConstExpr(op, in.fixed32());
                    actual = ValueTypes.F32;
                }
                case 0x44 -> {
                    e = new ConstExpr(op, in.fixed64());
                    actual = ValueTypes.F64;
                }
                case 0xD0 -> {
                    actual = referenceType();
                    e = new ConstExpr(op, 0);
                }
                case 0xFD -> {
                    int sub = in.u32();
                    if (sub != 0x0C) {
                        throw WasmException.invalid("constant expression required");
                    }
                    e = new ConstExpr(op, 0, new org.zvm.wasm.runtime.V128(in.fixed64(), in.fixed64()));
                    actual = ValueTypes.V128;
                }
                case 0xD2 -> {
                    int f = in.index();
                    if (f >= module.functionTypes.length) {
                        throw WasmException.invalid("unknown function " + f);
                    }
                    declared.set(f);
                    e = new ConstExpr(op, f);
                    actual = ValueTypes.FUNCREF;
                }
                case 0x23 -> {
                    int g = in.index();
                    if (g >= visibleGlobals) {
                        throw WasmException.invalid("unknown global " + g);
                    }
                    GlobalType gt = module.globals.get(g);
                    if (gt.mutable()) {
                        throw WasmException.invalid("constant expression required");
                    }
                    e = new ConstExpr(op, g);
                    actual = gt.type();
                }
                default -> throw CodeBuilder.isOpcode(op) ? WasmException.invalid("constant expression required") : WasmException.malformed("illegal opcode " + Integer.toHexString(op));
            }
            values++;
        }
        if (values != 1 || actual != type) {
            throw WasmException.invalid("type mismatch");
        }
        return e;
    }

    private void exports() {
        int n = in.index();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String name = in.name();
            int kind = in.u8();
            int index = in.index();
            int count = switch (kind) {
                case WasmModule.FUNC -> module.functionTypes.length;
                case WasmModule.TABLE -> module.tables.size();
                case WasmModule.MEMORY -> module.memories.size();
                case WasmModule.GLOBAL -> module.globals.size();
                default -> throw WasmException.malformed("malformed export kind");
            };
            if (index >= count) {
                throw WasmException.invalid("unknown " + new String[] {"function", "table", "memory", "global"}[kind] + " " + index);
            }
            if (!names.add(name)) {
                throw WasmException.invalid("duplicate export name");
            }
            if (kind == WasmModule.FUNC) {
                declared.set(index);
            }
            module.exports.add(new Export(name, kind, index));
        }
    }

    private void start() {
        int f = in.index();
        if (f >= module.functionTypes.length) {
            throw WasmException.invalid("unknown function " + f);
        }
        FuncType t = module.functionType(f);
        if (t.params().length != 0 || t.results().length != 0) {
            throw WasmException.invalid("start function");
        }
        module.start = f;
    }

    private void elements() {
        int n = count();
        module.elements = new ElemSegment[n];
        for (int i = 0; i < n; i++) {
            int flags = in.index();
            if (flags > 7) {
                throw WasmException.malformed("malformed elements segment kind");
            }
            int mode = (flags & 1) == 0 ? 0 : (flags & 2) == 0 ? 1 : 2;
            int table = 0;
            ConstExpr offset = null;
            if (mode == 0) {
                if ((flags & 2) != 0) {
                    table = in.index();
                }
                if (table >= module.tables.size()) {
                    throw WasmException.invalid("unknown table " + table);
                }
                offset = constExpr(ValueTypes.I32, module.importedGlobals);
            }
            boolean expressions = (flags & 4) != 0;
            byte type = ValueTypes.FUNCREF;
            if ((flags & 3) != 0) {
                if (expressions) {
                    type = referenceType();
                } else if (in.u8() != 0) {
                    throw WasmException.malformed("malformed element kind");
                }
            }
            int count = in.index();
            ConstExpr[] items = new ConstExpr[Math.min(count, 1 << 16)];
            for (int j = 0; j < count; j++) {
                if (j == items.length) {
                    items = Arrays.copyOf(items, items.length * 2);
                }
                if (expressions) {
                    items[j] = constExpr(type, module.importedGlobals);
                } else {
                    int f = in.index();
                    if (f >= module.functionTypes.length) {
                        throw WasmException.invalid("unknown function " + f);
                    }
                    declared.set(f);
                    items[j] = new ConstExpr(0xD2, f);
                }
            }
            items = Arrays.copyOf(items, count);
            if (mode == 0 && module.tables.get(table).elementType() != type) {
                throw WasmException.invalid("type mismatch");
            }
            module.elements[i] = new ElemSegment(mode, table, offset, type, items);
        }
    }

    private void code(int sectionEnd) {
        int n = in.index();
        if (n != definedFunctionTypes.length) {
            throw WasmException.malformed("function and code section have inconsistent lengths");
        }
        module.code = new org.zvm.wasm.nodes.WasmRootNode[n];
        // Without a data count section, memory.init and data.drop are malformed only if data segments follow.
        int segments = dataCount >= 0 ? dataCount : hasDataSection(sectionEnd) ? -1 : 0;
        for (int i = 0; i < n; i++) {
            int size = in.length();
            int end = in.pos + size;
            int index = module.importedFunctions + i;
            FuncType type = module.functionType(index);
            byte[] locals = locals(type);
            CodeBuilder builder = new CodeBuilder(language, module, in, this, type, locals, segments, declared);
            try {
                module.code[i] = builder.build(module.instance.name + ".func" + index);
            } catch (WasmException e) {
                if (e.kind() != WasmException.Kind.INVALID) {
                    throw e;
                }
                // Decoding goes on: a malformed encoding anywhere in the module is reported first.
                if (invalid == null) {
                    invalid = e;
                }
            }
            if (in.pos != end) {
                throw WasmException.malformed("section size mismatch");
            }
        }
    }

    /** Whether a data section follows {@code from} (section headers only; a broken one counts as none). */
    private boolean hasDataSection(int from) {
        int saved = in.pos;
        try {
            int p = from;
            while (p < in.limit) {
                in.pos = p;
                in.index();
                in.pos = p;
                int bodyStart = skipToSection();
                if (bodyStart < 0) {
                    return true;
                }
                p = bodyStart;
            }
            return false;
        } catch (WasmException e) {
            return false;
        } finally {
            in.pos = saved;
        }
    }

    /** At a section header: -1 when it is the data section, else the position after the section. */
    private int skipToSection() {
        int id = in.u8();
        int size = in.length();
        return id == 11 ? -1 : in.pos + size;
    }

    private byte[] locals(FuncType type) {
        int groups = in.index();
        long total = type.params().length;
        byte[] locals = type.params().clone();
        for (int g = 0; g < groups; g++) {
            long count = in.unsigned(32);
            total += count;
            if (total > MAX_LOCALS) {
                throw WasmException.malformed("too many locals");
            }
            byte t = valueType();
            int old = locals.length;
            locals = Arrays.copyOf(locals, (int) total);
            Arrays.fill(locals, old, (int) total, t);
        }
        return locals;
    }

    private void data() {
        int n = in.index();
        module.data = new DataSegment[Math.min(n, 1 << 16)];
        for (int i = 0; i < n; i++) {
            if (i == module.data.length) {
                module.data = Arrays.copyOf(module.data, module.data.length * 2);
            }
            int flags = in.index();
            if (flags > 2) {
                throw WasmException.malformed("malformed data segment kind");
            }
            int memory = flags == 2 ? in.index() : 0;
            ConstExpr offset = null;
            if (flags != 1) {
                if (memory >= module.memories.size()) {
                    throw WasmException.invalid("unknown memory " + memory);
                }
                offset = constExpr(ValueTypes.I32, module.importedGlobals);
            }
            module.data[i] = new DataSegment(flags != 1, memory, offset, in.read(in.length()));
        }
        module.data = Arrays.copyOf(module.data, n);
    }
}
