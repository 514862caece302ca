// SPDX-License-Identifier: Apache-2.0
package org.zvm.hedera;

import static org.zvm.hedera.ResponseCode.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.zvm.abi.AbiCodec;
import org.zvm.crypto.Hashes;
import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;
import org.zvm.state.Log;
import org.zvm.state.WorldState;

/**
 * The local Hedera ledger: HTS tokens (fungible and NFT) with associations, allowances, freeze, KYC and
 * pause, HCS topics, and hbar transfers on the accounts' balances. It lives in the storage of the ledger
 * account {@link #ADDRESS} (0x167), so it reverts with the frame that changed it, commits with the
 * transaction and persists with the world state
 * ({@code zvm.StateDir}), and nothing in it is iterated: every record sits at a keccak-256 slot of its
 * keys.
 *
 * <p>Keys are addresses, as the offline model in ecosystem-facts.md §1.7 has it: an account "signs" when it
 * is the executing account (a contract-id key) or the transaction's origin (the one signature a
 * transaction carries). Every operation checks everything before it writes anything, so a failure code
 * leaves the ledger as it was; each state-changing operation is reported as a {@link Syscall} event.
 */
public final class HederaLedger {
    /** The HTS system contract's address, which also holds the ledger. */
    public static final Address ADDRESS = EntityId.num(0x167).toAddress();
    /** Entity numbers handed to tokens and topics start here (as on a local Hedera node). */
    public static final long FIRST_ENTITY = 1001;
    public static final int MAX_MESSAGE_BYTES = 1024;
    public static final int MAX_METADATA_BYTES = 100;

    /**
     * The code a token's address carries on Hedera (what {@code eth_getCode} returns for a token, from
     * hedera-services' DispatchingEvmFrameState): a proxy that hands its calldata to
     * {@code redirectForToken(token, calldata)} at 0x167, with the token's address between these two
     * parts. Calls to a token reach the facade before any code runs; the code is there so that
     * EXTCODESIZE, EXTCODEHASH and EXTCODECOPY see what they see on Hedera (solc checks the code size
     * before a call whose function returns nothing, such as ERC-721's transferFrom).
     */
    private static final String PROXY_CODE_HEAD = "6080604052348015600f57600080fd5b506000610167905077618dc65e";
    private static final String PROXY_CODE_TAIL = "600052366000602037600080366018016008845af43d806000803e8160008114605857816000f35b816000fd"
                    + "fea2646970667358221220d8378feed472ba49a0005514ef7087017f707b45fb9bf56bb81bb93ff19a238b64736f6c634300080b0033";

    /** The zero address: no key, no account. */
    public static final Address NONE = Address.of(new byte[20]);
    private static final int ASSOCIATED = 1;
    private static final int FROZEN = 2;
    private static final int KYC_GRANTED = 4;

    /** Namespaces of the ledger's slots. */
    private enum Space {
        NEXT_ENTITY, PRNG_COUNTER, TOKEN, RELATION, BALANCE, ALLOWANCE, NFT_OWNER, NFT_SPENDER, NFT_METADATA, TOPIC, BYTES, APPROVED_FOR_ALL
    }

    private enum TokenField {
        KIND, DECIMALS, SUPPLY, MAX_SUPPLY, TREASURY, ADMIN_KEY, KYC_KEY, FREEZE_KEY, WIPE_KEY, SUPPLY_KEY, PAUSE_KEY,
        FREEZE_DEFAULT, PAUSED, LAST_SERIAL, NAME, SYMBOL, MEMO
    }

    private enum TopicField {
        LIVE, SEQUENCE, ADMIN_KEY, SUBMIT_KEY, HASH_HEAD, HASH_TAIL
    }

    /** A token's type as {@code getTokenType} reports it. */
    public enum TokenKind {
        NONE, FUNGIBLE, NON_FUNGIBLE
    }

    /** What {@code createFungibleToken}/{@code createNonFungibleToken} and HTS_CREATE ask for; a zero key is no key. */
    public record TokenSpec(String name, String symbol, String memo, Address treasury, long decimals, long initialSupply, long maxSupply,
                    boolean nonFungible, boolean freezeDefault, Address adminKey, Address kycKey, Address freezeKey, Address wipeKey,
                    Address supplyKey, Address pauseKey) {
    }

    /** An operation's response code and results (zeros unless it succeeded), in its event's order. */
    public record Outcome(ResponseCode code, List<Object> results) {
        public Object result(int i) {
            return results.get(i);
        }
    }

    private final WorldState state;
    private final Address operator;
    private final Address origin;
    private final long consensusSeconds;

