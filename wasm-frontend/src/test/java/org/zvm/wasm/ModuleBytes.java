// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hand-assembled binary modules for tests: the header, sections with LEB128 sizes, vectors and names, so
 * a test states a module section by section and can break any one byte of it.
 */
public final class ModuleBytes {
    public static final int I32 = 0x7F;
    public static final int I64 = 0x7E;
    public static final int F32 = 0x7D;
    public static final int F64 = 0x7C;
    public static final int V128 = 0x7B;
    public static final int FUNCREF = 0x70;
    public static final int EXTERNREF = 0x6F;
    public static final int END = 0x0B;

    public static final int TYPE = 1;
    public static final int IMPORT = 2;
    public static final int FUNCTION = 3;
    public static final int TABLE = 4;
    public static final int MEMORY = 5;
    public static final int GLOBAL = 6;
    public static final int EXPORT = 7;
    public static final int START = 8;
    public static final int ELEMENT = 9;
    public static final int CODE = 10;
    public static final int DATA = 11;
    public static final int DATA_COUNT = 12;

    private ModuleBytes() {
    }

    /** The header followed by {@code sections}. */
    public static byte[] module(byte[]... sections) {
        return concat(bytes(0, 'a', 's', 'm', 1, 0, 0, 0), concat(sections));
    }

    /** Section {@code id} with {@code content} and its size. */
    public static byte[] section(int id, byte[]... content) {
        byte[] c = concat(content);
        return concat(bytes(id), leb(c.length), c);
    }

    /** A vector: the count, then the elements. */
    public static byte[] vec(byte[]... elements) {
        return concat(leb(elements.length), concat(elements));
    }

    /** A name: its UTF-8 length, then the bytes. */
    public static byte[] name(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return concat(leb(b.length), b);
    }

    /** A function type {@code params -> results}. */
    public static byte[] funcType(int[] params, int... results) {
        return concat(bytes(0x60), leb(params.length), bytes(params), leb(results.length), bytes(results));
    }

    /** A type section of one {@code params -> results} type. */
    public static byte[] oneType(int[] params, int... results) {
        return section(TYPE, vec(funcType(params, results)));
    }

    /** A function body: its size, no locals, then {@code code} (which ends with {@link #END}). */
    public static byte[] body(int... code) {
        byte[] b = concat(bytes(0), bytes(code));
        return concat(leb(b.length), b);
    }

    /** Exports function {@code index} as {@code name}. */
    public static byte[] exportFunc(String name, int index) {
        return concat(name(name), bytes(0), leb(index));
    }

    /**
     * A module of one function of type {@code () -> results} exported as "f" with {@code code} as its body
     * (no locals), plus {@code extra} sections, which go where their ids say.
     */
    public static byte[] function(int[] results, int[] code, byte[]... extra) {
        byte[][] sections = new byte[4 + extra.length][];
        sections[0] = oneType(new int[0], results);
        sections[1] = section(FUNCTION, vec(leb(0)));
        sections[2] = section(EXPORT, vec(exportFunc("f", 0)));
        sections[3] = section(CODE, vec(body(code)));
        System.arraycopy(extra, 0, sections, 4, extra.length);
        java.util.Arrays.sort(sections, java.util.Comparator.comparingInt(ModuleBytes::order));
        return module(sections);
    }

    private static int order(byte[] section) {
        int id = section[0];
        return id == DATA_COUNT ? 95 : id * 10;
    }

    /** An unsigned LEB128. */
    public static byte[] leb(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = value;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return out.toByteArray();
    }

    /** A signed LEB128. */
    public static byte[] sleb(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = value;
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = v == 0 && (b & 0x40) == 0 || v == -1 && (b & 0x40) != 0;
            out.write(done ? b : b | 0x80);
            if (done) {
                return out.toByteArray();
            }
        }
    }

    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
