// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.rlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.zvm.error.ZvmParseException;
import org.zvm.runtime.UInt256;

/**
 * Recursive Length Prefix, Ethereum's serialisation (yellow paper appendix B): what state roots, log hashes
 * and transactions are hashed over. Encoders take the already encoded items of a list, so a trie can embed
 * a short node as it is. The decoder accepts only the canonical encoding, as consensus code must: a value
 * has exactly one encoding, so a hash identifies it.
 */
public final class Rlp {
    private Rlp() {
    }

    /** A decoded item: a byte string or a list of items. */
    public sealed interface Item permits Bytes, ItemList {
    }

    /** A byte string; compared by content. */
    public record Bytes(byte[] value) implements Item {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(b.value, value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "0x" + HexFormat.of().formatHex(value);
        }
    }

    public record ItemList(List<Item> items) implements Item {
        public ItemList {
            items = List.copyOf(items);
        }
    }

    /** Lists nested deeper are rejected rather than overflowing the Java stack. */
    public static final int MAX_DEPTH = 1024;

    private static final int STRING = 0x80;
    private static final int LIST = 0xC0;
    /** Payloads up to this length have their length in the first byte. */
    private static final int SHORT_MAX = 55;

    public static byte[] encodeBytes(byte[] b) {
        if (b.length == 1 && (b[0] & 0xFF) < STRING) {
            return new byte[]{b[0]};
        }
        byte[] out = new byte[headerSize(b.length) + b.length];
        System.arraycopy(b, 0, out, writeHeader(out, STRING, b.length), b.length);
        return out;
    }

    /** A list of items that are already RLP-encoded. */
    public static byte[] encodeList(byte[]... encodedItems) {
        return encodeList(Arrays.asList(encodedItems));
    }

    /** A list of items that are already RLP-encoded. */
    public static byte[] encodeList(List<byte[]> encodedItems) {
        int payload = 0;
        for (byte[] item : encodedItems) {
            payload = Math.addExact(payload, item.length);
        }
        byte[] out = new byte[headerSize(payload) + payload];
        int pos = writeHeader(out, LIST, payload);
        for (byte[] item : encodedItems) {
            System.arraycopy(item, 0, out, pos, item.length);
            pos += item.length;
        }
        return out;
    }

    /** An unsigned integer as its minimal big-endian bytes (0 is the empty string). */
    public static byte[] encodeLong(long unsigned) {
        int n = (Long.SIZE - Long.numberOfLeadingZeros(unsigned) + 7) / 8;
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (unsigned >>> (8 * (n - 1 - i)));
        }
        return encodeBytes(b);
    }

    /** A 256-bit unsigned integer as its minimal big-endian bytes (0 is the empty string). */
    public static byte[] encodeUInt256(UInt256 value) {
        byte[] b = value.toBytes();
        int first = 0;
        while (first < b.length && b[first] == 0) {
            first++;
        }
        return encodeBytes(Arrays.copyOfRange(b, first, b.length));
    }

    private static int headerSize(int length) {
        return length <= SHORT_MAX ? 1 : 1 + lengthOfLength(length);
    }

    private static int lengthOfLength(int length) {
        return (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
    }

    /** Writes the header at the start of {@code out}; returns where the payload starts. */
    private static int writeHeader(byte[] out, int base, int length) {
        if (length <= SHORT_MAX) {
            out[0] = (byte) (base + length);
            return 1;
        }
        int n = lengthOfLength(length);
        out[0] = (byte) (base + SHORT_MAX + n);
        for (int i = 1; i <= n; i++) {
            out[i] = (byte) (length >>> (8 * (n - i)));
        }
        return 1 + n;
    }

    /**
     * Decodes exactly one item filling {@code input}; a non-canonical, truncated or over-long input is a
     * {@link ZvmParseException} naming the offset of the offending item.
     */
    public static Item decode(byte[] input) {
        Decoder d = new Decoder(input);
        Item item = d.item(input.length, 0);
        if (d.pos < input.length) {
            throw ZvmParseException.atOffset(d.pos, "RLP: trailing bytes after the item (count: " + (input.length - d.pos) + ")");
        }
        return item;
    }

    private static final class Decoder {
        final byte[] in;
        int pos;

        Decoder(byte[] in) {
            this.in = in;
        }

        /** The item at {@code pos}, which must end by {@code end} (the input's or its list's end). */
        Item item(int end, int depth) {
            int start = pos;
            if (pos >= end) {
                throw ZvmParseException.atOffset(start, "RLP: expected an item, found the end of the input");
            }
            int first = in[pos++] & 0xFF;
            if (first < STRING) {
                return new Bytes(new byte[]{(byte) first});
            }
            if (first < LIST) {
                int length = payloadLength(first - STRING, start, end);
                if (length == 1 && (in[pos] & 0xFF) < STRING) {
                    throw ZvmParseException.atOffset(start, String.format("RLP: single byte 0x%02x below 0x80 must be encoded as itself", in[pos]));
                }
                pos += length;
                return new Bytes(Arrays.copyOfRange(in, pos - length, pos));
            }
            if (depth >= MAX_DEPTH) {
                throw ZvmParseException.atOffset(start, "RLP: lists nested deeper than " + MAX_DEPTH);
            }
            int length = payloadLength(first - LIST, start, end);
            int listEnd = pos + length;
            List<Item> items = new ArrayList<>();
            while (pos < listEnd) {
                items.add(item(listEnd, depth + 1));
            }
            return new ItemList(items);
        }

        /** Reads the length that follows the first byte ({@code code} is that byte less its base). */
        int payloadLength(int code, int start, int end) {
            long length = code;
            if (code > SHORT_MAX) {
                int n = code - SHORT_MAX;
                if (n > end - pos) {
                    throw truncated(start, n + "-byte length", end);
                }
                if (in[pos] == 0) {
                    throw ZvmParseException.atOffset(start, "RLP: length with a leading zero byte");
                }
                length = 0;
                for (int i = 0; i < n; i++) {
                    length = length << 8 | (in[pos++] & 0xFF);
                    if (length > Integer.MAX_VALUE) {
                        throw ZvmParseException.atOffset(start, "RLP: length over 2^31 bytes");
                    }
                }
                if (length <= SHORT_MAX) {
                    throw ZvmParseException.atOffset(start, "RLP: length " + length + " in the long form, which starts at 56");
                }
            }
            if (length > end - pos) {
                throw truncated(start, length + "-byte payload", end);
            }
            return (int) length;
        }

        ZvmParseException truncated(int start, String what, int end) {
            String container = end == in.length ? "the input" : "its list";
            return ZvmParseException.atOffset(start, "RLP: " + what + " runs past the end of " + container + " (bytes left: " + (end - pos) + ")");
        }
    }
}
