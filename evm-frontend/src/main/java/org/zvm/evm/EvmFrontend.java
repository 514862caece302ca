// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm;

import java.util.List;

import org.zvm.ZvmLanguage;
import org.zvm.builder.CodeModel;
import org.zvm.builder.Frontend;
import org.zvm.error.ZvmParseException;
import org.zvm.opcode.Revision;
import org.zvm.runtime.Address;
import org.zvm.runtime.CodeFormat;
import org.zvm.runtime.PrecompiledContract;

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

    @Override
    public PrecompiledContract precompile(Address address, Revision revision) {
        return null;
    }

    @Override
    public List<Address> precompiles(Revision revision) {
        return List.of();
    }
}
