// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

/**
 * What a contract reads of the ledger it runs in ({@code get_ledger_*}): the protocol version, the
 * ledger's sequence number and close time, and the network id (the SHA-256 of its passphrase).
 */
public record Ledger(int protocol, int sequence, long timestamp, byte[] networkId) {
    /** The protocol of the host interface zvm follows (rs-soroban-env 30c9c36, {@link HostEnv}). */
    public static final int PROTOCOL = 28;
    /** The longest TTL an entry may be extended to, in ledgers (Soroban mainnet's setting, about 180 days). */
    public static final int MAX_ENTRY_TTL = 3_110_400;
    public static final String PASSPHRASE = "zvm local network";

    /** The ledger zvm runs contracts in: {@code sequence} and {@code timestamp} from the ZVM block. */
    public static Ledger of(long sequence, long timestamp) {
        return new Ledger(PROTOCOL, (int) Math.min(sequence, 0xffffffffL), timestamp,
                        org.zvm.crypto.Hashes.sha256(PASSPHRASE.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, PASSPHRASE.length()));
    }
}
