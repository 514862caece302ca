// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes;

import java.util.Arrays;

import org.zvm.error.HaltReason;
import org.zvm.error.ZvmException;

import com.oracle.truffle.api.CompilerAsserts;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.HostCompilerDirectives.BytecodeInterpreterSwitch;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.BytecodeOSRNode;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.ExplodeLoop.LoopExplosionKind;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;

/**
 * Runs a contract's blocks. The code's control flow is unstructured (any block may jump to any other),
 * so instead of nesting loop nodes this is one loop over block indices that Graal explodes with
 * {@link LoopExplosionKind#MERGE_EXPLODE}, as GraalWasm's function node does over offsets: the block index
 * is a partial-evaluation constant everywhere, a contract loop becomes a machine-code loop, and every
 * static jump is a direct branch.
 *
 * <p>Dynamic jumps go through a per-block profile of the destinations seen so far, checked in order, so
 * they are direct branches too; a new destination deoptimizes once and is added. Backward edges poll for
 * on-stack replacement, so a long loop in the first call is compiled while it runs.
 */
public final class ZvmDispatchNode extends ZvmCodeNode implements BytecodeOSRNode {
    /** The start index of a region's run: the block to begin with is the dynamic {@code entry}. */
    private static final int ENTRY = -1;

    @Child private BlockTable table;
    private final BlockSource source;
    /** The regions of large code and the one this dispatch runs, or null when it runs all the code. */
    private final Regions regions;
    private final int region;
    /** Blocks through which control entered this region so far (a profile, grown on a miss), and what each entry found on the stack. */
    @CompilationFinal(dimensions = 1) private int[] entries = new int[0];
    @CompilationFinal(dimensions = 1) private EntryProfile[] entryProfiles = new EntryProfile[0];
    @CompilationFinal private Object osrMetadata;

    public ZvmDispatchNode(ZvmBlockNode[] blocks, BlockSource source) {
        this(blocks, source, null, 0);
    }

    /** The dispatch of one region: {@code blocks} holds the region's blocks at their indices, null elsewhere. */
    ZvmDispatchNode(ZvmBlockNode[] blocks, BlockSource source, Regions regions, int region) {
        this.table = new BlockTable(blocks);
        this.source = source;
        this.regions = regions;
        this.region = region;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return run(frame, 0, 0);
    }

    /** Runs this region from block {@code start} on the contract's frame; see {@link Regions}. */
    Object executeRegion(VirtualFrame frame, int start) {
        return run(frame, ENTRY, start);
    }

    @Override
    public Object executeOSR(VirtualFrame osrFrame, int target, Object interpreterState) {
        return run(osrFrame, target, 0);
    }

    /** The OSR frame keeps the {@link org.zvm.runtime.Message} as its first argument, like the parent. */
    @Override
    public Object[] storeParentFrameInArguments(VirtualFrame parentFrame) {
        Object[] args = parentFrame.getArguments();
        Object[] osrArgs = Arrays.copyOf(args, args.length + 1);
        osrArgs[args.length] = parentFrame;
        return osrArgs;
    }

    @Override
    public Frame restoreParentFrameFromArguments(Object[] arguments) {
        return (Frame) arguments[arguments.length - 1];
    }

    @Override
    public Object getOSRMetadata() {
        return osrMetadata;
    }

    @Override
    public void setOSRMetadata(Object osrMetadata) {
        this.osrMetadata = osrMetadata;
    }

