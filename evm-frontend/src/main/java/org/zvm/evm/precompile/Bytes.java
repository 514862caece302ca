// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

import java.math.BigInteger;

/** Byte helpers shared by the precompiles: inputs are zero-padded on the right, numbers are big-endian. */
final class Bytes {
    private Bytes() {
    }

    /** {@code len} bytes from {@code off}, reading zeros past the end of the input (offsets may be huge). */
    static byte[] slice(byte[] in, long off, int len) {
        byte[] out = new byte[len];
        if (off < in.length) {
            System.arraycopy(in, (int) off, out, 0, (int) Math.min(len, in.length - off));
        }
        return out;
    }

    /** The unsigned big-endian number in {@code len} bytes from {@code off}, zero-padded past the end. */
    static BigInteger unsigned(byte[] in, long off, int len) {
        return new BigInteger(1, slice(in, off, len));
    }

    /** A non-negative number as exactly {@code len} big-endian bytes; it must fit. */
    static void put(BigInteger v, byte[] out, int off, int len) {
        byte[] b = v.toByteArray();
        int n = b.length;
        int from = 0;
        if (n > len) {
            from = n - len;
            n = len;
        }
        System.arraycopy(b, from, out, off + len - n, n);
    }

    /** Gas linear in the input's 32-byte words, as sha256, ripemd160 and identity charge. */
    static long wordGas(long base, long perWord, int inputLength) {
        return base + perWord * ((inputLength + 31L) / 32);
    }
}
