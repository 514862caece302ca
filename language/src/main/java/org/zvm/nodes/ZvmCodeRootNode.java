// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes;

import org.zvm.ZvmLanguage;
import org.zvm.debug.SolidityFunctions;
import org.zvm.runtime.CodeFormat;

import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;

/**
 * A root whose instructions are some code's: the whole contract's, or one region's of large code. Both
 * run on the operand-stack frame layout ({@link Stack}) and show tools the contract's name and source.
 */
public abstract class ZvmCodeRootNode extends RootNode {
    private final String name;
    private final SourceSection section;
    private final CodeFormat format;
    /** The Solidity functions when a source map shows the code as Solidity, else null: debuggers name frames by them. */
    private final SolidityFunctions solidity;

    protected ZvmCodeRootNode(ZvmLanguage language, String name, SourceSection section, CodeFormat format, SolidityFunctions solidity) {
        super(language, Stack.descriptor());
        this.name = name;
        this.section = section;
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

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final SourceSection getSourceSection() {
        return section;
    }

    @Override
    public final boolean isCloningAllowed() {
        return true;
    }
}
