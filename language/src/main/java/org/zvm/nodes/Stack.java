// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes;

import org.zvm.opcode.GasCosts;
import org.zvm.runtime.Message;
import org.zvm.runtime.UInt256;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * The frame layout of a contract invocation and the operand-stack accessors every node uses.
 *
 * <p>A 256-bit word occupies four static {@code long} slots (little-endian limbs), so the stack never
 * allocates and Graal can keep a virtual frame's words in registers. The stack pointer lives in a slot
 * too: blocks profile its value on entry, which makes it a partial-evaluation constant in compiled code,
 * and then every {@code pos} below is a constant slot index. Positions from {@link #FRAME_POSITIONS}
 * up spill to a heap array in the {@link Message}: deep stacks are legal but rare, and a small frame is
 * what escape analysis can virtualize.
 */
public final class Stack {
    private Stack() {
    }

    /** Current stack height (int). */
    public static final int SP = 0;
    /** Gas left (long). Blocks pre-charge their static gas, see {@link ZvmBlockNode}. */
    public static final int GAS = 1;
    /** Destination of the last JUMP/JUMPI (long; -1 when it does not fit an offset). */
    public static final int DEST = 2;
    /** Condition of the last JUMPI (int, 0 or 1). */
    public static final int COND = 3;
    /**
     * 1 while a block runs instruction by instruction (see {@link ZvmBlockNode}): gas then is charged
     * per instruction instead of per block, which tools must know to show the gas before an instruction.
     */
    public static final int EXACT = 4;
    /** Index of the block where control goes on when it leaves a region of large code (int, see {@link Regions}). */
    public static final int NEXT = 5;
    private static final int BASE = 6;
    /** Stack positions held in frame slots; the rest spill to {@link Message#spill}. */
    public static final int FRAME_POSITIONS = 24;

    public static FrameDescriptor descriptor() {
        FrameDescriptor.Builder b = FrameDescriptor.newBuilder(BASE + 4 * FRAME_POSITIONS);
        b.addSlots(BASE + 4 * FRAME_POSITIONS, FrameSlotKind.Static);
        return b.build();
    }

    public static int sp(Frame f) {
        return f.getIntStatic(SP);
    }

    public static void setSp(Frame f, int sp) {
        f.setIntStatic(SP, sp);
    }

    /**
     * Copies the height, the gas, the exactness flag and the frame-resident words below the height (the
     * live stack; nothing else may be read) from {@code from} to {@code to}, for {@link Regions}.
     */
    @ExplodeLoop
    static void copyState(Frame from, Frame to) {
        int sp = from.getIntStatic(SP);
        to.setIntStatic(SP, sp);
        to.setLongStatic(GAS, from.getLongStatic(GAS));
        to.setIntStatic(EXACT, from.getIntStatic(EXACT));
        for (int pos = 0; pos < FRAME_POSITIONS; pos++) {
            if (pos < sp) {
                int slot = BASE + (pos << 2);
                to.setLongStatic(slot, from.getLongStatic(slot));
                to.setLongStatic(slot + 1, from.getLongStatic(slot + 1));
                to.setLongStatic(slot + 2, from.getLongStatic(slot + 2));
                to.setLongStatic(slot + 3, from.getLongStatic(slot + 3));
            }
        }
    }

    public static long get(Frame f, int pos, int limb) {
        if (pos < FRAME_POSITIONS) {
            return f.getLongStatic(BASE + (pos << 2) + limb);
        }
        return spill(f)[((pos - FRAME_POSITIONS) << 2) + limb];
    }

    public static void set(Frame f, int pos, int limb, long v) {
        if (pos < FRAME_POSITIONS) {
            f.setLongStatic(BASE + (pos << 2) + limb, v);
        } else {
            spill(f)[((pos - FRAME_POSITIONS) << 2) + limb] = v;
        }
    }

    public static void set(Frame f, int pos, long w0, long w1, long w2, long w3) {
        set(f, pos, 0, w0);
        set(f, pos, 1, w1);
        set(f, pos, 2, w2);
        set(f, pos, 3, w3);
    }

    /** Writes a value that fits in 64 bits (unsigned). */
    public static void setLong(Frame f, int pos, long v) {
        set(f, pos, v, 0, 0, 0);
    }

    public static void setBool(Frame f, int pos, boolean v) {
        set(f, pos, v ? 1 : 0, 0, 0, 0);
    }

    public static void set(Frame f, int pos, long[] w) {
        set(f, pos, w[0], w[1], w[2], w[3]);
    }

    public static void set(Frame f, int pos, UInt256 w) {
        set(f, pos, w.w0(), w.w1(), w.w2(), w.w3());
    }

    public static long[] read(Frame f, int pos) {
        return new long[]{get(f, pos, 0), get(f, pos, 1), get(f, pos, 2), get(f, pos, 3)};
    }

    public static UInt256 readWord(Frame f, int pos) {
        return new UInt256(get(f, pos, 0), get(f, pos, 1), get(f, pos, 2), get(f, pos, 3));
    }

    /** True if the word at {@code pos} fits in the low limb. */
    public static boolean isSmall(Frame f, int pos) {
        return (get(f, pos, 1) | get(f, pos, 2) | get(f, pos, 3)) == 0;
    }

    public static boolean isZero(Frame f, int pos) {
        return (get(f, pos, 0) | get(f, pos, 1) | get(f, pos, 2) | get(f, pos, 3)) == 0;
    }

    /**
     * The word at {@code pos} as a non-negative long, or {@link Long#MAX_VALUE} when it is larger: for
     * offsets and sizes, where anything that large runs out of gas anyway.
     */
    public static long readSaturated(Frame f, int pos) {
        long w0 = get(f, pos, 0);
        if ((get(f, pos, 1) | get(f, pos, 2) | get(f, pos, 3)) != 0 || w0 < 0) {
            return Long.MAX_VALUE;
        }
        return w0;
    }

    /** Marks the word at frame position {@code pos} (below {@link #FRAME_POSITIONS}) as dead. */
    public static void clear(Frame f, int pos) {
        int slot = BASE + (pos << 2);
        f.clearStatic(slot);
        f.clearStatic(slot + 1);
        f.clearStatic(slot + 2);
        f.clearStatic(slot + 3);
    }

    public static void copy(Frame f, int from, int to) {
        set(f, to, get(f, from, 0), get(f, from, 1), get(f, from, 2), get(f, from, 3));
    }

    public static Message message(Frame f) {
        return (Message) f.getArguments()[0];
    }

    private static long[] spill(Frame f) {
        Message m = message(f);
        long[] s = m.spill;
        return s != null ? s : allocateSpill(m);
    }

    @TruffleBoundary
    private static long[] allocateSpill(Message m) {
        m.spill = new long[4 * (GasCosts.STACK_LIMIT - FRAME_POSITIONS)];
        return m.spill;
    }
}
