// SPDX-License-Identifier: Apache-2.0
package org.zvm.builder;

import org.zvm.debug.SolidityFunctions;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.runtime.CodeFormat;

import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * A frontend's view of one piece of code, which the {@link ContractBuilder} turns into the shared node
 * tree. A frontend implements this over its own opcode table; it never produces another bytecode.
 */
public interface CodeModel {
    /** The code bytes (what CODESIZE and CODECOPY see). */
    byte[] code();

    /** The format of the code; CREATE deploys returned code in the same format. */
    CodeFormat format();

    /** Name for the root node and stack traces. */
    String name();

    /** The source tools show: assembly text or a generated listing. */
    Source source();

    /**
     * Decodes the instruction at {@code pc} (a valid instruction start below {@code code().length}).
     * Bytes that are not instructions decode with {@link InstructionInfo.Control#INVALID}.
     */
    InstructionInfo decode(int pc);

    /** The format's rule for a legal jump destination. */
    boolean isJumpDestination(long pc);

    /** The node that implements {@code ins}; the builder initializes its table-derived fields. */
    ZvmInstructionNode createNode(InstructionInfo ins);

    /** The section of {@link #source()} showing the instruction at {@code pc}. */
    SourceSection section(int pc);

    /** The Solidity functions of the code when a source map shows it as Solidity (debuggers name frames by them), else null. */
    default SolidityFunctions solidity() {
        return null;
    }
}
