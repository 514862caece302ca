// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.parser;

import static org.zvm.wasm.ValueTypes.F32;
import static org.zvm.wasm.ValueTypes.F64;
import static org.zvm.wasm.ValueTypes.FUNCREF;
import static org.zvm.wasm.ValueTypes.I32;
import static org.zvm.wasm.ValueTypes.I64;
import static org.zvm.wasm.ValueTypes.UNKNOWN;
import static org.zvm.wasm.ValueTypes.V128;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.zvm.ZvmLanguage;
import org.zvm.wasm.ValueTypes;
import org.zvm.wasm.WasmException;
import org.zvm.wasm.nodes.WasmBlockNode;
import org.zvm.wasm.nodes.WasmBranchNode;
import org.zvm.wasm.nodes.WasmBranchTableNode;
import org.zvm.wasm.nodes.WasmCallNode;
import org.zvm.wasm.nodes.WasmConstNode;
import org.zvm.wasm.nodes.WasmConvertNode;
import org.zvm.wasm.nodes.WasmCopyNode;
import org.zvm.wasm.nodes.WasmF32Node;
import org.zvm.wasm.nodes.WasmF64Node;
import org.zvm.wasm.nodes.WasmGlobalNode;
import org.zvm.wasm.nodes.WasmI32Node;
import org.zvm.wasm.nodes.WasmI64Node;
import org.zvm.wasm.nodes.WasmIfNode;
import org.zvm.wasm.nodes.WasmLoopNode;
import org.zvm.wasm.nodes.WasmMemoryAccessNode;
import org.zvm.wasm.nodes.WasmMemoryOpNode;
import org.zvm.wasm.nodes.WasmNode;
import org.zvm.wasm.nodes.WasmRefNode;
import org.zvm.wasm.nodes.WasmRootNode;
import org.zvm.wasm.nodes.WasmSelectNode;
import org.zvm.wasm.nodes.WasmSimdNode;
import org.zvm.wasm.nodes.WasmSimdNode.Kind;
import org.zvm.wasm.nodes.WasmTableOpNode;
import org.zvm.wasm.nodes.WasmTrapNode;
import org.zvm.wasm.parser.WasmModule.GlobalType;
import org.zvm.wasm.runtime.FuncType;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;

/**
 * Validates one function body and builds its nodes in the same pass, as the spec's validation algorithm
 * walks it: the operand stack of types tells every instruction's stack height, hence its frame slots
 * ({@code locals + height}); the control stack collects each block's nodes. Code after an unconditional
 * branch is validated (against the polymorphic stack) but builds nothing.
 */
final class CodeBuilder {
    private static final int BLOCK = 0x02;
    private static final int LOOP = 0x03;
    private static final int IF = 0x04;
    private static final int ELSE = 0x05;
    private static final int UNSET = -2;

    /** A block being built. */
    private static final class Control {
        final int opcode;
        final byte[] params;
        final byte[] results;
        /** Stack height below the block's parameters. */
        final int height;
        final int conditionSlot;
        boolean unreachable;
        boolean isElse;
        List<WasmNode> nodes = new ArrayList<>();
        List<WasmNode> thenNodes;
        /** What the node built from this block may return to its parent: one value so far, or MANY (UNSET: none yet). */
        int result = UNSET;

        Control(int opcode, byte[] params, byte[] results, int height, int conditionSlot) {
            this.opcode = opcode;
            this.params = params;
            this.results = results;
            this.height = height;
            this.conditionSlot = conditionSlot;
        }

        byte[] labelTypes() {
            return opcode == LOOP ? params : results;
        }

        void mayReturn(int r) {
            result = result == UNSET || result == r ? r : WasmNode.MANY;
        }

        /** The one value the node returns ({@link WasmNode#NEXT} when it never returns), or MANY. */
        int only() {
            return result == UNSET ? WasmNode.NEXT : result;
        }
    }

    private final ZvmLanguage language;
    private final WasmModule module;
    private final BinaryReader in;
    private final BinaryParser parser;
    private final FuncType type;
    private final byte[] locals;
    private final int dataCount;
    private final BitSet declared;

    private byte[] stack = new byte[16];
    private int sp;
    private int maxHeight;
    private final List<Control> controls = new ArrayList<>();
    private WasmBlockNode body;

    CodeBuilder(ZvmLanguage language, WasmModule module, BinaryReader in, BinaryParser parser, FuncType type, byte[] locals, int dataCount, BitSet declared) {
        this.language = language;
        this.module = module;
        this.in = in;
        this.parser = parser;
        this.type = type;
        this.locals = locals;
        this.dataCount = dataCount;
        this.declared = declared;
    }

