// SPDX-License-Identifier: Apache-2.0
package org.zvm.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zvm.error.ZvmParseException;
import org.zvm.opcode.Opcode;
import org.zvm.parser.CodeDecoder;
import org.zvm.parser.Instruction;

class AssemblerTest {
    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    private static byte[] asm(String source) {
        return Assembler.assemble(source).code();
    }

    @Test
    void storageCounter() {
        assertArrayEquals(hex("11 00 90 11 01 30 11 00 91 00"), asm("PUSH1 0\nSLOAD\nPUSH1 1\nADD\nPUSH1 0\nSSTORE\nHALT\n"));
    }

    @Test
    void commentsBlankLinesAndCase() {
        String src = """
                        ; a comment
                        # another

                            push1 0x2A   ; trailing
                        Add # trailing too
                        \tsStOrE\r
                        """;
        assertArrayEquals(hex("11 2a 30 91"), asm(src));
    }

    @Test
    void operandForms() {
        assertArrayEquals(hex("11 2a 11 2a 11 2a 12 00 2a 13 00 00 00 2a"), asm("PUSH1 42\nPUSH1 0x2a\nPUSH1 0X2A\nPUSH2 42\nPUSH4 0x00002a"));
        assertArrayEquals(hex("16" + "ff".repeat(32)), asm("PUSH32 " + "115792089237316195423570985008687907853269984665640564039457584007913129639935"));
        assertArrayEquals(hex("15" + "00".repeat(15) + "01"), asm("PUSH16 1"));
    }

    @Test
    void genericPushPicksTheSmallestWidth() {
        assertArrayEquals(hex("11 00"), asm("PUSH 0"));
        assertArrayEquals(hex("11 ff"), asm("PUSH 255"));
        assertArrayEquals(hex("12 01 00"), asm("PUSH 256"));
        assertArrayEquals(hex("12 ff ff"), asm("PUSH 0xffff"));
        assertArrayEquals(hex("13 00 01 00 00"), asm("PUSH 0x10000"));
        assertArrayEquals(hex("14 00 00 00 01 00 00 00 00"), asm("PUSH 0x100000000"));
        assertArrayEquals(hex("15 00 00 00 00 00 00 00 01 00 00 00 00 00 00 00 00"), asm("PUSH 0x10000000000000000"));
        assertArrayEquals(hex("16 01" + "00".repeat(31)), asm("PUSH 0x01" + "00".repeat(31)));
        // Labels always take PUSH4, even when small.
        assertArrayEquals(hex("13 00 00 00 00 a0"), asm("start: PUSH start\nJUMP"));
    }

    @Test
    void labels() {
        String src = """
                        start:
                            PUSH1 end        ; forward reference
                            JUMP
                        a: b: NOP            ; two labels, then an instruction
                        loop: PUSH2 @loop
                            PUSH1 @start
                        end:
                        """;
        Assembler.Result r = Assembler.assemble(src);
        assertArrayEquals(hex("11 09 a0 01 12 00 04 11 00"), r.code());
        assertEquals(Map.of("start", 0, "a", 3, "b", 3, "loop", 4, "end", 9), r.labels());
        assertEquals("[start, a, b, loop, end]", r.labels().keySet().toString());
    }

    @Test
    void sourceMapGivesTheLineOfEveryOffset() {
        Assembler.Result r = Assembler.assemble("; header\nPUSH2 7\n\nl: ADD\n.byte 1, 2 3\nHALT\n");
        SourceMap map = r.sourceMap();
        assertEquals(4, map.size());
        assertEquals(0, map.offset(0));
        assertEquals(2, map.line(0));
        int[] expected = {2, 2, 2, 4, 5, 5, 5, 6};
        for (int offset = 0; offset < expected.length; offset++) {
            assertEquals(expected[offset], map.lineOf(offset), "offset " + offset);
        }
        assertEquals(-1, map.lineOf(8));
        assertEquals(-1, map.lineOf(-1));
    }

    @Test
    void byteDirective() {
        assertArrayEquals(hex("0c ff 00 13"), asm(".byte 0x0c, 255 0\n.BYTE 0x13"));
    }

    private static void fails(String source, int line, String what) {
        ZvmParseException e = assertThrows(ZvmParseException.class, () -> Assembler.assemble(source, "t.zasm"), source);
        assertEquals("t.zasm:" + line + ": " + what, e.getMessage());
        assertEquals(line, e.line());
    }

