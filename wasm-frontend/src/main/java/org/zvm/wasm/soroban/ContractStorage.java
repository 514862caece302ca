// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

import org.zvm.crypto.Hashes;
import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;
import org.zvm.state.WorldState;

/**
 * A contract's data (temporary, persistent and instance storage) kept in the zvm world state, so it is
 * journaled with everything else (a failed invocation leaves nothing) and persists wherever the world
 * does ({@code zvm.StateDir}). The contract is an account of the world; each entry lives in its 256-bit
 * slots as Solidity keeps a {@code bytes} value: the slot {@code keccak256(storageType || XDR(key))}
 * holds the length of {@code XDR(value)} plus one (zero means absent), the following slots its bytes.
 * TTLs are not modeled: entries live until deleted.
 */
public final class ContractStorage {
    public static final int TEMPORARY = 0;
    public static final int PERSISTENT = 1;
    public static final int INSTANCE = 2;

    private final WorldState state;
    private final Address account;

    public ContractStorage(WorldState state, Address account) {
        this.state = state;
        this.account = account;
    }

    public Address account() {
        return account;
    }

    private static UInt256 slot(int type, ScVal key) {
        byte[] xdr = ScValXdr.encode(key);
        byte[] keyed = new byte[xdr.length + 1];
        keyed[0] = (byte) type;
        System.arraycopy(xdr, 0, keyed, 1, xdr.length);
        return UInt256.fromBytes(Hashes.keccak256(keyed));
    }

    private static UInt256 plus(UInt256 base, int n) {
        return UInt256.of(base.toBigInteger().add(BigInteger.valueOf(n)).mod(BigInteger.ONE.shiftLeft(256)));
    }

    public boolean has(int type, ScVal key) {
        return !state.getStorage(account, slot(type, key)).isZero();
    }

    /** The value stored under {@code key}, or null. */
    public ScVal get(int type, ScVal key) {
        UInt256 head = slot(type, key);
        UInt256 header = state.getStorage(account, head);
        if (header.isZero()) {
            return null;
        }
        int length = (int) header.w0() - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 32);
        for (int i = 0; i * 32 < length; i++) {
            out.writeBytes(state.getStorage(account, plus(head, i + 1)).toBytes());
        }
        return ScValXdr.decode(Arrays.copyOf(out.toByteArray(), length));
    }

    public void put(int type, ScVal key, ScVal value) {
        UInt256 head = slot(type, key);
        clear(head);
        byte[] xdr = ScValXdr.encode(value);
        state.setStorage(account, head, UInt256.of(xdr.length + 1L));
        for (int i = 0; i * 32 < xdr.length; i++) {
            state.setStorage(account, plus(head, i + 1), UInt256.fromBytes(Arrays.copyOfRange(xdr, i * 32, i * 32 + 32)));
        }
    }

    public void delete(int type, ScVal key) {
        clear(slot(type, key));
    }

    private void clear(UInt256 head) {
        UInt256 header = state.getStorage(account, head);
        if (header.isZero()) {
            return;
        }
        int length = (int) header.w0() - 1;
        for (int i = 0; i * 32 < length; i++) {
            state.setStorage(account, plus(head, i + 1), UInt256.ZERO);
        }
        state.setStorage(account, head, UInt256.ZERO);
    }
}