    /**
     * Validates and builds the body. When it is invalid, the rest of the body is still decoded before the
     * error is thrown, so a malformed encoding later in it wins, as in the reference interpreter, which
     * decodes a whole module before it validates.
     */
    WasmRootNode build(String name) {
        controls.add(new Control(BLOCK, new byte[0], type.results(), 0, -1));
        int op = 0;
        int open = 0;
        try {
            while (!controls.isEmpty()) {
                op = in.u8();
                open = controls.size();
                Control c = current();
                int emitted = c.nodes.size();
                int before = sp;
                instruction(op);
                if (!controls.isEmpty() && current() == c && c.nodes.size() == emitted + 1 && sp < before && numbers(sp, before)) {
                    c.nodes.getLast().drops(slot(sp), slot(before));
                }
            }
        } catch (WasmException e) {
            if (e.kind() == WasmException.Kind.INVALID) {
                // The failing instruction may have opened a block it did not push, or consumed the end it failed on.
                boolean opened = (op == BLOCK || op == LOOP || op == IF) && controls.size() == open;
                boolean closed = op == 0x0B && controls.size() == open;
                skip(controls.size() + (opened ? 1 : 0) - (closed ? 1 : 0));
            }
            throw e;
        }
        FrameDescriptor.Builder frame = FrameDescriptor.newBuilder();
        frame.addSlots(locals.length + maxHeight + 1, FrameSlotKind.Static);
        return new WasmRootNode(language, frame.build(), name, locals, type.params().length, type.results(), body);
    }

    // ---- the operand stack of types ----

    private int slot(int height) {
        return locals.length + height;
    }

    /** Whether stack entries {@code [from, to)} held numbers (their types stay in the array after a pop). */
    private boolean numbers(int from, int to) {
        for (int i = from; i < to; i++) {
            if (ValueTypes.isObject(stack[i])) {
                return false;
            }
        }
        return true;
    }

    /** The slot of the value on top of the stack. */
    private int top() {
        return slot(sp - 1);
    }

    private void push(byte t) {
        if (sp == stack.length) {
            stack = Arrays.copyOf(stack, sp * 2);
        }
        stack[sp++] = t;
        module.use(t);
        maxHeight = Math.max(maxHeight, sp);
    }

    private void push(byte[] ts) {
        for (byte t : ts) {
            push(t);
        }
    }

    private byte pop() {
        Control c = current();
        if (sp == c.height) {
            if (c.unreachable) {
                return UNKNOWN;
            }
            throw WasmException.invalid("type mismatch");
        }
        return stack[--sp];
    }

    private byte pop(byte expected) {
        byte t = pop();
        if (t != expected && t != UNKNOWN && expected != UNKNOWN) {
            throw WasmException.invalid("type mismatch");
        }
        return t;
    }

    private void pop(byte[] expected) {
        for (int i = expected.length - 1; i >= 0; i--) {
            pop(expected[i]);
        }
    }

    private Control current() {
        return controls.getLast();
    }

    private void unreachable() {
        Control c = current();
        sp = c.height;
        c.unreachable = true;
    }

    private void emit(WasmNode n) {
        if (!current().unreachable) {
            current().nodes.add(n);
        }
    }

    // ---- immediates ----

    private Control label(int depth) {
        if (depth < 0 || depth >= controls.size()) {
            throw WasmException.invalid("unknown label");
        }
        return controls.get(controls.size() - 1 - depth);
    }

    private FuncType blockType() {
        int b = in.peek();
        if (b == 0x40) {
            in.u8();
            return FuncType.EMPTY;
        }
        if ((b & 0xC0) == 0x40) {
            return new FuncType(new byte[0], new byte[] {parser.valueType()});
        }
        long index = in.signed(33);
        if (index < 0 || index >= module.types.length) {
            throw WasmException.invalid("unknown type");
        }
        module.use(module.types[(int) index], true);
        return module.types[(int) index];
    }

    private int local(int index) {
        if (Integer.compareUnsigned(index, locals.length) >= 0) {
            throw WasmException.invalid("unknown local " + Integer.toUnsignedString(index));
        }
        return index;
    }

    private GlobalType global(int index) {
        if (Integer.compareUnsigned(index, module.globals.size()) >= 0) {
            throw WasmException.invalid("unknown global " + Integer.toUnsignedString(index));
        }
        return module.globals.get(index);
    }

    private int function(int index) {
        if (Integer.compareUnsigned(index, module.functionTypes.length) >= 0) {
            throw WasmException.invalid("unknown function " + Integer.toUnsignedString(index));
        }
        return index;
    }

