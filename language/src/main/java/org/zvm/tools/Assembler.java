// SPDX-License-Identifier: Apache-2.0
package org.zvm.tools;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zvm.error.ZvmParseException;
import org.zvm.opcode.Opcode;

/**
 * Assembles {@code .zasm} text into native code, reading mnemonics and immediate widths from the
 * {@link Opcode} table, and returns a {@link SourceMap} so executed instructions point back at their line.
 *
 * <p>Syntax, one statement per line:
 * <ul>
 * <li>{@code ;} or {@code #} starts a comment that runs to the end of the line.</li>
 * <li>{@code name:} defines a label at the current byte offset; it may stand alone or precede a statement
 * on the same line. Names are {@code [A-Za-z_][A-Za-z0-9_]*} and case-sensitive.</li>
 * <li>A mnemonic from the table, case-insensitive. {@code PUSHn} takes exactly one operand; other opcodes
 * take none.</li>
 * <li>An operand is a decimal number ({@code 42}), a hex number ({@code 0x2a}), or a label reference,
 * written bare or with an {@code @} ({@code loop} and {@code @loop} are the same), which stands for the
 * label's byte offset. The value must fit the PUSH width.</li>
 * <li>{@code PUSH value} (no width) picks the smallest PUSH that holds a number; with a label it is
 * always {@code PUSH4}, so offsets never depend on where labels land.</li>
 * <li>{@code .byte b, ...} emits raw bytes (0–255, separated by commas or spaces): how the disassembler
 * writes bytes that are not instructions, so any code round-trips.</li>
 * </ul>
 */
public final class Assembler {
    private Assembler() {
    }

    /** Name used in error messages when the caller has none. */
    public static final String DEFAULT_SOURCE_NAME = "<zasm>";

    /** PUSH opcodes by increasing width, for the generic {@code PUSH}. */
    private static final List<Opcode> PUSHES = Arrays.stream(Opcode.values()).filter(Opcode::isPush)
                    .sorted(Comparator.comparingInt(op -> op.immediateSize)).toList();
    /** Width a generic {@code PUSH label} uses. */
    private static final Opcode LABEL_PUSH = Opcode.PUSH4;

    /**
     * The assembled code.
     *
     * @param code the bytes
     * @param sourceMap byte offset → source line of every instruction and {@code .byte} directive
     * @param labels every label and its byte offset, in definition order
     */
    public record Result(byte[] code, SourceMap sourceMap, Map<String, Integer> labels) {
    }

    public static Result assemble(String source) {
        return assemble(source, DEFAULT_SOURCE_NAME);
    }

    /** Assembles {@code source}; errors are {@link ZvmParseException#atLine} with {@code sourceName}. */
    public static Result assemble(String source, String sourceName) {
        return new Run(sourceName).run(source);
    }

    /**
     * One statement after pass 1: its size is known, a label operand is not yet resolved.
     *
     * @param op the opcode, {@code null} for {@code .byte}
     * @param value the numeric operand, {@code null} for a label or no operand
     * @param label the referenced label, or {@code null}
     * @param raw the {@code .byte} bytes, or {@code null}
     */
    private record Statement(int line, int offset, Opcode op, BigInteger value, String label, byte[] raw) {
        int size() {
            return op == null ? raw.length : op.length();
        }
    }

    /** The state of one assembly: two passes over the statements. */
    private static final class Run {
        final String sourceName;
        final List<Statement> statements = new ArrayList<>();
        final Map<String, Integer> labels = new LinkedHashMap<>();
        final Map<String, Integer> labelLines = new LinkedHashMap<>();
        int offset;
        int lineNo;

        Run(String sourceName) {
            this.sourceName = sourceName;
        }

        ZvmParseException error(String what) {
            return ZvmParseException.atLine(sourceName, lineNo, what);
        }

        Result run(String source) {
            String[] lines = source.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                lineNo = i + 1;
                parseLine(lines[i]);
            }
            byte[] code = new byte[offset];
            SourceMap.Builder map = new SourceMap.Builder();
            for (Statement s : statements) {
                lineNo = s.line;
                map.add(s.offset, s.line);
                emit(s, code);
            }
            return new Result(code, map.build(code.length), Collections.unmodifiableMap(labels));
        }

        void parseLine(String text) {
            String line = stripComment(text).strip();
            while (true) {
                int colon = labelEnd(line);
                if (colon < 0) {
                    break;
                }
                defineLabel(line.substring(0, colon));
                line = line.substring(colon + 1).strip();
            }
            if (line.isEmpty()) {
                return;
            }
            int space = firstSpace(line);
            String word = line.substring(0, space);
            List<String> operands = operands(line.substring(space));
            // Mnemonics first, and string comparisons only on the rare lines that are not one: under a
            // fuzzer every String comparison in zvm's classes is hooked, and costly.
            if (word.charAt(0) == '.') {
                if (!word.equalsIgnoreCase(".byte")) {
                    throw error("unknown directive '" + word + "'");
                }
                byteDirective(operands);
                return;
            }
            Opcode op = Opcode.fromMnemonic(word);
            boolean generic = op == null && word.equalsIgnoreCase("PUSH");
            if (op == null && !generic) {
                throw error("unknown mnemonic '" + word + "'");
            }
            String name = generic ? "PUSH" : op.mnemonic();
            if (!generic && !op.isPush()) {
                if (!operands.isEmpty()) {
                    throw error(name + " takes no operand, found '" + operands.get(0) + "'");
                }
                add(op, null, null, null);
                return;
            }
            if (operands.isEmpty()) {
                throw error(name + " needs an operand");
            }
            if (operands.size() > 1) {
                throw error(name + " takes one operand, found extra '" + operands.get(1) + "'");
            }
            String operand = operands.get(0);
            BigInteger value = number(operand);
            String label = value == null ? labelReference(operand) : null;
            if (generic) {
                op = label != null ? LABEL_PUSH : smallestPush(value);
            }
            add(op, value, label, null);
        }

