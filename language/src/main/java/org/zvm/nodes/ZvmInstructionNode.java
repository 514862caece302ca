// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes;

import org.zvm.debug.FrameScope;
import org.zvm.debug.InstructionTag;
import org.zvm.debug.SolidityFunction;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.GenerateWrapper;
import com.oracle.truffle.api.instrumentation.InstrumentableNode;
import com.oracle.truffle.api.instrumentation.ProbeNode;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.interop.NodeLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

/**
 * One instruction: the unit the debugger steps over and a tracer sees. Subclasses hold only semantics
 * and dynamic gas; stack bounds and static gas were checked by the enclosing {@link ZvmBlockNode} from the
 * opcode table, so {@code execute} may assume its inputs exist and its outputs fit.
 *
 * <p>Each node reads the stack height with {@link #sp} and writes it back to the frame, so tools can read
 * the stack. While the block's entry height is profiled as one value, {@link #sp} returns this instruction's
 * height from a compilation-final field instead of the frame: a frame read is no constant during partial
 * evaluation, and only a constant height makes every stack access a fixed frame slot there.
 *
 * <p>Every instruction carries {@link InstructionTag}; those the builder marks as statements (the first
 * of each source line) also carry the statement tag the debugger stops at. Its scope is a
 * {@link FrameScope}: stack, memory, storage touched, calldata and gas; in Solidity code its root
 * instance is the {@link SolidityFunction} it is in, which names the frame.
 */
@GenerateWrapper
@ExportLibrary(NodeLibrary.class)
public abstract class ZvmInstructionNode extends Node implements InstrumentableNode {
    /** Byte offset of the instruction in its code. */
    @CompilationFinal protected int pc;
    /** Opcode byte and mnemonic as the format's table names them (for traces and tools). */
    @CompilationFinal protected int opcode;
    @CompilationFinal protected String mnemonic;
    /** Static gas of this instruction, charged by the block. */
    @CompilationFinal protected int baseGas;
    /** Static gas the block charged for this and the following instructions: traces add it back. */
    @CompilationFinal protected long prechargedGas;
    @CompilationFinal protected int inputs;
    @CompilationFinal protected int outputs;
    @CompilationFinal private SourceSection sourceSection;
    /** Whether a debugger stops here (set by the builder: the first instruction of a source line). */
    @CompilationFinal private boolean statement;
    /** Stack height before this instruction while its block's entry height is profiled; else -1. */
    @CompilationFinal private int staticSp = -1;
    /**
     * Whether this instruction has grown memory. Most memory accesses of a contract stay inside memory
     * it already has, so until one grows it, its compiled code has no growth path (a call and its
     * out-of-gas exit) but deoptimizes into the interpreter, which grows.
     */
    @CompilationFinal private boolean grewMemory;

    protected ZvmInstructionNode() {
    }

    /**
     * Gives the instrumentation wrapper this instruction's data: the wrapper stands in the block's body in
     * its place, so the block's checks (stack bounds, static gas) read the table data from it.
     */
    private void copyTo(ZvmInstructionNode copy) {
        copy.pc = this.pc;
        copy.opcode = this.opcode;
        copy.mnemonic = this.mnemonic;
        copy.baseGas = this.baseGas;
        copy.prechargedGas = this.prechargedGas;
        copy.inputs = this.inputs;
        copy.outputs = this.outputs;
        copy.sourceSection = this.sourceSection;
        copy.statement = this.statement;
        copy.staticSp = this.staticSp;
    }

    /** Called once by the builder. */
    public final ZvmInstructionNode init(int atPc, int opcodeByte, String name, int gas, int in, int out, SourceSection section) {
        this.pc = atPc;
        this.opcode = opcodeByte;
        this.mnemonic = name;
        this.baseGas = gas;
        this.inputs = in;
        this.outputs = out;
        this.sourceSection = section;
        return this;
    }

    /** Makes this instruction a debugger stop; called by the builder. */
    public final void markStatement() {
        this.statement = true;
    }

    final void setPrechargedGas(long gas) {
        this.prechargedGas = gas;
    }

    /** Sets (or, with -1, clears) the height {@link #sp} returns; only the enclosing block calls this. */
    final void setStaticSp(int height) {
        this.staticSp = height;
        if (this instanceof WrapperNode wrapper) {
            // The wrapped instruction reads its own field when it runs.
            ((ZvmInstructionNode) wrapper.getDelegateNode()).setStaticSp(height);
        }
    }

    /** Called before this instruction grows memory; see {@link #grewMemory}. */
    final void growingMemory() {
        if (!grewMemory) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            grewMemory = true;
        }
    }

    /** The stack height before this instruction: a constant in compiled code while the block's profile holds. */
    protected final int sp(Frame frame) {
        int height = staticSp;
        return height >= 0 ? height : Stack.sp(frame);
    }

    public abstract void execute(VirtualFrame frame);

    public final int pc() {
        return pc;
    }

    public final int opcode() {
        return opcode;
    }

    public final String mnemonic() {
        return mnemonic;
    }

    public final int baseGas() {
        return baseGas;
    }

    public final long prechargedGas() {
        return prechargedGas;
    }

    public final int inputs() {
        return inputs;
    }

    public final int outputs() {
        return outputs;
    }

    @Override
    public final SourceSection getSourceSection() {
        return sourceSection;
    }

    @Override
    public boolean isInstrumentable() {
        return sourceSection != null;
    }

    @Override
    public WrapperNode createWrapper(ProbeNode probe) {
        ZvmInstructionNodeWrapper wrapper = new ZvmInstructionNodeWrapper(this, probe);
        copyTo(wrapper);
        return wrapper;
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        return tag == InstructionTag.class || (statement && tag == StandardTags.StatementTag.class);
    }

    @ExportMessage
    final boolean hasScope(Frame frame) {
        return frame != null;
    }

    @ExportMessage
    final Object getScope(Frame frame, boolean nodeEnter) {
        return FrameScope.of(frame, this, nodeEnter);
    }

    /** Solidity code's frames are named after the Solidity function they are in (see {@link SolidityFunction}). */
    @ExportMessage
    final boolean hasRootInstance(Frame frame) {
        return SolidityFunction.at(this, frame) != null;
    }

    @ExportMessage
    final Object getRootInstance(Frame frame) throws UnsupportedMessageException {
        SolidityFunction function = SolidityFunction.at(this, frame);
        if (function == null) {
            throw UnsupportedMessageException.create();
        }
        return function;
    }
}
