// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.spectest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zvm.ZvmContext;
import org.zvm.ZvmLanguage;
import org.zvm.runtime.InteropArray;
import org.zvm.runtime.InteropRecord;
import org.zvm.util.Json;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.Source;

/**
 * Evaluating a wast2json command file returns an executable: called without arguments it runs the file's
 * commands and returns one record per checked command ({@code file, line, command, status, detail}, and
 * {@code json}, the line {@code zvm wasm-spectest --json} prints). Module files are read beside the
 * command file.
 */
public final class SpecTestRootNode extends RootNode {
    private final Source source;

    public SpecTestRootNode(ZvmLanguage language, Source source) {
        super(language);
        this.source = source;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return new Runner(this);
    }

    /** The executable evaluation returns. */
    @ExportLibrary(InteropLibrary.class)
    static final class Runner implements TruffleObject {
        private final SpecTestRootNode root;

        Runner(SpecTestRootNode root) {
            this.root = root;
        }

        @ExportMessage
        boolean isExecutable() {
            return true;
        }

        @ExportMessage
        @TruffleBoundary
        Object execute(@SuppressWarnings("unused") Object[] args) {
            return root.run();
        }
    }

    @TruffleBoundary
    private Object run() {
        ZvmContext context = ZvmContext.get(this);
        TruffleFile file = context.env().getPublicTruffleFile(source.getPath());
        SpecTestRunner runner = new SpecTestRunner(ZvmLanguage.get(this), source.getName(), name -> {
            try {
                return file.resolveSibling(name).readAllBytes();
            } catch (IOException e) {
                throw new IllegalArgumentException(name + ": cannot read: " + e.getMessage(), e);
            }
        });
        List<Object> out = new ArrayList<>();
        for (SpecTestRunner.Result r : runner.run(source.getCharacters())) {
            Map<String, Object> m = new LinkedHashMap<>(r.json());
            m.putIfAbsent("detail", org.zvm.runtime.ZvmNull.INSTANCE);
            m.put("json", Json.write(r.json()));
            out.add(new InteropRecord(m));
        }
        return new InteropArray(out.toArray());
    }
}
