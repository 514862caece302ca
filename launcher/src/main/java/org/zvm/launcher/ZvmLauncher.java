// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.graalvm.launcher.AbstractLanguageLauncher;
import org.graalvm.options.OptionCategory;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.zvm.abi.AbiException;
import org.zvm.abi.ContractAbi;
import org.zvm.error.ZvmParseException;

/**
 * The {@code zvm} command. Built on {@link AbstractLanguageLauncher} so that every GraalVM option
 * ({@code --engine.*}, {@code --inspect}, {@code --cpusampler}, {@code --log.file}, {@code --help:tools}, ...)
 * works anywhere on the command line without the launcher knowing about it: {@link Arguments} keeps what it
 * does not recognise and hands it to the polyglot option parser.
 *
 * <p>
 * Contracts run only through the polyglot API (the protocol is the contract object's {@code call} member and
 * its result object, see {@link CallResult}); the assembler, disassembler and gas schedule are plain Java,
 * reached through {@link Tools}.
 *
 * <p>
 * Exit status: 0 success, 1 revert or exceptional halt, 2 bad input or usage (one {@code zvm: ...} line, never
 * a stack trace), 70 a bug in zvm (stack trace printed).
 */
public final class ZvmLauncher extends AbstractLanguageLauncher {
    static final String LANGUAGE_ID = "zvm";
    static final String VERSION = "0.1.0";
    static final String STATE_DIR_OPTION = "zvm.StateDir";
    static final String FORK_OPTION = "zvm.Fork";

    static final int EXIT_SUCCESS = 0;
    static final int EXIT_USAGE = 2;
    /** EX_SOFTWARE from sysexits.h: the fault is in zvm, not in the input. */
    static final int EXIT_INTERNAL = 70;

    private Arguments arguments;
    /** Set by the {@code --timeout} guard when it cancels the context, so the cancellation reads as a timeout. */
    private volatile boolean timedOut;
    /** The operands of {@code abi}, {@code selector} and {@code soroban}, taken whole (see {@link AbiCommands}, {@link SorobanInvoke}). */
    private List<String> rawWords;

    public static void main(String[] args) {
        new ZvmLauncher().launch(args);
    }

    @Override
    protected String getLanguageId() {
        return LANGUAGE_ID;
    }

    /** zvm is a JVM program started by a script: no native image, no GraalVM distribution to switch to. */
    @Override
    protected VMType getDefaultVMType() {
        return VMType.JVM;
    }

    /** Keeps {@code --jvm} and {@code --polyglot}, which mean nothing here, out of {@code --help}. */
    @Override
    protected boolean isStandalone() {
        return true;
    }

    /**
     * Parses and validates our own arguments, then runs the polyglot option parser on the rest right here so
     * that its complaints, too, come out as one {@code zvm: ...} line with exit 2 instead of the base
     * launcher's "ERROR:" and exit 1. What it accepts (options, log file, help flags) is kept by the base
     * class, so nothing is left for it to parse afterwards.
     */
    @Override
    protected List<String> preprocessArguments(List<String> args, Map<String, String> polyglotOptions) {
        if (Arguments.wantsHelp(args)) {
            return Arguments.helpArguments(args);
        }
        if (args.contains("--version")) {
            printVersion();
            throw exit(EXIT_SUCCESS);
        }
        try {
            Command first = args.isEmpty() ? null : Command.byWord(args.getFirst());
            if (first == Command.ABI || first == Command.SELECTOR || first == Command.SOROBAN) {
                rawWords = List.copyOf(args.subList(1, args.size()));
                arguments = Arguments.parse(List.of(first.word));
                return List.of();
            }
            arguments = Arguments.parse(args);
        } catch (UsageException e) {
            throw usage(e.getMessage());
        }
        try {
            parseUnrecognizedOptions(getLanguageId(), polyglotOptions, arguments.passthrough());
        } catch (AbortException e) {
            if (e.getMessage() == null) {
                throw e;
            }
            throw usage(e.getMessage().strip().lines().findFirst().orElse("invalid option"));
        }
        return List.of();
    }

