// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

/**
 * Stellar's strkey text of an address (SEP-23): base32 of a version byte (account {@code G...}, contract
 * {@code C...}), the 32-byte id and a CRC16-XModem checksum, little-endian.
 */
public final class StrKey {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int ACCOUNT_VERSION = 6 << 3;
    private static final int CONTRACT_VERSION = 2 << 3;
    private static final int LENGTH = 56;

    private StrKey() {
    }

    public static String encode(ScVal.Address a) {
        byte[] raw = new byte[35];
        raw[0] = (byte) (a.kind() == ScVal.Address.ACCOUNT ? ACCOUNT_VERSION : CONTRACT_VERSION);
        System.arraycopy(a.id(), 0, raw, 1, 32);
        int crc = crc16(raw, 33);
        raw[33] = (byte) crc;
        raw[34] = (byte) (crc >>> 8);
        StringBuilder b = new StringBuilder(LENGTH);
        int buffer = 0;
        int bits = 0;
        for (byte x : raw) {
            buffer = buffer << 8 | x & 0xff;
            bits += 8;
            while (bits >= 5) {
                b.append(ALPHABET.charAt(buffer >>> bits - 5 & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            b.append(ALPHABET.charAt(buffer << 5 - bits & 31));
        }
        return b.toString();
    }

    /** The address a {@code G...} or {@code C...} strkey names; a one-line error for anything else. */
    public static ScVal.Address decode(String text) {
        if (text.length() != LENGTH) {
            throw new IllegalArgumentException("'" + text + "' is not a strkey address (56 characters, G... or C...)");
        }
        byte[] raw = new byte[35];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int v = ALPHABET.indexOf(text.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("'" + text + "' is not a strkey address (bad character '" + text.charAt(i) + "')");
            }
            buffer = buffer << 5 | v;
            bits += 5;
            if (bits >= 8) {
                raw[n++] = (byte) (buffer >>> bits - 8);
                bits -= 8;
            }
        }
        int crc = crc16(raw, 33);
        if ((raw[33] & 0xff) != (crc & 0xff) || (raw[34] & 0xff) != crc >>> 8) {
            throw new IllegalArgumentException("'" + text + "' is not a strkey address (bad checksum)");
        }
        int kind = switch (raw[0]) {
            case ACCOUNT_VERSION -> ScVal.Address.ACCOUNT;
            case CONTRACT_VERSION -> ScVal.Address.CONTRACT;
            default -> throw new IllegalArgumentException("'" + text + "' is neither an account (G...) nor a contract (C...) address");
        };
        return new ScVal.Address(kind, java.util.Arrays.copyOfRange(raw, 1, 33));
    }

    private static int crc16(byte[] data, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            crc ^= (data[i] & 0xff) << 8;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x8000) != 0 ? crc << 1 ^ 0x1021 : crc << 1;
            }
        }
        return crc & 0xffff;
    }
}
