// SPDX-License-Identifier: Apache-2.0
package org.zvm.debug;

import com.oracle.truffle.api.instrumentation.Tag;

/**
 * Every executed instruction, whatever its source. Tracers attach here; the debugger attaches to
 * {@link com.oracle.truffle.api.instrumentation.StandardTags.StatementTag}, which only the first
 * instruction of each source line carries (see {@link org.zvm.builder.ContractBuilder}), so stepping
 * through Solidity moves line by line while a trace still sees every instruction.
 */
@Tag.Identifier("INSTRUCTION")
public final class InstructionTag extends Tag {
    private InstructionTag() {
    }
}
