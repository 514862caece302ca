// SPDX-License-Identifier: Apache-2.0
package org.zvm.opcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Checks the {@link Opcode} table against itself and against facts typed in by hand from
 * {@code shared/reference/zvm-native.md}, so a slip in a row cannot hide behind code that reads it.
 */
class OpcodeTableTest {
    @Test
    void bytesAndMnemonicsAreUnique() {
        Set<Integer> bytes = new HashSet<>();
        Set<String> mnemonics = new HashSet<>();
        for (Opcode op : Opcode.values()) {
            assertTrue(bytes.add(op.code), "duplicate byte " + op);
            assertTrue(mnemonics.add(op.mnemonic()), "duplicate mnemonic " + op);
            assertSame(op, Opcode.fromByte(op.code));
            assertSame(op, Opcode.fromMnemonic(op.mnemonic().toLowerCase()));
        }
    }

    @Test
    void pushWidths() {
        int[] widths = {1, 2, 4, 8, 16, 32};
        Opcode[] pushes = {Opcode.PUSH1, Opcode.PUSH2, Opcode.PUSH4, Opcode.PUSH8, Opcode.PUSH16, Opcode.PUSH32};
        for (int i = 0; i < widths.length; i++) {
            assertEquals(0x11 + i, pushes[i].code);
            assertEquals(widths[i], pushes[i].immediateSize, pushes[i].mnemonic());
            assertEquals(1 + widths[i], pushes[i].length());
            assertEquals("PUSH" + widths[i], pushes[i].mnemonic());
        }
        for (Opcode op : Opcode.values()) {
            assertEquals(op.mnemonic().matches("PUSH\\d+"), op.immediateSize > 0, op.mnemonic());
        }
    }

    @Test
    void dupAndSwapStackEffects() {
        for (int n = 1; n <= 4; n++) {
            Opcode dup = Opcode.fromMnemonic("DUP" + n);
            Opcode swap = Opcode.fromMnemonic("SWAP" + n);
            assertEquals(0x16 + n, dup.code);
            assertEquals(0x1A + n, swap.code);
            assertEquals(n, dup.inputs);
            assertEquals(n + 1, dup.outputs);
            assertEquals(n + 1, swap.inputs);
            assertEquals(n + 1, swap.outputs);
        }
    }

    @Test
    void terminatorsAreExactlyTheSpecsOnes() {
        Set<Opcode> expected = EnumSet.of(Opcode.HALT, Opcode.JUMP, Opcode.RETURN, Opcode.REVERT, Opcode.SELFDESTRUCT);
        Set<Opcode> actual = EnumSet.noneOf(Opcode.class);
        for (Opcode op : Opcode.values()) {
            if (op.has(Opcode.Flag.TERMINATOR)) {
                actual.add(op);
            }
        }
        assertEquals(expected, actual);
    }

    /** The valid bytes, as ranges copied from the spec's opcode table. */
    private static final int[][] VALID_RANGES = {
        {0x00, 0x01}, {0x10, 0x1E}, {0x30, 0x3A}, {0x50, 0x5D}, {0x70, 0x73}, {0x80, 0x83}, {0x90, 0x93}, {0xA0, 0xAC},
        {0xB0, 0xBF}, {0xC0, 0xCA}, {0xD2, 0xD2}, {0xE0, 0xEC}, {0xF0, 0xF3}, {0xF8, 0xFC},
    };

    @Test
    void everyByteOutsideTheSpecIsInvalid() {
        int valid = 0;
        for (int b = 0; b < 256; b++) {
            boolean listed = false;
            for (int[] r : VALID_RANGES) {
                listed |= b >= r[0] && b <= r[1];
            }
            if (listed) {
                valid++;
                assertTrue(Opcode.fromByte(b) != null, String.format("0x%02x should be an opcode", b));
            } else {
                assertNull(Opcode.fromByte(b), String.format("0x%02x should be invalid", b));
            }
        }
        assertEquals(valid, Opcode.values().length);
    }

    @Test
    void baseGasMatchesTheSpec() {
        Map<String, Integer> spec = Map.ofEntries(
                        Map.entry("HALT", 0), Map.entry("POP", 2), Map.entry("MUL", 5), Map.entry("ADDMOD", 8),
                        Map.entry("EXP", 10), Map.entry("SHL", 8), Map.entry("KECCAK256", 30), Map.entry("RIPEMD160", 600),
                        Map.entry("SSTORE", 100), Map.entry("JUMP", 8), Map.entry("JUMPI", 10), Map.entry("JUMPDEST", 1),
                        Map.entry("SELFDESTRUCT", 5000), Map.entry("CREATE2", 32000), Map.entry("BLOCKHASH", 20),
                        Map.entry("TABLEHASH", 30), Map.entry("HTS_CREATE", 500), Map.entry("PQ_VERIFY_SPHINCS", 2000),
                        Map.entry("LOG2", 1125), Map.entry("LOG4", 1875));
        spec.forEach((mnemonic, gas) -> assertEquals(gas, Opcode.fromMnemonic(mnemonic).baseGas, mnemonic));
        assertEquals(0xCA, Opcode.GAS.code);
        assertEquals(2, Opcode.GAS.baseGas);
        assertEquals(0xD2, Opcode.TABLEHASH.code);
        assertEquals(0x91, Opcode.SSTORE.code);
        assertEquals(0xAC, Opcode.CREATE2.code);
    }

    @Test
    void dynamicGasWhereTheSpecAddsAPart() {
        for (Opcode op : new Opcode[]{Opcode.EXP, Opcode.KECCAK256, Opcode.MLOAD, Opcode.SLOAD, Opcode.SSTORE, Opcode.CALL,
                        Opcode.CREATE2, Opcode.CALLDATACOPY, Opcode.LOG0}) {
            assertTrue(op.has(Opcode.Flag.DYNAMIC_GAS), op.mnemonic());
        }
    }
}