    /**
     * @param operator the executing account: the owner in approvals, the spender in allowance transfers
     * @param origin the transaction's signer and payer
     * @param consensusSeconds the consensus time (the block timestamp; nanos are 0)
     */
    public HederaLedger(WorldState state, Address operator, Address origin, long consensusSeconds) {
        this.state = state;
        this.operator = operator;
        this.origin = origin;
        this.consensusSeconds = consensusSeconds;
    }

    // ---- storage ---------------------------------------------------------------------------------

    private static UInt256 slot(Space space, UInt256... keys) {
        byte[] in = new byte[1 + 32 * keys.length];
        in[0] = (byte) space.ordinal();
        for (int i = 0; i < keys.length; i++) {
            keys[i].toBytes(in, 1 + 32 * i);
        }
        return UInt256.fromBytes(Hashes.keccak256(in));
    }

    private static UInt256 field(Enum<?> f) {
        return UInt256.of(f.ordinal());
    }

    private UInt256 read(UInt256 slot) {
        return state.getStorage(ADDRESS, slot);
    }

    private long readLong(UInt256 slot) {
        return read(slot).w0();
    }

    private Address readAddress(UInt256 slot) {
        return Address.fromWord(read(slot));
    }

    private void write(UInt256 slot, UInt256 value) {
        if (state.getNonce(ADDRESS) == 0) {
            // A nonce keeps the ledger account from being deleted as empty at the end of the transaction (EIP-161).
            state.setNonce(ADDRESS, 1);
        }
        state.setStorage(ADDRESS, slot, value);
    }

    private void write(UInt256 slot, long value) {
        write(slot, UInt256.of(value));
    }

    private void write(UInt256 slot, Address value) {
        write(slot, value.toWord());
    }

    /** Byte strings: the length at {@code base}, the bytes in 32-byte words at slots derived from it. */
    private void writeBytes(UInt256 base, byte[] data) {
        write(base, data.length);
        for (int i = 0; i * 32 < data.length; i++) {
            byte[] w = Arrays.copyOfRange(data, i * 32, i * 32 + 32);
            write(slot(Space.BYTES, base, UInt256.of(i)), UInt256.fromBytes(w));
        }
    }

    private byte[] readBytes(UInt256 base) {
        int len = (int) readLong(base);
        byte[] out = new byte[len];
        for (int i = 0; i * 32 < len; i++) {
            byte[] w = read(slot(Space.BYTES, base, UInt256.of(i))).toBytes();
            System.arraycopy(w, 0, out, i * 32, Math.min(32, len - i * 32));
        }
        return out;
    }

    private UInt256 token(Address token, TokenField f) {
        return slot(Space.TOKEN, token.toWord(), field(f));
    }

    private UInt256 topic(Address topic, TopicField f) {
        return slot(Space.TOPIC, topic.toWord(), field(f));
    }

    private UInt256 relation(Address token, Address account) {
        return slot(Space.RELATION, token.toWord(), account.toWord());
    }

    private UInt256 balance(Address token, Address account) {
        return slot(Space.BALANCE, token.toWord(), account.toWord());
    }

    private UInt256 allowance(Address token, Address owner, Address spender) {
        return slot(Space.ALLOWANCE, token.toWord(), owner.toWord(), spender.toWord());
    }

    private UInt256 nft(Space space, Address token, long serial) {
        return slot(space, token.toWord(), UInt256.of(serial));
    }

    /** The redirect proxy code of {@code token} (see {@link #PROXY_CODE_HEAD}). */
    public static byte[] proxyCode(Address token) {
        return HexFormat.of().parseHex(PROXY_CODE_HEAD + HexFormat.of().formatHex(token.toBytes()) + PROXY_CODE_TAIL);
    }

    private Address newEntity() {
        UInt256 s = slot(Space.NEXT_ENTITY);
        long next = Math.max(readLong(s), FIRST_ENTITY);
        write(s, next + 1);
        return EntityId.num(next).toAddress();
    }

    private boolean signs(Address key) {
        return !key.equals(NONE) && (key.equals(operator) || key.equals(origin));
    }

    private Address tokenKey(Address token, TokenField key) {
        return readAddress(token(token, key));
    }

    private int flags(Address token, Address account) {
        return (int) readLong(relation(token, account));
    }

    // ---- events ----------------------------------------------------------------------------------

