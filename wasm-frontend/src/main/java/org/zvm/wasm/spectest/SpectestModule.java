// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.spectest;

import java.util.Map;

import org.zvm.ZvmLanguage;
import org.zvm.wasm.ValueTypes;
import org.zvm.wasm.host.HostFunction;
import org.zvm.wasm.nodes.WasmHostRootNode;
import org.zvm.wasm.runtime.FuncType;
import org.zvm.wasm.runtime.Instance;
import org.zvm.wasm.runtime.WasmFunction;
import org.zvm.wasm.runtime.WasmGlobal;
import org.zvm.wasm.runtime.WasmMemory;
import org.zvm.wasm.runtime.WasmTable;

/**
 * The {@code spectest} module the spec tests import: print functions (which print nothing here), four
 * globals of value 666, a table of 10 to 20 funcrefs and a memory of 1 to 2 pages.
 */
final class SpectestModule {
    private SpectestModule() {
    }

    static Instance create(ZvmLanguage language) {
        Instance spectest = new Instance("spectest");
        Map<String, Object> e = spectest.exports;
        HostFunction silent = (context, args) -> new Object[0];
        function(language, e, "print", silent);
        function(language, e, "print_i32", silent, ValueTypes.I32);
        function(language, e, "print_i64", silent, ValueTypes.I64);
        function(language, e, "print_f32", silent, ValueTypes.F32);
        function(language, e, "print_f64", silent, ValueTypes.F64);
        function(language, e, "print_i32_f32", silent, ValueTypes.I32, ValueTypes.F32);
        function(language, e, "print_f64_f64", silent, ValueTypes.F64, ValueTypes.F64);
        e.put("global_i32", global(ValueTypes.I32, 666));
        e.put("global_i64", global(ValueTypes.I64, 666));
        e.put("global_f32", global(ValueTypes.F32, Float.floatToRawIntBits(666.6f)));
        e.put("global_f64", global(ValueTypes.F64, Double.doubleToRawLongBits(666.6)));
        e.put("table", new WasmTable(ValueTypes.FUNCREF, 10, 20));
        e.put("memory", new WasmMemory(1, 2));
        return spectest;
    }

    private static void function(ZvmLanguage language, Map<String, Object> exports, String name, HostFunction f, byte... params) {
        FuncType type = new FuncType(params, new byte[0]);
        exports.put(name, new WasmFunction(type, "spectest." + name, new WasmHostRootNode(language, "spectest." + name, type, f, null).getCallTarget()));
    }

    private static WasmGlobal global(byte type, long bits) {
        WasmGlobal g = new WasmGlobal(type, false);
        g.value = bits;
        return g;
    }
}
