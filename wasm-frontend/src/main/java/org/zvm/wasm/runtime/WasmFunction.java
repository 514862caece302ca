// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.runtime;

import com.oracle.truffle.api.CallTarget;

/**
 * A function instance: its type and the call target that runs it (a module's code or a host function).
 * Arguments and results are {@code Long} bit patterns for numbers and objects for references; one result
 * is returned as itself, several as an {@code Object[]}, none as null.
 */
public final class WasmFunction {
    private final FuncType type;
    private final String name;
    private CallTarget target;

    public WasmFunction(FuncType type, String name, CallTarget target) {
        this.type = type;
        this.name = name;
        this.target = target;
    }

    public FuncType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public CallTarget target() {
        return target;
    }

    /** Set once, when the module's code is built after the function object was handed out (ref.func). */
    void setTarget(CallTarget target) {
        this.target = target;
    }

    @Override
    public String toString() {
        return "func " + name;
    }
}
