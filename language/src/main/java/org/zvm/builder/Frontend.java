// SPDX-License-Identifier: Apache-2.0
package org.zvm.builder;

import java.util.List;
import java.util.Map;

import org.zvm.ZvmLanguage;
import org.zvm.error.ZvmParseException;
import org.zvm.hedera.HederaConfig;
import org.zvm.opcode.Revision;
import org.zvm.runtime.Address;
import org.zvm.runtime.CodeFormat;
import org.zvm.runtime.PrecompiledContract;

import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.Source;

/**
 * A bytecode format other than native ZVM, found with {@link java.util.ServiceLoader}: the language
 * depends on no frontend, and a frontend on the classpath makes its format runnable. A frontend only
 * describes code ({@link CodeModel}); the shared {@link ContractBuilder} makes the nodes.
 */
public interface Frontend {
    CodeFormat format();

    /** The MIME type of sources in this format (bytes). */
    String mimeType();

    /** The rules of the named fork (as {@code --fork} spells it, case-insensitive); throws for an unknown one. */
    Revision revision(String fork);

    /** Checks {@code code} as a file or transaction would supply it; a one-line error with the offset if malformed. */
    void validate(byte[] code) throws ZvmParseException;

    /** The model of account, init or file code under {@code revision}. */
    CodeModel model(String name, byte[] code, Revision revision);

    /** The precompiled contract at {@code address} under {@code revision}, or null. */
    PrecompiledContract precompile(Address address, Revision revision);

    /** Every precompile address under {@code revision} (warm from the start of a transaction, EIP-2929). */
    List<Address> precompiles(Revision revision);

    /**
     * The system contracts of the chain {@code hedera} describes, by address (sorted, deterministic); none
     * unless it enables them.
     */
    default Map<Address, PrecompiledContract> systemContracts(HederaConfig hedera) {
        return Map.of();
    }

    /**
     * What answers calls to a token's address on the chain {@code hedera} describes (Hedera's ERC-20 and ERC-721
     * facade: the token entity's long-zero address has no code of its own), or null for none.
     */
    default PrecompiledContract tokenFacade(HederaConfig hedera) {
        return null;
    }

    /** MIME types of documents this frontend runs that are not code (the EVM's state test files). */
    default List<String> documentMimeTypes() {
        return List.of();
    }

    /** The root node that runs a document of one of {@link #documentMimeTypes()}. */
    default RootNode parseDocument(ZvmLanguage language, Source source) throws ZvmParseException {
        throw ZvmParseException.general(format() + " frontend runs no documents of type " + source.getMimeType());
    }
}
