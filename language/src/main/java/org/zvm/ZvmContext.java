// SPDX-License-Identifier: Apache-2.0
package org.zvm;

import java.nio.file.Path;

import org.zvm.error.ZvmLoadError;
import org.zvm.runtime.Address;
import org.zvm.runtime.CodeFormat;
import org.zvm.runtime.Environment;
import org.zvm.runtime.LoadedCode;
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
    private StateBackend backend;
    private WorldState state;
    private Environment environment = Environment.defaults(Address.fromHex("0x00000000000000000000000000000000000000c0"));

    ZvmContext(ZvmLanguage language, Env env, String stateDir) {
        this.language = language;
        this.env = env;
        this.stateDir = stateDir;
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

    @TruffleBoundary
    public LoadedCode load(byte[] accountCode) {
        return language.load(accountCode);
    }

    @TruffleBoundary
    public LoadedCode loadInitCode(CodeFormat format, byte[] initCode) {
        return language.loadInitCode(format, initCode);
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