    /** Runs after the GraalVM launcher actions (such as {@code --version:graalvm}) had their chance. */
    @Override
    protected void validateArguments(Map<String, String> polyglotOptions) {
        if (arguments == null || arguments.command() == null) {
            throw usage(Arguments.missingCommand().getMessage());
        }
    }

    @Override
    protected AbortException abortUnrecognizedArgument(String argument) {
        return usage(argument + ": unknown option (see zvm --help)");
    }

    @Override
    protected void launch(Context.Builder builder) {
        int status;
        try {
            status = switch (arguments.command()) {
                case RUN -> run(builder);
                case BENCH -> bench(builder);
                case ASM -> asm();
                case DISASM -> disasm();
                case GAS_SCHEDULE -> gasSchedule();
                case STATETEST -> stateTests(builder);
                case KEYGEN -> Signing.keygen(arguments.options(), getOutput());
                case SIGN -> Signing.sign(arguments.options());
                case VERIFY -> Signing.verify(arguments.file(), arguments.options(), getOutput());
                case WASM_SPECTEST -> wasmSpecTests(builder);
                case ABI, SELECTOR -> abi();
                case STEP -> step(builder);
                case SOROBAN -> soroban(builder);
                case CALL -> call(builder);
            };
        } catch (UsageException e) {
            status = fail(e.getMessage(), EXIT_USAGE);
        } catch (ZvmParseException e) {
            String message = e.line() >= 0 ? e.getMessage() : arguments.file() + ": " + e.getMessage();
            status = fail(message, EXIT_USAGE);
        } catch (PolyglotException e) {
            status = polyglotFailure(e);
        } catch (IncompleteInstallation e) {
            status = fail(e.getMessage(), EXIT_INTERNAL);
        } catch (AbortException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            status = internalError(e);
        }
        getOutput().flush();
        getError().flush();
        throw exit(status);
    }

    private int run(Context.Builder builder) throws UsageException {
        Source source = source(arguments.file(), arguments.format());
        if (arguments.invoke() != null) {
            try (Context context = open(builder)) {
                return new WasmInvoke(getOutput(), getError(), arguments.json()).run(wasmCall(context, source));
            }
        }
        try (Context context = open(builder)) {
            Value contract = deploy(context, source);
            CallResult result = CallResult.from(contract.invokeMember(member(), callArguments(true)));
            getOutput().println(arguments.json() ? result.json() : Report.summary(result));
            return result.exitCode();
        }
    }

    /** One call through the contract's ABI (see {@link AbiCall}). */
    private int call(Context.Builder builder) throws UsageException {
        Source source = source(arguments.file(), arguments.format());
        try (Context context = open(builder)) {
            return new AbiCall(getOutput(), getError(), arguments).run(deploy(context, source));
        }
    }

    /** One call under {@link Stepper}, which reads its commands from standard input. */
    private int step(Context.Builder builder) throws UsageException {
        Source source = source(arguments.file(), arguments.format());
        try (Context context = open(builder)) {
            Value contract = deploy(context, source);
            getOutput().println(Stepper.HELP);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            try (Stepper stepper = new Stepper(context.getEngine(), in, getOutput())) {
                CallResult result = CallResult.from(contract.invokeMember(member(), callArguments(true)));
                getOutput().println(Report.summary(result));
                return result.exitCode();
            } catch (PolyglotException e) {
                if (e.isCancelled()) {
                    getOutput().println("stopped");
                    return 1;
                }
                throw e;
            }
        }
    }

