// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

import org.zvm.ZvmLanguage;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

/** Evaluating a Soroban contract source: the contract, checked when parsed, as a polyglot object. */
public final class SorobanRootNode extends RootNode {
    private final SorobanContract contract;

    public SorobanRootNode(ZvmLanguage language, SorobanContract contract) {
        super(language);
        this.contract = contract;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return new SorobanContractObject(ZvmLanguage.get(this), contract);
    }
}
