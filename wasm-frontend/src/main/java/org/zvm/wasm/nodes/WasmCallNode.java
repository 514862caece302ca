// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import org.zvm.wasm.ValueTypes;
import org.zvm.wasm.WasmException;
import org.zvm.wasm.runtime.FuncType;
import org.zvm.wasm.runtime.Instance;
import org.zvm.wasm.runtime.RefNull;
import org.zvm.wasm.runtime.WasmFunction;
import org.zvm.wasm.runtime.WasmTable;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.IndirectCallNode;

/**
 * {@code call} of function {@code function} ({@code table} -1) or {@code call_indirect} through table
 * {@code table} (the element index above the arguments). Arguments start at {@code slot}; the results
 * replace them. A direct call goes through a {@link DirectCallNode}, so Graal may inline the callee; an
 * indirect one caches the first callee it sees and falls back to an {@link IndirectCallNode}.
 */
public final class WasmCallNode extends WasmNode {
    private final Instance instance;
    private final int function;
    private final int table;
    private final FuncType type;
    private final int slot;
    @CompilationFinal(dimensions = 1) private final byte[] params;
    @CompilationFinal(dimensions = 1) private final byte[] results;
    @Child private DirectCallNode direct;
    @Child private IndirectCallNode indirect;
    @CompilationFinal private WasmFunction cached;

    public WasmCallNode(Instance instance, int function, int table, FuncType type, int slot) {
        this.instance = instance;
        this.function = function;
        this.table = table;
        this.type = type;
        this.slot = slot;
        this.params = type.params();
        this.results = type.results();
    }

    @Override
    public int execute(VirtualFrame frame) {
        Object[] args = arguments(frame);
        Object result = table < 0 ? callDirect(args) : callIndirect(frame, args);
        store(frame, result);
        return NEXT;
    }

    private Object callDirect(Object[] args) {
        if (direct == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            direct = insert(Truffle.getRuntime().createDirectCallNode(instance.functions[function].target()));
        }
        return direct.call(args);
    }

    private Object callIndirect(VirtualFrame frame, Object[] args) {
        WasmTable t = instance.tables[table];
        int index = (int) frame.getLongStatic(slot + params.length);
        if (Integer.compareUnsigned(index, t.size()) >= 0) {
            CompilerDirectives.transferToInterpreter();
            throw WasmException.trap("undefined element");
        }
        Object element = t.elements[index];
        if (cached != null && element == cached) {
            return direct.call(args);
        }
        if (element == RefNull.INSTANCE) {
            CompilerDirectives.transferToInterpreter();
            throw WasmException.trap("uninitialized element " + index);
        }
        WasmFunction f = (WasmFunction) element;
        if (!f.type().equals(type)) {
            CompilerDirectives.transferToInterpreter();
            throw WasmException.trap("indirect call type mismatch");
        }
        if (cached == null && indirect == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            cached = f;
            direct = insert(Truffle.getRuntime().createDirectCallNode(f.target()));
            return direct.call(args);
        }
        if (indirect == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            indirect = insert(Truffle.getRuntime().createIndirectCallNode());
        }
        return indirect.call(f.target(), args);
    }

    @ExplodeLoop
    private Object[] arguments(VirtualFrame frame) {
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            args[i] = WasmRootNode.value(frame, slot + i, params[i]);
        }
        return args;
    }

    @ExplodeLoop
    private void store(VirtualFrame frame, Object result) {
        if (results.length == 1) {
            put(frame, slot, result);
        } else if (results.length > 1) {
            Object[] values = (Object[]) result;
            for (int i = 0; i < results.length; i++) {
                put(frame, slot + i, values[i]);
            }
        }
    }

    static void put(VirtualFrame frame, int slot, Object value) {
        if (value instanceof Long l) {
            frame.setLongStatic(slot, l);
        } else {
            frame.setObjectStatic(slot, value);
        }
    }
}
