// SPDX-License-Identifier: Apache-2.0
package org.zvm;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;
import org.zvm.abi.AbiException;
import org.zvm.abi.ContractAbi;
import org.zvm.builder.CodeModel;
import org.zvm.builder.ContractBuilder;
import org.zvm.builder.Frontend;
import org.zvm.container.ZvmContainer;
import org.zvm.debug.InstructionTag;
import org.zvm.debug.SolidityCallsInstrument;
import org.zvm.debug.SoliditySourceMap;
import org.zvm.error.ZvmParseException;
import org.zvm.error.ZvmLoadError;
import org.zvm.nativecode.NativeCodeModel;
import org.zvm.nodes.Regions;
import org.zvm.opcode.Revision;
import org.zvm.parser.CodeDecoder;
import org.zvm.runtime.CodeFormat;
import org.zvm.runtime.LoadedCode;
import org.zvm.runtime.ZvmDeployRootNode;
import org.zvm.tools.Assembler;
import org.zvm.tools.Disassembler;
import org.zvm.util.Hex;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.Option;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.instrumentation.ProvidedTags;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;

/**
 * zvm as a Truffle language: the code of every format is parsed into one tree of nodes.
 *
 * <ul>
 * <li>Words and their arithmetic: {@link org.zvm.runtime.Word256}, held in frame slots as described in
 * {@link org.zvm.nodes.Stack}.</li>
 * <li>The native instruction set: {@link org.zvm.opcode.Opcode}, the table everything reads.</li>
 * <li>From code to nodes: a frontend's {@link org.zvm.builder.CodeModel} goes through
 * {@link ContractBuilder} into {@link org.zvm.nodes.ZvmBlockNode blocks} run by
 * {@link org.zvm.nodes.ZvmDispatchNode}.</li>
 * <li>The world: {@link org.zvm.state.WorldState} over a {@link org.zvm.state.StateBackend}.</li>
 * <li>Evaluating a source deploys it and returns a {@link org.zvm.runtime.ZvmContract}.</li>
 * <li>Tools, all through instrumentation: {@link InstructionTag} and debugger scopes
 * ({@link org.zvm.debug.FrameScope}), Solidity source maps ({@link SoliditySourceMap}), and the
 * instruments in {@code org.zvm.trace} (EIP-3155, call tree, coverage).</li>
 * </ul>
 */
@TruffleLanguage.Registration(id = ZvmLanguage.ID, name = "ZVM", version = ZvmLanguage.VERSION, //
                characterMimeTypes = {ZvmLanguage.ZASM_MIME, ZvmLanguage.EVM_HEX_MIME, ZvmLanguage.STATE_TEST_MIME, ZvmLanguage.WASM_SPECTEST_MIME}, //
                byteMimeTypes = {ZvmLanguage.CONTAINER_MIME, ZvmLanguage.NATIVE_MIME, ZvmLanguage.EVM_MIME, ZvmLanguage.WASM_MIME, ZvmLanguage.SOROBAN_MIME}, //
                defaultMimeType = ZvmLanguage.ZASM_MIME, fileTypeDetectors = ZvmFileDetector.class, //
                website = "https://github.com/zvm", contextPolicy = TruffleLanguage.ContextPolicy.SHARED)
@ProvidedTags({StandardTags.RootTag.class, StandardTags.RootBodyTag.class, StandardTags.StatementTag.class, StandardTags.CallTag.class, InstructionTag.class})
public final class ZvmLanguage extends TruffleLanguage<ZvmContext> {
    public static final String ID = "zvm";
    public static final String VERSION = "0.1.0";
    public static final String ZASM_MIME = "text/x-zasm";
    public static final String CONTAINER_MIME = "application/x-zvm-container";
    public static final String NATIVE_MIME = "application/x-zvm-native";
    /** EVM bytecode (needs the EVM frontend on the class path). */
    public static final String EVM_MIME = "application/x-evm";
    /** EVM bytecode as hex text, as solc's {@code --bin} writes it ({@code X.bin}, its ABI in {@code X.abi} beside it). */
    public static final String EVM_HEX_MIME = "text/x-evm-hex";
    /** An Ethereum GeneralStateTests JSON file: evaluates to a runner of its cases (EVM frontend). */
    public static final String STATE_TEST_MIME = "application/x-ethereum-statetest+json";
    /** A WebAssembly module: evaluates to its instance, whose members are the exported functions (WASM frontend). */
    public static final String WASM_MIME = "application/wasm";
    /** A Soroban contract (WebAssembly): evaluates to the contract, whose members are its functions (WASM frontend). */
    public static final String SOROBAN_MIME = "application/x-soroban+wasm";
    /** A wast2json spec test command file: evaluates to a runner of its commands (WASM frontend). */
    public static final String WASM_SPECTEST_MIME = "application/x-wasm-spectest+json";

