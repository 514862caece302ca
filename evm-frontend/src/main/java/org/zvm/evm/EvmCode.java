// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm;

import java.util.BitSet;

import org.zvm.builder.InstructionInfo;
import org.zvm.runtime.UInt256;
import org.zvm.tools.SourceMap;
import org.zvm.util.Hex;

/**
 * What every reader of EVM code needs first: instruction starts and JUMPDEST analysis (a 0x5B byte inside
 * PUSH data is no destination), and a disassembly listing that serves as the Source tools show.
 */
public final class EvmCode {
    private final byte[] code;
    private final Fork fork;
    private final BitSet starts = new BitSet();
    private final BitSet jumpDests = new BitSet();

    public EvmCode(byte[] code, Fork fork) {
        this.code = code;
        this.fork = fork;
        for (int pc = 0; pc < code.length;) {
            starts.set(pc);
            int b = code[pc] & 0xFF;
            if (b == EvmOpcode.JUMPDEST.code) {
                jumpDests.set(pc);
            }
            EvmOpcode op = EvmOpcode.of(b, fork);
            pc += op == null ? 1 : op.length();
        }
    }

    public byte[] code() {
        return code;
    }

    public Fork fork() {
        return fork;
    }

    public boolean isInstructionStart(int pc) {
        return starts.get(pc);
    }

    public boolean isJumpDestination(long pc) {
        return pc >= 0 && pc < code.length && jumpDests.get((int) pc);
    }

    /** The immediate of the PUSH at {@code pc}; bytes past the end of the code read as zero (EVM rule). */
    public UInt256 immediate(int pc, EvmOpcode push) {
        byte[] b = new byte[push.immediateSize];
        int available = Math.max(0, Math.min(push.immediateSize, code.length - pc - 1));
        System.arraycopy(code, pc + 1, b, 0, available);
        return UInt256.fromBytes(b);
    }

    /** A listing, one instruction per line, and the line of each instruction. */
    public record Listing(String text, SourceMap sourceMap) {
    }

    public Listing listing() {
        StringBuilder text = new StringBuilder();
        SourceMap.Builder map = new SourceMap.Builder();
        int line = 0;
        for (int pc = starts.nextSetBit(0); pc >= 0; pc = starts.nextSetBit(pc + 1)) {
            int b = code[pc] & 0xFF;
            EvmOpcode op = EvmOpcode.of(b, fork);
            text.append(Hex.offset(pc)).append("  ");
            if (op == null) {
                text.append(InstructionInfo.invalidMnemonic(b));
            } else {
                text.append(op.mnemonic());
                if (op.isPush()) {
                    text.append(" 0x").append(immediate(pc, op).toHexQuantity().substring(2));
                }
            }
            text.append('\n');
            map.add(pc, ++line);
        }
        return new Listing(text.toString(), map.build(code.length));
    }
}
