// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes;

/**
 * What the dispatch needs from the frontend that built it, to resolve dynamic jumps at run time: which
 * destinations are legal in the format (EVM: a JUMPDEST; native: any instruction start), and a new block
 * for a legal destination that no block starts at yet. Used only in the interpreter.
 */
public interface BlockSource {
    boolean isJumpDestination(long pc);

    /** Index of the block starting at {@code pc}, or -1. */
    int blockAt(int pc);

    /** Builds a block starting at {@code pc} with its exits resolved against existing block indices. */
    ZvmBlockNode buildBlockAt(int pc, int index);

    /** Called once the new block is part of the table. */
    void registerBlock(int pc, int index);
}
