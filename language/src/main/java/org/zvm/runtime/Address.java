// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import java.util.Arrays;
import java.util.HexFormat;

import org.zvm.util.Hex;

/** A 20-byte account address, immutable; ordered by its bytes so every listing is deterministic. */
public final class Address implements Comparable<Address> {
    private final byte[] bytes;
    private final int hash;

    private Address(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    public static Address of(byte[] twenty) {
        if (twenty.length != 20) {
            throw new IllegalArgumentException("an address has 20 bytes, not " + twenty.length);
        }
        return new Address(twenty.clone());
    }

    /** The low 160 bits of a word, as the EVM takes an address off the stack. */
    public static Address fromWord(UInt256 w) {
        byte[] b32 = w.toBytes();
        return new Address(Arrays.copyOfRange(b32, 12, 32));
    }

    public static Address fromWord(long w0, long w1, long w2) {
        byte[] b = new byte[20];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) (w2 >>> (24 - 8 * i));
        }
        for (int i = 0; i < 8; i++) {
            b[4 + i] = (byte) (w1 >>> (56 - 8 * i));
            b[12 + i] = (byte) (w0 >>> (56 - 8 * i));
        }
        return new Address(b);
    }

    /** Parses 40 hex digits, with or without {@code 0x}; shorter input is left-padded with zeros. */
    public static Address fromHex(String hex) {
        String h = Hex.strip(hex);
        if (h.isEmpty() || h.length() > 40) {
            throw new IllegalArgumentException("not an address: " + hex);
        }
        byte[] raw = HexFormat.of().parseHex(h.length() % 2 == 0 ? h : "0" + h);
        byte[] b = new byte[20];
        System.arraycopy(raw, 0, b, 20 - raw.length, raw.length);
        return new Address(b);
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    public UInt256 toWord() {
        return UInt256.fromBytes(bytes);
    }

    /** All 40 hex digits with {@code 0x}. */
    public String toHex() {
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && a.hash == hash && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(Address o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
