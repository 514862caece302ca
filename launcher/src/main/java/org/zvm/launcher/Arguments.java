// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.zvm.evm.Fork;
import org.zvm.util.Hex;

/**
 * One parsed and fully validated command line. Everything a user can get wrong is checked here, before any
 * engine starts, so a typo costs milliseconds and always ends in one {@code zvm: ...} line with exit 2.
 * Values are normalised to what the language's {@code call} member takes: hex strings with {@code 0x}.
 *
 * @param command null when the line holds only GraalVM options (such as {@code --version:graalvm})
 * @param suite the cases.tsv of {@code bench --suite}, or null; then {@code file} is null
 * @param passthrough arguments that are not ours, in order: they go to the GraalVM option parser
 * @param options every launcher option given, with its raw value ("true" for a flag), for the commands
 *            that check their own values (keygen, sign, verify)
 * @param invoke the export {@code run --invoke} calls in a .wasm module, or null
 * @param invokeArguments its typed arguments ({@code i32:7}), checked by {@link WasmInvoke#parse}
 */
record Arguments(Command command, Path file, Path suite, Format format, String calldata, long gas, String value, String caller,
                String fork, Path stateDir, boolean create, Trace trace, boolean json, double seconds, double warmup, Path output,
                List<Path> paths, String filter, List<String> passthrough, Map<Option, String> options, String invoke, List<String> invokeArguments) {

    /** Enough for any realistic single call, small enough that a runaway loop ends within seconds. */
    static final long DEFAULT_GAS = 10_000_000L;
    /** A fixed, recognisable caller so runs are reproducible; 0xc0 reads as "caller". */
    static final String DEFAULT_CALLER = "0x00000000000000000000000000000000000000c0";
    static final int DEFAULT_SECONDS = 10;
    /** Long enough for the first Graal compilations of a typical contract on two busy cores. */
    static final int DEFAULT_WARMUP = 5;
    /** Far above any benchmark's need (snailtracer uses 235M), yet no sum of two limits overflows a long. */
    static final long SUITE_GAS = 1L << 62;
    /** Short enough that a suite of 27 cases takes 2 to 3 minutes; the stability rule still applies. */
    static final int SUITE_SECONDS = 2;
    static final int SUITE_WARMUP = 2;

    /** The forks {@code --fork} takes, for help and messages. */
    static final String FORKS = Arrays.stream(Fork.values()).map(Fork::displayName).collect(Collectors.joining("|"));

    /** The language's coverage instrument (GraalVM's coverage tool is not on Maven Central for 25.0.3). */
    static final String COVERAGE_INSTRUMENT = "zvm-coverage";

    private static final BigInteger MAX_U256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    /** True when the user asked for any help page; those are printed by the base launcher. */
    static boolean wantsHelp(List<String> args) {
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.startsWith("--help:")) {
                return true;
            }
        }
        return !args.isEmpty() && args.getFirst().equals("help");
    }

    /** The arguments the base launcher needs to print the requested help pages. */
    static List<String> helpArguments(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (a.equals("-h") || a.equals("help")) {
                out.add("--help");
            } else if (a.equals("--help") || a.startsWith("--help:") || a.startsWith("--experimental-options")) {
                out.add(a);
            }
        }
        if (out.stream().noneMatch(a -> a.startsWith("--help"))) {
            out.add("--help");
        }
        return out;
    }

    static Arguments parse(List<String> args) throws UsageException {
        Map<Option, String> given = new EnumMap<>(Option.class);
        List<String> positional = new ArrayList<>();
        List<String> passthrough = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            Option option = Option.match(arg);
            if (option != null) {
                int eq = arg.indexOf('=');
                if (!option.takesValue()) {
                    if (eq >= 0 && option != Option.TRACE) {
                        throw new UsageException(arg.substring(0, eq) + ": takes no value");
                    }
                    given.put(option, eq >= 0 ? arg.substring(eq + 1) : "true");
                } else if (eq >= 0) {
                    given.put(option, arg.substring(eq + 1));
                } else if (i + 1 < args.size()) {
                    given.put(option, args.get(++i));
                } else {
                    throw new UsageException(arg + ": missing " + option.value);
                }
            } else if (arg.length() > 1 && arg.startsWith("-")) {
                passthrough.add(arg);
            } else {
                positional.add(arg);
            }
        }

        if (positional.isEmpty()) {
            if (!given.isEmpty()) {
                throw missingCommand();
            }
            // Only GraalVM options, e.g. --version:graalvm: the launcher calls missingCommand() if none acts.
            return new Arguments(null, null, null, null, "0x", DEFAULT_GAS, "0x0", DEFAULT_CALLER, Fork.CANCUN.displayName(), null, false, Trace.NONE, false,
                            DEFAULT_SECONDS, DEFAULT_WARMUP, null, List.of(), "", List.copyOf(passthrough), Map.of(), null, List.of());
        }
        Command command = Command.byWord(positional.getFirst());
        if (command == null) {
            throw new UsageException("unknown command '" + positional.getFirst() + "' (" + Command.words() + "; see zvm --help)");
        }
        boolean suite = command == Command.BENCH && given.containsKey(Option.SUITE);
        int expected = command.operand == null || suite ? 0 : 1;
        if (positional.size() - 1 < expected) {
            throw new UsageException(command.word + ": missing " + command.operand);
        }
        boolean many = command.operand != null && command.operand.endsWith("...");
        if (suite && positional.size() > 1) {
            throw new UsageException("bench: give FILE or --suite, not both");
        }
        String invoke = given.get(Option.INVOKE);
        List<String> invokeArguments = List.of();
        if (invoke != null && positional.size() - 1 > expected) {
            invokeArguments = List.copyOf(positional.subList(expected + 1, positional.size()));
            for (String a : invokeArguments) {
                WasmInvoke.parse(a);
            }
            positional = positional.subList(0, expected + 1);
        }
        if (positional.size() - 1 > expected && !many) {
            throw new UsageException(command.word + ": unexpected argument '" + positional.get(expected + 1) + "'");
        }
        for (Option o : given.keySet()) {
            if (!o.commands.contains(command)) {
                throw new UsageException(o.display() + ": not an option of '" + command.word + "'");
            }
            if (suite && !withSuite(o)) {
                throw new UsageException(o.display() + ": not an option of 'bench --suite' (each case brings its own code and calldata)");
            }
            if (given.containsKey(Option.INVOKE) && !withInvoke(o)) {
                throw new UsageException(o.display() + ": not an option of 'run --invoke' (a WASM module is no contract)");
            }
        }

        String calldata = given.containsKey(Option.CALLDATA) ? calldata(given.get(Option.CALLDATA)) : "0x";
        long gas = given.containsKey(Option.GAS) ? gas(given.get(Option.GAS)) : suite ? SUITE_GAS : DEFAULT_GAS;
        String value = given.containsKey(Option.VALUE) ? value(given.get(Option.VALUE)) : "0x0";
        String caller = given.containsKey(Option.CALLER) ? caller(given.get(Option.CALLER)) : DEFAULT_CALLER;
        String fork = given.containsKey(Option.FORK) ? fork(given.get(Option.FORK)) : Fork.CANCUN.displayName();
        Path stateDir = given.containsKey(Option.STATE) ? stateDir(given.get(Option.STATE)) : null;
        Format forced = given.containsKey(Option.FORMAT) ? format(given.get(Option.FORMAT)) : null;
        double seconds = given.containsKey(Option.SECONDS) ? seconds(Option.SECONDS, given.get(Option.SECONDS), false) : suite ? SUITE_SECONDS : DEFAULT_SECONDS;
        double warmup = given.containsKey(Option.WARMUP) ? seconds(Option.WARMUP, given.get(Option.WARMUP), true) : suite ? SUITE_WARMUP : DEFAULT_WARMUP;
        Trace trace = given.containsKey(Option.TRACE) ? Trace.parse(given.get(Option.TRACE)) : Trace.NONE;
        if (given.containsKey(Option.ABI) && trace != Trace.CALLS) {
            throw new UsageException("--abi: names calls in --trace=calls only");
        }
        boolean create = given.containsKey(Option.CREATE);
        if (create && given.containsKey(Option.CALLDATA)) {
            throw new UsageException("--create: init code takes no --calldata");
        }
        boolean json = given.containsKey(Option.JSON);

        String filter = given.containsKey(Option.FILTER) ? filter(given.get(Option.FILTER)) : "";
        List<Path> paths = new ArrayList<>();
        Path file = null;
        Path suiteFile = suite ? existingFile(given.get(Option.SUITE)) : null;
        Format format = null;
        Path output = null;
        if (many) {
            for (String p : positional.subList(1, positional.size())) {
                paths.add(existing(p));
            }
        } else if (command.operand != null && !suite) {
            String name = positional.get(1);
            file = existingFile(name);
            if (command == Command.ASM) {
                output = given.containsKey(Option.OUTPUT) ? output(given.get(Option.OUTPUT)) : defaultOutput(file);
            } else if (command != Command.VERIFY) {
                format = forced != null ? forced : Format.byExtension(file);
                if (format == null) {
                    throw new UsageException(name + ": unknown file type; use --format " + Format.choices());
                }
                if (command == Command.DISASM && !format.binary) {
                    throw new UsageException(name + ": disasm reads .zvmc or .zvm code, not " + format.id + " text");
                }
                if ((format == Format.WASM) != (invoke != null) && command == Command.RUN) {
                    throw new UsageException(invoke == null ? name + ": a .wasm module runs with --invoke EXPORT" : "--invoke: " + name + " is not a .wasm module");
                }
            }
        }
        passthrough.addAll(sourceMapOptions(given));
        if (given.containsKey(Option.COVERAGE)) {
            passthrough.add("--" + COVERAGE_INSTRUMENT);
        }
        if (given.containsKey(Option.ABI)) {
            passthrough.add("--zvm-calltrace.Abi=" + absolutePaths(given.get(Option.ABI)));
        }
        return new Arguments(command, file, suiteFile, format, calldata, gas, value, caller, fork, stateDir, create, trace, json, seconds, warmup,
                        output, List.copyOf(paths), filter, List.copyOf(passthrough), Map.copyOf(given), invoke, invokeArguments);
    }

    /**
     * {@code --source-map} and {@code --sources} as the language options they stand for, with absolute
     * paths; each file must exist.
     */
    private static List<String> sourceMapOptions(Map<Option, String> given) throws UsageException {
        if (given.containsKey(Option.SOURCE_MAP) != given.containsKey(Option.SOURCES)) {
            throw new UsageException(given.containsKey(Option.SOURCE_MAP) ? "--source-map: needs --sources A.sol[,B.sol]" : "--sources: needs --source-map FILE");
        }
        if (!given.containsKey(Option.SOURCE_MAP)) {
            return List.of();
        }
        return List.of("--zvm.SourceMap=" + existingFile(given.get(Option.SOURCE_MAP)).toAbsolutePath(), "--zvm.Sources=" + absolutePaths(given.get(Option.SOURCES)));
    }

    /** A comma-separated list of existing files, each made absolute. */
    private static String absolutePaths(String list) throws UsageException {
        List<String> paths = new ArrayList<>();
        for (String name : list.split(",")) {
            paths.add(existingFile(name.strip()).toAbsolutePath().toString());
        }
        return String.join(",", paths);
    }

    /**
     * Each case of a suite brings its own code and calldata, and a trace or a durable state of 27 benchmarks
     * is no use, so these options would only be ambiguous with {@code --suite}. (A switch rather than a set:
     * {@link Option}'s initialiser reads this class's constants.)
     */
    private static boolean withSuite(Option o) {
        return switch (o) {
            case CALLDATA, FORMAT, CREATE, STATE, TRACE -> false;
            default -> true;
        };
    }

    /** A WASM export is called with typed arguments only: no call data, value, caller, state, trace or gas limit. */
    private static boolean withInvoke(Option o) {
        return switch (o) {
            case INVOKE, JSON, FORMAT -> true;
            default -> false;
        };
    }

    static UsageException missingCommand() {
        return new UsageException("missing command (" + Command.words() + "; see zvm --help)");
    }

    /** Hex bytes, {@code 0x} optional, normalised to lower case with {@code 0x}. */
    static String calldata(String s) throws UsageException {
        String digits = Hex.strip(s);
        if (!isHex(digits)) {
            throw new UsageException("--calldata: not hex: '" + s + "'");
        }
        if (digits.length() % 2 != 0) {
            throw new UsageException("--calldata: odd number of hex digits");
        }
        return "0x" + digits.toLowerCase(Locale.ROOT);
    }

    static long gas(String s) throws UsageException {
        BigInteger n = number("--gas", s);
        if (n.bitLength() > 63) {
            throw new UsageException("--gas: too large (at most " + Long.MAX_VALUE + ")");
        }
        return n.longValueExact();
    }

    /** A 256-bit unsigned value, decimal or {@code 0x}-hex, as the {@code 0x}-hex string the call takes. */
    static String value(String s) throws UsageException {
        BigInteger n = number("--value", s);
        if (n.compareTo(MAX_U256) > 0) {
            throw new UsageException("--value: larger than 2^256-1");
        }
        return "0x" + n.toString(16);
    }

    static String caller(String s) throws UsageException {
        String digits = Hex.strip(s);
        if (digits.length() != 40 || !isHex(digits)) {
            throw new UsageException("--caller: not a 20-byte hex address: '" + s + "'");
        }
        return "0x" + digits.toLowerCase(Locale.ROOT);
    }

    static String filter(String s) throws UsageException {
        try {
            java.util.regex.Pattern.compile(s);
            return s;
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new UsageException("--filter: not a regular expression: " + e.getDescription() + " at index " + e.getIndex());
        }
    }

    static String fork(String s) throws UsageException {
        try {
            return Fork.named(s).displayName();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--fork: " + e.getMessage());
        }
    }

    static Format format(String s) throws UsageException {
        Format f = Format.byId(s);
        if (f == null) {
            throw new UsageException("--format: unknown format '" + s + "' (" + Format.choices() + ")");
        }
        return f;
    }

    /** A missing directory is fine (the language creates it); an existing file is not. */
    static Path stateDir(String s) throws UsageException {
        if (s.isEmpty()) {
            throw new UsageException("--state: empty path");
        }
        Path p = path("--state", s);
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new UsageException("--state: not a directory: " + s);
        }
        return p;
    }

    static double seconds(Option option, String s, boolean zeroAllowed) throws UsageException {
        double d;
        try {
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        boolean digitsOnly = s.matches("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");
        if (!digitsOnly || !Double.isFinite(d) || d < 0 || (d == 0 && !zeroAllowed)) {
            String what = zeroAllowed ? "a number of seconds" : "a positive number of seconds";
            throw new UsageException(option.display() + ": not " + what + ": '" + s + "'");
        }
        return d;
    }

    static Path output(String s) throws UsageException {
        Path p = path("-o", s);
        Format f = Format.byExtension(p);
        if (f != Format.ZVMC && f != Format.ZVM) {
            throw new UsageException("-o: " + s + ": name must end in .zvmc (container) or .zvm (raw code)");
        }
        return p;
    }

    /** IN.zasm becomes IN.zvmc next to it; any other name gets .zvmc appended. */
    static Path defaultOutput(Path in) {
        String name = in.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(Format.ZASM.extension)
                        ? name.substring(0, name.length() - Format.ZASM.extension.length())
                        : name;
        return in.resolveSibling(base + Format.ZVMC.extension);
    }

    /** A file or directory that exists. */
    private static Path existing(String name) throws UsageException {
        Path p = path(name, name);
        if (!Files.exists(p)) {
            throw new UsageException(name + ": no such file or directory");
        }
        return p;
    }

    static Path existingFile(String name) throws UsageException {
        Path p = path(name, name);
        if (!Files.exists(p)) {
            throw new UsageException(name + ": no such file");
        }
        if (Files.isDirectory(p)) {
            throw new UsageException(name + ": is a directory");
        }
        if (!Files.isReadable(p)) {
            throw new UsageException(name + ": not readable");
        }
        return p;
    }

    static Path path(String what, String s) throws UsageException {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new UsageException(what + ": invalid path: " + e.getReason());
        }
    }

    /** Decimal digits, or {@code 0x} and hex digits; never a sign. */
    private static BigInteger number(String option, String s) throws UsageException {
        if (s.startsWith("-")) {
            throw new UsageException(option + ": must not be negative: '" + s + "'");
        }
        String digits = Hex.strip(s);
        boolean hex = digits.length() != s.length();
        boolean ok = !digits.isEmpty() && (hex ? isHex(digits) : digits.chars().allMatch(c -> c >= '0' && c <= '9'));
        if (!ok) {
            throw new UsageException(option + ": not a decimal or 0x-hex number: '" + s + "'");
        }
        return new BigInteger(digits, hex ? 16 : 10);
    }

    static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
