// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.hedera;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.zvm.hedera.HederaLedger;
import org.zvm.hedera.HederaLedger.TokenKind;
import org.zvm.hedera.ResponseCode;
import org.zvm.opcode.Opcode;
import org.zvm.runtime.Address;
import org.zvm.runtime.Message;

/**
 * IHederaTokenService's cryptoTransfer (HIP-206) and the settlement of signed adjustments it shares with
 * transferTokens: lists are checked whole before anything moves, then each debit pays the credits in
 * list order through the ledger's own transfers, so every move is checked as a single transfer is.
 */
final class CryptoTransfer {
    private CryptoTransfer() {
    }

    /** A signed balance adjustment of a transfer list: a debit (negative) or a credit of {@code account}. */
    record Adjustment(Address account, long amount, boolean approval) {
    }

    /** One move of a settlement, from a debited to a credited account. */
    @FunctionalInterface
    interface Move {
        ResponseCode apply(Address from, Address to, long amount, boolean approval);
    }

    /** An amount as a transfer list may hold it: int64 and not its minimum, whose negation overflows. */
    static boolean validAmount(BigInteger amount) {
        return amount.bitLength() <= 63 && amount.longValue() != Long.MIN_VALUE;
    }

    /**
     * Carries out adjustments that net to zero: each debit pays the credits in list order, one
     * {@code move} per pair, under the debit's approval flag; the first failure stops it.
     */
    static ResponseCode settle(List<Adjustment> adjustments, Move move) {
        long[] left = new long[adjustments.size()];
        for (int i = 0; i < left.length; i++) {
            left[i] = adjustments.get(i).amount;
        }
        for (int from = 0; from < left.length; from++) {
            for (int to = 0; to < left.length && left[from] < 0; to++) {
                long n = Math.min(-left[from], Math.max(left[to], 0));
                if (n > 0) {
                    Adjustment debit = adjustments.get(from);
                    ResponseCode code = move.apply(debit.account, adjustments.get(to).account, n, debit.approval);
                    if (!code.isSuccess()) {
                        return code;
                    }
                    left[from] += n;
                    left[to] -= n;
                }
            }
        }
        return ResponseCode.SUCCESS;
    }

    /** AccountAmount tuples (v1 without isApproval) as adjustments. */
    static List<Adjustment> adjustments(List<?> tuples) {
        List<Adjustment> out = new ArrayList<>();
        for (Object t : tuples) {
            List<?> aa = (List<?>) t;
            out.add(new Adjustment((Address) aa.get(0), int64OrMin((BigInteger) aa.get(1)), aa.size() > 2 && (Boolean) aa.get(2)));
        }
        return out;
    }

    /** An int64 amount; Long.MIN_VALUE (which no check accepts) for one that is not a valid amount. */
    private static long int64OrMin(BigInteger amount) {
        return validAmount(amount) ? amount.longValue() : Long.MIN_VALUE;
    }

    /**
     * The checks of a transfer list before anything moves: every amount an int64, no account twice
     * (ACCOUNT_REPEATED_IN_ACCOUNT_AMOUNTS) and a zero sum ({@code notZero} otherwise).
     */
    static ResponseCode checkList(List<Adjustment> list, ResponseCode notZero) {
        Set<Address> seen = new HashSet<>();
        BigInteger sum = BigInteger.ZERO;
        for (Adjustment adj : list) {
            if (adj.amount == Long.MIN_VALUE) {
                return ResponseCode.INVALID_ACCOUNT_AMOUNTS;
            }
            if (!seen.add(adj.account)) {
                return ResponseCode.ACCOUNT_REPEATED_IN_ACCOUNT_AMOUNTS;
            }
            sum = sum.add(BigInteger.valueOf(adj.amount));
        }
        return sum.signum() == 0 ? ResponseCode.SUCCESS : notZero;
    }

    /**
     * cryptoTransfer (HIP-206): the hbar list (tinybars, moved on the accounts' balances) and the token
     * lists (fungible adjustments netting to zero per token, NFT transfers), all or nothing. Every list
     * is checked before anything moves; then each move goes through the ledger's transfer, so it checks
     * what transferToken and transferNFT check, and the first failure undoes the others and is returned.
     */
    static List<Object> run(List<?> hbarTuples, List<?> tokenLists, Message f) {
        HederaLedger l = HederaSystemContracts.ledger(f);
        List<Adjustment> hbar = adjustments(hbarTuples);
        ResponseCode check = checkList(hbar, ResponseCode.INVALID_ACCOUNT_AMOUNTS);
        Set<Address> tokens = new HashSet<>();
        for (int i = 0; i < tokenLists.size() && check.isSuccess(); i++) {
            List<?> list = (List<?>) tokenLists.get(i);
            Address token = (Address) list.get(0);
            List<?> fungible = (List<?>) list.get(1);
            List<?> nfts = (List<?>) list.get(2);
            TokenKind kind = l.tokenKind(token);
            check = !tokens.add(token) ? ResponseCode.TOKEN_ID_REPEATED_IN_TOKEN_LIST
                            : kind == TokenKind.NONE ? ResponseCode.INVALID_TOKEN_ID
                            : !fungible.isEmpty() && kind == TokenKind.NON_FUNGIBLE ? ResponseCode.ACCOUNT_AMOUNT_TRANSFERS_ONLY_ALLOWED_FOR_FUNGIBLE_COMMON
                            : !nfts.isEmpty() && kind == TokenKind.FUNGIBLE ? ResponseCode.INVALID_NFT_ID
                            : checkList(adjustments(fungible), ResponseCode.TRANSFERS_NOT_ZERO_SUM_FOR_TOKEN);
        }
        if (!check.isSuccess()) {
            return HederaSystemContracts.code(check);
        }
        int checkpoint = f.state.checkpoint();
        ResponseCode done = settle(hbar, (from, to, n, approval) -> l.transferHbar(from, to, n, approval).code());
        for (int i = 0; i < tokenLists.size() && done.isSuccess(); i++) {
            List<?> list = (List<?>) tokenLists.get(i);
            Address token = (Address) list.get(0);
            done = settle(adjustments((List<?>) list.get(1)), (from, to, n, approval) -> l.transfer(token, from, to, n, approval).code());
            for (Object t : (List<?>) list.get(2)) {
                List<?> nft = (List<?>) t;
                if (done.isSuccess()) {
                    done = l.transfer(token, (Address) nft.get(0), (Address) nft.get(1), HederaSystemContracts.int64(nft.get(2)), nft.size() > 3 && (Boolean) nft.get(3)).code();
                }
            }
        }
        return done.isSuccess() ? HederaSystemContracts.code(done) : HederaSystemContracts.rollBack(f.state, checkpoint, done);
    }

    /**
     * What the equivalent single transfers cost: a transfer's gas for each move the settlement makes
     * (the pairing depends on the amounts alone, so it is known before anything runs) and for each NFT
     * transfer, at least one transfer's.
     */
    static long gas(List<?> hbar, List<?> tokenLists) {
        long[] moves = {0};
        Move count = (from, to, amount, approval) -> {
            moves[0]++;
            return ResponseCode.SUCCESS;
        };
        settle(adjustments(hbar), count);
        for (Object t : tokenLists) {
            List<?> list = (List<?>) t;
            settle(adjustments((List<?>) list.get(1)), count);
            moves[0] += ((List<?>) list.get(2)).size();
        }
        return Opcode.HTS_TRANSFER.baseGas * Math.max(1, moves[0]);
    }
}
