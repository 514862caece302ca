// SPDX-License-Identifier: Apache-2.0
package org.zvm.nativecode;

import java.util.BitSet;

import org.zvm.builder.CodeModel;
import org.zvm.builder.InstructionInfo;
import org.zvm.builder.InstructionInfo.Control;
import org.zvm.error.HaltReason;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.nodes.control.ControlNodes;
import org.zvm.opcode.Opcode;
import org.zvm.opcode.Opcode.Flag;
import org.zvm.runtime.CodeFormat;
import org.zvm.runtime.UInt256;
import org.zvm.tools.SourceMap;

import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * Native ZVM code as the {@link org.zvm.builder.ContractBuilder} sees it, read off the {@link Opcode}
 * table. A jump may land on any instruction start (JUMPDEST is optional in native code); bytes that are
 * no instruction, and a PUSH cut short by the end of the code, halt when reached. Code loaded from a
 * file was validated first and has neither; code deployed by CREATE may.
 */
public final class NativeCodeModel implements CodeModel {
    private final String name;
    private final byte[] code;
    private final Source source;
    /** Lines of {@link #source} by pc. */
    private final SourceMap lines;
    private final BitSet starts = new BitSet();

    public NativeCodeModel(String name, byte[] code, Source source, SourceMap lines) {
        this.name = name;
        this.code = code;
        this.source = source;
        this.lines = lines;
        for (int pc = 0; pc < code.length;) {
            starts.set(pc);
            Opcode op = Opcode.fromByte(code[pc]);
            pc += op == null ? 1 : op.length();
        }
    }

    @Override
    public byte[] code() {
        return code;
    }

    @Override
    public CodeFormat format() {
        return CodeFormat.NATIVE;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Source source() {
        return source;
    }

    @Override
    public InstructionInfo decode(int pc) {
        int b = code[pc] & 0xFF;
        Opcode op = Opcode.fromByte(b);
        if (op == null || pc + op.length() > code.length) {
            String mnemonic = op == null ? InstructionInfo.invalidMnemonic(b) : op.mnemonic();
            return new InstructionInfo(pc, op == null ? 1 : code.length - pc, b, mnemonic, 0, 0, 0, Control.INVALID, null);
        }
        UInt256 immediate = op.isPush() ? UInt256.fromBytes(code, pc + 1, op.immediateSize) : null;
        return new InstructionInfo(pc, op.length(), b, op.mnemonic(), op.inputs, op.outputs, op.baseGas, control(op), immediate);
    }

    private static Control control(Opcode op) {
        return switch (op) {
            case HALT -> Control.STOP;
            case JUMP -> Control.JUMP;
            case JUMPI -> Control.JUMPI;
            case RETURN -> Control.RETURN;
            case REVERT -> Control.REVERT;
            case SELFDESTRUCT -> Control.SELFDESTRUCT;
            default -> op.has(Flag.CALLS) || op.has(Flag.READS_GAS) ? Control.ENDS_BLOCK : Control.NEXT;
        };
    }

    @Override
    public boolean isJumpDestination(long pc) {
        return pc >= 0 && pc < code.length && starts.get((int) pc);
    }

    @Override
    public ZvmInstructionNode createNode(InstructionInfo ins) {
        Opcode op = Opcode.fromByte(ins.opcode());
        if (op == null || ins.length() != op.length()) {
            return new ControlNodes.Invalid(HaltReason.INVALID_OPCODE);
        }
        return NativeNodeFactory.create(op, ins.pushValue());
    }

    @Override
    public SourceSection section(int pc) {
        return lines.section(source, pc);
    }
}