    @Test
    void errorsNameTheLine() {
        fails("ADD\nFROB 1", 2, "unknown mnemonic 'FROB'");
        fails("ADD\n\nPUSH1", 3, "PUSH1 needs an operand");
        fails("PUSH", 1, "PUSH needs an operand");
        fails("ADD 1", 1, "ADD takes no operand, found '1'");
        fails("NOP\nPUSH1 1 2", 2, "PUSH1 takes one operand, found extra '2'");
        fails("PUSH1 1, 2", 1, "PUSH1 takes one operand, found extra '2'");
        fails("PUSH1 nowhere\nx:", 1, "undefined label 'nowhere'");
        fails("x:\nNOP\nx: NOP", 3, "duplicate label 'x' (first defined on line 1)");
        fails("PUSH1 256", 1, "0x100 does not fit PUSH1 (1 byte)");
        fails("PUSH2 0x10000", 1, "0x10000 does not fit PUSH2 (2 bytes)");
        fails(".byte 0\nPUSH1 far\n.byte " + "0, ".repeat(300) + "0\nfar:", 2, "label 'far' = 304 does not fit PUSH1 (1 byte)");
        fails("PUSH1 0xZZ", 1, "bad number '0xZZ'");
        fails("PUSH1 0x", 1, "bad number '0x'");
        fails("PUSH1 12a", 1, "bad number '12a'");
        fails("PUSH1 -1", 1, "bad operand '-1': expected a number or a label");
        fails("PUSH1 @", 1, "bad operand '@': expected a number or a label");
        fails("PUSH32 0x1" + "0".repeat(64), 1, "number '0x1" + "0".repeat(64) + "' does not fit 256 bits");
        fails(".word 1", 1, "unknown directive '.word'");
        fails(".byte", 1, ".byte needs at least one value");
        fails(".byte 256", 1, ".byte value 256 does not fit a byte");
        fails(".byte x", 1, ".byte takes numbers, found 'x'");
        fails("foo-bar: ADD", 1, "unknown mnemonic 'foo-bar:'");
        assertEquals("<zasm>:1: unknown mnemonic 'X'", assertThrows(ZvmParseException.class, () -> Assembler.assemble("X")).getMessage());
    }

    /** A program with every opcode of the table, PUSHes at their widest values. */
    static String everyOpcode() {
        StringBuilder src = new StringBuilder("top:\n");
        for (Opcode op : Opcode.values()) {
            src.append("    ").append(op.mnemonic());
            if (op.isPush()) {
                src.append(" 0x").append("a5".repeat(op.immediateSize));
            }
            src.append('\n');
        }
        return src.append("    PUSH4 top\n    JUMPI\n").toString();
    }

    @Test
    void corpusCoversEveryOpcodeAndRoundTrips() {
        byte[] code = asm(everyOpcode());
        Set<Opcode> seen = EnumSet.noneOf(Opcode.class);
        for (Instruction insn : CodeDecoder.decode(code)) {
            seen.add(insn.op());
        }
        assertEquals(EnumSet.allOf(Opcode.class), seen);
        roundTrips(code);
    }

    private static void roundTrips(byte[] code) {
        String text = Disassembler.disassemble(code);
        assertArrayEquals(code, Assembler.assemble(text, "disassembly").code(), text);
    }

    @Test
    void randomValidStreamsRoundTrip() {
        Random random = new Random(20261122);
        Opcode[] ops = Opcode.values();
        for (int round = 0; round < 500; round++) {
            int n = 1 + random.nextInt(80);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < n; i++) {
                Opcode op = ops[random.nextInt(ops.length)];
                out.write(op.code);
                byte[] imm = new byte[op.immediateSize];
                random.nextBytes(imm);
                if (random.nextBoolean() && imm.length > 0) {
                    // Small values so that some PUSH+JUMP pairs hit real instruction starts and get labels.
                    Arrays.fill(imm, 0, imm.length - 1, (byte) 0);
                    imm[imm.length - 1] = (byte) random.nextInt(40);
                }
                out.writeBytes(imm);
            }
            byte[] code = out.toByteArray();
            CodeDecoder.validate(code);
            roundTrips(code);
        }
    }

    @Test
    void arbitraryBytesRoundTrip() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            byte[] code = new byte[random.nextInt(100)];
            random.nextBytes(code);
            roundTrips(code);
        }
    }

    private static byte[] example(String name) throws IOException {
        Path file = ProjectDir.get().resolve("examples").resolve(name);
        return Assembler.assemble(Files.readString(file), file.toString()).code();
    }

    @Test
    void examplesAssembleToTheExpectedBytes() throws IOException {
        assertArrayEquals(hex("11 00 90 11 01 30 11 00 91 00"), example("counter.zasm"));
        assertArrayEquals(hex("11 63 11 05 93 11 05 92 00"), example("transient.zasm"));
        assertArrayEquals(hex("11 00 11 00 11 0e a0 1b 18 30 1b 11 01 30 11 00 b5 18 50 11 07 a1 10 17 11 00 91 11 00 81 11 20 11 00 a8"),
                        example("loop.zasm"));
        for (String name : new String[]{"counter.zasm", "transient.zasm", "loop.zasm"}) {
            roundTrips(example(name));
        }
    }
}
