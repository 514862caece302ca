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
import org.zvm.runtime.SuiteRootNode;
import org.zvm.util.Json;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.source.Source;

/**
 * Evaluating a wast2json command file returns an executable: called without arguments it runs the file's
 * commands and returns one record per checked command ({@code file, line, command, status, detail}, and
 * {@code json}, the line {@code zvm wasm-spectest --json} prints). Module files are read beside the
 * command file.
 */
public final class SpecTestRootNode extends SuiteRootNode {
    private final Source source;

    public SpecTestRootNode(ZvmLanguage language, Source source) {
        super(language);
        this.source = source;
    }

    @Override
    @TruffleBoundary
    protected Object run(Object[] args) {
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
