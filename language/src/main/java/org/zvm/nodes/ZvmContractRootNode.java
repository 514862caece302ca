// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes;

import org.zvm.ZvmLanguage;
import org.zvm.debug.SolidityFunctions;
import org.zvm.error.HaltReason;
import org.zvm.error.ZvmException;
import org.zvm.runtime.CodeFormat;
import org.zvm.runtime.Message;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.source.SourceSection;

/**
 * The call target of one piece of code. Its single argument is the {@link Message}; it fills in the
 * message's outcome and returns it. Halts become outcomes here, so a failing callee is a value for its
 * caller (EVM semantics: the CALL pushes 0) and never an exception crossing contracts.
 */
public final class ZvmContractRootNode extends ZvmCodeRootNode {
    @Child private ZvmBodyNode body;

    public ZvmContractRootNode(ZvmLanguage language, ZvmBodyNode body, String name, SourceSection section, CodeFormat format, SolidityFunctions solidity) {
        super(language, name, section, format, solidity);
        this.body = body;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Message m = Stack.message(frame);
        Stack.setSp(frame, 0);
        frame.setIntStatic(Stack.EXACT, 0);
        frame.setLongStatic(Stack.GAS, m.gas);
        try {
            m.reason = (HaltReason) body.execute(frame);
            m.gasLeft = frame.getLongStatic(Stack.GAS);
        } catch (ZvmException e) {
            m.reason = e.reason();
            m.gasLeft = 0;
            m.output = Message.EMPTY;
        }
        return m;
    }
}