    /** Every execution sees the same state because each call is rolled back ({@code commit=false}). */
    private int bench(Context.Builder builder) throws UsageException {
        if (arguments.suite() != null) {
            return benchSuite(builder);
        }
        Source source = source(arguments.file(), arguments.format());
        if (arguments.invoke() != null) {
            return benchWasm(builder, source);
        }
        try (Context context = open(builder)) {
            Value contract = deploy(context, source);
            Object[] callArguments = callArguments(false);
            CallResult first = CallResult.from(contract.invokeMember(member(), callArguments));
            if (first.exitCode() != EXIT_SUCCESS) {
                note("the call ends with " + first.status() + (first.reason() == null ? "" : " (" + first.reason() + ")") + "; measuring it anyway");
            }
            Bench.Measurement m = measure(gasUsed(contract, member(), callArguments), Bench.MAX_EXTRA_WARMUP_NANOS, "");
            getOutput().println(arguments.json() ? Report.benchJson(m) : Report.benchText(m));
            return first.exitCode();
        }
    }

    /**
     * A WASM export, timed as a contract is but without gas: the first call's results are printed with the
     * timing so that a benchmark script can check them; a first call that traps ends the command (exit 1).
     */
    private int benchWasm(Context.Builder builder, Source source) throws UsageException {
        try (Context context = open(builder)) {
            WasmInvoke.Call call = wasmCall(context, source);
            String result = String.join(" ", call.typed(call.execute()));
            Bench.Measurement m = measure(() -> {
                call.execute();
                return 0;
            }, Bench.MAX_EXTRA_WARMUP_NANOS, "");
            getOutput().println(arguments.json() ? Report.wasmBenchJson(m, result) : Report.wasmBenchText(m, result));
            return EXIT_SUCCESS;
        }
    }

    private WasmInvoke.Call wasmCall(Context context, Source source) throws UsageException {
        return WasmInvoke.call(deploy(context, source), arguments.invoke(), arguments.invokeArguments());
    }

    /**
     * All cases run in one context, each deployed in turn at the same address: the engine, its compiled code
     * and its compiler threads are shared as they would be in a node that runs many contracts. A case whose
     * first call fails is still measured, so the table stays complete, and the exit status is 1.
     */
    private int benchSuite(Context.Builder builder) throws UsageException {
        List<BenchSuite.Case> cases = BenchSuite.read(arguments.suite());
        int width = Report.caseWidth(cases);
        PrintStream out = getOutput();
        List<BenchSuite.Result> results = new ArrayList<>();
        try (Context context = open(builder)) {
            if (!arguments.json()) {
                out.println(Report.suiteHeader(width));
            }
            for (BenchSuite.Case c : cases) {
                Value contract = deploy(context, source(c.codeFile(), Format.EVM, c.code()));
                Object[] callArguments = {c.calldata(), arguments.gas(), arguments.value(), arguments.caller(), false};
                String failure = BenchSuite.failure(c, CallResult.from(contract.invokeMember("call", callArguments)));
                if (failure != null) {
                    getError().println("zvm: " + c.name() + ": " + failure);
                }
                Bench.Measurement m = measure(gasUsed(contract, "call", callArguments), BenchSuite.MAX_EXTRA_WARMUP_NANOS, c.name() + ": ");
                BenchSuite.Result r = new BenchSuite.Result(c.name(), m, BenchSuite.status(c, failure));
                results.add(r);
                out.println(arguments.json() ? Report.suiteCaseJson(r) : Report.suiteRow(r, width));
                out.flush();
            }
        }
        out.println(arguments.json() ? Report.suiteSummaryJson(results) : Report.suiteSummary(results, width));
        return results.stream().anyMatch(BenchSuite.Result::failed) ? 1 : EXIT_SUCCESS;
    }

    /** Warms up and measures one call; the notes (prefixed with the case name in a suite) say when to doubt the numbers. */
    private Bench.Measurement measure(Bench.Execution execution, long maxExtraWarmupNanos, String prefix) {
        Bench bench = new Bench(execution, System::nanoTime, maxExtraWarmupNanos);
        Bench.Measurement m = bench.run(arguments.warmup(), arguments.seconds());
        if (!m.stable()) {
            note(prefix + "time per execution did not settle during warm-up; the numbers may include compilation");
        }
        if (m.gasVaried()) {
            note(prefix + "gasUsed differed between executions; reporting the last");
        }
        return m;
    }

