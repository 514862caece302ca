// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm;

import java.util.LinkedHashMap;
import java.util.Map;

import org.zvm.ZvmLanguage;
import org.zvm.runtime.InteropRecord;
import org.zvm.wasm.parser.BinaryParser;
import org.zvm.wasm.runtime.Instance;
import org.zvm.wasm.runtime.Linker;
import org.zvm.wasm.runtime.WasmFunction;
import org.zvm.wasm.runtime.WasmFunctionObject;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

/**
 * Evaluating a module: instantiates it (without imports: a module that imports anything fails to link)
 * and returns an object whose members are its exported functions ({@link WasmFunctionObject}).
 */
final class WasmModuleRootNode extends RootNode {
    private final byte[] bytes;
    private final String name;

    WasmModuleRootNode(ZvmLanguage language, byte[] bytes, String name) {
        super(language);
        this.bytes = bytes;
        this.name = name;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return instantiate();
    }

    @TruffleBoundary
    private Object instantiate() {
        Instance instance;
        try {
            instance = Linker.instantiate(ZvmLanguage.get(this), BinaryParser.parse(ZvmLanguage.get(this), bytes, name), (module, field) -> null);
        } catch (StackOverflowError e) {
            throw WasmException.create(WasmException.Kind.EXHAUSTION, "call stack exhausted");
        }
        Map<String, Object> members = new LinkedHashMap<>();
        instance.exports.forEach((export, value) -> {
            if (value instanceof WasmFunction f) {
                members.put(export, new WasmFunctionObject(f));
            }
        });
        return new InteropRecord(members);
    }
}