    private Outcome report(Syscall call, List<Object> arguments, ResponseCode code, List<Object> results) {
        List<Object> values = new ArrayList<>();
        values.add(operator);
        values.addAll(arguments);
        values.add((long) code.code);
        values.addAll(results);
        state.addLog(new Log(ADDRESS, List.of(call.topic), AbiCodec.encode(call.event.inputs(), values)));
        return new Outcome(code, results);
    }

    private Outcome fail(Syscall call, List<Object> arguments, ResponseCode code) {
        return report(call, arguments, code, call.zeroResults());
    }

    // ---- queries -----------------------------------------------------------------------------------

    public TokenKind tokenKind(Address token) {
        return TokenKind.values()[(int) readLong(token(token, TokenField.KIND))];
    }

    public boolean isToken(Address token) {
        return tokenKind(token) != TokenKind.NONE;
    }

    /** Units of a fungible token, or the number of serials of an NFT, the account holds. */
    public long balanceOf(Address token, Address account) {
        return readLong(balance(token, account));
    }

    public long totalSupply(Address token) {
        return readLong(token(token, TokenField.SUPPLY));
    }

    public long decimals(Address token) {
        return readLong(token(token, TokenField.DECIMALS));
    }

    public String name(Address token) {
        return new String(readBytes(token(token, TokenField.NAME)), StandardCharsets.UTF_8);
    }

    public String symbol(Address token) {
        return new String(readBytes(token(token, TokenField.SYMBOL)), StandardCharsets.UTF_8);
    }

    public Address treasury(Address token) {
        return readAddress(token(token, TokenField.TREASURY));
    }

    public String memo(Address token) {
        return new String(readBytes(token(token, TokenField.MEMO)), StandardCharsets.UTF_8);
    }

    /** The maximum supply of a finite token, 0 for an infinite one. */
    public long maxSupply(Address token) {
        return readLong(token(token, TokenField.MAX_SUPPLY));
    }

    public boolean freezeDefault(Address token) {
        return readLong(token(token, TokenField.FREEZE_DEFAULT)) != 0;
    }

    public boolean isPaused(Address token) {
        return readLong(token(token, TokenField.PAUSED)) != 0;
    }

    /** The token's keys by IHederaTokenService key-type bit (0 admin … 6 pause), the zero address where it has none. */
    public Address[] keys(Address token) {
        TokenField[] byBit = {TokenField.ADMIN_KEY, TokenField.KYC_KEY, TokenField.FREEZE_KEY, TokenField.WIPE_KEY, TokenField.SUPPLY_KEY, null, TokenField.PAUSE_KEY};
        Address[] out = new Address[byBit.length];
        for (int bit = 0; bit < byBit.length; bit++) {
            out[bit] = byBit[bit] == null ? NONE : tokenKey(token, byBit[bit]);
        }
        return out;
    }

    public boolean isAssociated(Address token, Address account) {
        return (flags(token, account) & ASSOCIATED) != 0;
    }

    public boolean isFrozen(Address token, Address account) {
        return (flags(token, account) & FROZEN) != 0;
    }

    public boolean isKycGranted(Address token, Address account) {
        return (flags(token, account) & KYC_GRANTED) != 0;
    }

    public long allowanceOf(Address token, Address owner, Address spender) {
        return readLong(allowance(token, owner, spender));
    }

    /** The owner of an NFT serial, the zero address when it was never minted or was burned. */
    public Address ownerOf(Address token, long serial) {
        return readAddress(nft(Space.NFT_OWNER, token, serial));
    }

    /** The account an NFT serial's owner approved to move it, the zero address when none. */
    public Address approvedSpender(Address token, long serial) {
        return readAddress(nft(Space.NFT_SPENDER, token, serial));
    }

    /** Whether {@code owner} let {@code spender} move every serial of the NFT {@code token} it holds. */
    public boolean isApprovedForAll(Address token, Address owner, Address spender) {
        return readLong(slot(Space.APPROVED_FOR_ALL, token.toWord(), owner.toWord(), spender.toWord())) != 0;
    }

    public byte[] metadata(Address token, long serial) {
        return readBytes(nft(Space.NFT_METADATA, token, serial));
    }

    public long topicSequence(Address topic) {
        return readLong(topic(topic, TopicField.SEQUENCE));
    }

    public byte[] topicRunningHash(Address topic) {
        byte[] out = new byte[RunningHash.SIZE];
        System.arraycopy(read(topic(topic, TopicField.HASH_HEAD)).toBytes(), 0, out, 0, 32);
        System.arraycopy(read(topic(topic, TopicField.HASH_TAIL)).toBytes(), 16, out, 32, 16);
        return out;
    }

