// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;

/**
 * One WebAssembly instruction (or structured block) working on frame slots: locals first, then the
 * operand stack, whose height at every instruction is known from validation, so every slot a node reads
 * or writes is a constant. Numbers sit in slots as {@code long} bit patterns, references as objects.
 * <p>
 * {@link #execute} returns {@link #NEXT} to fall through, or the depth of the label a branch leaves to
 * (0 = the innermost enclosing block); each block a branch passes through decrements it. A branch has
 * already moved its values to the target label's slots. {@code return} is a branch to the function body.
 */
public abstract class WasmNode extends Node {
    public static final int NEXT = -1;
    /**
     * A structured node's {@code result} when it may return more than one value. Otherwise the builder found
     * the one value it can return (from the branches inside it), and it returns that constant: the parent's
     * check of the value then folds in compiled code instead of testing a merge of all exits at run time.
     */
    public static final int MANY = Integer.MIN_VALUE;

    /** Stack slots {@code [dropFrom, dropTo)}: numbers this instruction popped and nothing reads again. */
    @CompilationFinal private int dropFrom;
    @CompilationFinal private int dropTo;

    public abstract int execute(VirtualFrame frame);

    /** Set by the builder before the node first runs: the numeric stack slots the instruction leaves dead. */
    public final void drops(int from, int to) {
        dropFrom = from;
        dropTo = to;
    }

    /**
     * Clears the slots this node left dead, in compiled code only (as GraalWasm's {@code dropPrimitive}): the
     * frame states then no longer carry the popped values, so loops need fewer merges and registers.
     */
    final void drop(VirtualFrame frame) {
        clear(frame, dropFrom, dropTo);
    }

    /** Clears the numeric slots {@code [from, to)} in compiled code only (see {@link #drop}). */
    @ExplodeLoop
    static void clear(VirtualFrame frame, int from, int to) {
        if (CompilerDirectives.inCompiledCode()) {
            for (int s = from; s < to; s++) {
                frame.clearPrimitiveStatic(s);
            }
        }
    }
}
