// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.tx;

import java.math.BigInteger;
import java.util.List;

import org.zvm.ZvmContext;
import org.zvm.error.HaltReason;
import org.zvm.evm.Fork;
import org.zvm.opcode.GasCosts;
import org.zvm.runtime.Address;
import org.zvm.runtime.Calls;
import org.zvm.runtime.CodeFormat;
import org.zvm.runtime.ContractAddress;
import org.zvm.runtime.Environment;
import org.zvm.runtime.Message;
import org.zvm.runtime.UInt256;
import org.zvm.state.Log;
import org.zvm.state.StateBackend;
import org.zvm.state.WorldState;

/**
 * The EVM state transition of one transaction, as the Ethereum state tests define it: validation in the
 * order of the README of the tests, intrinsic gas, fee purchase, EIP-2929/2930/3651 warm sets, execution
 * in one journal checkpoint, refunds capped by the fork's quotient, payment of the coinbase, and the
 * EIP-161 coinbase touch. An invalid transaction changes nothing.
 */
public final class TransactionProcessor {
    private static final long TX_GAS = 21_000;
    private static final long TX_CREATE_GAS = 32_000;
    private static final long TX_DATA_ZERO = 4;
    private static final long TX_DATA_NON_ZERO = 16;
    private static final long ACCESS_LIST_ADDRESS = 2_400;
    private static final long ACCESS_LIST_KEY = 1_900;
    private static final long BLOB_GAS_PER_BLOB = 131_072;
    private static final int MAX_BLOBS_PER_BLOCK = 6;
    private static final BigInteger MAX_NONCE = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger MAX_U256 = BigInteger.ONE.shiftLeft(256);

    private TransactionProcessor() {
    }

    /**
     * The outcome: {@code error} names why the transaction is invalid (then nothing else is set and the
     * state is unchanged), else the halt reason of its frame, the gas it used, its output and logs.
     */
    public record Result(String error, HaltReason reason, long gasUsed, byte[] output, Address created, List<Log> logs) {
        static Result invalid(String error) {
            return new Result(error, null, 0, Message.EMPTY, null, List.of());
        }
    }

    /** Applies {@code tx} to the world over {@code backend} (through {@code state}) and commits it there. */
    public static Result apply(ZvmContext context, WorldState state, StateBackend backend, BlockEnv block, EvmTransaction tx, Fork fork) {
        state.beginTransaction();
        String error = validate(state, block, tx, fork);
        if (error != null) {
            state.beginTransaction();
            return Result.invalid(error);
        }
        Result result = execute(context, state, block, tx, fork);
        backend.apply(state.finishTransaction());
        return result;
    }

    /** Why the transaction is invalid, or null. */
    private static String validate(WorldState s, BlockEnv block, EvmTransaction tx, Fork fork) {
        BigInteger baseFee = block.baseFee().toBigInteger();
        if (tx.type() == 3) {
            if (!fork.isAtLeast(Fork.CANCUN)) {
                return "TYPE_3_TX_PRE_FORK";
            }
            if (tx.isCreate()) {
                return "TYPE_3_TX_CONTRACT_CREATION";
            }
            if (tx.blobHashes().isEmpty()) {
                return "TYPE_3_TX_ZERO_BLOBS";
            }
            if (tx.blobHashes().size() > MAX_BLOBS_PER_BLOCK) {
                return "TYPE_3_TX_BLOB_COUNT_EXCEEDED";
            }
            for (UInt256 h : tx.blobHashes()) {
                if (h.toBytes()[0] != 0x01) {
                    return "TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH";
                }
            }
            if (tx.maxFeePerBlobGas().compareTo(block.blobBaseFee()) < 0) {
                return "INSUFFICIENT_MAX_FEE_PER_BLOB_GAS";
            }
        }
        if (tx.value().compareTo(MAX_U256) >= 0 || tx.gasLimit().bitLength() > 63) {
            return "VALUE_OR_GAS_OUT_OF_RANGE";
        }
        if (tx.type() >= 2) {
            if (tx.maxFeePerGas().compareTo(MAX_U256) >= 0 || tx.maxPriorityFeePerGas().compareTo(MAX_U256) >= 0) {
                return "FEE_CAP_TOO_LARGE";
            }
            if (tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0) {
                return "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS";
            }
        }
        if (tx.maxGasPrice().compareTo(baseFee) < 0) {
            return "INSUFFICIENT_MAX_FEE_PER_GAS";
        }
        if (tx.gasLimit().compareTo(BigInteger.valueOf(block.gasLimit())) > 0) {
            return "GAS_ALLOWANCE_EXCEEDED";
        }
        if (s.getCode(tx.sender()).length != 0) {
            return "SENDER_NOT_EOA";
        }
        if (tx.nonce().compareTo(MAX_NONCE) >= 0) {
            return "NONCE_IS_MAX";
        }
        long nonce = s.getNonce(tx.sender());
        if (tx.nonce().compareTo(BigInteger.valueOf(nonce)) != 0) {
            return tx.nonce().compareTo(BigInteger.valueOf(nonce)) < 0 ? "NONCE_TOO_LOW" : "NONCE_TOO_HIGH";
        }
        if (tx.isCreate() && fork.revision.initcodeLimit() && tx.data().length > GasCosts.MAX_INITCODE_SIZE) {
            return "INITCODE_SIZE_EXCEEDED";
        }
        BigInteger maxCost = tx.gasLimit().multiply(tx.maxGasPrice()).add(tx.value());
        if (tx.type() == 3) {
            maxCost = maxCost.add(blobGas(tx).multiply(tx.maxFeePerBlobGas()));
        }
        if (s.getBalance(tx.sender()).toBigInteger().compareTo(maxCost) < 0) {
            return "INSUFFICIENT_ACCOUNT_FUNDS";
        }
        if (tx.gasLimit().compareTo(BigInteger.valueOf(intrinsicGas(tx, fork))) < 0) {
            return "INTRINSIC_GAS_TOO_LOW";
        }
        return null;
    }

