// SPDX-License-Identifier: Apache-2.0
package org.zvm.trace;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;
import org.zvm.abi.AbiException;

import com.oracle.truffle.api.Option;
import com.oracle.truffle.api.instrumentation.SourceSectionFilter;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.TruffleInstrument;

/**
 * The call tracer ({@code --zvm-calltrace}, the launcher's {@code --trace=calls}): the tree of calls a
 * transaction made, in the style of {@code forge test -vvvv}, printed on the error stream when the
 * transaction's entry frame ends. An instrument on the contract body ({@code RootBodyTag}), so nodes hold
 * no tracing code. With {@code --zvm-calltrace.Abi} (solc JSON ABIs) functions, arguments and results
 * are shown by name and value, and the logs each call emitted as decoded events.
 */
@TruffleInstrument.Registration(id = CallTraceInstrument.ID, name = "ZVM call tracer", version = "0.1.0")
public final class CallTraceInstrument extends TruffleInstrument {
    public static final String ID = "zvm-calltrace";

    @Option(name = "", help = "Print the tree of calls of each transaction on the error stream.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    static final OptionKey<Boolean> ENABLED = new OptionKey<>(false);

    @Option(name = "Abi", help = "Comma-separated solc JSON ABI files: calls, arguments and results are shown by name.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    static final OptionKey<String> ABI_FILES = new OptionKey<>("");

    @Override
    protected void onCreate(Env env) {
        if (env.getOptions().get(ENABLED)) {
            PrintStream err = new PrintStream(env.err(), true);
            CallTree tree = new CallTree(err, abi(env.getOptions().get(ABI_FILES), err));
            SourceSectionFilter filter = SourceSectionFilter.newBuilder().tagIs(StandardTags.RootBodyTag.class).build();
            env.getInstrumenter().attachExecutionEventFactory(filter, context -> new CallTraceNode(tree));
        }
    }

    /** The ABIs named by the option; one that cannot be read is reported and left out. */
    private static Abi abi(String files, PrintStream err) {
        List<String> texts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String file : files.split(",")) {
            if (file.isBlank()) {
                continue;
            }
            String name = file.strip();
            try {
                String text = Files.readString(Path.of(name), StandardCharsets.UTF_8);
                Abi.of(List.of(text), List.of(name));
                texts.add(text);
                names.add(name);
            } catch (IOException | AbiException e) {
                err.println("zvm: note: ABI " + name + " ignored: " + e.getMessage());
            }
        }
        return Abi.of(texts, names);
    }

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return new CallTraceInstrumentOptionDescriptors();
    }
}
