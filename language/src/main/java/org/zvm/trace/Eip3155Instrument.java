// SPDX-License-Identifier: Apache-2.0
package org.zvm.trace;

import java.io.PrintStream;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;
import org.zvm.debug.InstructionTag;

import com.oracle.truffle.api.Option;
import com.oracle.truffle.api.instrumentation.SourceSectionFilter;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.TruffleInstrument;

/**
 * The EIP-3155 tracer ({@code --zvm-trace}): one JSON line per executed instruction on the error stream,
 * with the fields geth and evmone print, and a summary line when the outermost frame ends. It is an
 * instrument on {@link InstructionTag} (and on the contract body for the summary), so untraced runs pay
 * nothing and nodes hold no tracing code.
 */
@TruffleInstrument.Registration(id = Eip3155Instrument.ID, name = "ZVM EIP-3155 tracer", version = "0.1.0")
public final class Eip3155Instrument extends TruffleInstrument {
    public static final String ID = "zvm-trace";

    @Option(name = "", help = "Print an EIP-3155 JSON line per instruction on the error stream.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    static final OptionKey<Boolean> ENABLED = new OptionKey<>(false);

    @Override
    protected void onCreate(Env env) {
        if (env.getOptions().get(ENABLED)) {
            PrintStream out = new PrintStream(env.err(), true);
            SourceSectionFilter filter = SourceSectionFilter.newBuilder().tagIs(InstructionTag.class).build();
            env.getInstrumenter().attachExecutionEventFactory(filter, context -> new Eip3155Node(context, out));
            SourceSectionFilter roots = SourceSectionFilter.newBuilder().tagIs(StandardTags.RootBodyTag.class).build();
            env.getInstrumenter().attachExecutionEventFactory(roots, context -> new Eip3155SummaryNode(out));
        }
    }

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return new Eip3155InstrumentOptionDescriptors();
    }
}
