// SPDX-License-Identifier: Apache-2.0
package org.zvm.debug;

import java.util.List;

import org.zvm.ZvmContext;
import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmCodeRootNode;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.runtime.Message;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * The Solidity function a suspended contract frame is in, as the frame's root instance: Truffle's
 * debugger names a frame after its root instance's executable name, so Chrome DevTools' Call Stack shows
 * {@code Token._move} instead of the code's name. It is the innermost function of the Solidity call
 * stack ({@link #stack}); executing it is an error, since a function inside a running contract can only
 * be reached by calling the contract.
 */
@ExportLibrary(InteropLibrary.class)
public final class SolidityFunction implements TruffleObject {
    private final String name;

    private SolidityFunction(String name) {
        this.name = name;
    }

    /**
     * The Solidity call stack at {@code node} in {@code frame}, innermost first; empty for code without a
     * source map. Only debuggers ask, never compiled code.
     */
    public static List<SolidityFunctions.Frame> stack(ZvmInstructionNode node, Frame frame) {
        if (frame == null || !(node.getRootNode() instanceof ZvmCodeRootNode root) || root.solidity() == null) {
            return List.of();
        }
        Message m = Stack.message(frame);
        return root.solidity().frames(m.calldata, node.pc(), SolidityCallsInstrument.of(ZvmContext.get(node).env()).calls(m));
    }

    /** The root instance of {@code frame} at {@code node}, or null when it is not Solidity. */
    public static SolidityFunction at(ZvmInstructionNode node, Frame frame) {
        List<SolidityFunctions.Frame> stack = stack(node, frame);
        return stack.isEmpty() ? null : new SolidityFunction(stack.getFirst().name());
    }

    @ExportMessage
    boolean isExecutable() {
        return true;
    }

    @ExportMessage
    Object execute(@SuppressWarnings("unused") Object[] arguments) {
        throw new NotCallable(name);
    }

    @ExportMessage
    boolean hasExecutableName() {
        return true;
    }

    @ExportMessage
    Object getExecutableName() {
        return name;
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return name;
    }

    /** Executing a debugger's function value: a guest error naming it. */
    static final class NotCallable extends AbstractTruffleException {
        private static final long serialVersionUID = 1L;

        @TruffleBoundary
        NotCallable(String name) {
            super(name + " is a Solidity function inside a running contract: call the contract instead");
        }
    }
}