    private byte table(int index) {
        if (Integer.compareUnsigned(index, module.tables.size()) >= 0) {
            throw WasmException.invalid("unknown table " + Integer.toUnsignedString(index));
        }
        return module.tables.get(index).elementType();
    }

    private void memory(int index) {
        if (Integer.compareUnsigned(index, module.memories.size()) >= 0) {
            throw WasmException.invalid("unknown memory " + Integer.toUnsignedString(index));
        }
    }

    private void zero() {
        if (in.u8() != 0) {
            throw WasmException.malformed("zero byte expected");
        }
    }

    private int dataSegment(int index) {
        if (dataCount < 0) {
            throw WasmException.malformed("data count section required");
        }
        if (Integer.compareUnsigned(index, dataCount) >= 0) {
            throw WasmException.invalid("unknown data segment " + Integer.toUnsignedString(index));
        }
        return index;
    }

    private int elemSegment(int index) {
        if (Integer.compareUnsigned(index, module.elements.length) >= 0) {
            throw WasmException.invalid("unknown elem segment " + Integer.toUnsignedString(index));
        }
        return index;
    }

    /** A memarg: alignment (checked against the access size) and the offset. */
    private long memarg(int size) {
        long align = in.unsigned(32);
        long offset = in.unsigned(32);
        memory(0);
        if (align >= 32 || (1L << align) > size) {
            throw WasmException.invalid("alignment must not be larger than natural");
        }
        return offset;
    }

    // ---- instructions ----

