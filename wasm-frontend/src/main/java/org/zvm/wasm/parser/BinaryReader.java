// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.parser;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.zvm.wasm.WasmException;

/**
 * Reads the binary format's primitives (bytes, LEB128 integers, names) with the spec's messages for every
 * way they can be malformed. Like the reference interpreter it reads up to the end of the whole input,
 * not of the current section: the caller compares where a section or function ended with its declared size.
 */
final class BinaryReader {
    private final byte[] bytes;
    int pos;
    final int limit;

    BinaryReader(byte[] bytes) {
        this.bytes = bytes;
        this.limit = bytes.length;
    }

    boolean atLimit() {
        return pos >= limit;
    }

    private static WasmException end() {
        return WasmException.malformed("unexpected end");
    }

    int u8() {
        if (pos >= limit) {
            throw end();
        }
        return bytes[pos++] & 0xff;
    }

    int peek() {
        if (pos >= limit) {
            throw end();
        }
        return bytes[pos] & 0xff;
    }

    byte[] read(int n) {
        if (n < 0 || pos + n > limit) {
            throw end();
        }
        byte[] r = new byte[n];
        System.arraycopy(bytes, pos, r, 0, n);
        pos += n;
        return r;
    }

    /** An unsigned LEB128 of at most {@code bits} bits. */
    long unsigned(int bits) {
        long result = 0;
        int shift = 0;
        int maxBytes = (bits + 6) / 7;
        for (int i = 0;; i++) {
            int b = u8();
            if (i == maxBytes - 1) {
                if ((b & 0x80) != 0) {
                    throw WasmException.malformed("integer representation too long");
                }
                int used = bits - shift;
                if (used < 7 && (b >> used) != 0) {
                    throw WasmException.malformed("integer too large");
                }
            }
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    /** A signed LEB128 of at most {@code bits} bits, sign-extended. */
    long signed(int bits) {
        long result = 0;
        int shift = 0;
        int maxBytes = (bits + 6) / 7;
        for (int i = 0;; i++) {
            int b = u8();
            if (i == maxBytes - 1) {
                if ((b & 0x80) != 0) {
                    throw WasmException.malformed("integer representation too long");
                }
                int used = bits - shift;
                if (used < 7) {
                    // The unused high bits must all equal the sign bit of the value.
                    int rest = (b & 0x7f) >> (used - 1);
                    if (rest != 0 && rest != (0x7f >> (used - 1))) {
                        throw WasmException.malformed("integer too large");
                    }
                }
            }
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                if (shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                return result;
            }
        }
    }

    int u32() {
        return (int) unsigned(32);
    }

    /** A u32 used as a count or index; counts above what a Java array holds cannot be satisfied anyway. */
    int index() {
        long v = unsigned(32);
        return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
    }

    /** A length prefix, which must not run past the end of the input. */
    int length() {
        int start = pos;
        long n = unsigned(32);
        if (n > limit - pos) {
            pos = start;
            throw WasmException.malformed("length out of bounds");
        }
        return (int) n;
    }

    String name() {
        int n = length();
        byte[] raw = read(n);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw WasmException.malformed("malformed UTF-8 encoding");
        }
    }

    int fixed32() {
        byte[] b = read(4);
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }

    long fixed64() {
        return (fixed32() & 0xffffffffL) | (long) fixed32() << 32;
    }
}
