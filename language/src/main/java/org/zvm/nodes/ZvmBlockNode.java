// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes;

import java.util.Arrays;

import org.zvm.error.HaltReason;
import org.zvm.error.ZvmException;
import org.zvm.opcode.GasCosts;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;

/**
 * A basic block: straight-line instructions that run together. This is the one place where the checks
 * that depend only on the opcode table happen (stack bounds, static gas), once per block instead of once
 * per instruction, as evmone's {@code check_requirements} does per instruction.
 *
 * <p>The entry stack height is profiled: while every entry sees the same height, compiled code treats it
 * as a constant (each instruction gets its own height as a constant, see {@link ZvmInstructionNode#sp}),
 * so all stack slots the block touches are constant frame slots and the bound checks fold away. Other
 * heights get copies of the block specialized the same way ({@link #variants}). When a
 * check fails, the block re-runs instruction by instruction ({@link #executeExact}) so the
 * halt happens at the same instruction, with the same reason, as in a one-instruction-at-a-time VM.
 *
 * <p>How control leaves the block is data ({@link #exit}, {@link #next}, {@link #target}) that the
 * {@link ZvmDispatchNode} switches on, so the successor stays a partial-evaluation constant.
 */
public final class ZvmBlockNode extends Node {
    public static final int FALLTHROUGH = 0;
    public static final int JUMP = 1;
    public static final int JUMPI = 2;
    public static final int JUMP_DYNAMIC = 3;
    public static final int JUMPI_DYNAMIC = 4;
    /** The block ends the frame; {@link #haltReason} says how. */
    public static final int HALT = 5;

    private static final int UNINITIALIZED = -1;
    private static final int GENERIC = -2;
    /** Most specialized entry heights per block, the profiled one included; beyond them one generic copy. */
    private static final int MAX_VARIANTS = 4;
    private static final ZvmBlockNode[] NO_VARIANTS = new ZvmBlockNode[0];

    @Children private final ZvmInstructionNode[] body;
    final int startPc;
    private final long staticGas;
    /** Lowest entry height with which no instruction underflows. */
    private final int minEntry;
    /** Highest entry height with which no instruction overflows. */
    private final int maxEntry;
    /** Height change from entry to exit, and the most the height rises above the entry on the way. */
    private final int exitDelta;
    private final int peakDelta;
    final int exit;
    final HaltReason haltReason;
    /** Block index of the fall-through successor, or -1. */
    @CompilationFinal int next = -1;
    /** Block index of the static jump target, or -1. */
    @CompilationFinal int target = -1;
    /** Whether the static target lies at or before this block: a loop back edge. */
    @CompilationFinal boolean backward;
    /** Destinations seen by a dynamic jump and their block indices (a profile, grown on a miss). */
    @CompilationFinal(dimensions = 1) long[] seenDestinations = new long[0];
    @CompilationFinal(dimensions = 1) int[] seenBlocks = new int[0];
    @CompilationFinal private int entryProfile = UNINITIALIZED;
    /**
     * Copies of this block for entry heights other than {@link #entryProfile}, each with its own constant
     * heights; the last may be the generic copy. Solidity enters an internal function's blocks at whatever
     * height its caller had, so one height per block is too few.
     */
    @Children private ZvmBlockNode[] variants = NO_VARIANTS;

    /** Offset after the last instruction: where a fall-through continues. */
    private final int endPc;
    /** Offset a static jump goes to, or -1. */
    private final long staticDestination;

    public ZvmBlockNode(ZvmInstructionNode[] body, int startPc, int endPc, int exit, long staticDestination, HaltReason haltReason) {
        this.body = body;
        this.startPc = startPc;
        this.endPc = endPc;
        this.exit = exit;
        this.staticDestination = staticDestination;
        this.haltReason = haltReason;
        long gas = 0;
        int height = 0;
        int lowest = 0;
        int highest = 0;
        for (ZvmInstructionNode n : body) {
            gas += n.baseGas();
            lowest = Math.min(lowest, height - n.inputs());
            height += n.outputs() - n.inputs();
            highest = Math.max(highest, height);
        }
        this.staticGas = gas;
        this.minEntry = -lowest;
        this.maxEntry = GasCosts.STACK_LIMIT - highest;
        this.exitDelta = height;
        this.peakDelta = highest;
        long remaining = gas;
        for (ZvmInstructionNode n : body) {
            n.setPrechargedGas(remaining);
            remaining -= n.baseGas();
        }
    }

    /** Resolves successor offsets to block indices once every block they name exists. */
    public void link(BlockSource blocks) {
        next = blocks.blockAt(endPc);
        if (staticDestination >= 0) {
            target = blocks.blockAt((int) staticDestination);
            backward = staticDestination <= startPc;
        }
    }

