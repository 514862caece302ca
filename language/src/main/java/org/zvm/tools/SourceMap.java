// SPDX-License-Identifier: Apache-2.0
package org.zvm.tools;

import java.util.Arrays;

import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * Byte offset → 1-based line of the text the code came from (a {@code .zasm} file or a disassembly
 * listing), so the interpreter can give each instruction node a source section whichever text it has.
 * Entries are the starts of instructions and {@code .byte} directives, in ascending offset order.
 */
public final class SourceMap {
    private final int[] offsets;
    private final int[] lines;
    private final int codeSize;

    SourceMap(int[] offsets, int[] lines, int codeSize) {
        this.offsets = offsets;
        this.lines = lines;
        this.codeSize = codeSize;
    }

    /** Number of entries. */
    public int size() {
        return offsets.length;
    }

    /** Byte offset of entry {@code i}. */
    public int offset(int i) {
        return offsets[i];
    }

    /** Source line of entry {@code i}. */
    public int line(int i) {
        return lines[i];
    }

    /**
     * The line of the instruction or directive whose bytes cover {@code offset} (an offset inside a PUSH
     * immediate maps to the PUSH's line), or -1 outside the code.
     */
    public int lineOf(int offset) {
        if (offset < 0 || offset >= codeSize) {
            return -1;
        }
        int i = Arrays.binarySearch(offsets, offset);
        if (i < 0) {
            i = -i - 2;
        }
        return i < 0 ? -1 : lines[i];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SourceMap[");
        for (int i = 0; i < offsets.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(offsets[i]).append("->").append(lines[i]);
        }
        return sb.append(']').toString();
    }

    /** The line of {@code source} showing the instruction at {@code pc}, or null when it has none. */
    public SourceSection section(Source source, int pc) {
        int line = lineOf(pc);
        if (!source.hasCharacters() || line <= 0 || line > source.getLineCount()) {
            return null;
        }
        return source.createSection(line);
    }

    /** Collects entries in offset order. */
    public static final class Builder {
        private int[] offsets = new int[16];
        private int[] lines = new int[16];
        private int size;

        public void add(int offset, int line) {
            if (size == offsets.length) {
                offsets = Arrays.copyOf(offsets, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
            }
            offsets[size] = offset;
            lines[size++] = line;
        }

        public SourceMap build(int codeSize) {
            return new SourceMap(Arrays.copyOf(offsets, size), Arrays.copyOf(lines, size), codeSize);
        }
    }
}