        void add(Opcode op, BigInteger value, String label, byte[] raw) {
            Statement s = new Statement(lineNo, offset, op, value, label, raw);
            statements.add(s);
            offset += s.size();
        }

        void byteDirective(List<String> operands) {
            if (operands.isEmpty()) {
                throw error(".byte needs at least one value");
            }
            byte[] raw = new byte[operands.size()];
            for (int i = 0; i < raw.length; i++) {
                BigInteger v = number(operands.get(i));
                if (v == null) {
                    throw error(".byte takes numbers, found '" + operands.get(i) + "'");
                }
                if (v.bitLength() > 8) {
                    throw error(".byte value " + operands.get(i) + " does not fit a byte");
                }
                raw[i] = (byte) v.intValue();
            }
            add(null, null, null, raw);
        }

        void defineLabel(String name) {
            Integer first = labelLines.putIfAbsent(name, lineNo);
            if (first != null) {
                throw error("duplicate label '" + name + "' (first defined on line " + first + ")");
            }
            labels.put(name, offset);
        }

        void emit(Statement s, byte[] code) {
            if (s.op == null) {
                System.arraycopy(s.raw, 0, code, s.offset, s.raw.length);
                return;
            }
            code[s.offset] = (byte) s.op.code;
            if (!s.op.isPush()) {
                return;
            }
            BigInteger value = s.value;
            if (s.label != null) {
                Integer target = labels.get(s.label);
                if (target == null) {
                    throw error("undefined label '" + s.label + "'");
                }
                value = BigInteger.valueOf(target);
            }
            int width = s.op.immediateSize;
            if (value.bitLength() > 8 * width) {
                String what = s.label != null ? "label '" + s.label + "' = " + value : "0x" + value.toString(16);
                throw error(what + " does not fit " + s.op.mnemonic() + " (" + width + (width == 1 ? " byte)" : " bytes)"));
            }
            byte[] bytes = value.toByteArray();
            int n = Math.min(bytes.length, width);
            System.arraycopy(bytes, bytes.length - n, code, s.offset + 1 + width - n, n);
        }

        /** A decimal or {@code 0x} hex number below 2^256, or {@code null} if {@code token} is not numeric. */
        BigInteger number(String token) {
            if (token.isEmpty() || token.charAt(0) < '0' || token.charAt(0) > '9') {
                return null;
            }
            boolean hex = token.length() > 1 && token.charAt(0) == '0' && (token.charAt(1) == 'x' || token.charAt(1) == 'X');
            String digits = hex ? token.substring(2) : token;
            int radix = hex ? 16 : 10;
            if (digits.isEmpty()) {
                throw error("bad number '" + token + "'");
            }
            for (int i = 0; i < digits.length(); i++) {
                char c = digits.charAt(i);
                boolean ok = (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
                if (!ok) {
                    throw error("bad number '" + token + "'");
                }
            }
            BigInteger v = new BigInteger(digits, radix);
            if (v.bitLength() > 256) {
                throw error("number '" + token + "' does not fit 256 bits");
            }
            return v;
        }

        String labelReference(String token) {
            String name = token.startsWith("@") ? token.substring(1) : token;
            if (!isIdentifier(name)) {
                throw error("bad operand '" + token + "': expected a number or a label");
            }
            return name;
        }

        Opcode smallestPush(BigInteger value) {
            for (Opcode push : PUSHES) {
                if (value.bitLength() <= 8 * push.immediateSize) {
                    return push;
                }
            }
            throw new AssertionError("numbers are checked to fit 256 bits");
        }
    }

    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ';' || c == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Index of the ':' ending a leading label, or -1. */
    private static int labelEnd(String line) {
        int i = 0;
        while (i < line.length() && isIdentifierChar(line.charAt(i), i == 0)) {
            i++;
        }
        return i > 0 && i < line.length() && line.charAt(i) == ':' ? i : -1;
    }

    private static int firstSpace(String line) {
        int i = 0;
        while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static List<String> operands(String rest) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = rest.length();
        while (i < n) {
            char c = rest.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(rest.charAt(i)) && rest.charAt(i) != ',') {
                i++;
            }
            out.add(rest.substring(start, i));
        }
        return out;
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isIdentifierChar(s.charAt(i), i == 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentifierChar(char c, boolean first) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (!first && c >= '0' && c <= '9');
    }
}
