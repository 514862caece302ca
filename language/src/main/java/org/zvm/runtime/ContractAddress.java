// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.zvm.crypto.Hashes;

/** Addresses of created contracts: CREATE by {@code keccak256(rlp([sender, nonce]))[12:]}, CREATE2 by EIP-1014. */
public final class ContractAddress {
    private ContractAddress() {
    }

    /** {@code nonce} is unsigned (EIP-2681 allows nonces up to 2^64 - 1). */
    public static Address create(Address sender, long nonce) {
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        items.write(0x80 + 20);
        items.writeBytes(sender.toBytes());
        if (nonce == 0) {
            items.write(0x80);
        } else if (nonce > 0 && nonce < 0x80) {
            items.write((int) nonce);
        } else {
            int length = (Long.SIZE - Long.numberOfLeadingZeros(nonce) + 7) / 8;
            items.write(0x80 + length);
            for (int i = length - 1; i >= 0; i--) {
                items.write((int) (nonce >>> (8 * i)));
            }
        }
        byte[] payload = items.toByteArray();
        byte[] rlp = new byte[payload.length + 1];
        rlp[0] = (byte) (0xC0 + payload.length);
        System.arraycopy(payload, 0, rlp, 1, payload.length);
        return Address.of(Arrays.copyOfRange(Hashes.keccak256(rlp), 12, 32));
    }

    public static Address create2(Address sender, UInt256 salt, byte[] initCode) {
        byte[] buf = new byte[1 + 20 + 32 + 32];
        buf[0] = (byte) 0xFF;
        System.arraycopy(sender.toBytes(), 0, buf, 1, 20);
        salt.toBytes(buf, 21);
        System.arraycopy(Hashes.keccak256(initCode), 0, buf, 53, 32);
        return Address.of(Arrays.copyOfRange(Hashes.keccak256(buf), 12, 32));
    }
}
