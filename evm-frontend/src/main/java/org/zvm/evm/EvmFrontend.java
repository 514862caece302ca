// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.zvm.ZvmContext;
import org.zvm.ZvmLanguage;
import org.zvm.builder.CodeModel;
import org.zvm.builder.Frontend;
import org.zvm.error.ZvmParseException;
import org.zvm.evm.hedera.HederaSystemContracts;
import org.zvm.evm.precompile.Precompile;
import org.zvm.evm.precompile.PrecompileFailure;
import org.zvm.evm.precompile.Precompiles;
import org.zvm.evm.statetest.StateTest;
import org.zvm.evm.statetest.StateTestFile;
import org.zvm.evm.statetest.StateTestRootNode;
import org.zvm.hedera.HederaConfig;
import org.zvm.opcode.Revision;
import org.zvm.runtime.Address;
import org.zvm.runtime.CodeFormat;
import org.zvm.runtime.Message;
import org.zvm.runtime.PrecompiledContract;

import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.Source;

/** The EVM frontend, found by the language through {@link java.util.ServiceLoader}. */
public final class EvmFrontend implements Frontend {
    @Override
    public CodeFormat format() {
        return CodeFormat.EVM;
    }

    @Override
    public String mimeType() {
        return ZvmLanguage.EVM_MIME;
    }

    @Override
    public Revision revision(String fork) {
        return Fork.named(fork).revision;
    }

    /** Any bytes are EVM code (undefined bytes halt when reached); only an empty file is refused. */
    @Override
    public void validate(byte[] code) throws ZvmParseException {
        if (code.length == 0) {
            throw ZvmParseException.general("EVM code is empty");
        }
    }

    @Override
    public CodeModel model(String name, byte[] code, Revision revision) {
        EvmCode evm = new EvmCode(code, Fork.of(revision));
        EvmCode.Listing listing = evm.listing();
        Source source = Source.newBuilder(ZvmLanguage.ID, listing.text(), name + ".evm.txt").mimeType(ZvmLanguage.ZASM_MIME).build();
        return new EvmCodeModel(name, evm, source, listing.sourceMap());
    }

    /** The precompiles of each fork as the language calls them, built once. */
    private static final Map<Fork, Map<Address, PrecompiledContract>> PRECOMPILES = new EnumMap<>(Fork.class);

    static {
        for (Fork fork : Fork.values()) {
            Map<Address, PrecompiledContract> m = new HashMap<>();
            for (Address a : Precompiles.addresses(fork)) {
                m.put(a, adapt(Precompiles.get(a, fork)));
            }
            PRECOMPILES.put(fork, m);
        }
    }

    private static PrecompiledContract adapt(Precompile p) {
        return new PrecompiledContract() {
            @Override
            public long gas(byte[] input) {
                return p.gas(input);
            }

            @Override
            public byte[] run(Message frame) {
                try {
                    return p.run(frame.calldata);
                } catch (PrecompileFailure e) {
                    return null;
                }
            }
        };
    }

    @Override
    public PrecompiledContract precompile(Address address, Revision revision) {
        return PRECOMPILES.get(Fork.of(revision)).get(address);
    }

    @Override
    public List<Address> precompiles(Revision revision) {
        return List.copyOf(Precompiles.addresses(Fork.of(revision)));
    }

    /** Hedera's system contracts at 0x167–0x169 when the context's chain is Hedera. */
    @Override
    public Map<Address, PrecompiledContract> systemContracts(HederaConfig hedera) {
        return HederaSystemContracts.of(hedera);
    }

    /** Hedera's ERC-20/ERC-721 facade on token addresses when the context's chain is Hedera. */
    @Override
    public PrecompiledContract tokenFacade(HederaConfig hedera) {
        return hedera.systemContracts() ? HederaSystemContracts.TOKEN_FACADE : null;
    }

    @Override
    public List<String> documentMimeTypes() {
        return List.of(ZvmLanguage.STATE_TEST_MIME);
    }

    /** A state test file, read for the context's fork; malformed files fail here with the file and field. */
    @Override
    public RootNode parseDocument(ZvmLanguage language, Source source) throws ZvmParseException {
        Fork fork = Fork.of(ZvmContext.get(null).revision());
        try {
            List<StateTest> tests = StateTestFile.parse(source.getName(), source.getCharacters(), fork.displayName());
            return new StateTestRootNode(language, tests, fork);
        } catch (IllegalArgumentException e) {
            throw ZvmParseException.general(e.getMessage());
        }
    }
}
