// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import org.zvm.ZvmLanguage;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.RootNode;

/**
 * The root of a conformance file (an Ethereum state test, a WebAssembly spec-test command file):
 * evaluating the file returns an executable, and executing that runs the file's cases and returns their
 * records. Runners (the launcher, the test suites) thus parse once and choose when to run.
 */
public abstract class SuiteRootNode extends RootNode {
    protected SuiteRootNode(ZvmLanguage language) {
        super(language);
    }

    @Override
    public final Object execute(VirtualFrame frame) {
        return new Runner(this);
    }

    /** Runs the file's cases with the arguments the executable was called with. */
    protected abstract Object run(Object[] args) throws UnsupportedTypeException;

    /** The executable evaluation returns. */
    @ExportLibrary(InteropLibrary.class)
    static final class Runner implements TruffleObject {
        private final SuiteRootNode root;

        Runner(SuiteRootNode root) {
            this.root = root;
        }

        @ExportMessage
        boolean isExecutable() {
            return true;
        }

        @ExportMessage
        @TruffleBoundary
        Object execute(Object[] args) throws UnsupportedTypeException {
            return root.run(args);
        }
    }
}
