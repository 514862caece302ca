// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.tx;

import java.math.BigInteger;
import java.util.List;

import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;

/**
 * A transaction as the state transition sees it (signature already recovered into {@code sender}).
 * Quantities a hostile transaction can make arbitrarily large are BigIntegers, so validation, not
 * arithmetic overflow, rejects them.
 *
 * @param type 0 legacy, 1 access list (EIP-2930), 2 dynamic fee (EIP-1559), 3 blob (EIP-4844)
 * @param to null for a contract creation
 * @param gasPrice legacy and type 1; for types 2 and 3 null, with the two fee caps instead
 * @param maxFeePerBlobGas and {@code blobHashes}: type 3 only
 */
public record EvmTransaction(int type, Address sender, Address to, BigInteger nonce, BigInteger gasLimit, BigInteger value, byte[] data,
                BigInteger gasPrice, BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, List<AccessEntry> accessList,
                BigInteger maxFeePerBlobGas, List<UInt256> blobHashes) {

    /** One address of an EIP-2930 access list and its storage keys. */
    public record AccessEntry(Address address, List<UInt256> keys) {
    }

    public boolean isCreate() {
        return to == null;
    }

    /** The most the sender pays per gas: the legacy price or the EIP-1559 fee cap. */
    public BigInteger maxGasPrice() {
        return gasPrice != null ? gasPrice : maxFeePerGas;
    }
}
