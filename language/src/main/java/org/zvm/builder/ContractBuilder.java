// SPDX-License-Identifier: Apache-2.0
package org.zvm.builder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.zvm.ZvmLanguage;
import org.zvm.builder.InstructionInfo.Control;
import org.zvm.error.HaltReason;
import org.zvm.nodes.BlockSource;
import org.zvm.nodes.Regions;
import org.zvm.nodes.ZvmBlockNode;
import org.zvm.nodes.ZvmBodyNode;
import org.zvm.nodes.ZvmCodeNode;
import org.zvm.nodes.ZvmContractRootNode;
import org.zvm.nodes.ZvmDispatchNode;
import org.zvm.nodes.ZvmInstructionNode;

import com.oracle.truffle.api.source.SourceSection;

/**
 * Builds the node tree of one piece of code from a frontend's {@link CodeModel}: finds the basic blocks,
 * resolves {@code PUSH dest; JUMP} pairs to direct block edges at parse time, and creates the nodes.
 * Shared by every format, so blocks, gas and jumps work the same for native, EVM and WASM code.
 *
 * <p>Block leaders are: offset 0, the instruction after anything that ends a block, the targets of
 * static jumps, and every {@link #MAX_BLOCK_INSTRUCTIONS}th instruction of a longer straight line. A
 * dynamic jump to any other legal destination (a JUMPDEST inside a block) gets a block from there built
 * on demand ({@link BlockSource}). A jump destination is no leader by itself: most follow a jump or are
 * a static jump's target anyway, and a run of them that only a few dynamic jumps enter stays one block,
 * one gas check, instead of a block per JUMPDEST.
 */
public final class ContractBuilder implements BlockSource {
    /**
     * Most instructions in one block. A compiled block is one unrolled loop over its instructions, and
     * Graal abandons a compilation whose unrolling passes 10,000 iterations (its MaximumLoopExplosionCount):
     * generated code such as the signextend micro-benchmark has a straight line of 24,021 instructions. At
     * this size the per-block checks stay rare and no unrolling comes near the limit.
     */
    public static final int MAX_BLOCK_INSTRUCTIONS = 128;
    private final CodeModel model;
    private final int codeLength;
    /** Block index by start pc; -1 where no block starts. */
    private final int[] blockAtPc;
    private final TreeSet<Integer> leaders = new TreeSet<>();
    /** Jumps whose destination is pushed by the instruction right before them: jump pc to destination. */
    private final Map<Integer, Long> pushedDestinations = new HashMap<>();
    /** Offsets of the instructions a debugger stops at: the first of each run on one source line. */
    private final BitSet statements = new BitSet();
    /** Blocks built but not yet linked to their successors' indices. */
    private final List<ZvmBlockNode> unlinked = new ArrayList<>();

    private ContractBuilder(CodeModel model) {
        this.model = model;
        this.codeLength = model.code().length;
        this.blockAtPc = new int[codeLength + 1];
        Arrays.fill(blockAtPc, -1);
    }

    /** Builds the call target's root node for {@code model}, in regions of {@code regionBytes} if it is long (see {@link Regions}). */
    public static ZvmContractRootNode build(ZvmLanguage language, CodeModel model, int regionBytes) {
        ContractBuilder b = new ContractBuilder(model);
        ZvmBlockNode[] blocks = b.buildAll();
        SourceSection whole = model.source().hasCharacters() ? model.source().createSection(0, model.source().getLength()) : null;
        ZvmCodeNode code = Regions.wanted(b.codeLength, regionBytes)
                        ? new Regions(language, blocks, b, b.codeLength, regionBytes, model.name(), whole, model.format(), model.solidity()).driver()
                        : new ZvmDispatchNode(blocks, b);
        return new ZvmContractRootNode(language, new ZvmBodyNode(code, whole), model.name(), whole, model.format(), model.solidity());
    }

