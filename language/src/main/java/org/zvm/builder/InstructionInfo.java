// SPDX-License-Identifier: Apache-2.0
package org.zvm.builder;

import java.util.HexFormat;

import org.zvm.runtime.UInt256;

/**
 * One decoded instruction, as a frontend describes it to the {@link ContractBuilder}: everything the
 * generic machinery needs, taken from the frontend's opcode table.
 *
 * @param pushValue the immediate of a push (lets the builder resolve {@code PUSH dest; JUMP} statically),
 *            else null
 */
public record InstructionInfo(int pc, int length, int opcode, String mnemonic, int inputs, int outputs, int baseGas,
                Control control, UInt256 pushValue) {

    /** The mnemonic of a byte that is no instruction, {@code INVALID_0xFE}: fuzzed code is full of them, so no {@code String.format}. */
    public static String invalidMnemonic(int opcode) {
        return "INVALID_0x" + HexFormat.of().withUpperCase().toHexDigits((byte) opcode);
    }

    /** How an instruction affects control flow and block boundaries. */
    public enum Control {
        /** Falls through to the next instruction. */
        NEXT,
        /** Falls through, but must end its block: it needs the exact gas left (calls, GAS). */
        ENDS_BLOCK,
        JUMP,
        JUMPI,
        /** Ends the frame: the node does the work, the block exit says which halt reason. */
        STOP,
        RETURN,
        REVERT,
        SELFDESTRUCT,
        /** Always halts by throwing (invalid or unsupported opcode). */
        INVALID
    }

    public boolean endsBlock() {
        return control != Control.NEXT;
    }
}