    /** The next PRNG seed; with {@code advance} false (a static call) the counter stays, so the seed repeats. */
    public byte[] pseudorandomSeed(Prng prng, boolean advance) {
        UInt256 s = slot(Space.PRNG_COUNTER);
        long n = readLong(s);
        if (advance) {
            write(s, n + 1);
        }
        return prng.draw(n);
    }

    // ---- tokens ----------------------------------------------------------------------------------

    public Outcome createToken(TokenSpec t) {
        List<Object> args = List.of(t.name, t.symbol, t.memo, t.treasury, t.decimals, t.initialSupply, t.maxSupply, t.nonFungible, t.freezeDefault,
                        t.adminKey, t.kycKey, t.freezeKey, t.wipeKey, t.supplyKey, t.pauseKey);
        ResponseCode check = t.name.isEmpty() ? MISSING_TOKEN_NAME
                        : t.symbol.isEmpty() ? MISSING_TOKEN_SYMBOL
                        : t.treasury.equals(NONE) ? INVALID_TREASURY_ACCOUNT_FOR_TOKEN
                        : !signs(t.treasury) ? INVALID_SIGNATURE
                        : t.decimals < 0 || t.decimals > Integer.MAX_VALUE || t.nonFungible && t.decimals != 0 ? INVALID_TOKEN_DECIMALS
                        : t.initialSupply < 0 || t.nonFungible && t.initialSupply != 0 ? INVALID_TOKEN_INITIAL_SUPPLY
                        : t.maxSupply < 0 ? INVALID_TOKEN_MAX_SUPPLY
                        : t.maxSupply > 0 && t.initialSupply > t.maxSupply ? INVALID_TOKEN_INITIAL_SUPPLY
                        : t.nonFungible && t.supplyKey.equals(NONE) ? TOKEN_HAS_NO_SUPPLY_KEY
                        : SUCCESS;
        if (check != SUCCESS) {
            return fail(Syscall.HTS_CREATE, args, check);
        }
        Address token = newEntity();
        write(token(token, TokenField.KIND), (t.nonFungible ? TokenKind.NON_FUNGIBLE : TokenKind.FUNGIBLE).ordinal());
        write(token(token, TokenField.DECIMALS), t.decimals);
        write(token(token, TokenField.SUPPLY), t.initialSupply);
        write(token(token, TokenField.MAX_SUPPLY), t.maxSupply);
        write(token(token, TokenField.TREASURY), t.treasury);
        write(token(token, TokenField.ADMIN_KEY), t.adminKey);
        write(token(token, TokenField.KYC_KEY), t.kycKey);
        write(token(token, TokenField.FREEZE_KEY), t.freezeKey);
        write(token(token, TokenField.WIPE_KEY), t.wipeKey);
        write(token(token, TokenField.SUPPLY_KEY), t.supplyKey);
        write(token(token, TokenField.PAUSE_KEY), t.pauseKey);
        write(token(token, TokenField.FREEZE_DEFAULT), t.freezeDefault ? 1 : 0);
        writeBytes(token(token, TokenField.NAME), t.name.getBytes(StandardCharsets.UTF_8));
        writeBytes(token(token, TokenField.SYMBOL), t.symbol.getBytes(StandardCharsets.UTF_8));
        writeBytes(token(token, TokenField.MEMO), t.memo.getBytes(StandardCharsets.UTF_8));
        // The treasury is associated, unfrozen and KYC-granted from the start.
        write(relation(token, t.treasury), ASSOCIATED | KYC_GRANTED);
        write(balance(token, t.treasury), t.initialSupply);
        state.setCode(token, proxyCode(token));
        return report(Syscall.HTS_CREATE, args, SUCCESS, List.of(token));
    }

    public Outcome associate(Address account, Address token) {
        List<Object> args = List.of(account, token);
        ResponseCode check = !isToken(token) ? INVALID_TOKEN_ID
                        : !signs(account) ? INVALID_SIGNATURE
                        : isAssociated(token, account) ? TOKEN_ALREADY_ASSOCIATED_TO_ACCOUNT
                        : SUCCESS;
        if (check != SUCCESS) {
            return fail(Syscall.HTS_ASSOCIATE, args, check);
        }
        boolean frozen = readLong(token(token, TokenField.FREEZE_DEFAULT)) != 0 && !tokenKey(token, TokenField.FREEZE_KEY).equals(NONE);
        boolean kyc = tokenKey(token, TokenField.KYC_KEY).equals(NONE);
        write(relation(token, account), ASSOCIATED | (frozen ? FROZEN : 0) | (kyc ? KYC_GRANTED : 0));
        return report(Syscall.HTS_ASSOCIATE, args, SUCCESS, List.of());
    }

