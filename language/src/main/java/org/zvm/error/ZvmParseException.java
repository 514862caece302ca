// SPDX-License-Identifier: Apache-2.0
package org.zvm.error;

/**
 * Malformed input found while reading code, a container or assembly: carries where (byte offset or
 * line) so the one-line message names it, e.g. "invalid opcode 0x0c at offset 17".
 */
public final class ZvmParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Byte offset in the input, or -1 when the location is a line. */
    private final long offset;
    /** 1-based line in text input, or -1. */
    private final int line;

    private ZvmParseException(String message, long offset, int line) {
        super(message, null, false, false);
        this.offset = offset;
        this.line = line;
    }

    public static ZvmParseException atOffset(long offset, String what) {
        return new ZvmParseException(what + " at offset " + offset, offset, -1);
    }

    public static ZvmParseException atLine(String sourceName, int line, String what) {
        return new ZvmParseException(sourceName + ":" + line + ": " + what, -1, line);
    }

    public static ZvmParseException general(String what) {
        return new ZvmParseException(what, -1, -1);
    }

    public long offset() {
        return offset;
    }

    public int line() {
        return line;
    }
}