    @Option(help = "Directory of a durable world state (RocksDB); empty for a fresh in-memory world.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    static final OptionKey<String> StateDir = new OptionKey<>("");

    @Option(help = "EVM fork whose rules EVM code follows: Istanbul, Berlin, London, Shanghai or Cancun.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    static final OptionKey<String> Fork = new OptionKey<>("Cancun");

    @Option(help = "File holding solc's source map of the EVM code run (evm.deployedBytecode.sourceMap): debuggers then show the Solidity source.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    static final OptionKey<String> SourceMap = new OptionKey<>("");

    @Option(help = "Comma-separated Solidity files the source map refers to, in the order of solc's source ids.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    static final OptionKey<String> Sources = new OptionKey<>("");

    @Option(help = "Chain whose system contracts EVM code sees: ethereum, or hedera (HTS at 0x167, exchange rate at 0x168, PRNG at 0x169).", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    static final OptionKey<String> Chain = new OptionKey<>("ethereum");

    @Option(help = "Hedera exchange rate as CENTS:HBARS (hbars worth that many US cents) for the 0x168 system contract.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    static final OptionKey<String> HederaExchangeRate = new OptionKey<>("12:1");

    @Option(help = "Seed of the Hedera PRNG system contract (0x169): the same seed gives the same sequence of seeds.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    static final OptionKey<String> HederaSeed = new OptionKey<>("zvm");

    @Option(help = "Bytes of code per separately compiled region; code longer than eight regions is cut into them, 0 never cuts (see Regions).", category = OptionCategory.EXPERT, stability = OptionStability.EXPERIMENTAL) //
    static final OptionKey<Integer> RegionBytes = new OptionKey<>(Regions.DEFAULT_REGION_BYTES);

    /** {@link #RegionBytes} of every context of this language instance ({@link #areOptionsCompatible}). */
    private volatile int regionBytes = Regions.DEFAULT_REGION_BYTES;

    /** The installed frontends by format, found once (see {@link Frontend}). */
    private final Map<CodeFormat, Frontend> frontends = new EnumMap<>(CodeFormat.class);

    /** Parsed code by format and content, shared by every context: nodes hold no context state. */
    private final Map<CodeKey, LoadedCode> codeCache = new ConcurrentHashMap<>();

    private static final LanguageReference<ZvmLanguage> REFERENCE = LanguageReference.create(ZvmLanguage.class);

    public static ZvmLanguage get(Node node) {
        return REFERENCE.get(node);
    }

    public ZvmLanguage() {
        for (Frontend f : ServiceLoader.load(Frontend.class, ZvmLanguage.class.getClassLoader())) {
            frontends.put(f.format(), f);
        }
    }

    @Override
    protected ZvmContext createContext(Env env) {
        regionBytes = env.getOptions().get(RegionBytes);
        return new ZvmContext(this, env, env.getOptions().get(StateDir), env.getOptions().get(Fork));
    }

    /** The frontend of {@code format}, or null when it is not installed. */
    public Frontend frontend(CodeFormat format) {
        return frontends.get(format);
    }

    @Override
    protected void finalizeContext(ZvmContext context) {
        context.close();
    }

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return new ZvmLanguageOptionDescriptors();
    }

    @Override
    protected OptionDescriptors getSourceOptionDescriptors() {
        return new ZvmSourceOptionsOptionDescriptors();
    }

    @Override
    protected boolean areOptionsCompatible(org.graalvm.options.OptionValues first, org.graalvm.options.OptionValues second) {
        // Parsed code is cached per language instance and built for one region size.
        return first.get(RegionBytes).equals(second.get(RegionBytes));
    }

    @Override
    protected CallTarget parse(ParsingRequest request) {
        Source source = request.getSource();
        try {
            for (Frontend f : frontends.values()) {
                if (source.getMimeType() != null && f.documentMimeTypes().contains(source.getMimeType())) {
                    return f.parseDocument(this, source).getCallTarget();
                }
            }
            LoadedCode code = switch (mimeOf(source)) {
                case ZASM_MIME -> {
                    Assembler.Result asm = Assembler.assemble(source.getCharacters().toString(), source.getName());
                    yield build(CodeFormat.NATIVE, source.getName(), asm.code(), source, asm.sourceMap());
                }
                case CONTAINER_MIME -> {
                    ZvmContainer container = ZvmContainer.read(source.getBytes().toByteArray());
                    if (container.target() != ZvmContainer.Target.NATIVE) {
                        throw ZvmParseException.general("ZVMC target " + container.target() + " needs its frontend, which is not installed");
                    }
                    yield loadNative(source.getName(), container.code(), true);
                }
                case NATIVE_MIME -> loadNative(source.getName(), source.getBytes().toByteArray(), true);
                case EVM_MIME, EVM_HEX_MIME -> {
                    byte[] bytes = source.hasBytes() ? source.getBytes().toByteArray() : hexCode(source.getCharacters());
                    installed(CodeFormat.EVM).validate(bytes);
                    yield loadEvm(source.getName(), bytes, ZvmContext.get(null));
                }
                default -> throw ZvmParseException.general("unknown MIME type " + source.getMimeType());
            };
            return new ZvmDeployRootNode(this, code, deployableCode(code.format(), code.code()), abi(request)).getCallTarget();
        } catch (ZvmParseException e) {
            // Assembly errors already name the file and line; byte-offset errors get the file name.
            throw new ZvmLoadError(e.line() > 0 ? e.getMessage() : source.getName() + ": " + e.getMessage());
        }
    }

    /**
     * The ABI of the source: the {@code zvm.Abi} source option, else the ABI inside a ZVMC container, else
     * {@code X.abi} or {@code X.abi.json} beside the source file {@code X.ext}, else none.
     */
    private static ContractAbi abi(ParsingRequest request) {
        Source source = request.getSource();
        String json = request.getOptionValues().get(ZvmSourceOptions.Abi);
        if (!json.isEmpty()) {
            return readAbi(json, source.getName() + " (zvm.Abi)");
        }
        if (CONTAINER_MIME.equals(source.getMimeType())) {
            String inside = ZvmContainer.read(source.getBytes().toByteArray()).abiJson();
            if (!inside.isEmpty()) {
                return readAbi(inside, source.getName() + " (container ABI)");
            }
        }
        String path = source.getPath();
        if (path == null) {
            return ContractAbi.NONE;
        }
        for (String candidate : ContractAbi.companionFiles(path)) {
            byte[] bytes;
            String name;
            try {
                TruffleFile file = ZvmContext.get(null).env().getPublicTruffleFile(candidate);
                if (!file.isRegularFile()) {
                    continue;
                }
                bytes = file.readAllBytes();
                name = file.getName();
            } catch (IOException | SecurityException | UnsupportedOperationException | IllegalArgumentException e) {
                // No access to the file system, or no such file: the source has no companion ABI.
                continue;
            }
            return readAbi(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), name);
        }
        return ContractAbi.NONE;
    }

    private static ContractAbi readAbi(String json, String name) {
        try {
            return ContractAbi.read(json, name);
        } catch (AbiException e) {
            throw new ZvmLoadError(e.getMessage());
        }
    }

    private static byte[] hexCode(CharSequence text) {
        try {
            return Hex.code(text);
        } catch (IllegalArgumentException e) {
            throw ZvmParseException.general(e.getMessage());
        }
    }

    private static String mimeOf(Source source) {
        if (source.getMimeType() != null) {
            return source.getMimeType();
        }
        return source.hasBytes() ? NATIVE_MIME : ZASM_MIME;
    }

    /** Native code, validated when it comes from a file; a generated listing is the source tools show. */
    LoadedCode loadNative(String name, byte[] code, boolean validate) {
        if (validate) {
            CodeDecoder.validate(code);
        }
        return codeCache.computeIfAbsent(new CodeKey(CodeFormat.NATIVE, code), k -> {
            Disassembler.Listing listing = Disassembler.listing(code);
            Source source = Source.newBuilder(ID, listing.text(), name + ".zasm").mimeType(ZASM_MIME).build();
            return newLoadedCode(CodeFormat.NATIVE, name, code, source, listing.sourceMap());
        });
    }

    private LoadedCode build(CodeFormat format, String name, byte[] code, Source source, org.zvm.tools.SourceMap lines) {
        LoadedCode loaded = newLoadedCode(format, name, code, source, lines);
        codeCache.putIfAbsent(new CodeKey(format, code), loaded);
        return loaded;
    }

    private LoadedCode newLoadedCode(CodeFormat format, String name, byte[] code, Source source, org.zvm.tools.SourceMap lines) {
        NativeCodeModel model = new NativeCodeModel(name, code, source, lines);
        return new LoadedCode(format, ContractBuilder.build(this, model, regionBytes).getCallTarget(), code);
    }

    /**
     * Code as stored in an account: native code in a ZVMC container (so its format is known from its
     * bytes), other formats raw.
     */
    public byte[] deployableCode(CodeFormat format, byte[] code) {
        return format == CodeFormat.NATIVE ? ZvmContainer.of(ZvmContainer.Target.NATIVE, code, "").write() : code;
    }

    private Frontend installed(CodeFormat format) {
        Frontend f = frontends.get(format);
        if (f == null) {
            throw ZvmParseException.general(format + " code needs the " + format.name().toLowerCase(java.util.Locale.ROOT) + " frontend, which is not installed");
        }
        return f;
    }

    /** Code of a frontend's format, built once per content and revision. */
    private LoadedCode loadForeign(CodeFormat format, String name, byte[] code, Revision revision) {
        return codeCache.computeIfAbsent(new CodeKey(format, code, revision), k -> {
            CodeModel model = installed(format).model(name, code, revision);
            return new LoadedCode(format, ContractBuilder.build(this, model, regionBytes).getCallTarget(), code);
        });
    }

    /**
     * EVM code being evaluated: with a Solidity source map ({@code zvm.SourceMap}), built with the
     * Solidity sections and replacing any cached build of the same code, so its nested calls see it too.
     */
    private LoadedCode loadEvm(String name, byte[] code, ZvmContext context) {
        String map = context.env().getOptions().get(SourceMap);
        if (map.isEmpty()) {
            return loadForeign(CodeFormat.EVM, name, code, context.revision());
        }
        CodeModel model = SoliditySourceMap.apply(context.env(), map, context.env().getOptions().get(Sources), installed(CodeFormat.EVM).model(name, code, context.revision()));
        SolidityCallsInstrument.of(context.env());  // follows the internal calls debuggers show
        LoadedCode loaded = new LoadedCode(CodeFormat.EVM, ContractBuilder.build(this, model, regionBytes).getCallTarget(), code);
        codeCache.put(new CodeKey(CodeFormat.EVM, code, context.revision()), loaded);
        return loaded;
    }

    /**
     * Account code ready to run, or null for an account without code: a ZVMC container is native code;
     * anything else is EVM code when the EVM frontend is installed, else native.
     */
    public LoadedCode load(byte[] accountCode, Revision revision) {
        if (accountCode.length == 0) {
            return null;
        }
        if (ZvmContainer.looksLikeContainer(accountCode)) {
            try {
                ZvmContainer c = ZvmContainer.read(accountCode);
                if (c.target() == ZvmContainer.Target.NATIVE) {
                    return loadNative("0x" + Integer.toHexString(java.util.Arrays.hashCode(c.code())), c.code(), false);
                }
            } catch (ZvmParseException e) {
                // Not a well-formed container after all: its bytes are the code.
            }
        }
        if (frontends.containsKey(CodeFormat.EVM)) {
            return loadForeign(CodeFormat.EVM, "0x" + Integer.toHexString(java.util.Arrays.hashCode(accountCode)), accountCode, revision);
        }
        return loadNative("0x" + Integer.toHexString(java.util.Arrays.hashCode(accountCode)), accountCode, false);
    }

    /** Init code of {@code format}, run once by CREATE. */
    public LoadedCode loadInitCode(CodeFormat format, byte[] initCode, Revision revision) {
        return format == CodeFormat.NATIVE ? loadNative("initcode", initCode, false) : loadForeign(format, "initcode", initCode, revision);
    }

    /** Code by content; the revision matters for foreign formats only (native code follows Cancun). */
    private record CodeKey(CodeFormat format, byte[] code, Revision revision) {
        CodeKey(CodeFormat format, byte[] code) {
            this(format, code, Revision.CANCUN);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CodeKey k && k.format == format && k.revision.equals(revision) && java.util.Arrays.equals(k.code, code);
        }

        @Override
        public int hashCode() {
            return (format.hashCode() * 31 + revision.hashCode()) * 31 + java.util.Arrays.hashCode(code);
        }
    }
}
