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
 * <p>
 * Locals and stack slots are static frame slots (as GraalWasm's): validation already knows each slot's type
 * at every instruction, so compiled code carries no slot tags, their merges or their checks. Compiled code
 * starts with the stack slots cleared, the state {@link WasmNode#drop} leaves them in: a loop whose paths
 * clear a slot on some iterations then carries no merge of "cleared" with "never written" around its back edge.
 */
public final class WasmRootNode extends RootNode {
    private final String name;
    @CompilationFinal(dimensions = 1) private final byte[] locals;
    private final int paramCount;
    @CompilationFinal(dimensions = 1) private final byte[] results;
    @Child private WasmBlockNode body;

    public WasmRootNode(ZvmLanguage language, FrameDescriptor frame, String name, byte[] locals, int paramCount, byte[] results, WasmBlockNode body) {
        super(language, frame);
        this.name = name;
        this.locals = locals;
        this.paramCount = paramCount;
        this.results = results;
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
                frame.setObjectStatic(i, V128.ZERO);
            } else if (ValueTypes.isReference(locals[i])) {
                frame.setObjectStatic(i, RefNull.INSTANCE);
            } else {
                frame.setLongStatic(i, 0L);
            }
        }
        WasmNode.clear(frame, locals.length, getFrameDescriptor().getNumberOfSlots());
    }

    @ExplodeLoop
    private Object results(VirtualFrame frame) {
        int base = locals.length;
        if (results.length == 0) {
            return null;
        }
        if (results.length == 1) {
            return value(frame, base, results[0]);
        }
        Object[] values = new Object[results.length];
        for (int i = 0; i < results.length; i++) {
            values[i] = value(frame, base + i, results[i]);
        }
        return values;
    }

    /** The value of {@code type} in {@code slot}: slots are static, so the type says which half holds it. */
    static Object value(VirtualFrame frame, int slot, byte type) {
        return ValueTypes.isObject(type) ? frame.getObjectStatic(slot) : (Object) frame.getLongStatic(slot);
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
