// SPDX-License-Identifier: Apache-2.0
package org.zvm.container;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.zvm.error.ZvmParseException;
import org.zvm.util.Json;

/**
 * A ZVMC container: a 16-byte header, the code, then the ABI as UTF-8 JSON (layout in
 * {@code shared/reference/zvm-native.md}). The reader accepts exactly the containers the writer can produce
 * and names the byte offset of the first thing wrong, so a broken KALIX artifact is diagnosed in one line.
 *
 * @param version the format version, always {@link #VERSION}
 * @param target which VM the code is for
 * @param code the code bytes (copied in and out: a container is a value)
 * @param abiJson the ABI text, {@code ""} when there is none
 */
public record ZvmContainer(int version, Target target, byte[] code, String abiJson) {
    public static final int VERSION = 1;
    public static final int HEADER_SIZE = 16;
    private static final byte[] MAGIC = {'Z', 'V', 'M', 'C'};

    /** The header's target byte. */
    public enum Target {
        NATIVE(0), EVM(1), WASM(2);

        public final int code;

        Target(int code) {
            this.code = code;
        }

        /** The target with this header byte, or {@code null}. */
        public static Target fromCode(int code) {
            for (Target t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }
    }

    public ZvmContainer {
        if (version != VERSION) {
            throw new IllegalArgumentException("ZVMC version " + version + " is not " + VERSION);
        }
        if (target == null || code == null) {
            throw new IllegalArgumentException("ZVMC target and code are required");
        }
        code = code.clone();
        abiJson = abiJson == null ? "" : abiJson;
    }

    /** A current-version container. */
    public static ZvmContainer of(Target target, byte[] code, String abiJson) {
        return new ZvmContainer(VERSION, target, code, abiJson);
    }

    @Override
    public byte[] code() {
        return code.clone();
    }

    /** True when {@code bytes} starts with the ZVMC magic, i.e. should be read as a container, not raw code. */
    public static boolean looksLikeContainer(byte[] bytes) {
        return bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** Parses and checks a whole container; every rejection names its byte offset. */
    public static ZvmContainer read(byte[] bytes) {
        if (bytes.length < HEADER_SIZE) {
            throw ZvmParseException.atOffset(bytes.length, "ZVMC: " + bytes.length + " bytes is shorter than the " + HEADER_SIZE + "-byte header");
        }
        if (!looksLikeContainer(bytes)) {
            throw ZvmParseException.atOffset(0, "ZVMC: bad magic 0x" + HexFormat.of().formatHex(bytes, 0, MAGIC.length) + ", expected \"ZVMC\"");
        }
        int version = bytes[4] & 0xFF;
        if (version != VERSION) {
            throw ZvmParseException.atOffset(4, "ZVMC: unknown version " + version);
        }
        Target target = Target.fromCode(bytes[5] & 0xFF);
        if (target == null) {
            throw ZvmParseException.atOffset(5, "ZVMC: unknown target " + (bytes[5] & 0xFF));
        }
        if (bytes[6] != 0) {
            throw ZvmParseException.atOffset(6, "ZVMC: flags must be 0, found " + (bytes[6] & 0xFF));
        }
        if (bytes[7] != 0) {
            throw ZvmParseException.atOffset(7, "ZVMC: reserved byte must be 0, found " + (bytes[7] & 0xFF));
        }
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long codeSize = Integer.toUnsignedLong(header.getInt(8));
        long abiSize = Integer.toUnsignedLong(header.getInt(12));
        if (HEADER_SIZE + codeSize > bytes.length) {
            throw ZvmParseException.atOffset(8, "ZVMC: code_size " + codeSize + " runs past the end of the container");
        }
        long abiStart = HEADER_SIZE + codeSize;
        if (abiStart + abiSize > bytes.length) {
            throw ZvmParseException.atOffset(12, "ZVMC: abi_size " + abiSize + " runs past the end of the container");
        }
        long end = abiStart + abiSize;
        if (end < bytes.length) {
            throw ZvmParseException.atOffset(end, "ZVMC: " + (bytes.length - end) + (bytes.length - end == 1 ? " trailing byte" : " trailing bytes") + " after the ABI");
        }
        byte[] code = Arrays.copyOfRange(bytes, HEADER_SIZE, (int) abiStart);
        String abi = decodeAbi(bytes, (int) abiStart, (int) abiSize);
        return new ZvmContainer(version, target, code, abi);
    }

    private static String decodeAbi(byte[] bytes, int start, int size) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, size);
        CharBuffer out = CharBuffer.allocate(size);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw ZvmParseException.atOffset(in.position(), "ZVMC: ABI is not valid UTF-8");
        }
        String abi = out.flip().toString();
        if (!abi.isEmpty()) {
            try {
                Json.parse(abi);
            } catch (ZvmParseException e) {
                // Re-anchor the JSON error at its byte offset in the container.
                String reason = e.getMessage().substring("JSON: ".length(), e.getMessage().length() - (" at offset " + e.offset()).length());
                int byteOffset = start + abi.substring(0, (int) e.offset()).getBytes(StandardCharsets.UTF_8).length;
                throw ZvmParseException.atOffset(byteOffset, "ZVMC: ABI is not valid JSON (" + reason + ")");
            }
        }
        return abi;
    }

    /** The container bytes; {@link #read} of them gives back an equal container. */
    public byte[] write() {
        byte[] abi = abiJson.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE + code.length + abi.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) version).put((byte) target.code).put((byte) 0).put((byte) 0);
        b.putInt(code.length).putInt(abi.length).put(code).put(abi);
        return b.array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZvmContainer c && version == c.version && target == c.target && Arrays.equals(code, c.code) && abiJson.equals(c.abiJson);
    }

    @Override
    public int hashCode() {
        return (31 * (31 * version + target.hashCode()) + Arrays.hashCode(code)) * 31 + abiJson.hashCode();
    }

    @Override
    public String toString() {
        return "ZvmContainer[version=" + version + ", target=" + target + ", code=" + code.length + " bytes, abi=" + abiJson.length() + " chars]";
    }
}
