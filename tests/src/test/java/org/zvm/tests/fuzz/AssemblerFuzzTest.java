// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.zvm.error.ZvmParseException;
import org.zvm.tools.Assembler;
import org.zvm.tools.Disassembler;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The {@code .zasm} reader on arbitrary text, and the disassembler on arbitrary code. A rejection is a
 * {@link ZvmParseException} naming a line of the input; the disassembly of any bytes, valid code or
 * not, assembles back to the same bytes (as {@link Disassembler} promises).
 */
class AssemblerFuzzTest {
    @FuzzTest
    void assembler(byte[] input) {
        String source = new String(input, StandardCharsets.UTF_8);
        byte[] code;
        try {
            code = Assembler.assemble(source).code();
        } catch (ZvmParseException e) {
            long lines = source.lines().count();
            assertTrue(e.line() >= 1 && e.line() <= Math.max(1, lines + 1), e.getMessage());
            return;
        }
        assertArrayEquals(code, Assembler.assemble(Disassembler.disassemble(code)).code(), "assembled code survives a disassembly round trip");
    }

    @FuzzTest
    void disassembler(byte[] code) {
        String text = Disassembler.disassemble(code);
        assertArrayEquals(code, Assembler.assemble(text).code(), text);
    }
}
