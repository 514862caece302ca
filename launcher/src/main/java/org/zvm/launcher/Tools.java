// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The launcher's only calls into the language module's plain-Java tools (no Truffle, no engine), kept in one
 * place so their signatures can change without touching the command code. Input errors from the tools are
 * expected as {@link org.zvm.error.ZvmParseException}, whose one-line message the launcher prints.
 */
final class Tools {
    /** ZVMC header: magic, version, target, flags, reserved, code_size, abi_size (zvm-native.md). */
    static final int CONTAINER_HEADER_SIZE = 16;
    static final byte CONTAINER_VERSION = 1;
    static final byte TARGET_NATIVE = 0;

    private Tools() {
    }

    /** zasm text to native code bytes; {@code name} appears in error messages ("name:line: ..."). */
    static byte[] assemble(String text, String name) {
        throw new UnsupportedOperationException("wired at integration: org.zvm.tools.Assembler");
    }

    /** A listing of native code, given raw or inside a ZVMC container. */
    static String disassemble(byte[] codeOrContainer) {
        throw new UnsupportedOperationException("wired at integration: org.zvm.tools.Disassembler");
    }

    /** The native gas schedule as a text table, or as JSON for external tools. */
    static String gasSchedule(boolean json) {
        throw new UnsupportedOperationException("wired at integration: org.zvm.tools.GasScheduleExporter");
    }

    /** Native code in a ZVMC container with an empty ABI; sizes are little-endian u32. */
    static byte[] wrapContainer(byte[] code) {
        return ByteBuffer.allocate(CONTAINER_HEADER_SIZE + code.length)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .put("ZVMC".getBytes(StandardCharsets.US_ASCII))
                        .put(CONTAINER_VERSION)
                        .put(TARGET_NATIVE)
                        .put((byte) 0)
                        .put((byte) 0)
                        .putInt(code.length)
                        .putInt(0)
                        .put(code)
                        .array();
    }
}
