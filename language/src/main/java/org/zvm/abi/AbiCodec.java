// SPDX-License-Identifier: Apache-2.0
package org.zvm.abi;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.zvm.abi.AbiType.Tuple;
import org.zvm.runtime.Address;

/**
 * The standard (non-packed) ABI encoding of the Solidity specification, both ways. Java values are:
 * {@link BigInteger} for integers (encoding also takes {@link Long} and {@link Integer}), {@link Address},
 * {@link Boolean}, {@code byte[]} for {@code bytes} and {@code bytesN}, {@link String}, and {@link List} for
 * arrays and tuples.
 *
 * <p>
 * Decoding is strict, like Solidity's own decoder in its checked mode: a word with bits outside its type,
 * a bool other than 0 or 1, non-zero padding, an offset or length past the end, or invalid UTF-8 is an
 * {@link AbiException} naming the byte offset. Extra bytes after the encoding are ignored, as solc does.
 */
public final class AbiCodec {
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

    private AbiCodec() {
    }

    public static byte[] encode(Tuple types, List<?> values) {
        if (values.size() != types.size()) {
            throw new AbiException("expected " + types.size() + " argument" + (types.size() == 1 ? "" : "s") + " for " + types.canonical() + ", got " + values.size());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encodeTuple(types, values, "argument ", out);
        return out.toByteArray();
    }

    public static List<Object> decode(Tuple types, byte[] data) {
        return decodeTuple(types, data, 0);
    }

    private static void encodeTuple(Tuple types, List<?> values, String path, ByteArrayOutputStream out) {
        int headSize = 0;
        for (AbiType t : types.types()) {
            headSize += t.headSize();
        }
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        for (int i = 0; i < types.size(); i++) {
            AbiType t = types.types().get(i);
            String where = path + types.describe(i);
            if (t.isDynamic()) {
                out.writeBytes(word(BigInteger.valueOf(headSize + tail.size())));
                encodeValue(t, values.get(i), where, tail);
            } else {
                encodeValue(t, values.get(i), where, out);
            }
        }
        out.writeBytes(tail.toByteArray());
    }

    private static void encodeValue(AbiType type, Object value, String where, ByteArrayOutputStream out) {
        switch (type) {
            case AbiType.UInt u -> {
                BigInteger v = integer(value, type, where);
                if (v.signum() < 0 || v.bitLength() > u.bits()) {
                    throw new AbiException(where + ": " + v + " does not fit in " + type.canonical());
                }
                out.writeBytes(word(v));
            }
            case AbiType.Int s -> {
                BigInteger v = integer(value, type, where);
                if (v.bitLength() > s.bits() - 1) {
                    throw new AbiException(where + ": " + v + " does not fit in " + type.canonical());
                }
                out.writeBytes(word(v.signum() < 0 ? v.add(TWO_256) : v));
            }
            case AbiType.Address a -> {
                if (!(value instanceof Address address)) {
                    throw mismatch(value, type, where);
                }
                out.writeBytes(word(new BigInteger(1, address.toBytes())));
            }
            case AbiType.Bool b -> {
                if (!(value instanceof Boolean flag)) {
                    throw mismatch(value, type, where);
                }
                out.writeBytes(word(flag ? BigInteger.ONE : BigInteger.ZERO));
            }
            case AbiType.FixedBytes f -> {
                if (!(value instanceof byte[] bytes)) {
                    throw mismatch(value, type, where);
                }
                if (bytes.length != f.size()) {
                    throw new AbiException(where + ": " + type.canonical() + " takes " + f.size() + " bytes, got " + bytes.length);
                }
                out.writeBytes(Arrays.copyOf(bytes, 32));
            }
            case AbiType.Bytes b -> {
                if (!(value instanceof byte[] bytes)) {
                    throw mismatch(value, type, where);
                }
                padded(bytes, out);
            }
            case AbiType.Str s -> {
                if (!(value instanceof String text)) {
                    throw mismatch(value, type, where);
                }
                padded(text.getBytes(StandardCharsets.UTF_8), out);
            }
            case AbiType.Array a -> {
                if (!(value instanceof List<?> list)) {
                    throw mismatch(value, type, where);
                }
                if (a.length() >= 0 && list.size() != a.length()) {
                    throw new AbiException(where + ": " + type.canonical() + " takes " + a.length() + " elements, got " + list.size());
                }
                if (a.length() < 0) {
                    out.writeBytes(word(BigInteger.valueOf(list.size())));
                }
                encodeTuple(a.asTuple(list.size()), list, where + " element ", out);
            }
            case AbiType.Tuple t -> {
                if (!(value instanceof List<?> list)) {
                    throw mismatch(value, type, where);
                }
                if (list.size() != t.size()) {
                    throw new AbiException(where + ": " + type.canonical() + " has " + t.size() + " components, got " + list.size());
                }
                encodeTuple(t, list, where + " component ", out);
            }
        }
    }

    private static BigInteger integer(Object value, AbiType type, String where) {
        return switch (value) {
            case BigInteger b -> b;
            case Long l -> BigInteger.valueOf(l);
            case Integer i -> BigInteger.valueOf(i);
            default -> throw mismatch(value, type, where);
        };
    }

    private static AbiException mismatch(Object value, AbiType type, String where) {
        String what = value == null ? "null" : value instanceof byte[] ? "bytes" : value instanceof List ? "a list" : value.getClass().getSimpleName();
        return new AbiException(where + ": " + type.canonical() + " cannot take " + what);
    }

    /** A length word, then the bytes right-padded with zeros to whole words. */
    private static void padded(byte[] bytes, ByteArrayOutputStream out) {
        out.writeBytes(word(BigInteger.valueOf(bytes.length)));
        out.writeBytes(Arrays.copyOf(bytes, (bytes.length + 31) / 32 * 32));
    }

    /** The 32 big-endian bytes of a non-negative value below 2^256. */
    private static byte[] word(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] w = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, w, 32 - n, n);
        return w;
    }

    private static List<Object> decodeTuple(Tuple types, byte[] data, int base) {
        List<Object> values = new ArrayList<>(types.size());
        int at = base;
        for (AbiType t : types.types()) {
            if (t.isDynamic()) {
                values.add(decodeValue(t, data, base + offset(data, at, base)));
            } else {
                values.add(decodeValue(t, data, at));
            }
            at += t.headSize();
        }
        return values;
    }

    /** An offset word at {@code at}, relative to {@code base}, that stays inside the data. */
    private static int offset(byte[] data, int at, int base) {
        BigInteger off = new BigInteger(1, read(data, at));
        if (off.compareTo(BigInteger.valueOf(data.length - base)) > 0) {
            throw new AbiException("offset " + hex(at) + ": offset " + hex(off) + " points past the end of the data (" + data.length + " bytes)");
        }
        return off.intValueExact();
    }

    private static Object decodeValue(AbiType type, byte[] data, int at) {
        return switch (type) {
            case AbiType.UInt u -> {
                BigInteger v = new BigInteger(1, read(data, at));
                if (v.bitLength() > u.bits()) {
                    throw new AbiException("offset " + hex(at) + ": " + type.canonical() + " word has bits above bit " + u.bits() + " set");
                }
                yield v;
            }
            case AbiType.Int s -> {
                BigInteger v = new BigInteger(read(data, at));
                if (v.bitLength() > s.bits() - 1) {
                    throw new AbiException("offset " + hex(at) + ": " + type.canonical() + " word is not sign-extended from bit " + s.bits());
                }
                yield v;
            }
            case AbiType.Address a -> {
                byte[] w = read(data, at);
                zeros(w, 0, 12, at, type);
                yield Address.of(Arrays.copyOfRange(w, 12, 32));
            }
            case AbiType.Bool b -> {
                BigInteger v = new BigInteger(1, read(data, at));
                if (v.compareTo(BigInteger.ONE) > 0) {
                    throw new AbiException("offset " + hex(at) + ": bool word is neither 0 nor 1");
                }
                yield v.signum() == 1;
            }
            case AbiType.FixedBytes f -> {
                byte[] w = read(data, at);
                zeros(w, f.size(), 32, at, type);
                yield Arrays.copyOf(w, f.size());
            }
            case AbiType.Bytes b -> bytes(data, at);
            case AbiType.Str s -> {
                byte[] bytes = bytes(data, at);
                try {
                    yield StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                                    .decode(ByteBuffer.wrap(bytes)).toString();
                } catch (CharacterCodingException e) {
                    throw new AbiException("offset " + hex(at) + ": string is not valid UTF-8");
                }
            }
            case AbiType.Array a -> {
                if (a.length() >= 0) {
                    yield decodeTuple(a.asTuple(a.length()), data, at);
                }
                int n = length(data, at, a.element().headSize());
                yield decodeTuple(a.asTuple(n), data, at + 32);
            }
            case AbiType.Tuple t -> decodeTuple(t, data, at);
        };
    }

    /** A length word at {@code at} whose {@code unit}-byte items fit in the data after it. */
    private static int length(byte[] data, int at, int unit) {
        BigInteger n = new BigInteger(1, read(data, at));
        long room = data.length - (long) at - 32;
        if (n.multiply(BigInteger.valueOf(unit)).compareTo(BigInteger.valueOf(room)) > 0) {
            throw new AbiException("offset " + hex(at) + ": length " + n + " runs past the end of the data (" + data.length + " bytes)");
        }
        return n.intValueExact();
    }

    private static byte[] bytes(byte[] data, int at) {
        int n = length(data, at, 1);
        int start = at + 32;
        int padded = (n + 31) / 32 * 32;
        if (start + padded > data.length) {
            throw new AbiException("offset " + hex(start) + ": padding of " + n + " bytes runs past the end of the data (" + data.length + " bytes)");
        }
        for (int i = start + n; i < start + padded; i++) {
            if (data[i] != 0) {
                throw new AbiException("offset " + hex(i) + ": non-zero padding after " + n + " bytes");
            }
        }
        return Arrays.copyOfRange(data, start, start + n);
    }

    private static void zeros(byte[] word, int from, int to, int at, AbiType type) {
        for (int i = from; i < to; i++) {
            if (word[i] != 0) {
                throw new AbiException("offset " + hex(at) + ": " + type.canonical() + " word has non-zero padding");
            }
        }
    }

    private static byte[] read(byte[] data, int at) {
        if (at < 0 || at + 32 > data.length) {
            throw new AbiException("offset " + hex(at) + ": data ends at " + data.length + " bytes, a word needs 32");
        }
        return Arrays.copyOfRange(data, at, at + 32);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    private static String hex(BigInteger v) {
        return "0x" + v.toString(16);
    }
}
