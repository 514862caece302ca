// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm;

import java.util.List;

import org.zvm.ZvmLanguage;
import org.zvm.builder.CodeModel;
import org.zvm.builder.Frontend;
import org.zvm.error.ZvmParseException;
import org.zvm.opcode.Revision;
import org.zvm.runtime.Address;
import org.zvm.runtime.CodeFormat;
import org.zvm.runtime.PrecompiledContract;
import org.zvm.wasm.parser.BinaryParser;
import org.zvm.wasm.soroban.SorobanContract;
import org.zvm.wasm.soroban.SorobanRootNode;
import org.zvm.wasm.spectest.SpecTestRootNode;

import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.Source;

/**
 * The WebAssembly frontend, found by the language through {@link java.util.ServiceLoader}. A module is
 * parsed straight into nodes ({@link BinaryParser}); evaluating one instantiates it
 * ({@link WasmModuleRootNode}); a spec test command file evaluates to its runner ({@link SpecTestRootNode});
 * a Soroban contract ({@link ZvmLanguage#SOROBAN_MIME}) to the contract ({@link SorobanRootNode}). WASM
 * does not run as EVM-style account code, so {@link #model} refuses.
 */
public final class WasmFrontend implements Frontend {
    @Override
    public CodeFormat format() {
        return CodeFormat.WASM;
    }

    @Override
    public String mimeType() {
        return ZvmLanguage.WASM_MIME;
    }

    /** WASM has no forks; it follows the latest rules for what it shares with the other formats. */
    @Override
    public Revision revision(String fork) {
        return Revision.CANCUN;
    }

    /** Decodes and validates a module; the spec's error class and message on failure. */
    @Override
    public void validate(byte[] code) throws ZvmParseException {
        try {
            BinaryParser.parse(null, code, "module");
        } catch (WasmException e) {
            throw error(e);
        }
    }

    static ZvmParseException error(WasmException e) {
        return ZvmParseException.general(e.kind().name().toLowerCase(java.util.Locale.ROOT) + " module: " + e.getMessage());
    }

    @Override
    public CodeModel model(String name, byte[] code, Revision revision) {
        throw ZvmParseException.general(name + ": WASM code does not run as contract code yet; evaluate it as a module (" + ZvmLanguage.WASM_MIME + ")");
    }

    @Override
    public PrecompiledContract precompile(Address address, Revision revision) {
        return null;
    }

    @Override
    public List<Address> precompiles(Revision revision) {
        return List.of();
    }

    @Override
    public List<String> documentMimeTypes() {
        return List.of(ZvmLanguage.WASM_MIME, ZvmLanguage.WASM_SPECTEST_MIME, ZvmLanguage.SOROBAN_MIME);
    }

    @Override
    public RootNode parseDocument(ZvmLanguage language, Source source) throws ZvmParseException {
        if (ZvmLanguage.WASM_SPECTEST_MIME.equals(source.getMimeType())) {
            return new SpecTestRootNode(language, source);
        }
        if (ZvmLanguage.SOROBAN_MIME.equals(source.getMimeType())) {
            return new SorobanRootNode(language, SorobanContract.load(source.getBytes().toByteArray(), source.getName()));
        }
        byte[] bytes = source.getBytes().toByteArray();
        validate(bytes);
        return new WasmModuleRootNode(language, bytes, source.getName());
    }
}