    public Outcome dissociate(Address account, Address token) {
        List<Object> args = List.of(account, token);
        ResponseCode check = !isToken(token) ? INVALID_TOKEN_ID
                        : !signs(account) ? INVALID_SIGNATURE
                        : !isAssociated(token, account) ? TOKEN_NOT_ASSOCIATED_TO_ACCOUNT
                        : treasury(token).equals(account) ? ACCOUNT_IS_TREASURY
                        : balanceOf(token, account) != 0 ? (tokenKind(token) == TokenKind.NON_FUNGIBLE ? ACCOUNT_STILL_OWNS_NFTS : TRANSACTION_REQUIRES_ZERO_TOKEN_BALANCES)
                        : SUCCESS;
        if (check != SUCCESS) {
            return fail(Syscall.HTS_DISSOCIATE, args, check);
        }
        write(relation(token, account), 0);
        return report(Syscall.HTS_DISSOCIATE, args, SUCCESS, List.of());
    }

    /** What must hold of both ends of a transfer: associated, not frozen, KYC granted. */
    private ResponseCode canHold(Address token, Address account) {
        int f = flags(token, account);
        return (f & ASSOCIATED) == 0 ? TOKEN_NOT_ASSOCIATED_TO_ACCOUNT : (f & FROZEN) != 0 ? ACCOUNT_FROZEN_FOR_TOKEN : (f & KYC_GRANTED) == 0 ? ACCOUNT_KYC_NOT_GRANTED_FOR_TOKEN : SUCCESS;
    }

    private ResponseCode liveToken(Address token) {
        return !isToken(token) ? INVALID_TOKEN_ID : readLong(token(token, TokenField.PAUSED)) != 0 ? TOKEN_IS_PAUSED : SUCCESS;
    }

    /**
     * Moves {@code amount} units of a fungible token, or the serial {@code amount} of an NFT. Unless
     * {@code from} signs, the operator spends an allowance {@code from} gave it.
     */
    public Outcome transfer(Address token, Address from, Address to, long amount) {
        return transfer(token, from, to, amount, false);
    }

    /**
     * {@link #transfer(Address, Address, Address, long)}, where {@code approval} (cryptoTransfer's
     * {@code isApproval}) makes the operator spend an allowance even when {@code from} signs. An NFT
     * allowance is the serial's spender or an approval for all of {@code from}'s serials.
     */
    public Outcome transfer(Address token, Address from, Address to, long amount, boolean approval) {
        List<Object> args = List.of(token, from, to, amount);
        ResponseCode check = liveToken(token);
        boolean nft = tokenKind(token) == TokenKind.NON_FUNGIBLE;
        if (check == SUCCESS && amount < 0) {
            check = INVALID_ACCOUNT_AMOUNTS;
        }
        if (check == SUCCESS) {
            check = canHold(token, from);
        }
        if (check == SUCCESS) {
            check = canHold(token, to);
        }
        boolean viaAllowance = approval || !signs(from);
        if (check == SUCCESS && nft) {
            Address owner = ownerOf(token, amount);
            check = owner.equals(NONE) ? INVALID_NFT_ID
                            : !owner.equals(from) ? SENDER_DOES_NOT_OWN_NFT_SERIAL_NO
                            : viaAllowance && !approvedSpender(token, amount).equals(operator) && !isApprovedForAll(token, from, operator) ? SPENDER_DOES_NOT_HAVE_ALLOWANCE
                            : SUCCESS;
        } else if (check == SUCCESS) {
            long allowed = allowanceOf(token, from, operator);
            check = viaAllowance && allowed == 0 ? SPENDER_DOES_NOT_HAVE_ALLOWANCE
                            : viaAllowance && allowed < amount ? AMOUNT_EXCEEDS_ALLOWANCE
                            : balanceOf(token, from) < amount ? INSUFFICIENT_TOKEN_BALANCE
                            : SUCCESS;
        }
        if (check != SUCCESS) {
            return fail(Syscall.HTS_TRANSFER, args, check);
        }
        if (nft) {
            write(nft(Space.NFT_OWNER, token, amount), to);
            write(nft(Space.NFT_SPENDER, token, amount), NONE);
            move(token, from, to, 1);
        } else {
            if (viaAllowance) {
                write(allowance(token, from, operator), allowanceOf(token, from, operator) - amount);
            }
            move(token, from, to, amount);
        }
        return report(Syscall.HTS_TRANSFER, args, SUCCESS, List.of());
    }

