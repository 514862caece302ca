// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.runtime;

import java.util.List;

import org.zvm.ZvmLanguage;
import org.zvm.wasm.WasmException;
import org.zvm.wasm.host.HostFunction;
import org.zvm.wasm.nodes.WasmHostRootNode;
import org.zvm.wasm.parser.WasmModule;
import org.zvm.wasm.parser.WasmModule.ConstExpr;
import org.zvm.wasm.parser.WasmModule.DataSegment;
import org.zvm.wasm.parser.WasmModule.ElemSegment;
import org.zvm.wasm.parser.WasmModule.Export;
import org.zvm.wasm.parser.WasmModule.Import;
import org.zvm.wasm.parser.WasmModule.Limits;

/**
 * Instantiates a module as the spec orders it: resolve and check the imports, allocate what the module
 * defines, evaluate global initializers, initialize the active element and data segments in order (a
 * trap leaves the earlier ones in place, as the spec says), drop them, then run the start function.
 */
public final class Linker {
    /**
     * Where imports come from: the exported value of {@code name} in {@code module} (a function, table,
     * memory or global instance, or a {@link HostFunction}, which then sees the importing instance), or null.
     */
    @FunctionalInterface
    public interface Imports {
        Object resolve(String module, String name);
    }

    /** Tables larger than this are refused at instantiation: their Java array would not fit. */
    private static final long MAX_TABLE = 10_000_000;

    private Linker() {
    }

    public static Instance instantiate(WasmModule module, Imports imports) {
        return instantiate(null, module, imports);
    }

    /** {@code language} owns the host functions' root nodes (null outside a context, as in unit tests). */
    public static Instance instantiate(ZvmLanguage language, WasmModule module, Imports imports) {
        Instance instance = module.instance;
        int functions = module.functionTypes.length;
        instance.types = module.types;
        instance.functions = new WasmFunction[functions];
        instance.tables = new WasmTable[module.tables.size()];
        instance.memories = new WasmMemory[module.memories.size()];
        instance.globals = new WasmGlobal[module.globals.size()];
        int f = 0;
        int t = 0;
        int m = 0;
        int g = 0;
        for (Import imp : module.imports) {
            Object value = imports.resolve(imp.module(), imp.name());
            if (value == null) {
                throw WasmException.create(WasmException.Kind.UNLINKABLE, "unknown import " + imp.module() + "." + imp.name());
            }
            switch (imp.kind()) {
                case WasmModule.FUNC -> {
                    FuncType type = module.types[imp.typeIndex()];
                    if (value instanceof HostFunction host) {
                        String name = imp.module() + "." + imp.name();
                        value = new WasmFunction(type, name, new WasmHostRootNode(language, name, type, host, new InstanceHostContext(instance)).getCallTarget());
                    }
                    if (!(value instanceof WasmFunction fn) || !fn.type().equals(type)) {
                        throw incompatible(imp);
                    }
                    instance.functions[f++] = fn;
                }
                case WasmModule.TABLE -> {
                    if (!(value instanceof WasmTable tb) || tb.elementType != imp.table().elementType() || !fits(tb.size(), tb.max, imp.table().limits())) {
                        throw incompatible(imp);
                    }
                    instance.tables[t++] = tb;
                }
                case WasmModule.MEMORY -> {
                    if (!(value instanceof WasmMemory mem) || !fits(mem.pages(), mem.max, imp.memory())) {
                        throw incompatible(imp);
                    }
                    instance.memories[m++] = mem;
                }
                default -> {
                    if (!(value instanceof WasmGlobal gl) || gl.type != imp.global().type() || gl.mutable != imp.global().mutable()) {
                        throw incompatible(imp);
                    }
                    instance.globals[g++] = gl;
                }
            }
        }
        for (int i = 0; i < module.code.length; i++) {
            instance.functions[f + i] = new WasmFunction(module.functionType(f + i), module.code[i].getName(), module.code[i].getCallTarget());
        }
        for (; t < instance.tables.length; t++) {
            WasmModule.TableType tt = module.tables.get(t);
            if (tt.limits().min() > MAX_TABLE) {
                throw WasmException.trap("table of " + tt.limits().min() + " entries is larger than zvm supports");
            }
            instance.tables[t] = new WasmTable(tt.elementType(), (int) tt.limits().min(), tt.limits().max());
        }
        for (; m < instance.memories.length; m++) {
            Limits l = module.memories.get(m);
            instance.memories[m] = new WasmMemory(l.min(), l.max());
        }
        for (int i = 0; g < instance.globals.length; g++, i++) {
            WasmModule.GlobalType gt = module.globals.get(g);
            WasmGlobal global = new WasmGlobal(gt.type(), gt.mutable());
            set(global, evaluate(instance, module.globalInits.get(i)));
            instance.globals[g] = global;
        }
        for (Export e : module.exports) {
            instance.exports.put(e.name(), switch (e.kind()) {
                case WasmModule.FUNC -> instance.functions[e.index()];
                case WasmModule.TABLE -> instance.tables[e.index()];
                case WasmModule.MEMORY -> instance.memories[e.index()];
                default -> instance.globals[e.index()];
            });
        }
        initialize(module, instance);
        if (module.start >= 0) {
            instance.functions[module.start].target().call();
        }
        return instance;
    }

