// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes;

import org.zvm.ZvmLanguage;
import org.zvm.debug.SolidityFunctions;
import org.zvm.runtime.CodeFormat;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.nodes.RootNode;

/** A root whose instructions are some code's: the whole contract's, or one region's of large code. */
public abstract class ZvmCodeRootNode extends RootNode {
    private final CodeFormat format;
    /** The Solidity functions when a source map shows the code as Solidity, else null: debuggers name frames by them. */
    private final SolidityFunctions solidity;

    protected ZvmCodeRootNode(ZvmLanguage language, FrameDescriptor descriptor, CodeFormat format, SolidityFunctions solidity) {
        super(language, descriptor);
        this.format = format;
        this.solidity = solidity;
    }

    /** The format of the code the instructions come from (CREATE deploys init code in it). */
    public final CodeFormat format() {
        return format;
    }

    public final SolidityFunctions solidity() {
        return solidity;
    }
}
