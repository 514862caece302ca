// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.statetest;

import java.math.BigInteger;
import java.util.List;
import java.util.SortedMap;

import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;
import org.zvm.state.AccountRecord;

/**
 * One test of an Ethereum GeneralStateTests file for one fork: a pre-state, a transaction template whose
 * data, gas and value lists multiply into cases, and the expected result of each case. {@code file} and
 * {@code name} locate it for reports.
 */
public record StateTest(String file, String name, Env env, SortedMap<Address, PreAccount> pre, TxTemplate transaction, List<PostEntry> post) {

    /** The block the transaction runs in. */
    public record Env(Address coinbase, long gasLimit, long number, long timestamp, UInt256 difficulty, UInt256 random, UInt256 baseFee,
                    long excessBlobGas) {
    }

    /** An account of the pre-state; {@code storage} is as the file gives it. */
    public record PreAccount(UInt256 balance, long nonce, byte[] code, SortedMap<UInt256, UInt256> storage) {
        public AccountRecord record() {
            return new AccountRecord(nonce, balance, code);
        }
    }

    public record AccessListEntry(Address address, List<UInt256> storageKeys) {
    }

    /**
     * The transaction before a case picks its data, gas limit and value. {@code to} is null for a creation.
     * Either {@code gasPrice} or the two EIP-1559 fee caps are set, the others null; the blob fields are null
     * unless it is a blob transaction. {@code value} is not reduced to 256 bits, since a test checks that a
     * larger one is rejected. {@code accessLists} is null when the file has none, else one per data index,
     * where null means that case is a legacy transaction without an access list.
     */
    public record TxTemplate(long nonce, Address to, Address sender, UInt256 gasPrice, UInt256 maxFeePerGas, UInt256 maxPriorityFeePerGas,
                    UInt256 maxFeePerBlobGas, List<UInt256> blobVersionedHashes, List<byte[]> data, List<Long> gasLimit, List<BigInteger> value,
                    List<List<AccessListEntry>> accessLists) {
    }

    /**
     * One case: indexes into the template's lists, the expected state root and logs hash, and for an
     * invalid transaction the exception the fillers named (e.g. {@code TransactionException.INTRINSIC_GAS_TOO_LOW}),
     * else null.
     */
    public record PostEntry(int dataIndex, int gasIndex, int valueIndex, byte[] hash, byte[] logs, String expectException) {
    }
}