    private static WasmException incompatible(Import imp) {
        return WasmException.create(WasmException.Kind.UNLINKABLE, "incompatible import type " + imp.module() + "." + imp.name());
    }

    /** Whether a table or memory of {@code size} and {@code max} (-1: none) satisfies the import's limits. */
    private static boolean fits(long size, long max, Limits wanted) {
        if (size < wanted.min()) {
            return false;
        }
        return wanted.max() < 0 || max >= 0 && max <= wanted.max();
    }

    private static void initialize(WasmModule module, Instance instance) {
        List<ElemSegment> elems = List.of(module.elements);
        instance.elements = new Object[elems.size()][];
        for (int i = 0; i < elems.size(); i++) {
            ElemSegment e = elems.get(i);
            Object[] items = new Object[e.items().length];
            for (int j = 0; j < items.length; j++) {
                items[j] = evaluate(instance, e.items()[j]);
            }
            instance.elements[i] = e.mode() == 1 ? items : new Object[0];
        }
        instance.data = new byte[module.data.length][];
        for (int i = 0; i < module.data.length; i++) {
            DataSegment d = module.data[i];
            instance.data[i] = d.active() ? new byte[0] : d.bytes();
        }
        for (int i = 0; i < elems.size(); i++) {
            ElemSegment e = elems.get(i);
            if (e.mode() == 0) {
                int offset = (int) (long) (Long) evaluate(instance, e.offset());
                WasmTable table = instance.tables[e.table()];
                int n = e.items().length;
                if (Integer.toUnsignedLong(offset) + n > table.size()) {
                    throw WasmException.trap("out of bounds table access");
                }
                for (int j = 0; j < n; j++) {
                    table.elements[offset + j] = evaluate(instance, e.items()[j]);
                }
            }
        }
        for (DataSegment d : module.data) {
            if (d.active()) {
                int offset = (int) (long) (Long) evaluate(instance, d.offset());
                WasmMemory memory = instance.memories[d.memory()];
                memory.checkRange(offset, d.bytes().length);
                System.arraycopy(d.bytes(), 0, memory.data(), offset, d.bytes().length);
            }
        }
    }

    /** The value of a constant expression: a {@code Long} bit pattern or a reference. */
    public static Object evaluate(Instance instance, ConstExpr e) {
        return switch (e.opcode()) {
            case 0xD0 -> RefNull.INSTANCE;
            case 0xFD -> e.vector();
            case 0xD2 -> instance.functions[(int) e.value()];
            case 0x23 -> {
                WasmGlobal g = instance.globals[(int) e.value()];
                yield org.zvm.wasm.ValueTypes.isObject(g.type) ? g.ref : (Object) g.value;
            }
            default -> e.value();
        };
    }

    /** Sets a global from a value as {@link #evaluate} returns it. */
    public static void set(WasmGlobal global, Object value) {
        if (value instanceof Long l) {
            global.value = l;
        } else {
            global.ref = value;
        }
    }
}