    private static BigInteger blobGas(EvmTransaction tx) {
        return BigInteger.valueOf(BLOB_GAS_PER_BLOB * tx.blobHashes().size());
    }

    /** 21000, the create surcharge, calldata, the access list and (Shanghai) the init code words. */
    public static long intrinsicGas(EvmTransaction tx, Fork fork) {
        long gas = TX_GAS;
        for (byte b : tx.data()) {
            gas += b == 0 ? TX_DATA_ZERO : TX_DATA_NON_ZERO;
        }
        if (tx.isCreate()) {
            gas += TX_CREATE_GAS;
            if (fork.revision.initcodeLimit()) {
                gas += GasCosts.INITCODE_WORD * GasCosts.words(tx.data().length);
            }
        }
        for (EvmTransaction.AccessEntry e : tx.accessList()) {
            gas += ACCESS_LIST_ADDRESS + ACCESS_LIST_KEY * e.keys().size();
        }
        return gas;
    }

    private static Result execute(ZvmContext context, WorldState s, BlockEnv block, EvmTransaction tx, Fork fork) {
        BigInteger baseFee = block.baseFee().toBigInteger();
        BigInteger price = tx.gasPrice() != null ? tx.gasPrice() : baseFee.add(tx.maxPriorityFeePerGas().min(tx.maxFeePerGas().subtract(baseFee)));
        BigInteger blobBaseFee = block.blobBaseFee();
        long gasLimit = tx.gasLimit().longValueExact();
        Address sender = tx.sender();
        long nonce = s.getNonce(sender);

        BigInteger purchase = BigInteger.valueOf(gasLimit).multiply(price);
        if (tx.type() == 3) {
            purchase = purchase.add(blobGas(tx).multiply(blobBaseFee));
        }
        s.subBalance(sender, UInt256.of(purchase));
        s.setNonce(sender, nonce + 1);

        Environment env = new Environment(sender, UInt256.of(price), block.coinbase(), block.timestamp(), block.number(), block.prevRandao(),
                        block.gasLimit(), block.chainId(), block.baseFee(), block.blockHashes(), tx.blobHashes(), UInt256.of(blobBaseFee));
        s.warmAccount(sender);
        if (!tx.isCreate()) {
            s.warmAccount(tx.to());
        }
        for (Address p : context.precompiles()) {
            s.warmAccount(p);
        }
        for (EvmTransaction.AccessEntry e : tx.accessList()) {
            s.warmAccount(e.address());
            for (UInt256 k : e.keys()) {
                s.warmSlot(e.address(), k);
            }
        }
        if (fork.isAtLeast(Fork.SHANGHAI)) {
            s.warmAccount(block.coinbase());
        }

        long gas = gasLimit - intrinsicGas(tx, fork);
        Message frame;
        Address created = null;
        if (tx.isCreate()) {
            created = ContractAddress.create(sender, nonce);
            frame = Calls.enterCreate(context, s, env, sender, created, CodeFormat.EVM, UInt256.of(tx.value()), tx.data(), 0, gas);
            if (frame.reason == null) {
                Calls.run(frame);
                Calls.deploy(frame, CodeFormat.EVM, fork.revision);
            } else {
                frame.gasLeft = 0;
            }
        } else {
            frame = Calls.enterCall(context, s, env, tx.to(), sender, tx.to(), UInt256.of(tx.value()), true, tx.data(), false, 0, gas);
            Calls.run(frame);
            Calls.finish(frame);
        }
        long gasLeft = frame.reason.consumesAllGas() ? 0 : frame.gasLeft;
        long gasUsed = gasLimit - gasLeft;
        long refund = Math.min(s.getRefund(), gasUsed / fork.revision.maxRefundQuotient());
        gasUsed -= refund;

        s.addBalance(sender, UInt256.of(BigInteger.valueOf(gasLimit - gasUsed).multiply(price)));
        s.addBalance(block.coinbase(), UInt256.of(BigInteger.valueOf(gasUsed).multiply(price.subtract(baseFee))));
        s.touch(block.coinbase());
        boolean success = frame.reason.isSuccess();
        return new Result(null, frame.reason, gasUsed, frame.output, success ? created : null, s.logs());
    }
}