    private ZvmBlockNode[] buildAll() {
        leaders.add(0);
        InstructionInfo prev = null;
        SourceSection lastLine = null;
        for (int pc = 0; pc < codeLength;) {
            InstructionInfo ins = model.decode(pc);
            SourceSection section = model.section(pc);
            if (startsLine(section, lastLine)) {
                statements.set(pc);
                lastLine = section;
            }
            if (ins.endsBlock()) {
                leaders.add(pc + ins.length());
            }
            if ((ins.control() == Control.JUMP || ins.control() == Control.JUMPI) && prev != null && prev.pushValue() != null) {
                long dest = prev.pushValue().fitsLong() ? prev.pushValue().w0() : -1;
                if (dest >= 0 && dest < codeLength && model.isJumpDestination(dest)) {
                    pushedDestinations.put(pc, dest);
                    leaders.add((int) dest);
                }
            }
            prev = ins;
            pc += ins.length();
        }
        leaders.removeIf(pc -> pc >= codeLength);
        capBlockLengths();
        // A jump that is itself a leader can be entered with any destination on the stack.
        pushedDestinations.keySet().removeIf(leaders::contains);
        int index = 0;
        for (int pc : leaders) {
            blockAtPc[pc] = index++;
        }
        ZvmBlockNode[] blocks = new ZvmBlockNode[leaders.size() + 1];
        index = 0;
        for (int pc : leaders) {
            blocks[index] = buildBlockAt(pc, index);
            index++;
        }
        // The implicit end of the code: running off it stops successfully.
        int end = blocks.length - 1;
        blocks[end] = new ZvmBlockNode(new ZvmInstructionNode[0], codeLength, codeLength, ZvmBlockNode.HALT, -1, HaltReason.STOP);
        blockAtPc[codeLength] = end;
        linkPending();
        return blocks;
    }

    /** Whether {@code section} shows a line other than {@code last}'s; unavailable sections never do. */
    private static boolean startsLine(SourceSection section, SourceSection last) {
        if (section == null || !section.isAvailable()) {
            return false;
        }
        return last == null || !last.getSource().equals(section.getSource()) || last.getStartLine() != section.getStartLine();
    }

    /**
     * Splits straight lines longer than {@link #MAX_BLOCK_INSTRUCTIONS} by adding leaders, never between a
     * push and the jump that uses it, so such jumps stay static.
     */
    private void capBlockLengths() {
        int length = 0;
        for (int pc = 0; pc < codeLength;) {
            if (leaders.contains(pc)) {
                length = 0;
            } else if (length >= MAX_BLOCK_INSTRUCTIONS && !pushedDestinations.containsKey(pc)) {
                leaders.add(pc);
                length = 0;
            }
            length++;
            pc += model.decode(pc).length();
        }
    }

    @Override
    public ZvmBlockNode buildBlockAt(int start, int index) {
        List<ZvmInstructionNode> nodes = new ArrayList<>();
        int pc = start;
        InstructionInfo last = null;
        while (pc < codeLength) {
            InstructionInfo ins = model.decode(pc);
            ZvmInstructionNode node = model.createNode(ins);
            node.init(ins.pc(), ins.opcode(), ins.mnemonic(), ins.baseGas(), ins.inputs(), ins.outputs(), model.section(pc));
            if (statements.get(pc)) {
                node.markStatement();
            }
            nodes.add(node);
            last = ins;
            pc += ins.length();
            if (ins.endsBlock() || leaders.contains(pc)) {
                break;
            }
        }
        Control control = last == null ? Control.STOP : last.control();
        long dest = last == null ? -1 : pushedDestinations.getOrDefault(last.pc(), -1L);
        int exit = switch (control) {
            case JUMP -> dest >= 0 ? ZvmBlockNode.JUMP : ZvmBlockNode.JUMP_DYNAMIC;
            case JUMPI -> dest >= 0 ? ZvmBlockNode.JUMPI : ZvmBlockNode.JUMPI_DYNAMIC;
            case STOP, RETURN, REVERT, SELFDESTRUCT, INVALID -> ZvmBlockNode.HALT;
            case NEXT, ENDS_BLOCK -> ZvmBlockNode.FALLTHROUGH;
        };
        HaltReason reason = switch (control) {
            case STOP -> HaltReason.STOP;
            case RETURN -> HaltReason.RETURN;
            case REVERT -> HaltReason.REVERT;
            case SELFDESTRUCT -> HaltReason.SELFDESTRUCT;
            case INVALID -> HaltReason.INVALID_OPCODE;
            default -> null;
        };
        ZvmBlockNode block = new ZvmBlockNode(nodes.toArray(new ZvmInstructionNode[0]), start, pc, exit, dest, reason);
        unlinked.add(block);
        return block;
    }

    @Override
    public void registerBlock(int pc, int index) {
        blockAtPc[pc] = index;
        linkPending();
    }

    private void linkPending() {
        for (ZvmBlockNode block : unlinked) {
            block.link(this);
        }
        unlinked.clear();
    }

    @Override
    public boolean isJumpDestination(long pc) {
        return pc >= 0 && pc < codeLength && model.isJumpDestination(pc);
    }

    @Override
    public int blockAt(int pc) {
        return pc >= 0 && pc <= codeLength ? blockAtPc[pc] : -1;
    }
}