    private void instruction(int op) {
        switch (op) {
            case 0x00 -> {
                emit(new WasmTrapNode());
                unreachable();
            }
            case 0x01 -> {
            }
            case BLOCK, LOOP -> {
                FuncType bt = blockType();
                pop(bt.params());
                controls.add(new Control(op, bt.params(), bt.results(), sp, -1));
                push(bt.params());
            }
            case IF -> {
                FuncType bt = blockType();
                pop(I32);
                int condition = slot(sp);
                pop(bt.params());
                controls.add(new Control(op, bt.params(), bt.results(), sp, condition));
                push(bt.params());
            }
            case ELSE -> {
                Control c = current();
                if (c.opcode != IF || c.isElse) {
                    // The reference decoder ends the instruction sequence at a stray else and wants an end.
                    throw WasmException.malformed("END opcode expected");
                }
                endOfBlock(c);
                completes(c);
                c.thenNodes = c.nodes;
                c.nodes = new ArrayList<>();
                c.isElse = true;
                c.unreachable = false;
                push(c.params);
            }
            case 0x0B -> end();
            case 0x0C -> {
                Control target = label(in.u32());
                byte[] types = target.labelTypes();
                pop(types);
                leavesTo(target);
                emit(new WasmBranchNode(depthOf(target), slot(sp), slot(target.height), types.length, -1));
                unreachable();
            }
            case 0x0D -> {
                Control target = label(in.u32());
                pop(I32);
                int condition = slot(sp);
                byte[] types = target.labelTypes();
                pop(types);
                leavesTo(target);
                emit(new WasmBranchNode(depthOf(target), slot(sp), slot(target.height), types.length, condition));
                push(types);
            }
            case 0x0E -> branchTable();
            case 0x0F -> {
                Control target = controls.getFirst();
                pop(target.results);
                leavesTo(target);
                emit(new WasmBranchNode(depthOf(target), slot(sp), slot(0), target.results.length, -1));
                unreachable();
            }
            case 0x10 -> {
                int f = function(in.u32());
                FuncType t = module.functionType(f);
                pop(t.params());
                emit(new WasmCallNode(module.instance, f, -1, t, slot(sp)));
                push(t.results());
            }
            case 0x11 -> {
                long typeIndex = in.unsigned(32);
                int table = in.u32();
                if (table(table) != FUNCREF) {
                    throw WasmException.invalid("type mismatch");
                }
                if (table != 0) {
                    module.features.add(WasmModule.Feature.REFERENCE_TYPES);
                }
                if (typeIndex >= module.types.length) {
                    throw WasmException.invalid("unknown type");
                }
                FuncType t = module.types[(int) typeIndex];
                pop(I32);
                pop(t.params());
                emit(new WasmCallNode(module.instance, -1, table, t, slot(sp)));
                push(t.results());
            }
            case 0x1A -> pop();
            case 0x1B -> {
                pop(I32);
                byte b = pop();
                byte a = pop();
                if (ValueTypes.isReference(a) || ValueTypes.isReference(b) || a != b && a != UNKNOWN && b != UNKNOWN) {
                    throw WasmException.invalid("type mismatch");
                }
                emit(new WasmSelectNode(slot(sp)));
                push(a == UNKNOWN ? b : a);
            }
            case 0x1C -> {
                module.features.add(WasmModule.Feature.REFERENCE_TYPES);
                int n = in.length();
                if (n != 1) {
                    for (int i = 0; i < n; i++) {
                        parser.valueType();
                    }
                    throw WasmException.invalid("invalid result arity");
                }
                byte t = parser.valueType();
                pop(I32);
                pop(t);
                pop(t);
                emit(new WasmSelectNode(slot(sp)));
                push(t);
            }
            case 0x20 -> {
                int l = local(in.u32());
                emit(new WasmCopyNode(l, slot(sp)));
                push(locals[l]);
            }
            case 0x21 -> {
                int l = local(in.u32());
                pop(locals[l]);
                emit(new WasmCopyNode(slot(sp), l));
            }
            case 0x22 -> {
                int l = local(in.u32());
                pop(locals[l]);
                emit(new WasmCopyNode(slot(sp), l));
                push(locals[l]);
            }
            case 0x23 -> {
                int g = in.u32();
                GlobalType gt = global(g);
                emit(new WasmGlobalNode(module.instance, g, slot(sp), false, ValueTypes.isObject(gt.type())));
                push(gt.type());
            }
            case 0x24 -> {
                int g = in.u32();
                GlobalType gt = global(g);
                if (!gt.mutable()) {
                    throw WasmException.invalid("global is immutable");
                }
                pop(gt.type());
                emit(new WasmGlobalNode(module.instance, g, slot(sp), true, ValueTypes.isObject(gt.type())));
            }
            case 0x25 -> {
                int t = in.u32();
                byte et = table(t);
                pop(I32);
                emit(new WasmTableOpNode(WasmTableOpNode.GET, slot(sp), t, 0, module.instance));
                push(et);
            }
            case 0x26 -> {
                int t = in.u32();
                byte et = table(t);
                pop(et);
                pop(I32);
                emit(new WasmTableOpNode(WasmTableOpNode.SET, slot(sp), t, 0, module.instance));
            }
            case 0x3F -> {
                zero();
                memory(0);
                emit(new WasmMemoryOpNode(WasmMemoryOpNode.SIZE, slot(sp), 0, module.instance));
                push(I32);
            }
            case 0x40 -> {
                zero();
                memory(0);
                pop(I32);
                emit(new WasmMemoryOpNode(WasmMemoryOpNode.GROW, slot(sp), 0, module.instance));
                push(I32);
            }
            case 0x41 -> {
                emit(new WasmConstNode(slot(sp), (int) in.signed(32)));
                push(I32);
            }
            case 0x42 -> {
                emit(new WasmConstNode(slot(sp), in.signed(64)));
                push(I64);
            }
            case 0x43 -> {
                emit(new WasmConstNode(slot(sp), in.fixed32()));
                push(F32);
            }
            case 0x44 -> {
                emit(new WasmConstNode(slot(sp), in.fixed64()));
                push(F64);
            }
            case 0xD0 -> {
                byte t = (byte) in.u8();
                if (!ValueTypes.isReference(t)) {
                    throw WasmException.malformed("malformed reference type");
                }
                emit(new WasmRefNode(op, slot(sp), 0, module.instance));
                push(t);
            }
            case 0xD1 -> {
                byte t = pop();
                if (t != UNKNOWN && !ValueTypes.isReference(t)) {
                    throw WasmException.invalid("type mismatch");
                }
                emit(new WasmRefNode(op, slot(sp), 0, module.instance));
                push(I32);
            }
            case 0xD2 -> {
                int f = function(in.u32());
                if (!declared.get(f)) {
                    throw WasmException.invalid("undeclared function reference");
                }
                emit(new WasmRefNode(op, slot(sp), f, module.instance));
                push(FUNCREF);
            }
            case 0xFC -> prefixed(in.u32());
            case 0xFD -> simd(in.u32());
            default -> {
                if (op >= 0x28 && op <= 0x3E) {
                    memoryAccess(op);
                } else if (op >= 0x45 && op <= 0xC4) {
                    numeric(op);
                } else {
                    throw WasmException.malformed("illegal opcode " + Integer.toHexString(op));
                }
            }
        }
    }

    /** Whether {@code op} is an opcode of an instruction (so a constant expression holding it is invalid, not malformed). */
    static boolean isOpcode(int op) {
        return op <= 0x05 || op >= 0x0B && op <= 0x11 || op >= 0x1A && op <= 0x1C || op >= 0x20 && op <= 0x26 || op >= 0x28 && op <= 0xC4
                        || op >= 0xD0 && op <= 0xD2 || op == 0xFC || op == 0xFD;
    }

    /** Checks that the stack holds exactly the block's results. */
    private void endOfBlock(Control c) {
        pop(c.results);
        if (sp != c.height) {
            throw WasmException.invalid("type mismatch");
        }
    }