    private void move(Address token, Address from, Address to, long amount) {
        write(balance(token, from), balanceOf(token, from) - amount);
        write(balance(token, to), balanceOf(token, to) + amount);
    }

    private ResponseCode supplyChange(Address token) {
        ResponseCode live = liveToken(token);
        Address key = live == SUCCESS ? tokenKey(token, TokenField.SUPPLY_KEY) : NONE;
        return live != SUCCESS ? live : key.equals(NONE) ? TOKEN_HAS_NO_SUPPLY_KEY : !signs(key) ? INVALID_SIGNATURE : SUCCESS;
    }

    /** Mints to the treasury: {@code amount} units of a fungible token, or one NFT per metadata entry (amount 0). */
    public Outcome mint(Address token, long amount, List<byte[]> metadata) {
        List<Object> args = List.of(token, amount, List.copyOf(metadata));
        ResponseCode check = supplyChange(token);
        boolean nft = tokenKind(token) == TokenKind.NON_FUNGIBLE;
        long supply = totalSupply(token);
        long max = readLong(token(token, TokenField.MAX_SUPPLY));
        long added = nft ? metadata.size() : amount;
        if (check == SUCCESS) {
            check = nft ? (amount != 0 || metadata.isEmpty() ? INVALID_TOKEN_MINT_AMOUNT : SUCCESS) : (amount <= 0 || !metadata.isEmpty() ? INVALID_TOKEN_MINT_AMOUNT : SUCCESS);
        }
        if (check == SUCCESS && nft && metadata.stream().anyMatch(m -> m.length > MAX_METADATA_BYTES)) {
            check = METADATA_TOO_LONG;
        }
        if (check == SUCCESS && (supply + added < 0 || max > 0 && supply + added > max)) {
            check = supply + added < 0 ? INVALID_TOKEN_MINT_AMOUNT : TOKEN_MAX_SUPPLY_REACHED;
        }
        if (check != SUCCESS) {
            return fail(Syscall.HTS_MINT, args, check);
        }
        Address treasury = treasury(token);
        List<Object> serials = new ArrayList<>();
        if (nft) {
            long last = readLong(token(token, TokenField.LAST_SERIAL));
            for (byte[] m : metadata) {
                last++;
                write(nft(Space.NFT_OWNER, token, last), treasury);
                writeBytes(nft(Space.NFT_METADATA, token, last), m);
                serials.add(last);
            }
            write(token(token, TokenField.LAST_SERIAL), last);
        }
        write(token(token, TokenField.SUPPLY), supply + added);
        write(balance(token, treasury), balanceOf(token, treasury) + added);
        return report(Syscall.HTS_MINT, args, SUCCESS, List.of(supply + added, serials));
    }

    /** Burns from the treasury: {@code amount} units of a fungible token, or the listed NFT serials. */
    public Outcome burn(Address token, long amount, List<Long> serials) {
        List<Object> args = List.of(token, amount, List.copyOf(serials));
        ResponseCode check = supplyChange(token);
        boolean nft = tokenKind(token) == TokenKind.NON_FUNGIBLE;
        Address treasury = treasury(token);
        long removed = nft ? serials.size() : amount;
        if (check == SUCCESS && !nft) {
            check = amount <= 0 || !serials.isEmpty() || amount > balanceOf(token, treasury) ? INVALID_TOKEN_BURN_AMOUNT : SUCCESS;
        } else if (check == SUCCESS) {
            check = amount != 0 || serials.isEmpty() ? INVALID_TOKEN_BURN_AMOUNT : SUCCESS;
            Set<Long> seen = new HashSet<>();
            for (long s : serials) {
                if (check == SUCCESS) {
                    Address owner = ownerOf(token, s);
                    check = owner.equals(NONE) || !seen.add(s) ? INVALID_NFT_ID : !owner.equals(treasury) ? TREASURY_MUST_OWN_BURNED_NFT : SUCCESS;
                }
            }
        }
        if (check != SUCCESS) {
            return fail(Syscall.HTS_BURN, args, check);
        }
        for (long s : serials) {
            write(nft(Space.NFT_OWNER, token, s), NONE);
            write(nft(Space.NFT_SPENDER, token, s), NONE);
            writeBytes(nft(Space.NFT_METADATA, token, s), new byte[0]);
        }
        long supply = totalSupply(token) - removed;
        write(token(token, TokenField.SUPPLY), supply);
        write(balance(token, treasury), balanceOf(token, treasury) - removed);
        return report(Syscall.HTS_BURN, args, SUCCESS, List.of(supply));
    }

