// SPDX-License-Identifier: Apache-2.0
package org.zvm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.zvm.builder.Frontend;
import org.zvm.error.ZvmLoadError;
import org.zvm.hedera.HederaConfig;
import org.zvm.hedera.HederaLedger;
import org.zvm.opcode.Revision;
import org.zvm.runtime.Address;
import org.zvm.runtime.CodeFormat;
import org.zvm.runtime.Environment;
import org.zvm.runtime.LoadedCode;
import org.zvm.runtime.PrecompiledContract;
import org.zvm.state.InMemoryBackend;
import org.zvm.state.RocksDbBackend;
import org.zvm.state.StateBackend;
import org.zvm.state.WorldState;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.TruffleLanguage.Env;
import com.oracle.truffle.api.nodes.Node;

/**
 * One world: the state every format shares, and the block values transactions see. The durable backend
 * opens on first use, so a bad {@code --state} directory is an error of the evaluation that needs it.
 */
public final class ZvmContext {
    private static final ContextReference<ZvmContext> REFERENCE = ContextReference.create(ZvmLanguage.class);

    private final ZvmLanguage language;
    private final Env env;
    private final String stateDir;
    private final String fork;
    private Revision revision;
    private HederaConfig hedera;
    private Map<Address, PrecompiledContract> systemContracts;
    private PrecompiledContract tokenFacade;
    /** Every transaction warms these (EIP-2929): built once, since the fork and chain are fixed per context. */
    private List<Address> precompiles;
    private StateBackend backend;
    private WorldState state;
    private Environment environment = Environment.defaults(Address.fromHex("0x00000000000000000000000000000000000000c0"));

    ZvmContext(ZvmLanguage language, Env env, String stateDir, String fork) {
        this.language = language;
        this.env = env;
        this.stateDir = stateDir;
        this.fork = fork;
    }

    public static ZvmContext get(Node node) {
        return REFERENCE.get(node);
    }

    public Env env() {
        return env;
    }

    @TruffleBoundary
    public WorldState state() {
        if (state == null) {
            if (!stateDir.isEmpty() && !(env.isFileIOAllowed() && env.isNativeAccessAllowed())) {
                // RocksDB writes files through a native library: only an embedder that allows both gets it.
                throw new ZvmLoadError("--state " + stateDir + ": persistent state needs file IO and native access, which the embedder has not allowed (Context.Builder allowIO, allowNativeAccess)");
            }
            try {
                backend = stateDir.isEmpty() ? new InMemoryBackend() : new RocksDbBackend(Path.of(stateDir));
            } catch (IllegalStateException | java.nio.file.InvalidPathException e) {
                throw new ZvmLoadError("--state " + stateDir + ": " + e.getMessage());
            }
            state = new WorldState(backend);
        }
        return state;
    }

    @TruffleBoundary
    public StateBackend backend() {
        state();
        return backend;
    }

    public Environment environment() {
        return environment;
    }

    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /**
     * The fork rules EVM code and precompiles follow in this context ({@code zvm.Fork}); Cancun when no
     * EVM frontend is installed.
     */
    @TruffleBoundary
    public Revision revision() {
        if (revision == null) {
            Frontend evm = language.frontend(CodeFormat.EVM);
            try {
                revision = evm == null ? Revision.CANCUN : evm.revision(fork);
            } catch (IllegalArgumentException e) {
                throw new ZvmLoadError("--fork " + fork + ": " + e.getMessage());
            }
        }
        return revision;
    }

    /**
     * How this context models Hedera ({@code zvm.Chain}, {@code zvm.HederaExchangeRate},
     * {@code zvm.HederaSeed}); a bad value is an error of the evaluation that needs it.
     */
    @TruffleBoundary
    public HederaConfig hedera() {
        if (hedera == null) {
            try {
                hedera = HederaConfig.of(env.getOptions().get(ZvmLanguage.Chain), env.getOptions().get(ZvmLanguage.HederaExchangeRate),
                                env.getOptions().get(ZvmLanguage.HederaSeed));
            } catch (IllegalArgumentException e) {
                throw new ZvmLoadError("--zvm.Chain/HederaExchangeRate/HederaSeed: " + e.getMessage());
            }
        }
        return hedera;
    }

    /** The chain's system contracts by address (none on Ethereum) and its token facade, from the EVM frontend. */
    private Map<Address, PrecompiledContract> systemContracts() {
        if (systemContracts == null) {
            Frontend evm = language.frontend(CodeFormat.EVM);
            systemContracts = evm == null ? Map.of() : evm.systemContracts(hedera());
            tokenFacade = evm == null ? null : evm.tokenFacade(hedera());
        }
        return systemContracts;
    }

    /** The precompiled or system contract at {@code address}, or the token facade when {@code state} has a token there; else null. */
    @TruffleBoundary
    public PrecompiledContract precompile(Address address, WorldState in) {
        Frontend evm = language.frontend(CodeFormat.EVM);
        PrecompiledContract p = evm == null ? null : evm.precompile(address, revision());
        p = p != null ? p : systemContracts().get(address);
        if (p == null && tokenFacade != null && new HederaLedger(in, HederaLedger.NONE, HederaLedger.NONE, 0).isToken(address)) {
            return tokenFacade;
        }
        return p;
    }

    /** Addresses of every precompile and system contract (warm from the start of a transaction). */
    @TruffleBoundary
    public List<Address> precompiles() {
        if (precompiles == null) {
            Frontend evm = language.frontend(CodeFormat.EVM);
            List<Address> all = new ArrayList<>(evm == null ? List.of() : evm.precompiles(revision()));
            all.addAll(systemContracts().keySet());
            precompiles = List.copyOf(all);
        }
        return precompiles;
    }

    @TruffleBoundary
    public LoadedCode load(byte[] accountCode) {
        return language.load(accountCode, revision());
    }

    @TruffleBoundary
    public LoadedCode loadInitCode(CodeFormat format, byte[] initCode) {
        return language.loadInitCode(format, initCode, revision());
    }

    @TruffleBoundary
    public byte[] deployableCode(CodeFormat format, byte[] code) {
        return language.deployableCode(format, code);
    }

    void close() {
        if (backend != null) {
            try {
                backend.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the state backend: " + e.getMessage(), e);
            }
        }
    }
}
