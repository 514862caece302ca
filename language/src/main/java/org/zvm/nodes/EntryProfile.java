// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * What a region of large code (see {@link Regions}) found on the stack when entered through one block:
 * the height, and for each limb of each frame-resident word the one value it has had on every entry so
 * far. The region's compiled code takes such a limb as a constant behind a guard, so the values the code
 * before it pushed (loop bounds, offsets, masks, return addresses) fold inside the region as they would
 * in one compilation unit; without it, every word crossing a region boundary is unknown. A limb that
 * shows a second value is dropped for good (one deoptimization, after which it is read as it is), as
 * Truffle's value profiles do; an entry whose limbs keep changing gives up after a few such drops, so no
 * entry costs the region more than a few recompilations.
 */
final class EntryProfile {
    private static final int UNSEEN = -1;
    private static final int VARIES = -2;
    /** Entries that changed fixed limbs this often give the profile up. */
    private static final int MAX_DROPS = 3;

    private int drops;
    @CompilationFinal private int height = UNSEEN;
    /** Per limb of the words below {@link #height} (frame-resident only): the value seen, and whether it is the only one. */
    @CompilationFinal(dimensions = 1) private long[] values;
    @CompilationFinal(dimensions = 1) private boolean[] fixed;

    /** Called on each entry, before the entry block runs: makes the height and the fixed limbs constants. */
    @ExplodeLoop
    void apply(VirtualFrame frame) {
        int h = height;
        if (h == VARIES) {
            return;
        }
        int sp = Stack.sp(frame);
        if (h == UNSEEN || sp != h) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            record(frame, sp);
            return;
        }
        long[] v = values;
        boolean[] f = fixed;
        if (v == null || f == null) {
            return;
        }
        Stack.setSp(frame, h);
        for (int i = 0; i < v.length; i++) {
            if (f[i]) {
                if (Stack.get(frame, i >> 2, i & 3) != v[i]) {
                    CompilerDirectives.transferToInterpreterAndInvalidate();
                    dropChanged(frame);
                    return;
                }
                Stack.set(frame, i >> 2, i & 3, v[i]);
            }
        }
    }

    /** The first entry fixes every limb; an entry at another height gives the profile up. */
    private void record(VirtualFrame frame, int sp) {
        if (height != UNSEEN) {
            height = VARIES;
            values = null;
            fixed = null;
            return;
        }
        int limbs = 4 * Math.min(sp, Stack.FRAME_POSITIONS);
        long[] v = new long[limbs];
        boolean[] f = new boolean[limbs];
        for (int i = 0; i < limbs; i++) {
            v[i] = Stack.get(frame, i >> 2, i & 3);
            f[i] = true;
        }
        values = v;
        fixed = f;
        height = sp;
    }

    /** Drops every limb that differs on this entry at once, so one entry costs one deoptimization. */
    private void dropChanged(VirtualFrame frame) {
        if (++drops >= MAX_DROPS) {
            height = VARIES;
            values = null;
            fixed = null;
            return;
        }
        long[] v = values;
        boolean[] seen = fixed;
        if (v == null || seen == null) {
            return;
        }
        boolean[] f = seen.clone();
        for (int i = 0; i < v.length; i++) {
            if (f[i] && Stack.get(frame, i >> 2, i & 3) != v[i]) {
                f[i] = false;
            }
        }
        fixed = f;
    }
}
