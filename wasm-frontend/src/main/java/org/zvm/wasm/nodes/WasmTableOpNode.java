// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import java.util.Arrays;

import org.zvm.wasm.WasmException;
import org.zvm.wasm.runtime.Instance;
import org.zvm.wasm.runtime.WasmTable;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * Table instructions on table {@code table}: {@code table.get} (0x25), {@code table.set} (0x26) and the
 * 0xfc ones numbered {@code 0x100 +} sub-opcode: {@code table.init} (12, of element segment {@code other}),
 * {@code elem.drop} (13), {@code table.copy} (14, from table {@code other}), {@code table.grow} (15),
 * {@code table.size} (16), {@code table.fill} (17). Operands start at {@code slot}.
 */
public final class WasmTableOpNode extends WasmNode {
    public static final int GET = 0x25;
    public static final int SET = 0x26;
    public static final int INIT = 0x10C;
    public static final int DROP = 0x10D;
    public static final int COPY = 0x10E;
    public static final int GROW = 0x10F;
    public static final int SIZE = 0x110;
    public static final int FILL = 0x111;

    private final int opcode;
    private final int slot;
    private final int table;
    private final int other;
    private final Instance instance;

    public WasmTableOpNode(int opcode, int slot, int table, int other, Instance instance) {
        this.opcode = opcode;
        this.slot = slot;
        this.table = table;
        this.other = other;
        this.instance = instance;
    }

    @Override
    public int execute(VirtualFrame frame) {
        WasmTable t = instance.tables[table];
        switch (opcode) {
            case GET -> frame.setObjectStatic(slot, t.get((int) frame.getLongStatic(slot)));
            case SET -> t.set((int) frame.getLongStatic(slot), frame.getObjectStatic(slot + 1));
            case SIZE -> frame.setLongStatic(slot, t.size());
            case GROW -> frame.setLongStatic(slot, grow(t, frame.getObjectStatic(slot), (int) frame.getLongStatic(slot + 1)));
            case DROP -> instance.elements[other] = new Object[0];
            case FILL -> fill(t, (int) frame.getLongStatic(slot), frame.getObjectStatic(slot + 1), (int) frame.getLongStatic(slot + 2));
            case INIT, COPY -> bulk(t, (int) frame.getLongStatic(slot), (int) frame.getLongStatic(slot + 1), (int) frame.getLongStatic(slot + 2));
            default -> throw CompilerDirectives.shouldNotReachHere("table op " + opcode);
        }
        return NEXT;
    }

    @TruffleBoundary
    private static int grow(WasmTable t, Object init, int delta) {
        return t.grow(delta, init);
    }

    @TruffleBoundary
    private static void fill(WasmTable t, int i, Object value, int n) {
        check(i, n, t.size());
        Arrays.fill(t.elements, i, i + n, value);
    }

    @TruffleBoundary
    private void bulk(WasmTable t, int d, int s, int n) {
        Object[] source = opcode == INIT ? instance.elements[other] : instance.tables[other].elements;
        check(s, n, source.length);
        check(d, n, t.size());
        System.arraycopy(source, s, t.elements, d, n);
    }

    private static void check(int start, int n, int length) {
        if (Integer.toUnsignedLong(start) + Integer.toUnsignedLong(n) > length) {
            throw WasmException.trap("out of bounds table access");
        }
    }
}
