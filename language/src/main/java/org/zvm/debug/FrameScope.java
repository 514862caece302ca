// SPDX-License-Identifier: Apache-2.0
package org.zvm.debug;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.zvm.ZvmLanguage;
import org.zvm.nodes.Gas;
import org.zvm.nodes.Stack;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.runtime.InteropArray;
import org.zvm.runtime.InteropRecord;
import org.zvm.runtime.Message;
import org.zvm.runtime.UInt256;
import org.zvm.util.Hex;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.CachedLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * What a debugger shows of a suspended contract frame (Chrome DevTools' "Scope" pane, {@code zvm step}):
 * the operand stack (bottom first, as EIP-3155 traces print it), memory in 32-byte rows, the storage
 * slots this transaction touched in the executing account, the calldata, and the exact gas left before
 * the instruction; for Solidity code, first, the Solidity call stack by function name. A snapshot taken
 * when the scope is asked for: the frame keeps running afterwards.
 */
@ExportLibrary(InteropLibrary.class)
public final class FrameScope implements TruffleObject {
    /** Member names in the order debuggers list them. */
    public static final String STACK = "stack";
    public static final String MEMORY = "memory";
    public static final String STORAGE = "storage";
    public static final String CALLDATA = "calldata";
    public static final String GAS = "gas";
    public static final String PC = "pc";
    public static final String ADDRESS = "address";
    /** Solidity code only: the Solidity call stack, innermost first ({@code Token._move (Token.sol:48)}). */
    public static final String FUNCTIONS = "functions";

    private final String name;
    final InteropRecord members;

    private FrameScope(String name, InteropRecord members) {
        this.name = name;
        this.members = members;
    }

    /**
     * The scope of {@code frame} at {@code node}: before it runs when {@code nodeEnter}, else after. Only
     * debuggers ask, never compiled code.
     */
    public static FrameScope of(Frame frame, ZvmInstructionNode node, boolean nodeEnter) {
        Message m = Stack.message(frame);
        Map<String, Object> values = new LinkedHashMap<>();
        List<SolidityFunctions.Frame> functions = SolidityFunction.stack(node, frame);
        if (!functions.isEmpty()) {
            values.put(FUNCTIONS, new InteropArray(functions.stream().map(SolidityFunctions.Frame::toString).toArray()));
        }
        values.put(STACK, new InteropArray(stack(frame)));
        values.put(MEMORY, memory(m));
        values.put(STORAGE, storage(m));
        values.put(CALLDATA, Hex.of(m.calldata));
        values.put(GAS, nodeEnter ? Gas.before(frame, node) : frame.getLongStatic(Stack.GAS));
        values.put(PC, node.pc());
        values.put(ADDRESS, m.address.toString());
        return new FrameScope(node.mnemonic() + " @ pc " + node.pc(), new InteropRecord(values));
    }

    /** The operand stack as hex quantities, bottom first. */
    public static Object[] stack(Frame frame) {
        int sp = Stack.sp(frame);
        Object[] words = new Object[sp];
        for (int i = 0; i < sp; i++) {
            words[i] = Stack.readWord(frame, i).toHexQuantity();
        }
        return words;
    }

    /** Memory as 32-byte rows keyed by their offset ({@code 0x0}, {@code 0x20}, ...). */
    public static InteropRecord memory(Message m) {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (long offset = 0; offset < m.memory.size(); offset += 32) {
            rows.put("0x" + Long.toHexString(offset), Hex.of(m.memory.read(offset, 32)));
        }
        return new InteropRecord(rows);
    }

    /** The executing account's slots read or written so far in this transaction. */
    public static InteropRecord storage(Message m) {
        Map<String, Object> slots = new LinkedHashMap<>();
        SortedMap<UInt256, UInt256> touched = m.state.accessedStorage(m.address);
        touched.forEach((k, v) -> slots.put(k.toHexQuantity(), v.toHexQuantity()));
        return new InteropRecord(slots);
    }

    /** A member's value, for Java code in the same context (tests, the stepper). */
    public Object get(String member) {
        return members.get(member);
    }

    @ExportMessage
    boolean isScope() {
        return true;
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() {
        return ZvmLanguage.class;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(boolean includeInternal, @CachedLibrary("this.members") InteropLibrary record) throws UnsupportedMessageException {
        return record.getMembers(members, includeInternal);
    }

    @ExportMessage
    boolean isMemberReadable(String member, @CachedLibrary("this.members") InteropLibrary record) {
        return record.isMemberReadable(members, member);
    }

    @ExportMessage
    Object readMember(String member, @CachedLibrary("this.members") InteropLibrary record) throws UnknownIdentifierException, UnsupportedMessageException {
        return record.readMember(members, member);
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return name;
    }
}