    /**
     * The operator lets {@code spender} move {@code amount} of its units, or the NFT serial {@code amount}:
     * its own, or one of an owner that approved the operator for all its serials (a delegating spender,
     * which has the owner's privileges on Hedera).
     */
    public Outcome approve(Address token, Address spender, long amount) {
        List<Object> args = List.of(token, spender, amount);
        ResponseCode check = liveToken(token);
        if (check == SUCCESS && tokenKind(token) == TokenKind.NON_FUNGIBLE) {
            Address owner = ownerOf(token, amount);
            check = owner.equals(NONE) ? INVALID_NFT_ID
                            : !owner.equals(operator) && !isApprovedForAll(token, owner, operator) ? SENDER_DOES_NOT_OWN_NFT_SERIAL_NO
                            : SUCCESS;
        } else if (check == SUCCESS) {
            check = amount < 0 ? NEGATIVE_ALLOWANCE_AMOUNT : !isAssociated(token, operator) ? TOKEN_NOT_ASSOCIATED_TO_ACCOUNT : SUCCESS;
        }
        if (check != SUCCESS) {
            return fail(Syscall.HTS_APPROVE, args, check);
        }
        if (tokenKind(token) == TokenKind.NON_FUNGIBLE) {
            write(nft(Space.NFT_SPENDER, token, amount), spender);
        } else {
            write(allowance(token, operator, spender), amount);
        }
        return report(Syscall.HTS_APPROVE, args, SUCCESS, List.of());
    }

    /**
     * The operator lets {@code spender} move every serial of the NFT {@code token} it holds, or no longer
     * ({@code approved} false): ERC-721's setApprovalForAll, a CryptoApproveAllowance for all serials on Hedera.
     */
    public Outcome approveForAll(Address token, Address spender, boolean approved) {
        List<Object> args = List.of(token, spender, approved);
        ResponseCode check = liveToken(token);
        if (check == SUCCESS) {
            check = tokenKind(token) != TokenKind.NON_FUNGIBLE ? NOT_SUPPORTED : !isAssociated(token, operator) ? TOKEN_NOT_ASSOCIATED_TO_ACCOUNT : SUCCESS;
        }
        if (check != SUCCESS) {
            return fail(Syscall.HTS_APPROVE_FOR_ALL, args, check);
        }
        write(slot(Space.APPROVED_FOR_ALL, token.toWord(), operator.toWord(), spender.toWord()), approved ? 1 : 0);
        return report(Syscall.HTS_APPROVE_FOR_ALL, args, SUCCESS, List.of());
    }

    // ---- hbar ------------------------------------------------------------------------------------

    /**
     * Moves {@code tinybars} of hbar, which are the units of the VM's account balances (msg.value is in
     * tinybars on Hedera). A debit {@code from} does not sign is an approval, as hedera-services'
     * ApprovalSwitchHelper makes it, and so is one with {@code approval}; hbar allowances (the account
     * service's hbarApprove) are not modelled, so an approval finds none.
     */
    public Outcome transferHbar(Address from, Address to, long tinybars, boolean approval) {
        List<Object> args = List.of(from, to, tinybars);
        ResponseCode check = tinybars < 0 ? INVALID_ACCOUNT_AMOUNTS
                        : approval || !signs(from) ? SPENDER_DOES_NOT_HAVE_ALLOWANCE
                        : state.getBalance(from).compareTo(UInt256.of(tinybars)) < 0 ? INSUFFICIENT_ACCOUNT_BALANCE
                        : SUCCESS;
        if (check != SUCCESS) {
            return fail(Syscall.HBAR_TRANSFER, args, check);
        }
        state.transfer(from, to, UInt256.of(tinybars));
        return report(Syscall.HBAR_TRANSFER, args, SUCCESS, List.of());
    }

    /** A check common to freeze, KYC and pause: the token exists and has the key, which signs. */
    private ResponseCode keyed(Address token, TokenField key, ResponseCode missing) {
        Address k = isToken(token) ? tokenKey(token, key) : NONE;
        return !isToken(token) ? INVALID_TOKEN_ID : k.equals(NONE) ? missing : !signs(k) ? INVALID_SIGNATURE : SUCCESS;
    }

    private Outcome setFlag(Syscall call, Address token, Address account, int flag, boolean on, TokenField key, ResponseCode missing) {
        List<Object> args = List.of(token, account, on);
        ResponseCode check = keyed(token, key, missing);
        if (check == SUCCESS && !isAssociated(token, account)) {
            check = TOKEN_NOT_ASSOCIATED_TO_ACCOUNT;
        }
        if (check != SUCCESS) {
            return fail(call, args, check);
        }
        int f = flags(token, account);
        write(relation(token, account), on ? f | flag : f & ~flag);
        return report(call, args, SUCCESS, List.of());
    }