    private static Bench.Execution gasUsed(Value contract, String member, Object[] callArguments) {
        return () -> contract.invokeMember(member, callArguments).getMember("gasUsed").asLong();
    }

    private int asm() throws UsageException {
        Path in = arguments.file();
        String text = utf8(in, read(in));
        byte[] code = Tools.assemble(text, in.getFileName().toString());
        Path out = arguments.output();
        byte[] bytes = Format.byExtension(out) == Format.ZVMC ? Tools.wrapContainer(code, companionAbi(in)) : code;
        try {
            Files.write(out, bytes);
        } catch (IOException e) {
            throw new UsageException(out + ": cannot write: " + reason(e));
        }
        return EXIT_SUCCESS;
    }

    /**
     * The ABI JSON beside {@code in} ({@code X.abi}, then {@code X.abi.json}), checked as the language will
     * read it, so a container carries its ABI as a compiler's does; empty when there is none.
     */
    private static String companionAbi(Path in) throws UsageException {
        for (String candidate : ContractAbi.companionFiles(in.toString())) {
            Path file = Path.of(candidate);
            if (Files.isRegularFile(file)) {
                String json = utf8(file, read(file));
                try {
                    ContractAbi.read(json, file.toString());
                } catch (AbiException e) {
                    throw new UsageException(e.getMessage());
                }
                return json;
            }
        }
        return "";
    }

    private int disasm() throws UsageException {
        byte[] code = read(arguments.file());
        printText(arguments.format() == Format.EVM ? Tools.disassembleEvm(Tools.evmCode(arguments.file(), code), arguments.fork()) : Tools.disassemble(code));
        return EXIT_SUCCESS;
    }

    private int stateTests(Context.Builder builder) throws UsageException {
        List<Path> files = StateTests.files(arguments.paths());
        try (Context context = open(builder)) {
            StateTests runner = new StateTests(getOutput(), getError(), arguments.json(), System.console() != null && !arguments.json());
            return runner.run(context, files, arguments.filter()) ? EXIT_SUCCESS : 1;
        }
    }

    private int wasmSpecTests(Context.Builder builder) throws UsageException {
        List<Path> files = StateTests.files(arguments.paths());
        try (Context context = open(builder)) {
            return new WasmSpecTests(getOutput(), getError(), arguments.json()).run(context, files) ? EXIT_SUCCESS : 1;
        }
    }

    private int soroban(Context.Builder builder) throws UsageException {
        SorobanInvoke invoke = SorobanInvoke.parse(rawWords);
        if (invoke.stateDir() != null) {
            builder.option(STATE_DIR_OPTION, invoke.stateDir().toAbsolutePath().toString());
        }
        try (Context context = open(builder)) {
            return invoke.run(context, getOutput(), getError());
        }
    }

    private int abi() throws UsageException {
        printText(AbiCommands.run(arguments.command(), rawWords));
        return EXIT_SUCCESS;
    }

    private int gasSchedule() {
        printText(Tools.gasSchedule(arguments.json()));
        return EXIT_SUCCESS;
    }

    private Context open(Context.Builder builder) throws UsageException {
        builder.option(FORK_OPTION, arguments.fork());
        if (arguments.stateDir() != null) {
            builder.option(STATE_DIR_OPTION, arguments.stateDir().toAbsolutePath().toString());
        }
        if (arguments.trace() != Trace.NONE) {
            builder.option(arguments.trace().instrumentOption, "true");
        }
        Context context;
        try {
            context = builder.build();
        } catch (IllegalArgumentException e) {
            throw new IncompleteInstallation(e);
        }
        String timeout = arguments.options().get(Option.TIMEOUT);
        if (timeout != null) {
            cancelAfter(context, Arguments.seconds(Option.TIMEOUT, timeout, false));
        }
        return context;
    }

