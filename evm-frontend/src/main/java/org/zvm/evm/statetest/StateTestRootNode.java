// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.statetest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.zvm.ZvmContext;
import org.zvm.ZvmLanguage;
import org.zvm.evm.Fork;
import org.zvm.runtime.InteropArray;
import org.zvm.runtime.InteropRecord;
import org.zvm.runtime.SuiteRootNode;
import org.zvm.runtime.ZvmNull;
import org.zvm.util.Json;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.UnsupportedTypeException;

/**
 * Evaluating a state test file returns an executable: called with an optional regular expression a test
 * name must contain, it runs the file's cases for the context's fork and returns them as an array of
 * records ({@code file, test, fork, data, gas, value, pass, expectedHash, actualHash, error}, and
 * {@code json}, the line {@code zvm statetest --json} prints).
 */
public final class StateTestRootNode extends SuiteRootNode {
    private final List<StateTest> tests;
    private final Fork fork;

    public StateTestRootNode(ZvmLanguage language, List<StateTest> tests, Fork fork) {
        super(language);
        this.tests = tests;
        this.fork = fork;
    }

    @Override
    protected Object run(Object[] args) throws UnsupportedTypeException {
        if (args.length > 1 || args.length == 1 && !(args[0] instanceof String)) {
            throw UnsupportedTypeException.create(args, "expected an optional test name filter (a regular expression string)");
        }
        return run(ZvmContext.get(this), args.length == 0 ? "" : (String) args[0]);
    }

    @TruffleBoundary
    private Object run(ZvmContext context, String filter) {
        Pattern pattern = Pattern.compile(filter);
        List<Object> out = new ArrayList<>();
        for (StateTest test : tests) {
            if (!pattern.matcher(test.name()).find()) {
                continue;
            }
            for (StateTestRunner.CaseResult r : StateTestRunner.run(context, test, fork)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", r.file());
                m.put("test", r.test());
                m.put("fork", r.fork());
                m.put("data", r.data());
                m.put("gas", r.gas());
                m.put("value", r.value());
                m.put("pass", r.pass());
                m.put("expectedHash", r.expectedHash());
                m.put("actualHash", r.actualHash() == null ? ZvmNull.INSTANCE : r.actualHash());
                m.put("error", r.error() == null ? ZvmNull.INSTANCE : r.error());
                m.put("json", Json.write(StateTestRunner.json(r)));
                out.add(new InteropRecord(m));
            }
        }
        return new InteropArray(out.toArray());
    }
}
