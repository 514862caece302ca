// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import org.zvm.ZvmLanguage;
import org.zvm.wasm.ValueTypes;
import org.zvm.wasm.runtime.RefNull;
import org.zvm.wasm.runtime.V128;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.RootNode;

/**
 * One function of a module: arguments into the first local slots, the other locals zeroed, the body run,
 * the results read from the bottom of the operand stack (where {@code return} and the body's end leave them).
 */
public final class WasmRootNode extends RootNode {
    private final String name;
    @CompilationFinal(dimensions = 1) private final byte[] locals;
    private final int paramCount;
    private final int resultCount;
    @Child private WasmBlockNode body;

    public WasmRootNode(ZvmLanguage language, FrameDescriptor frame, String name, byte[] locals, int paramCount, int resultCount, WasmBlockNode body) {
        super(language, frame);
        this.name = name;
        this.locals = locals;
        this.paramCount = paramCount;
        this.resultCount = resultCount;
        this.body = body;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        enter(frame);
        body.execute(frame);
        return results(frame);
    }

    @ExplodeLoop
    private void enter(VirtualFrame frame) {
        Object[] args = frame.getArguments();
        for (int i = 0; i < paramCount; i++) {
            WasmCallNode.put(frame, i, args[i]);
        }
        for (int i = paramCount; i < locals.length; i++) {
            if (locals[i] == ValueTypes.V128) {
                frame.setObject(i, V128.ZERO);
            } else if (ValueTypes.isReference(locals[i])) {
                frame.setObject(i, RefNull.INSTANCE);
            } else {
                frame.setLong(i, 0L);
            }
        }
    }

    @ExplodeLoop
    private Object results(VirtualFrame frame) {
        int base = locals.length;
        if (resultCount == 0) {
            return null;
        }
        if (resultCount == 1) {
            return frame.getValue(base);
        }
        Object[] values = new Object[resultCount];
        for (int i = 0; i < resultCount; i++) {
            values[i] = frame.getValue(base + i);
        }
        return values;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
