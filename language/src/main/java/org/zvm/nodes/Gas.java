// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes;

import org.zvm.error.HaltReason;
import org.zvm.error.ZvmException;
import org.zvm.opcode.GasCosts;
import org.zvm.runtime.Memory;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

/** Dynamic gas charging shared by the nodes; static gas is the block's business. */
public final class Gas {
    private Gas() {
    }

    /** Memory beyond this many words is refused as out of gas: its cost exceeds any real gas limit. */
    private static final long MAX_MEMORY_WORDS = (Integer.MAX_VALUE - 64) / 32;

    public static long left(VirtualFrame f) {
        return f.getLongStatic(Stack.GAS);
    }

    /**
     * The exact gas left before {@code n} runs, as a one-instruction-at-a-time VM would see it: the
     * counter plus what the block charged ahead for {@code n} and its successors (or, in a block running
     * instruction by instruction, plus {@code n}'s own base cost). SSTORE's stipend check, GAS and tools
     * need this figure.
     */
    public static long before(Frame f, ZvmInstructionNode n) {
        long counter = f.getLongStatic(Stack.GAS);
        return f.getIntStatic(Stack.EXACT) != 0 ? counter + n.baseGas() : counter + n.prechargedGas();
    }

    public static void charge(VirtualFrame f, long amount, Node where) {
        long gas = f.getLongStatic(Stack.GAS);
        if (amount < 0 || amount > gas) {
            throw ZvmException.create(HaltReason.OUT_OF_GAS, where);
        }
        f.setLongStatic(Stack.GAS, gas - amount);
    }

    /** Gives back gas a sub-call did not use. */
    public static void refund(VirtualFrame f, long amount) {
        f.setLongStatic(Stack.GAS, f.getLongStatic(Stack.GAS) + amount);
    }

    /**
     * Charges the expansion of {@code memory} to cover {@code [offset, offset + len)} and grows it. A zero
     * length touches nothing, whatever the offset (EVM rule). Offsets and lengths come saturated (see
     * {@link Stack#readSaturated}), so anything huge is out of gas here. An access inside the memory as it
     * is costs one comparison; only growth, a few times per call, leaves compiled code, and only in
     * instructions that have grown memory before (see {@link ZvmInstructionNode#growingMemory}).
     */
    public static void chargeMemory(VirtualFrame f, Memory memory, long offset, long len, ZvmInstructionNode where) {
        if (len == 0 || memory.holds(offset, len)) {
            return;
        }
        where.growingMemory();
        long gas = expandMemory(memory, offset, len, f.getLongStatic(Stack.GAS));
        if (gas < 0) {
            throw ZvmException.create(HaltReason.OUT_OF_GAS, where);
        }
        f.setLongStatic(Stack.GAS, gas);
    }

    /**
     * Grows {@code memory} past its end to cover {@code [offset, offset + len)} if {@code gas} pays for it,
     * returning the gas left, or -1 (nothing grown) when it does not.
     */
    @TruffleBoundary
    private static long expandMemory(Memory memory, long offset, long len, long gas) {
        long end = offset + len;
        if (offset == Long.MAX_VALUE || len == Long.MAX_VALUE || end < 0) {
            return -1;
        }
        long words = GasCosts.words(end);
        long current = memory.words();
        if (words > MAX_MEMORY_WORDS) {
            return -1;
        }
        long cost = GasCosts.memoryCost(words) - GasCosts.memoryCost(current);
        if (cost > gas) {
            return -1;
        }
        memory.growTo(words);
        return gas - cost;
    }

    /** Per-word cost of {@code len} bytes, saturating instead of overflowing. */
    public static long perWord(long len, long perWord) {
        long words = GasCosts.words(len);
        return words > Long.MAX_VALUE / perWord ? Long.MAX_VALUE : words * perWord;
    }
}