    @ExplodeLoop(kind = LoopExplosionKind.MERGE_EXPLODE)
    @BytecodeInterpreterSwitch
    private Object run(VirtualFrame frame, int start, int entry) {
        int index = start;
        outer: while (true) {
            if (index == ENTRY) {
                // A region's entry block is an argument: the profiled entries make it a constant, and
                // each entry's profile the stack it brings (see EntryProfile).
                int[] known = entries;
                for (int i = 0; i < known.length; i++) {
                    if (known[i] == entry) {
                        entryProfiles[i].apply(frame);
                        index = known[i];
                        continue outer;
                    }
                }
                CompilerDirectives.transferToInterpreterAndInvalidate();
                EntryProfile profile = new EntryProfile();
                profile.apply(frame);
                EntryProfile[] profiles = Arrays.copyOf(entryProfiles, known.length + 1);
                profiles[known.length] = profile;
                entryProfiles = profiles;
                int[] grown = Arrays.copyOf(known, known.length + 1);
                grown[known.length] = entry;
                entries = grown;
                index = entry;
                continue outer;
            }
            CompilerAsserts.partialEvaluationConstant(index);
            if (regions != null && !regions.owns(region, index)) {
                frame.setIntStatic(Stack.NEXT, index);
                return Regions.CONTINUE;
            }
            ZvmBlockNode block = table.blocks[index];
            block.execute(frame);
            int from = index;
            switch (block.exit) {
                case ZvmBlockNode.FALLTHROUGH:
                    index = block.next;
                    continue outer;
                case ZvmBlockNode.JUMP:
                    index = block.target;
                    break;
                case ZvmBlockNode.JUMPI:
                    if (frame.getIntStatic(Stack.COND) == 0) {
                        index = block.next;
                        continue outer;
                    }
                    index = block.target;
                    break;
                case ZvmBlockNode.JUMPI_DYNAMIC:
                    if (frame.getIntStatic(Stack.COND) == 0) {
                        index = block.next;
                        continue outer;
                    }
                    // fall through: the jump is taken
                case ZvmBlockNode.JUMP_DYNAMIC: {
                    long dest = frame.getLongStatic(Stack.DEST);
                    long[] seen = block.seenDestinations;
                    int found = -1;
                    for (int i = 0; i < seen.length; i++) {
                        if (seen[i] == dest) {
                            found = block.seenBlocks[i];
                            break;
                        }
                    }
                    if (found < 0) {
                        CompilerDirectives.transferToInterpreterAndInvalidate();
                        found = resolve(block, dest);
                    }
                    index = found;
                    break;
                }
                case ZvmBlockNode.HALT:
                    return block.haltReason;
                default:
                    throw CompilerDirectives.shouldNotReachHere();
            }
            if (regions != null && !regions.owns(region, index)) {
                continue outer;
            }
            if (table.blocks[index].startPc <= table.blocks[from].startPc) {
                // A back edge: loop iterations count towards compiling the contract at the next tier.
                // Lets a debugger pause (and other thread-local actions run) inside a long loop.
                TruffleSafepoint.poll(this);
                if (CompilerDirectives.hasNextTier()) {
                    LoopNode.reportLoopCount(this, 1);
                }
                // A region runs on the contract's materialized frame, which OSR cannot take over.
                if (regions == null && CompilerDirectives.inInterpreter() && BytecodeOSRNode.pollOSRBackEdge(this, 1)) {
                    Object result = BytecodeOSRNode.tryOSR(this, index, null, null, frame);
                    if (result != null) {
                        return result;
                    }
                }
            }
        }
    }

    /** A destination this jump has not seen: check it, find or build its block, and remember it. */
    private int resolve(ZvmBlockNode block, long dest) {
        if (dest < 0 || !source.isJumpDestination(dest)) {
            throw ZvmException.create(HaltReason.INVALID_JUMP, "destination " + (dest < 0 ? "out of range" : dest), block.instructions()[block.instructions().length - 1]);
        }
        int pc = (int) dest;
        int index = source.blockAt(pc);
        if (index < 0) {
            index = regions == null ? table.blocks.length : regions.blockCount();
            ZvmBlockNode built = source.buildBlockAt(pc, index);
            if (regions == null) {
                adopt(index, built);
            } else {
                regions.add(built);
            }
            source.registerBlock(pc, index);
        }
        int n = block.seenDestinations.length;
        block.seenDestinations = Arrays.copyOf(block.seenDestinations, n + 1);
        block.seenDestinations[n] = dest;
        block.seenBlocks = Arrays.copyOf(block.seenBlocks, n + 1);
        block.seenBlocks[n] = index;
        return index;
    }

    /**
     * Makes {@code block} this dispatch's block {@code index}. Compiled code that folded the old table never
     * reaches the new index without deoptimizing first: through a dynamic jump's or an entry's profile.
     */
    void adopt(int index, ZvmBlockNode block) {
        ZvmBlockNode[] old = table.blocks;
        ZvmBlockNode[] grown = Arrays.copyOf(old, Math.max(old.length, index + 1));
        grown[index] = block;
        BlockTable newTable = new BlockTable(grown);
        table = insert(newTable);
        notifyInserted(newTable);
    }
}
