// SPDX-License-Identifier: Apache-2.0
package org.zvm.trace;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;
import org.zvm.debug.InstructionTag;
import org.zvm.nodes.ZvmInstructionNode;

import com.oracle.truffle.api.Option;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.ExecutionEventNode;
import com.oracle.truffle.api.instrumentation.SourceSectionFilter;
import com.oracle.truffle.api.instrumentation.TruffleInstrument;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * Contract coverage ({@code --zvm-coverage}, the launcher's {@code --coverage}): how often each source
 * line's instructions ran, for every contract loaded, printed on the error stream when the context
 * closes, with a summary per source. GraalVM's own coverage tool is not published on Maven Central for
 * Truffle 25.0.3, so zvm counts on its own {@link InstructionTag}: every instruction is known when its
 * contract is loaded (so code that never ran is reported), and counted when it runs.
 */
@TruffleInstrument.Registration(id = CoverageInstrument.ID, name = "ZVM coverage", version = "0.1.0")
public final class CoverageInstrument extends TruffleInstrument {
    public static final String ID = "zvm-coverage";

    @Option(name = "", help = "Print per-line instruction coverage of every contract when the context closes.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    static final OptionKey<Boolean> ENABLED = new OptionKey<>(false);

    /** An instruction: its section and offset (Solidity instructions share sections; split copies share both). */
    private record Instruction(SourceSection section, int pc) {
    }

    /** Executions per instruction. */
    private final Map<Instruction, long[]> counts = new LinkedHashMap<>();
    private PrintStream err;

    @Override
    protected void onCreate(Env env) {
        if (!env.getOptions().get(ENABLED)) {
            return;
        }
        err = new PrintStream(env.err(), true);
        SourceSectionFilter filter = SourceSectionFilter.newBuilder().tagIs(InstructionTag.class).sourceSectionAvailableOnly(true).build();
        env.getInstrumenter().attachLoadSourceSectionListener(filter, event -> counter(event.getNode()), true);
        env.getInstrumenter().attachExecutionEventFactory(filter, context -> new Counter(counter(context.getInstrumentedNode())));
    }

    private synchronized long[] counter(Node node) {
        return counts.computeIfAbsent(new Instruction(node.getSourceSection(), ((ZvmInstructionNode) node).pc()), k -> new long[1]);
    }

    /** Counts one instruction's executions. */
    private static final class Counter extends ExecutionEventNode {
        private final long[] count;

        Counter(long[] count) {
            this.count = count;
        }

        @Override
        protected void onEnter(VirtualFrame frame) {
            count[0]++;
        }
    }

    @Override
    protected void onDispose(Env env) {
        if (err != null) {
            err.print(report());
            err.flush();
        }
    }

    /** Per source: each line with instructions, the most any of them ran ("#####" when none did), and totals. */
    synchronized String report() {
        Map<Source, TreeMap<Integer, long[]>> bySource = new LinkedHashMap<>();
        for (Map.Entry<Instruction, long[]> e : counts.entrySet()) {
            SourceSection s = e.getKey().section();
            // per line: {instructions, instructions run, most executions}
            long[] line = bySource.computeIfAbsent(s.getSource(), k -> new TreeMap<>()).computeIfAbsent(s.getStartLine(), k -> new long[3]);
            line[0]++;
            line[1] += e.getValue()[0] > 0 ? 1 : 0;
            line[2] = Math.max(line[2], e.getValue()[0]);
        }
        List<Source> sources = new ArrayList<>(bySource.keySet());
        sources.sort(Comparator.comparing(Source::getName));
        StringBuilder sb = new StringBuilder("Coverage:\n");
        for (Source source : sources) {
            TreeMap<Integer, long[]> lines = bySource.get(source);
            long instructions = 0;
            long run = 0;
            long linesRun = 0;
            for (long[] l : lines.values()) {
                instructions += l[0];
                run += l[1];
                linesRun += l[2] > 0 ? 1 : 0;
            }
            sb.append(String.format(Locale.ROOT, "%s: %d of %d lines, %d of %d instructions (%.1f%%)%n", source.getName(), linesRun, lines.size(), run,
                            instructions, 100.0 * run / instructions));
            for (Map.Entry<Integer, long[]> e : lines.entrySet()) {
                long hits = e.getValue()[2];
                String text = source.getCharacters(e.getKey()).toString().strip();
                sb.append(String.format(Locale.ROOT, "%10s %5d | %s%n", hits == 0 ? "#####" : Long.toString(hits), e.getKey(), text));
            }
        }
        return sb.toString();
    }

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return new CoverageInstrumentOptionDescriptors();
    }
}