    private void end() {
        Control c = current();
        endOfBlock(c);
        if (c.opcode == IF && !c.isElse && !Arrays.equals(c.params, c.results)) {
            throw WasmException.invalid("type mismatch");
        }
        completes(c);
        if (c.opcode == IF && !c.isElse) {
            // The missing else arm completes too.
            c.mayReturn(WasmNode.NEXT);
        }
        controls.removeLast();
        WasmNode[] nodes = c.nodes.toArray(new WasmNode[0]);
        int only = c.only();
        if (controls.isEmpty()) {
            body = new WasmBlockNode(nodes, module.instance, only);
            return;
        }
        WasmNode n = switch (c.opcode) {
            case LOOP -> new WasmLoopNode(nodes, module.instance, only);
            case IF -> c.isElse
                            ? new WasmIfNode(c.conditionSlot, new WasmBlockNode(c.thenNodes.toArray(new WasmNode[0]), module.instance, only),
                                            new WasmBlockNode(nodes, module.instance, only))
                            : new WasmIfNode(c.conditionSlot, new WasmBlockNode(nodes, module.instance, only), new WasmBlockNode(new WasmNode[0], module.instance, only));
            default -> new WasmBlockNode(nodes, module.instance, only);
        };
        emit(n);
        push(c.results);
    }

    /** The end of {@code c} (or of its then arm) is reached when the code before it is: the node returns NEXT. */
    private static void completes(Control c) {
        if (!c.unreachable) {
            c.mayReturn(WasmNode.NEXT);
        }
    }

    /**
     * Records a branch to {@code target} about to be emitted (none is in unreachable code): each block it
     * leaves returns the target's depth from its parent, and a block (not a loop) it lands on returns NEXT.
     */
    private void leavesTo(Control target) {
        if (current().unreachable) {
            return;
        }
        int t = controls.lastIndexOf(target);
        for (int k = t + 1; k < controls.size(); k++) {
            controls.get(k).mayReturn(k - 1 - t);
        }
        if (target.opcode != LOOP) {
            target.mayReturn(WasmNode.NEXT);
        }
    }

    /** Blocks between the current one and {@code target}: what the branch returns. */
    private int depthOf(Control target) {
        return controls.size() - 1 - controls.lastIndexOf(target);
    }

