// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import org.zvm.ZvmLanguage;
import org.zvm.wasm.ValueTypes;
import org.zvm.wasm.WasmException;
import org.zvm.wasm.host.HostContext;
import org.zvm.wasm.host.HostFunction;
import org.zvm.wasm.host.HostTrap;
import org.zvm.wasm.runtime.FuncType;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

/**
 * A host function as a WebAssembly function: converts the bit patterns of the guest to the boxed Java
 * values {@link HostFunction} promises and back, and turns a {@link HostTrap} into a trap.
 */
public final class WasmHostRootNode extends RootNode {
    private final String name;
    private final FuncType type;
    private final HostFunction function;
    private final HostContext context;

    public WasmHostRootNode(ZvmLanguage language, String name, FuncType type, HostFunction function, HostContext context) {
        super(language);
        this.name = name;
        this.type = type;
        this.function = function;
        this.context = context;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return call(frame.getArguments());
    }

    @TruffleBoundary
    private Object call(Object[] raw) {
        byte[] params = type.params();
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            args[i] = toHost(params[i], raw[i]);
        }
        Object[] results;
        try {
            results = function.call(context, args);
        } catch (HostTrap t) {
            throw WasmException.hostTrap(t.getMessage(), t.detail());
        }
        byte[] types = type.results();
        if (types.length == 0) {
            return null;
        }
        if (results == null || results.length != types.length) {
            throw WasmException.trap("host function " + name + " returned " + (results == null ? 0 : results.length) + " values, expected " + types.length);
        }
        if (types.length == 1) {
            return toGuest(types[0], results[0]);
        }
        Object[] out = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            out[i] = toGuest(types[i], results[i]);
        }
        return out;
    }

    /** A guest value (bit pattern or reference) as the Java value a host function sees. */
    public static Object toHost(byte type, Object value) {
        return switch (type) {
            case ValueTypes.I32 -> (int) (long) (Long) value;
            case ValueTypes.I64 -> value;
            case ValueTypes.F32 -> Float.intBitsToFloat((int) (long) (Long) value);
            case ValueTypes.F64 -> Double.longBitsToDouble((Long) value);
            default -> value;
        };
    }

    /** A host function's Java value as a guest value; floats keep their bits ({@code floatToRawIntBits}). */
    public static Object toGuest(byte type, Object value) {
        return switch (type) {
            case ValueTypes.I32 -> (long) (Integer) value;
            case ValueTypes.I64 -> value;
            case ValueTypes.F32 -> (long) Float.floatToRawIntBits((Float) value);
            case ValueTypes.F64 -> Double.doubleToRawLongBits((Double) value);
            default -> value;
        };
    }

    @Override
    public String getName() {
        return name;
    }
}
