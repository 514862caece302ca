// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm;

import org.zvm.builder.CodeModel;
import org.zvm.builder.InstructionInfo;
import org.zvm.builder.InstructionInfo.Control;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.runtime.CodeFormat;
import org.zvm.runtime.UInt256;
import org.zvm.tools.SourceMap;

import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * EVM code as the shared {@link org.zvm.builder.ContractBuilder} sees it, read off {@link EvmOpcode}
 * for one fork. Bytes undefined in the fork halt when reached; a PUSH cut short by the end of the code
 * reads zeros and execution then stops.
 */
public final class EvmCodeModel implements CodeModel {
    private final String name;
    private final EvmCode code;
    private final Source source;
    private final SourceMap lines;

    public EvmCodeModel(String name, EvmCode code, Source source, SourceMap lines) {
        this.name = name;
        this.code = code;
        this.source = source;
        this.lines = lines;
    }

    @Override
    public byte[] code() {
        return code.code();
    }

    @Override
    public CodeFormat format() {
        return CodeFormat.EVM;
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
        byte[] bytes = code.code();
        int b = bytes[pc] & 0xFF;
        EvmOpcode op = EvmOpcode.of(b, code.fork());
        if (op == null || op == EvmOpcode.INVALID) {
            String mnemonic = op == null ? InstructionInfo.invalidMnemonic(b) : op.mnemonic();
            return new InstructionInfo(pc, 1, b, mnemonic, 0, 0, 0, Control.INVALID, null);
        }
        int length = Math.min(op.length(), bytes.length - pc);
        UInt256 immediate = op.isPush() ? code.immediate(pc, op) : op == EvmOpcode.PUSH0 ? UInt256.ZERO : null;
        return new InstructionInfo(pc, length, b, op.mnemonic(), op.inputs, op.outputs, op.baseGas(code.fork()), control(op), immediate);
    }

    private static Control control(EvmOpcode op) {
        return switch (op) {
            case STOP -> Control.STOP;
            case JUMP -> Control.JUMP;
            case JUMPI -> Control.JUMPI;
            case RETURN -> Control.RETURN;
            case REVERT -> Control.REVERT;
            case SELFDESTRUCT -> Control.SELFDESTRUCT;
            case INVALID -> Control.INVALID;
            case CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE, CREATE2, GAS -> Control.ENDS_BLOCK;
            default -> Control.NEXT;
        };
    }

    @Override
    public boolean isJumpDestination(long pc) {
        return code.isJumpDestination(pc);
    }

    @Override
    public ZvmInstructionNode createNode(InstructionInfo ins) {
        EvmOpcode op = EvmOpcode.of(ins.opcode(), code.fork());
        return EvmNodeFactory.create(op, ins.control() == Control.INVALID ? null : ins.pushValue(), code.fork());
    }

    @Override
    public SourceSection section(int pc) {
        return lines.section(source, pc);
    }
}
