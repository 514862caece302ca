// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import org.zvm.ZvmContext;
import org.zvm.ZvmLanguage;
import org.zvm.abi.ContractAbi;
import org.zvm.state.WorldState;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

/**
 * What evaluating a source does: deploys its code at {@link #ADDRESS} in the context's world (persisting
 * it when the world is durable) and returns the {@link ZvmContract}, with the source's ABI when it has one.
 */
public final class ZvmDeployRootNode extends RootNode {
    /** Where {@code zvm run} deploys the code it runs. */
    public static final Address ADDRESS = Address.fromHex("0x000000000000000000000000000000000000c0de");

    private final LoadedCode code;
    private final byte[] accountCode;
    private final ContractAbi abi;

    public ZvmDeployRootNode(ZvmLanguage language, LoadedCode code, byte[] accountCode, ContractAbi abi) {
        super(language);
        this.code = code;
        this.accountCode = accountCode;
        this.abi = abi;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return deploy(ZvmContext.get(this));
    }

    @TruffleBoundary
    private ZvmContract deploy(ZvmContext context) {
        WorldState s = context.state();
        s.beginTransaction();
        s.setCode(ADDRESS, accountCode);
        if (s.getNonce(ADDRESS) == 0) {
            s.setNonce(ADDRESS, 1);
        }
        context.backend().apply(s.finishTransaction());
        return new ZvmContract(context, ADDRESS, code, abi);
    }
}
