// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes;

import java.util.Arrays;

import org.zvm.ZvmLanguage;
import org.zvm.debug.SolidityFunctions;
import org.zvm.runtime.CodeFormat;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.source.SourceSection;

/**
 * Large code cut into regions of a fixed number of bytes of code (option {@code zvm.RegionBytes}), each
 * compiled on its own. One
 * call target for a whole large contract is a graph Graal takes minutes to compile, or gives up on
 * (the 24,021-instruction straight line of the signextend benchmark, blake2b written in Huff), so such
 * code would run in the interpreter for ever; a region is small enough to compile in a second or two.
 *
 * <p>A block belongs to the region its first instruction lies in. The contract's root runs the driver
 * ({@link Driver}): it materializes the frame once and calls the region of the next block with it; the
 * region copies the stack into its own frame, runs its {@link ZvmDispatchNode} until control leaves the
 * region, and copies the stack back with the next block's index in {@link Stack#NEXT}. Stack words
 * thus live in the heap frame between regions but in registers inside one.
 */
public final class Regions {
    /** Code bytes per region by default: a few hundred to a thousand instructions. */
    public static final int DEFAULT_REGION_BYTES = 1024;
    /** Code up to this many regions long compiles as one unit quickly enough. */
    private static final int MAX_WHOLE_REGIONS = 8;
    /** What a region's dispatch returns when control continues in another region. */
    static final Object CONTINUE = new Object();

    private final ZvmDispatchNode[] dispatchers;
    @CompilationFinal(dimensions = 1) private final CallTarget[] targets;
    /** The region of each block index, grown when a dynamic jump adds a block. */
    @CompilationFinal(dimensions = 1) private int[] regionOfBlock;

    private final int regionBytes;

    /** Whether code of {@code length} bytes is run in regions of {@code regionBytes} (0: never). */
    public static boolean wanted(int length, int regionBytes) {
        return regionBytes > 0 && length > MAX_WHOLE_REGIONS * regionBytes;
    }

    /**
     * Distributes {@code blocks} over the regions of code of {@code length} bytes; each region's root is
     * named and placed like the contract so tools show the contract.
     */
    public Regions(ZvmLanguage language, ZvmBlockNode[] blocks, BlockSource source, int length, int regionBytes, String name, SourceSection section, CodeFormat format,
                    SolidityFunctions solidity) {
        this.regionBytes = regionBytes;
        int count = length / regionBytes + 1;
        ZvmBlockNode[][] tables = new ZvmBlockNode[count][blocks.length];
        regionOfBlock = new int[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            int r = blocks[i].startPc / regionBytes;
            regionOfBlock[i] = r;
            tables[r][i] = blocks[i];
        }
        dispatchers = new ZvmDispatchNode[count];
        targets = new CallTarget[count];
        for (int r = 0; r < count; r++) {
            dispatchers[r] = new ZvmDispatchNode(tables[r], source, this, r);
            targets[r] = new RegionRootNode(language, dispatchers[r], name, section, format, solidity).getCallTarget();
        }
    }

    /** The contract root's body: runs the regions from the code's first block. */
    public ZvmCodeNode driver() {
        return new Driver(this);
    }

    boolean owns(int region, int block) {
        return regionOfBlock[block] == region;
    }

    int blockCount() {
        return regionOfBlock.length;
    }

    /** Adds a block a dynamic jump found, at index {@link #blockCount()}, to the region it starts in. */
    void add(ZvmBlockNode block) {
        int index = regionOfBlock.length;
        int r = block.startPc / regionBytes;
        regionOfBlock = Arrays.copyOf(regionOfBlock, index + 1);
        regionOfBlock[index] = r;
        dispatchers[r].adopt(index, block);
    }

    /** The contract root's body in region mode: runs region after region from block 0. */
    static final class Driver extends ZvmCodeNode {
        private final Regions regions;
        @Child private IndirectCallNode call = IndirectCallNode.create();

        Driver(Regions regions) {
            this.regions = regions;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            MaterializedFrame shared = frame.materialize();
            int index = 0;
            while (true) {
                Object result = call.call(regions.targets[regions.regionOfBlock[index]], frame.getArguments()[0], shared, index);
                if (result != CONTINUE) {
                    return result;
                }
                index = shared.getIntStatic(Stack.NEXT);
            }
        }
    }

    /**
     * One region's call target: its arguments are the message, the contract's frame and the block to start
     * at. It runs on a frame of its own, virtual in compiled code, into which it copies the stack on entry
     * and out of which it copies it on exit: instructions on a heap frame would fold nothing (a constant
     * pushed is no constant to the next instruction) and compile to ten times the code.
     */
    private static final class RegionRootNode extends ZvmCodeRootNode {
        @Child private ZvmDispatchNode dispatch;

        RegionRootNode(ZvmLanguage language, ZvmDispatchNode dispatch, String name, SourceSection section, CodeFormat format,
                    SolidityFunctions solidity) {
            super(language, name, section, format, solidity);
            this.dispatch = dispatch;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            Object[] args = frame.getArguments();
            MaterializedFrame shared = (MaterializedFrame) args[1];
            Stack.copyState(shared, frame);
            Object result = dispatch.executeRegion(frame, (int) args[2]);
            Stack.copyState(frame, shared);
            if (result == CONTINUE) {
                shared.setIntStatic(Stack.NEXT, frame.getIntStatic(Stack.NEXT));
            }
            return result;
        }
    }
}