    private void branchTable() {
        int n = in.length();
        int[] raw = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            raw[i] = in.u32();
        }
        int[] depths = new int[n + 1];
        int[] targets = new int[n + 1];
        Control[] labels = new Control[n + 1];
        for (int i = 0; i <= n; i++) {
            labels[i] = label(raw[i]);
            depths[i] = depthOf(labels[i]);
            targets[i] = slot(labels[i].height);
        }
        pop(I32);
        int index = slot(sp);
        int arity = labels[n].labelTypes().length;
        int base = sp;
        for (int i = 0; i <= n; i++) {
            byte[] types = labels[i].labelTypes();
            if (types.length != arity) {
                throw WasmException.invalid("type mismatch");
            }
            sp = base;
            pop(types);
        }
        for (Control label : labels) {
            leavesTo(label);
        }
        emit(new WasmBranchTableNode(index, depths, targets, slot(sp), arity));
        unreachable();
    }

    private void memoryAccess(int op) {
        int size = WasmMemoryAccessNode.size(op);
        long offset = memarg(size);
        byte t = switch (op) {
            case 0x28, 0x2C, 0x2D, 0x2E, 0x2F, 0x36, 0x3A, 0x3B -> I32;
            case 0x2A, 0x38 -> F32;
            case 0x2B, 0x39 -> F64;
            default -> I64;
        };
        if (op <= 0x35) {
            pop(I32);
            emit(new WasmMemoryAccessNode(op, slot(sp), offset, module.instance));
            push(t);
        } else {
            pop(t);
            pop(I32);
            emit(new WasmMemoryAccessNode(op, slot(sp), offset, module.instance));
        }
    }

    private void numeric(int op) {
        byte in1;
        byte out;
        boolean binary = false;
        if (op == 0x45 || op >= 0x67 && op <= 0x69 || op == 0xC0 || op == 0xC1) {
            in1 = I32;
            out = I32;
        } else if (op <= 0x4F || op >= 0x6A && op <= 0x78) {
            in1 = I32;
            out = I32;
            binary = true;
        } else if (op == 0x50) {
            in1 = I64;
            out = I32;
        } else if (op <= 0x5A) {
            in1 = I64;
            out = I32;
            binary = true;
        } else if (op <= 0x60) {
            in1 = F32;
            out = I32;
            binary = true;
        } else if (op <= 0x66) {
            in1 = F64;
            out = I32;
            binary = true;
        } else if (op >= 0x79 && op <= 0x7B || op >= 0xC2) {
            in1 = I64;
            out = I64;
        } else if (op <= 0x8A) {
            in1 = I64;
            out = I64;
            binary = true;
        } else if (op <= 0x91) {
            in1 = F32;
            out = F32;
        } else if (op <= 0x98) {
            in1 = F32;
            out = F32;
            binary = true;
        } else if (op <= 0x9F) {
            in1 = F64;
            out = F64;
        } else if (op <= 0xA6) {
            in1 = F64;
            out = F64;
            binary = true;
        } else {
            conversion(op);
            return;
        }
        if (binary) {
            pop(in1);
        }
        pop(in1);
        int s = slot(sp);
        emit(switch (in1) {
            case I32 -> new WasmI32Node(op, s);
            case I64 -> new WasmI64Node(op, s);
            case F32 -> new WasmF32Node(op, s);
            default -> new WasmF64Node(op, s);
        });
        push(out);
    }

    /** Result and operand type of each conversion 0xa7-0xbf (i i32, l i64, f f32, d f64). */
    private static final String CONVERSIONS = "il" + "if" + "if" + "id" + "id" + "li" + "li" + "lf" + "lf" + "ld" + "ld" + "fi" + "fi" + "fl" + "fl" + "fd" + "di" + "di" + "dl" + "dl" + "df" + "if" + "ld" + "fi" + "dl";

    private static byte typeOf(char c) {
        return switch (c) {
            case 'i' -> I32;
            case 'l' -> I64;
            case 'f' -> F32;
            case 'd' -> F64;
            default -> throw new IllegalArgumentException("type letter " + c);
        };
    }

    private void conversion(int op) {
        int k = (op - 0xA7) * 2;
        byte from = typeOf(CONVERSIONS.charAt(k + 1));
        byte to = typeOf(CONVERSIONS.charAt(k));
        pop(from);
        if (op < 0xBC) {
            emit(new WasmConvertNode(op, slot(sp)));
        }
        push(to);
    }

    private void prefixed(int sub) {
        switch (sub) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> {
                module.features.add(WasmModule.Feature.SATURATING_FLOAT_TO_INT);
                pop(sub == 0 || sub == 1 || sub == 4 || sub == 5 ? F32 : F64);
                emit(new WasmConvertNode(WasmConvertNode.SAT + sub, slot(sp)));
                push(sub < 4 ? I32 : I64);
            }
            case 8 -> {
                int index = in.u32();
                zero();
                memory(0);
                int d = dataSegment(index);
                pop(new byte[] {I32, I32, I32});
                emit(new WasmMemoryOpNode(WasmMemoryOpNode.INIT, slot(sp), d, module.instance));
            }
            case 9 -> emit(new WasmMemoryOpNode(WasmMemoryOpNode.DROP, slot(sp), dataSegment(in.u32()), module.instance));
            case 10, 11 -> {
                zero();
                if (sub == 10) {
                    zero();
                }
                memory(0);
                pop(new byte[] {I32, I32, I32});
                emit(new WasmMemoryOpNode(0x100 + sub, slot(sp), 0, module.instance));
            }
            case 12 -> {
                int segment = in.u32();
                int t = in.u32();
                int e = elemSegment(segment);
                if (table(t) != module.elements[e].type()) {
                    throw WasmException.invalid("type mismatch");
                }
                pop(new byte[] {I32, I32, I32});
                emit(new WasmTableOpNode(WasmTableOpNode.INIT, slot(sp), t, e, module.instance));
            }
            case 13 -> emit(new WasmTableOpNode(WasmTableOpNode.DROP, slot(sp), 0, elemSegment(in.u32()), module.instance));
            case 14 -> {
                int dst = in.u32();
                int src = in.u32();
                if (table(dst) != table(src)) {
                    throw WasmException.invalid("type mismatch");
                }
                pop(new byte[] {I32, I32, I32});
                emit(new WasmTableOpNode(WasmTableOpNode.COPY, slot(sp), dst, src, module.instance));
            }
            case 15 -> {
                module.features.add(WasmModule.Feature.REFERENCE_TYPES);
                int t = in.u32();
                pop(I32);
                pop(table(t));
                emit(new WasmTableOpNode(WasmTableOpNode.GROW, slot(sp), t, 0, module.instance));
                push(I32);
            }
            case 16 -> {
                module.features.add(WasmModule.Feature.REFERENCE_TYPES);
                int t = in.u32();
                table(t);
                emit(new WasmTableOpNode(WasmTableOpNode.SIZE, slot(sp), t, 0, module.instance));
                push(I32);
            }
            case 17 -> {
                module.features.add(WasmModule.Feature.REFERENCE_TYPES);
                int t = in.u32();
                pop(I32);
                pop(table(t));
                pop(I32);
                emit(new WasmTableOpNode(WasmTableOpNode.FILL, slot(sp), t, 0, module.instance));
            }
            default -> throw WasmException.malformed("illegal opcode fc " + Integer.toUnsignedString(sub));
        }
    }

    /** Decodes, without validating, the instructions that close {@code depth} open blocks. */
    private void skip(int depth) {
        for (int open = depth; open > 0;) {
            int op = in.u8();
            switch (op) {
                case BLOCK, LOOP, IF -> {
                    int b = in.peek();
                    if (b == 0x40 || (b & 0xC0) == 0x40) {
                        in.u8();
                    } else {
                        in.signed(33);
                    }
                    open++;
                }
                case 0x0B -> open--;
                case 0x0C, 0x0D, 0x10, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0xD2 -> in.u32();
                case 0x0E -> {
                    for (long n = in.unsigned(32); n >= 0; n--) {
                        in.u32();
                    }
                }
                case 0x11 -> {
                    in.u32();
                    in.u32();
                }
                case 0x1C -> in.read(in.length());
                case 0x3F, 0x40, 0xD0 -> in.u8();
                case 0x41 -> in.signed(32);
                case 0x42 -> in.signed(64);
                case 0x43 -> in.fixed32();
                case 0x44 -> in.fixed64();
                case 0xFC -> skipPrefixed(in.u32());
                case 0xFD -> skipSimd(in.u32());
                default -> {
                    if (op >= 0x28 && op <= 0x3E) {
                        in.u32();
                        in.u32();
                    } else if (!isOpcode(op)) {
                        throw WasmException.malformed("illegal opcode " + Integer.toHexString(op));
                    }
                }
            }
        }
    }

    private void skipPrefixed(int sub) {
        switch (sub) {
            case 8, 12, 14 -> {
                in.u32();
                if (sub == 8) {
                    in.u8();
                } else {
                    in.u32();
                }
            }
            case 9, 13, 15, 16, 17 -> in.u32();
            case 10 -> in.read(2);
            case 11 -> in.u8();
            default -> {
                if (sub > 17) {
                    throw WasmException.malformed("illegal opcode fc " + Integer.toUnsignedString(sub));
                }
            }
        }
    }

    private void skipSimd(int sub) {
        if (sub <= 0x0B && sub != 0x0C || sub >= 0x54 && sub <= 0x5D) {
            in.u32();
            in.u32();
            if (sub >= 0x54 && sub <= 0x5B) {
                in.u8();
            }
        } else if (sub == 0x0C || sub == 0x0D) {
            in.read(16);
        } else if (sub >= 0x15 && sub <= 0x22) {
            in.u8();
        }
    }

    // ---- SIMD ----

    private void simdNode(Kind kind, int op, int lane, long offset, byte[] shuffle, org.zvm.wasm.runtime.V128 constant) {
        emit(new WasmSimdNode(kind, op, slot(sp), lane, offset, shuffle, constant, module.instance));
    }

    private int laneIndex(int lanes) {
        int lane = in.u8();
        if (lane >= lanes) {
            throw WasmException.invalid("invalid lane index");
        }
        return lane;
    }

    /** The operand layout of the SIMD arithmetic {@code op}: 'U' v -> v, 'B' v v -> v, 'R' v -> i32, 'S' v i32 -> v; 0 if none. */
    private static char simdShape(int op) {
        if (op >= 0x23 && op <= 0x4c || op >= 0x4e && op <= 0x51 || op == 0x0e || op == 0x65 || op == 0x66 || op >= 0x6e && op <= 0x73
                        || op >= 0x76 && op <= 0x79 || op == 0x7b || op == 0x82 || op == 0x85 || op == 0x86 || op >= 0x8e && op <= 0x93
                        || op >= 0x95 && op <= 0x99 || op >= 0x9b && op <= 0x9f || op == 0xae || op == 0xb1 || op >= 0xb5 && op <= 0xba
                        || op >= 0xbc && op <= 0xbf || op == 0xce || op == 0xd1 || op >= 0xd5 && op <= 0xdf || op >= 0xe4 && op <= 0xeb
                        || op >= 0xf0 && op <= 0xf7) {
            return 'B';
        }
        if (op == 0x53 || op == 0x63 || op == 0x64 || op == 0x83 || op == 0x84 || op == 0xa3 || op == 0xa4 || op == 0xc3 || op == 0xc4) {
            return 'R';
        }
        if (op >= 0x6b && op <= 0x6d || op >= 0x8b && op <= 0x8d || op >= 0xab && op <= 0xad || op >= 0xcb && op <= 0xcd) {
            return 'S';
        }
        if (op == 0x4d || op == 0x5e || op == 0x5f || op >= 0x60 && op <= 0x62 || op >= 0x67 && op <= 0x6a || op == 0x74 || op == 0x75 || op == 0x7a
                        || op >= 0x7c && op <= 0x81 || op >= 0x87 && op <= 0x8a || op == 0x94 || op == 0xa0 || op == 0xa1 || op >= 0xa7 && op <= 0xaa
                        || op == 0xc0 || op == 0xc1 || op >= 0xc7 && op <= 0xca || op == 0xe0 || op == 0xe1 || op == 0xe3 || op == 0xec || op == 0xed
                        || op == 0xef || op >= 0xf8 && op <= 0xff) {
            return 'U';
        }
        return 0;
    }

    private void simd(int op) {
        switch (op) {
            case 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x5c, 0x5d -> {
                long offset = memarg(WasmSimdNode.size(op));
                pop(I32);
                simdNode(Kind.LOAD, op, 0, offset, null, null);
                push(V128);
            }
            case 0x0b -> {
                long offset = memarg(16);
                pop(V128);
                pop(I32);
                simdNode(Kind.STORE, op, 0, offset, null, null);
            }
            case 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x5b -> {
                int size = WasmSimdNode.size(op);
                long offset = memarg(size);
                int lane = laneIndex(16 / size);
                pop(V128);
                pop(I32);
                boolean load = op <= 0x57;
                simdNode(load ? Kind.LOAD : Kind.STORE, op, lane, offset, null, null);
                if (load) {
                    push(V128);
                }
            }
            case 0x0c -> {
                simdNode(Kind.CONST, op, 0, 0, null, new org.zvm.wasm.runtime.V128(in.fixed64(), in.fixed64()));
                push(V128);
            }
            case 0x0d -> {
                byte[] lanes = new byte[16];
                for (int i = 0; i < 16; i++) {
                    lanes[i] = (byte) laneIndex(32);
                }
                pop(V128);
                pop(V128);
                simdNode(Kind.SHUFFLE, op, 0, 0, lanes, null);
                push(V128);
            }
            case 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14 -> {
                pop(switch (op) {
                    case 0x12 -> I64;
                    case 0x13 -> F32;
                    case 0x14 -> F64;
                    default -> I32;
                });
                simdNode(Kind.SPLAT, op, 0, 0, null, null);
                push(V128);
            }
            case 0x15, 0x16, 0x18, 0x19, 0x1b, 0x1d, 0x1f, 0x21 -> {
                int lanes = op <= 0x16 ? 16 : op <= 0x19 ? 8 : op == 0x1b || op == 0x1f ? 4 : 2;
                int lane = laneIndex(lanes);
                pop(V128);
                simdNode(Kind.EXTRACT, op, lane, 0, null, null);
                push(op == 0x1d ? I64 : op == 0x1f ? F32 : op == 0x21 ? F64 : I32);
            }
            case 0x17, 0x1a, 0x1c, 0x1e, 0x20, 0x22 -> {
                int lanes = op == 0x17 ? 16 : op == 0x1a ? 8 : op == 0x1c || op == 0x20 ? 4 : 2;
                int lane = laneIndex(lanes);
                pop(op == 0x1e ? I64 : op == 0x20 ? F32 : op == 0x22 ? F64 : I32);
                pop(V128);
                simdNode(Kind.REPLACE, op, lane, 0, null, null);
                push(V128);
            }
            case 0x52 -> {
                pop(V128);
                pop(V128);
                pop(V128);
                simdNode(Kind.TERNARY, op, 0, 0, null, null);
                push(V128);
            }
            default -> {
                char shape = simdShape(op);
                switch (shape) {
                    case 'B' -> {
                        pop(V128);
                        pop(V128);
                        simdNode(Kind.BINARY, op, 0, 0, null, null);
                        push(V128);
                    }
                    case 'U' -> {
                        pop(V128);
                        simdNode(Kind.UNARY, op, 0, 0, null, null);
                        push(V128);
                    }
                    case 'R' -> {
                        pop(V128);
                        simdNode(Kind.REDUCE, op, 0, 0, null, null);
                        push(I32);
                    }
                    case 'S' -> {
                        pop(I32);
                        pop(V128);
                        simdNode(Kind.SHIFT, op, 0, 0, null, null);
                        push(V128);
                    }
                    default -> throw WasmException.malformed("illegal opcode fd " + Integer.toUnsignedString(op));
                }
            }
        }
    }
}
