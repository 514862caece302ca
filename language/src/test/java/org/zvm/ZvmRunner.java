// SPDX-License-Identifier: Apache-2.0
package org.zvm;

import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.zvm.util.Json;

/** Runs native programs through the polyglot API, as an embedder would. */
final class ZvmRunner implements AutoCloseable {
    static final String CALLER = "0x00000000000000000000000000000000000000c0";
    final Context context;

    ZvmRunner() {
        this(Context.newBuilder(ZvmLanguage.ID));
    }

    ZvmRunner(Context.Builder builder) {
        this.context = builder.build();
    }

    Value deploy(String zasm) {
        return context.eval(Source.newBuilder(ZvmLanguage.ID, zasm, "test.zasm").mimeType(ZvmLanguage.ZASM_MIME).buildLiteral());
    }

    /** Deploys and calls once, committing; returns the parsed {@code --json} object. */
    Map<String, Object> run(String zasm, String calldata, long gas) {
        return call(deploy(zasm), calldata, gas);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> call(Value contract, String calldata, long gas) {
        Value result = contract.invokeMember("call", calldata, gas, "0x0", CALLER, true);
        return (Map<String, Object>) Json.parse(result.getMember("json").asString());
    }

    @Override
    public void close() {
        context.close();
    }
}