    /**
     * The polyglot API's IllegalArgumentException after the user's options were validated: the language or
     * the trace instrument is missing, or does not declare the options the launcher sets.
     */
    private static final class IncompleteInstallation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IncompleteInstallation(IllegalArgumentException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** {@code create} runs the file as init code ({@code --create}), {@code call} as the contract. */
    private String member() {
        return arguments.create() ? "create" : "call";
    }

    /** The arguments of the contract's {@code call} or {@code create} member, in protocol order. */
    private Object[] callArguments(boolean commit) {
        if (arguments.create()) {
            return new Object[]{arguments.gas(), arguments.value(), arguments.caller(), commit};
        }
        return new Object[]{arguments.calldata(), arguments.gas(), arguments.value(), arguments.caller(), commit};
    }

    /** A guest error while loading is bad code: its message names the offset, so it is all the user needs. */
    private static Value deploy(Context context, Source source) throws UsageException {
        try {
            return context.eval(source);
        } catch (IllegalArgumentException e) {
            throw new IncompleteInstallation(e);
        } catch (PolyglotException e) {
            if (e.isInternalError() || e.isHostException() || e.isExit() || e.isCancelled() || e.isInterrupted()) {
                throw e;
            }
            throw new UsageException(e.getMessage() == null ? "invalid code" : e.getMessage());
        }
    }

    /**
     * The wall-clock guard of {@code --timeout}: cancelling the context stops guest code at its next
     * safepoint (back edges and calls poll), however much gas it was given.
     */
    private void cancelAfter(Context context, double seconds) {
        Thread.ofPlatform().daemon().name("zvm-timeout").start(() -> {
            try {
                Thread.sleep(Duration.ofNanos((long) (seconds * 1e9)));
            } catch (InterruptedException e) {
                return;
            }
            timedOut = true;
            context.close(true);
        });
    }

    private int polyglotFailure(PolyglotException e) {
        if (e.isCancelled() && timedOut) {
            return fail("--timeout: stopped after " + arguments.options().get(Option.TIMEOUT) + " s", 1);
        }
        if (e.isInternalError() || e.isHostException()) {
            return internalError(e);
        }
        if (e.isExit()) {
            return e.getExitStatus();
        }
        return fail(e.getMessage() == null ? "guest error" : e.getMessage(), 1);
    }

    private int internalError(Throwable e) {
        getError().println("zvm: internal error (this is a bug in zvm): " + e);
        e.printStackTrace(getError());
        return EXIT_INTERNAL;
    }

    /**
     * Reads the file and builds the source with an explicit MIME type: bytes for binary formats, strictly
     * decoded UTF-8 for text. The file's path stays on the source for debuggers.
     */
    static Source source(Path file, Format format) throws UsageException {
        return source(file, format, format == Format.EVM ? Tools.evmCode(file, read(file)) : read(file));
    }

    /** The source of code already read (and, for EVM, decoded) from {@code file}. */
    static Source source(Path file, Format format, byte[] bytes) throws UsageException {
        Source.Builder builder = Source.newBuilder(LANGUAGE_ID, file.toFile()).mimeType(format.mimeType);
        if (format.binary) {
            builder.content(ByteSequence.create(bytes));
        } else {
            builder.content(utf8(file, bytes));
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UsageException(file + ": " + reason(e));
        }
    }

    static byte[] read(Path file) throws UsageException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + reason(e));
        }
    }

    static String utf8(Path file, byte[] bytes) throws UsageException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString();
        } catch (CharacterCodingException e) {
            throw new UsageException(file + ": not UTF-8 text");
        }
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void printText(String text) {
        PrintStream out = getOutput();
        out.print(text);
        if (!text.endsWith("\n")) {
            out.println();
        }
    }

    private void note(String message) {
        getError().println("zvm: note: " + message);
    }

    private int fail(String message, int status) {
        getError().println("zvm: " + message);
        return status;
    }

    /** Prints one {@code zvm: ...} line and returns the exit(2) to throw. */
    private AbortException usage(String message) {
        getError().println("zvm: " + message);
        getError().flush();
        return exit(EXIT_USAGE);
    }

    /** Builds a throw-away engine only to learn its implementation name: "GraalVM CE" or "Interpreted". */
    @Override
    protected void printVersion() {
        try (Engine engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            printVersion(engine);
        }
    }

    /**
     * From Maven Central jars the engine reports its version as "Development Build"; the polyglot jar's
     * manifest then still has the real one.
     */
    @Override
    protected void printVersion(Engine engine) {
        String version = engine.getVersion();
        String manifest = Engine.class.getPackage().getImplementationVersion();
        if ((version == null || version.isEmpty() || !Character.isDigit(version.charAt(0))) && manifest != null) {
            version = manifest;
        }
        getOutput().println(versionLine(engine.getImplementationName(), version));
    }

    static String versionLine(String engineName, String engineVersion) {
        return "zvm " + VERSION + " (engine: " + engineName + " " + engineVersion + ", Java " + System.getProperty("java.version") + ")";
    }

    @Override
    protected void printHelp(OptionCategory maxCategory) {
        getOutput().print(helpText());
    }

    @Override
    protected void collectArguments(Set<String> options) {
        super.collectArguments(options);
        for (Option o : Option.values()) {
            options.addAll(o.names);
        }
        options.add("--version");
    }

    /** Usage, commands and options, generated from the {@link Command} and {@link Option} tables. */
    static String helpText() {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: zvm COMMAND [options] [FILE]    (GraalVM options may appear anywhere)\n\n");
        sb.append("Commands:\n");
        for (Command c : Command.values()) {
            String head = c.word + (c.operand == null ? "" : " " + c.operand);
            sb.append(String.format("  %-24s %s%n", head, c.summary));
        }
        sb.append("\nOptions:\n");
        for (Option o : Option.values()) {
            String head = String.join(", ", o.names) + (o.takesValue() ? " " + o.value : "");
            List<String> commands = new ArrayList<>();
            o.commands.forEach(c -> commands.add(c.word));
            sb.append(String.format("  %-24s %s [%s]%n", head, o.help, String.join(", ", commands)));
        }
        sb.append(String.format("  %-24s %s%n", "--help", "print this help"));
        sb.append(String.format("  %-24s %s%n", "--version", "print the zvm and engine versions"));
        sb.append("""

                        Input format: --format, else the extension: .zvmc container, .zasm text, .zvm raw native code.
                        run prints status, reason, gas used and output; --json prints the result's JSON object.
                        call FILE FUNCTION ARG... reads each ARG by the ABI's type (u8..u256, i64, bool, Address,
                          bytes as hex) and prints each result on a line; a revert prints its decoded reason, exit 1.
                        bench warms up for at least --warmup seconds, then until the time per execution of the
                          last three 0.5 s windows agrees within 5% (at most 30 s more), then measures for
                          --seconds; MGas/s = gas used / seconds per execution / 1e6.
                        bench FILE.wasm --invoke EXPORT [ARG...] times a WASM export the same way and prints its result.
                        bench --suite TSV does that for each case (EVM code) in one context, after checking the
                          first call's output against expected.tsv beside TSV; then the geomeans. Exit 1 if a case failed.
                        Exit status: 0 success, 1 revert or exceptional halt, 2 bad input or usage, 70 zvm bug.
                        keygen, sign, verify: key files and .zsig signatures (docs/zsig.md); verify exits 1
                          when the signature does not match the payload.
                        GraalVM options: --engine.*, --inspect[=PORT], --cpusampler, --log.file=FILE,
                          --experimental-options, --help:tools, --help:languages, --help:expert, ...
                        """);
        return sb.toString();
    }
}