    public Outcome freeze(Address token, Address account, boolean frozen) {
        return setFlag(Syscall.HTS_FREEZE, token, account, FROZEN, frozen, TokenField.FREEZE_KEY, TOKEN_HAS_NO_FREEZE_KEY);
    }

    public Outcome kyc(Address token, Address account, boolean granted) {
        return setFlag(Syscall.HTS_KYC, token, account, KYC_GRANTED, granted, TokenField.KYC_KEY, TOKEN_HAS_NO_KYC_KEY);
    }

    public Outcome pause(Address token, boolean paused) {
        List<Object> args = List.of(token, paused);
        ResponseCode check = keyed(token, TokenField.PAUSE_KEY, TOKEN_HAS_NO_PAUSE_KEY);
        if (check != SUCCESS) {
            return fail(Syscall.HTS_PAUSE, args, check);
        }
        write(token(token, TokenField.PAUSED), paused ? 1 : 0);
        return report(Syscall.HTS_PAUSE, args, SUCCESS, List.of());
    }

    // ---- topics ----------------------------------------------------------------------------------

    private boolean isLiveTopic(Address topic) {
        return readLong(topic(topic, TopicField.LIVE)) != 0;
    }

    /** Creates a topic whose admin key is the operator; a zero {@code submitKey} lets anyone submit. */
    public Outcome createTopic(Address submitKey) {
        Address topic = newEntity();
        write(topic(topic, TopicField.LIVE), 1);
        write(topic(topic, TopicField.ADMIN_KEY), operator);
        write(topic(topic, TopicField.SUBMIT_KEY), submitKey);
        return report(Syscall.HCS_CREATE_TOPIC, List.of(operator, submitKey), SUCCESS, List.of(topic));
    }

    /** Appends a message: the next sequence number and the version-3 running hash, payer the origin. */
    public Outcome submit(Address topic, byte[] message) {
        List<Object> args = List.of(topic, message);
        Address key = readAddress(topic(topic, TopicField.SUBMIT_KEY));
        ResponseCode check = !isLiveTopic(topic) ? INVALID_TOPIC_ID
                        : !key.equals(NONE) && !signs(key) ? INVALID_SUBMIT_KEY
                        : message.length == 0 ? INVALID_TOPIC_MESSAGE
                        : message.length > MAX_MESSAGE_BYTES ? MESSAGE_SIZE_TOO_LARGE
                        : SUCCESS;
        if (check != SUCCESS) {
            return fail(Syscall.HCS_SUBMIT, args, check);
        }
        long sequence = topicSequence(topic) + 1;
        byte[] hash = RunningHash.next(topicRunningHash(topic), EntityId.of(origin), EntityId.of(topic), consensusSeconds, 0, sequence, message);
        write(topic(topic, TopicField.SEQUENCE), sequence);
        write(topic(topic, TopicField.HASH_HEAD), UInt256.fromBytes(hash, 0, 32));
        write(topic(topic, TopicField.HASH_TAIL), UInt256.fromBytes(hash, 32, 16));
        return report(Syscall.HCS_SUBMIT, args, SUCCESS, List.of(sequence, hash));
    }

    private ResponseCode administered(Address topic) {
        return !isLiveTopic(topic) ? INVALID_TOPIC_ID : !signs(readAddress(topic(topic, TopicField.ADMIN_KEY))) ? UNAUTHORIZED : SUCCESS;
    }

    public Outcome updateTopic(Address topic, Address submitKey) {
        List<Object> args = List.of(topic, submitKey);
        ResponseCode check = administered(topic);
        if (check != SUCCESS) {
            return fail(Syscall.HCS_UPDATE_TOPIC, args, check);
        }
        write(topic(topic, TopicField.SUBMIT_KEY), submitKey);
        return report(Syscall.HCS_UPDATE_TOPIC, args, SUCCESS, List.of());
    }

    public Outcome deleteTopic(Address topic) {
        List<Object> args = List.of(topic);
        ResponseCode check = administered(topic);
        if (check != SUCCESS) {
            return fail(Syscall.HCS_DELETE_TOPIC, args, check);
        }
        write(topic(topic, TopicField.LIVE), 0);
        return report(Syscall.HCS_DELETE_TOPIC, args, SUCCESS, List.of());
    }
}
