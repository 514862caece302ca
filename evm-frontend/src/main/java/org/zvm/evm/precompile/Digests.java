// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

import java.util.function.UnaryOperator;

import org.zvm.crypto.Hashes;

/** The precompiles that never fail and cost a base plus a price per 32-byte word: sha256, ripemd160, identity. */
record Digests(long base, long perWord, UnaryOperator<byte[]> op) implements Precompile {
    static final Digests SHA256 = new Digests(60, 12, in -> Hashes.sha256(in, 0, in.length));
    static final Digests RIPEMD160 = new Digests(600, 120, Digests::ripemd160);
    /** Returns the input array itself: neither side modifies it, and a call's input is the caller's own copy. */
    static final Digests IDENTITY = new Digests(15, 3, in -> in);

    @Override
    public long gas(byte[] input) {
        return Bytes.wordGas(base, perWord, input.length);
    }

    @Override
    public byte[] run(byte[] input) {
        return op.apply(input);
    }

    private static byte[] ripemd160(byte[] in) {
        byte[] out = new byte[32];
        System.arraycopy(Hashes.ripemd160(in, 0, in.length), 0, out, 12, 20);
        return out;
    }
}