    public int startPc() {
        return startPc;
    }

    public ZvmInstructionNode[] instructions() {
        return body;
    }

    void execute(VirtualFrame frame) {
        int sp = Stack.sp(frame);
        int profile = entryProfile;
        if (profile == UNINITIALIZED) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            entryProfile = sp;
            setStaticHeights(sp);
            profile = sp;
        }
        if (sp == profile) {
            run(frame, profile);
        } else {
            executeVariant(frame, sp);
        }
    }

    /** Entered with another height than the profiled one: the copy made for that height, or a new one. */
    @ExplodeLoop
    private void executeVariant(VirtualFrame frame, int sp) {
        for (ZvmBlockNode v : variants) {
            int height = v.entryProfile;
            if (sp == height) {
                v.run(frame, height);
                return;
            }
            if (height == GENERIC) {
                v.run(frame, sp);
                return;
            }
        }
        CompilerDirectives.transferToInterpreterAndInvalidate();
        addVariant(sp).run(frame, sp);
    }

    /**
     * A copy of this block specialized to entry height {@code sp}; once {@link #MAX_VARIANTS} heights are
     * taken, one copy for every other height, whose stack accesses are not constant.
     */
    private ZvmBlockNode addVariant(int sp) {
        ZvmBlockNode v = (ZvmBlockNode) deepCopy();
        v.variants = NO_VARIANTS;
        boolean generic = variants.length + 1 >= MAX_VARIANTS;
        v.entryProfile = generic ? GENERIC : sp;
        v.setStaticHeights(generic ? -1 : sp);
        ZvmBlockNode[] grown = Arrays.copyOf(variants, variants.length + 1);
        grown[grown.length - 1] = insert(v);
        variants = grown;
        notifyInserted(v);
        reportPolymorphicSpecialize();
        return v;
    }

    /** Runs the block entered with height {@code sp} (a constant unless this is the generic copy). */
    private void run(VirtualFrame frame, int sp) {
        Stack.setSp(frame, sp);
        long gas = frame.getLongStatic(Stack.GAS);
        if (sp < minEntry || sp > maxEntry || gas < staticGas) {
            CompilerDirectives.transferToInterpreter();
            executeExact(frame, sp, gas);
            throw CompilerDirectives.shouldNotReachHere("a block that fails its checks must halt");
        }
        frame.setLongStatic(Stack.GAS, gas - staticGas);
        executeBody(frame);
        clearDeadSlots(frame, sp);
    }

    /**
     * Clears the slots of the words the block left above its exit height. Compiled code then carries only
     * the live stack into the deoptimization states of the blocks that follow, instead of all frame
     * slots ever written; in the interpreter, and in the generic copy where heights are not constant,
     * there is nothing to gain.
     */
    @ExplodeLoop
    private void clearDeadSlots(VirtualFrame frame, int sp) {
        if (!CompilerDirectives.isPartialEvaluationConstant(sp)) {
            return;
        }
        int end = Math.min(sp + peakDelta, Stack.FRAME_POSITIONS);
        for (int pos = sp + exitDelta; pos < end; pos++) {
            Stack.clear(frame, pos);
        }
    }

    /**
     * Gives each instruction its height for entry height {@code entry}, or clears them all with -1. The
     * heights follow from the opcode table alone; where they would go below zero the block's bound checks
     * fail before that instruction runs.
     */
    private void setStaticHeights(int entry) {
        int height = entry;
        for (ZvmInstructionNode n : body) {
            n.setStaticSp(entry < 0 ? -1 : height);
            height += n.outputs() - n.inputs();
        }
    }

    @ExplodeLoop
    private void executeBody(VirtualFrame frame) {
        for (ZvmInstructionNode n : body) {
            n.execute(frame);
        }
    }

    /**
     * Runs the block charging and checking each instruction on its own; reached only when the block as a
     * whole cannot run, so one of its instructions halts.
     */
    private void executeExact(VirtualFrame frame, int entrySp, long entryGas) {
        frame.setIntStatic(Stack.EXACT, 1);
        int sp = entrySp;
        long gas = entryGas;
        for (ZvmInstructionNode n : body) {
            if (sp < n.inputs()) {
                throw ZvmException.create(HaltReason.STACK_UNDERFLOW, n);
            }
            if (sp - n.inputs() + n.outputs() > GasCosts.STACK_LIMIT) {
                throw ZvmException.create(HaltReason.STACK_OVERFLOW, n);
            }
            if (gas < n.baseGas()) {
                throw ZvmException.create(HaltReason.OUT_OF_GAS, n);
            }
            frame.setLongStatic(Stack.GAS, gas - n.baseGas());
            n.execute(frame);
            sp = Stack.sp(frame);
            gas = frame.getLongStatic(Stack.GAS);
        }
    }
}
