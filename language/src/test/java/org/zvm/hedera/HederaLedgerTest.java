// SPDX-License-Identifier: Apache-2.0
package org.zvm.hedera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zvm.hedera.ResponseCode.*;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zvm.abi.AbiCodec;
import org.zvm.hedera.HederaLedger.Outcome;
import org.zvm.hedera.HederaLedger.TokenSpec;
import org.zvm.runtime.Address;
import org.zvm.state.InMemoryBackend;
import org.zvm.state.Log;
import org.zvm.state.WorldState;
import org.zvm.util.Hex;

/**
 * The ledger's rules, response codes and events, on a world state directly: what each HTS and HCS
 * operation checks, that a failure changes nothing, that a reverted frame takes the ledger back and that
 * a committed transaction persists.
 */
class HederaLedgerTest {
    static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000000c1");
    static final Address ORIGIN = Address.fromHex("0x00000000000000000000000000000000000000c0");
    static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000000a1");
    static final Address BOB = Address.fromHex("0x00000000000000000000000000000000000000b0");
    static final Address NONE = Address.of(new byte[20]);

    InMemoryBackend backend;
    WorldState state;
    HederaLedger ledger;

    @BeforeEach
    void open() {
        backend = new InMemoryBackend();
        state = new WorldState(backend);
        state.beginTransaction();
        ledger = as(CONTRACT);
    }

    HederaLedger as(Address operator) {
        return new HederaLedger(state, operator, ORIGIN, 1);
    }

    static TokenSpec fungible(Address treasury, long initial, long max) {
        return new TokenSpec("Zed", "ZED", "memo", treasury, 2, initial, max, false, false, treasury, NONE, treasury, treasury, treasury, treasury);
    }

    Address create(TokenSpec spec) {
        Outcome o = ledger.createToken(spec);
        assertEquals(SUCCESS, o.code());
        return (Address) o.result(0);
    }

    @Test
    void createGivesEntityAddressesAndTheTreasuryTheSupply() {
        Address token = create(fungible(CONTRACT, 1000, 0));
        assertEquals(EntityId.num(HederaLedger.FIRST_ENTITY).toAddress(), token);
        assertEquals(EntityId.num(HederaLedger.FIRST_ENTITY + 1).toAddress(), create(fungible(CONTRACT, 0, 0)));
        assertEquals(1000, ledger.balanceOf(token, CONTRACT));
        assertEquals(1000, ledger.totalSupply(token));
        assertEquals("Zed", ledger.name(token));
        assertEquals("ZED", ledger.symbol(token));
        assertEquals(2, ledger.decimals(token));
        assertTrue(ledger.isAssociated(token, CONTRACT));
        assertEquals(HederaLedger.TokenKind.FUNGIBLE, ledger.tokenKind(token));
        assertEquals(HederaLedger.TokenKind.NONE, ledger.tokenKind(ALICE));
        // Hedera's redirect proxy: PUSH20 of the token (after redirectForToken's selector) at byte 29.
        byte[] code = state.getCode(token);
        assertArrayEquals(HederaLedger.proxyCode(token), code);
        assertArrayEquals(token.toBytes(), java.util.Arrays.copyOfRange(code, 29, 49));
        assertEquals("618dc65e", Hex.of(java.util.Arrays.copyOfRange(code, 25, 29)).substring(2));
    }

    @Test
    void createChecksItsArguments() {
        assertEquals(MISSING_TOKEN_NAME, ledger.createToken(new TokenSpec("", "Z", "", CONTRACT, 0, 0, 0, false, false, NONE, NONE, NONE, NONE, NONE, NONE)).code());
        assertEquals(MISSING_TOKEN_SYMBOL, ledger.createToken(new TokenSpec("Z", "", "", CONTRACT, 0, 0, 0, false, false, NONE, NONE, NONE, NONE, NONE, NONE)).code());
        assertEquals(INVALID_TREASURY_ACCOUNT_FOR_TOKEN, ledger.createToken(fungible(NONE, 1, 0)).code());
        assertEquals(INVALID_SIGNATURE, ledger.createToken(fungible(ALICE, 1, 0)).code());
        assertEquals(INVALID_TOKEN_INITIAL_SUPPLY, ledger.createToken(fungible(CONTRACT, -1, 0)).code());
        assertEquals(INVALID_TOKEN_INITIAL_SUPPLY, ledger.createToken(fungible(CONTRACT, 11, 10)).code());
        assertEquals(INVALID_TOKEN_MAX_SUPPLY, ledger.createToken(fungible(CONTRACT, 1, -5)).code());
        assertEquals(TOKEN_HAS_NO_SUPPLY_KEY, ledger.createToken(new TokenSpec("N", "N", "", CONTRACT, 0, 0, 0, true, false, NONE, NONE, NONE, NONE, NONE, NONE)).code());
        assertEquals(INVALID_TOKEN_DECIMALS, ledger.createToken(new TokenSpec("N", "N", "", CONTRACT, 1, 0, 0, true, false, NONE, NONE, NONE, NONE, CONTRACT, NONE)).code());
        // The origin signs too: it may be the treasury.
        assertEquals(SUCCESS, ledger.createToken(fungible(ORIGIN, 1, 0)).code());
    }

    @Test
    void associationRules() {
        Address token = create(fungible(CONTRACT, 100, 0));
        assertEquals(INVALID_TOKEN_ID, ledger.associate(CONTRACT, ALICE).code());
        assertEquals(INVALID_SIGNATURE, ledger.associate(ALICE, token).code(), "only the account itself associates");
        assertEquals(TOKEN_ALREADY_ASSOCIATED_TO_ACCOUNT, ledger.associate(CONTRACT, token).code());
        assertEquals(TOKEN_NOT_ASSOCIATED_TO_ACCOUNT, ledger.transfer(token, CONTRACT, ALICE, 5).code());
        assertEquals(SUCCESS, as(ALICE).associate(ALICE, token).code());
        assertEquals(SUCCESS, ledger.transfer(token, CONTRACT, ALICE, 5).code());
        assertEquals(TRANSACTION_REQUIRES_ZERO_TOKEN_BALANCES, as(ALICE).dissociate(ALICE, token).code());
        assertEquals(ACCOUNT_IS_TREASURY, ledger.dissociate(CONTRACT, token).code());
        assertEquals(SUCCESS, as(ALICE).transfer(token, ALICE, CONTRACT, 5).code());
        assertEquals(SUCCESS, as(ALICE).dissociate(ALICE, token).code());
        assertEquals(TOKEN_NOT_ASSOCIATED_TO_ACCOUNT, as(ALICE).dissociate(ALICE, token).code());
        assertFalse(ledger.isAssociated(token, ALICE));
    }

    @Test
    void transfersCheckBalanceAmountAndAllowance() {
        Address token = create(fungible(CONTRACT, 100, 0));
        as(ALICE).associate(ALICE, token);
        as(BOB).associate(BOB, token);
        assertEquals(INSUFFICIENT_TOKEN_BALANCE, ledger.transfer(token, CONTRACT, ALICE, 101).code());
        assertEquals(INVALID_ACCOUNT_AMOUNTS, ledger.transfer(token, CONTRACT, ALICE, -1).code());
        assertEquals(SUCCESS, ledger.transfer(token, CONTRACT, ALICE, 40).code());
        // BOB cannot move ALICE's units without an allowance; ALICE approves BOB for 10.
        assertEquals(SPENDER_DOES_NOT_HAVE_ALLOWANCE, as(BOB).transfer(token, ALICE, BOB, 5).code());
        assertEquals(SUCCESS, as(ALICE).approve(token, BOB, 10).code());
        assertEquals(10, ledger.allowanceOf(token, ALICE, BOB));
        assertEquals(AMOUNT_EXCEEDS_ALLOWANCE, as(BOB).transfer(token, ALICE, BOB, 11).code());
        assertEquals(SUCCESS, as(BOB).transfer(token, ALICE, BOB, 4).code());
        assertEquals(6, ledger.allowanceOf(token, ALICE, BOB));
        assertEquals(36, ledger.balanceOf(token, ALICE));
        assertEquals(4, ledger.balanceOf(token, BOB));
        assertEquals(60, ledger.balanceOf(token, CONTRACT));
        assertEquals(NEGATIVE_ALLOWANCE_AMOUNT, as(ALICE).approve(token, BOB, -1).code());
    }

    @Test
    void mintAndBurnNeedTheSupplyKeyAndRespectMaxSupply() {
        Address token = create(fungible(CONTRACT, 10, 100));
        Outcome minted = ledger.mint(token, 15, List.of());
        assertEquals(SUCCESS, minted.code());
        assertEquals(25L, minted.result(0));
        assertEquals(TOKEN_MAX_SUPPLY_REACHED, ledger.mint(token, 76, List.of()).code());
        assertEquals(INVALID_TOKEN_MINT_AMOUNT, ledger.mint(token, 0, List.of()).code());
        assertEquals(INVALID_SIGNATURE, as(ALICE).mint(token, 1, List.of()).code());
        assertEquals(INVALID_TOKEN_ID, ledger.mint(ALICE, 1, List.of()).code());
        assertEquals(INVALID_TOKEN_BURN_AMOUNT, ledger.burn(token, 26, List.of()).code());
        Outcome burnt = ledger.burn(token, 5, List.of());
        assertEquals(SUCCESS, burnt.code());
        assertEquals(20L, burnt.result(0));
        assertEquals(20, ledger.balanceOf(token, CONTRACT));
        Address noSupplyKey = create(new TokenSpec("Z", "Z", "", CONTRACT, 0, 5, 0, false, false, NONE, NONE, NONE, NONE, NONE, NONE));
        assertEquals(TOKEN_HAS_NO_SUPPLY_KEY, ledger.mint(noSupplyKey, 1, List.of()).code());
    }

    @Test
    void nftsMintTransferApproveAndBurnBySerial() {
        Address nft = create(new TokenSpec("Art", "ART", "", CONTRACT, 0, 0, 3, true, false, CONTRACT, NONE, NONE, NONE, CONTRACT, NONE));
        byte[] meta = "ipfs://a".getBytes(StandardCharsets.UTF_8);
        Outcome minted = ledger.mint(nft, 0, List.of(meta, new byte[]{1}));
        assertEquals(SUCCESS, minted.code());
        assertEquals(List.of(1L, 2L), minted.result(1));
        assertEquals(2L, minted.result(0));
        assertArrayEquals(meta, ledger.metadata(nft, 1));
        assertEquals(METADATA_TOO_LONG, ledger.mint(nft, 0, List.of(new byte[HederaLedger.MAX_METADATA_BYTES + 1])).code());
        assertEquals(TOKEN_MAX_SUPPLY_REACHED, ledger.mint(nft, 0, List.of(new byte[1], new byte[1])).code());
        assertEquals(INVALID_TOKEN_MINT_AMOUNT, ledger.mint(nft, 1, List.of()).code());
        as(ALICE).associate(ALICE, nft);
        as(BOB).associate(BOB, nft);
        assertEquals(SUCCESS, ledger.transfer(nft, CONTRACT, ALICE, 1).code());
        assertEquals(ALICE, ledger.ownerOf(nft, 1));
        assertEquals(SENDER_DOES_NOT_OWN_NFT_SERIAL_NO, ledger.transfer(nft, CONTRACT, BOB, 1).code());
        assertEquals(INVALID_NFT_ID, ledger.transfer(nft, CONTRACT, BOB, 9).code());
        assertEquals(SPENDER_DOES_NOT_HAVE_ALLOWANCE, as(BOB).transfer(nft, ALICE, BOB, 1).code());
        assertEquals(SUCCESS, as(ALICE).approve(nft, BOB, 1).code());
        assertEquals(SUCCESS, as(BOB).transfer(nft, ALICE, BOB, 1).code());
        assertEquals(1, ledger.balanceOf(nft, BOB));
        assertEquals(0, ledger.balanceOf(nft, ALICE));
        assertEquals(ACCOUNT_STILL_OWNS_NFTS, as(BOB).dissociate(BOB, nft).code());
        assertEquals(TREASURY_MUST_OWN_BURNED_NFT, ledger.burn(nft, 0, List.of(1L)).code());
        assertEquals(INVALID_NFT_ID, ledger.burn(nft, 0, List.of(2L, 2L)).code());
        Outcome burnt = ledger.burn(nft, 0, List.of(2L));
        assertEquals(SUCCESS, burnt.code());
        assertEquals(1L, burnt.result(0));
        assertEquals(NONE, ledger.ownerOf(nft, 2));
    }

    @Test
    void approvalForAllLetsTheSpenderMoveEverySerialAndApprovalForcesTheAllowance() {
        Address nft = create(new TokenSpec("Art", "ART", "", CONTRACT, 0, 0, 0, true, false, CONTRACT, NONE, NONE, NONE, CONTRACT, NONE));
        ledger.mint(nft, 0, List.of(new byte[]{1}, new byte[]{2}));
        as(BOB).associate(BOB, nft);
        assertEquals(SPENDER_DOES_NOT_HAVE_ALLOWANCE, as(ALICE).transfer(nft, CONTRACT, BOB, 1).code());
        assertEquals(SUCCESS, ledger.approveForAll(nft, ALICE, true).code());
        assertTrue(ledger.isApprovedForAll(nft, CONTRACT, ALICE));
        assertEquals(SUCCESS, as(ALICE).transfer(nft, CONTRACT, BOB, 1).code());
        // An operator approved for all may approve a single serial of the owner's (a delegating spender).
        assertEquals(SENDER_DOES_NOT_OWN_NFT_SERIAL_NO, as(ALICE).approve(nft, ORIGIN, 1).code(), "serial 1 is BOB's now");
        assertEquals(SUCCESS, as(ALICE).approve(nft, ORIGIN, 2).code());
        assertEquals(ORIGIN, ledger.approvedSpender(nft, 2));
        assertEquals(SUCCESS, ledger.approve(nft, NONE, 2).code(), "the owner clears it");
        assertEquals(SUCCESS, ledger.approveForAll(nft, ALICE, false).code());
        assertEquals(SPENDER_DOES_NOT_HAVE_ALLOWANCE, as(ALICE).transfer(nft, CONTRACT, BOB, 2).code());
        assertEquals(TOKEN_NOT_ASSOCIATED_TO_ACCOUNT, as(ALICE).approveForAll(nft, BOB, true).code(), "ALICE holds no association");
        assertEquals(NOT_SUPPORTED, ledger.approveForAll(create(fungible(CONTRACT, 1, 0)), ALICE, true).code(), "fungible tokens have allowances");
        // The operator signs for its own serial, but an approval transfer spends an allowance all the same.
        assertEquals(SPENDER_DOES_NOT_HAVE_ALLOWANCE, ledger.transfer(nft, CONTRACT, BOB, 2, true).code());
        assertEquals(CONTRACT, ledger.ownerOf(nft, 2));
        assertEquals(SUCCESS, ledger.approve(nft, CONTRACT, 2).code());
        assertEquals(CONTRACT, ledger.approvedSpender(nft, 2));
        assertEquals(SUCCESS, ledger.transfer(nft, CONTRACT, BOB, 2, true).code());
        assertEquals(NONE, ledger.approvedSpender(nft, 2), "a transfer clears the serial's spender");
    }

    @Test
    void hbarMovesTheAccountBalancesOfWhoSigns() {
        state.setBalance(CONTRACT, org.zvm.runtime.UInt256.of(1000));
        assertEquals(SUCCESS, ledger.transferHbar(CONTRACT, ALICE, 400, false).code());
        assertEquals(600, state.getBalance(CONTRACT).w0());
        assertEquals(400, state.getBalance(ALICE).w0());
        assertEquals(SPENDER_DOES_NOT_HAVE_ALLOWANCE, ledger.transferHbar(ALICE, CONTRACT, 1, false).code(), "ALICE did not sign: an approval");
        assertEquals(SPENDER_DOES_NOT_HAVE_ALLOWANCE, ledger.transferHbar(CONTRACT, ALICE, 1, true).code(), "no hbar allowances offline");
        assertEquals(INSUFFICIENT_ACCOUNT_BALANCE, ledger.transferHbar(CONTRACT, ALICE, 601, false).code());
        assertEquals(INVALID_ACCOUNT_AMOUNTS, ledger.transferHbar(CONTRACT, ALICE, -1, false).code());
        assertEquals(600, state.getBalance(CONTRACT).w0());
        Log event = state.logs().get(state.logs().size() - 1);
        assertEquals(List.of(Syscall.HBAR_TRANSFER.topic), event.topics());
    }

    @Test
    void freezeKycAndPause() {
        TokenSpec kycToken = new TokenSpec("K", "K", "", CONTRACT, 0, 50, 0, false, true, CONTRACT, CONTRACT, CONTRACT, NONE, CONTRACT, CONTRACT);
        Address token = create(kycToken);
        as(ALICE).associate(ALICE, token);
        assertTrue(ledger.isFrozen(token, ALICE), "freeze default");
        assertEquals(ACCOUNT_FROZEN_FOR_TOKEN, ledger.transfer(token, CONTRACT, ALICE, 1).code());
        assertEquals(SUCCESS, ledger.freeze(token, ALICE, false).code());
        assertEquals(ACCOUNT_KYC_NOT_GRANTED_FOR_TOKEN, ledger.transfer(token, CONTRACT, ALICE, 1).code());
        assertEquals(INVALID_SIGNATURE, as(ALICE).kyc(token, ALICE, true).code());
        assertEquals(SUCCESS, ledger.kyc(token, ALICE, true).code());
        assertEquals(SUCCESS, ledger.transfer(token, CONTRACT, ALICE, 1).code());
        assertEquals(SUCCESS, ledger.pause(token, true).code());
        assertEquals(TOKEN_IS_PAUSED, ledger.transfer(token, CONTRACT, ALICE, 1).code());
        assertEquals(TOKEN_IS_PAUSED, ledger.mint(token, 1, List.of()).code());
        assertEquals(SUCCESS, ledger.pause(token, false).code());
        assertEquals(SUCCESS, ledger.transfer(token, CONTRACT, ALICE, 1).code());
        Address plain = create(fungible(CONTRACT, 1, 0));
        assertEquals(TOKEN_HAS_NO_KYC_KEY, ledger.kyc(plain, CONTRACT, true).code());
        assertEquals(TOKEN_NOT_ASSOCIATED_TO_ACCOUNT, ledger.freeze(plain, BOB, true).code());
        Address bare = create(new TokenSpec("B", "B", "", CONTRACT, 0, 1, 0, false, false, NONE, NONE, NONE, NONE, NONE, NONE));
        assertEquals(TOKEN_HAS_NO_FREEZE_KEY, ledger.freeze(bare, CONTRACT, true).code());
        assertEquals(TOKEN_HAS_NO_PAUSE_KEY, ledger.pause(bare, true).code());
    }

    @Test
    void topicsSequenceAndRunningHash() {
        Outcome created = ledger.createTopic(NONE);
        Address topic = (Address) created.result(0);
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        Outcome first = ledger.submit(topic, hello);
        assertEquals(SUCCESS, first.code());
        assertEquals(1L, first.result(0));
        // Payer 0.0.192 (the origin), topic 0.0.1001, consensus time 1 s: computed with Python's hashlib.
        assertEquals("0x9b33551b9cd7ec5d0469c5322571077de33f0d4768fc018182c872625dcfe2b5ce8c5a5661c96d2ef8949f6a264d750f", Hex.of((byte[]) first.result(1)));
        assertArrayEquals((byte[]) first.result(1), ledger.topicRunningHash(topic));
        assertEquals(2L, ledger.submit(topic, hello).result(0));
        assertEquals(2, ledger.topicSequence(topic));
        assertEquals(INVALID_TOPIC_MESSAGE, ledger.submit(topic, new byte[0]).code());
        assertEquals(MESSAGE_SIZE_TOO_LARGE, ledger.submit(topic, new byte[HederaLedger.MAX_MESSAGE_BYTES + 1]).code());
        assertEquals(INVALID_TOPIC_ID, ledger.submit(ALICE, hello).code());
        assertEquals(UNAUTHORIZED, as(ALICE).updateTopic(topic, BOB).code());
        assertEquals(SUCCESS, ledger.updateTopic(topic, BOB).code());
        assertEquals(INVALID_SUBMIT_KEY, as(ALICE).submit(topic, hello).code());
        assertEquals(SUCCESS, as(BOB).submit(topic, hello).code());
        assertEquals(UNAUTHORIZED, as(BOB).deleteTopic(topic).code());
        assertEquals(SUCCESS, ledger.deleteTopic(topic).code());
        assertEquals(INVALID_TOPIC_ID, as(BOB).submit(topic, hello).code());
    }

    @Test
    void everyOperationIsAnEventFailuresToo() {
        Address token = create(fungible(CONTRACT, 100, 0));
        ledger.transfer(token, CONTRACT, ALICE, 5);
        List<Log> logs = state.logs();
        assertEquals(2, logs.size());
        Log failed = logs.get(1);
        assertEquals(HederaLedger.ADDRESS, failed.address());
        assertEquals(List.of(Syscall.HTS_TRANSFER.topic), failed.topics());
        List<Object> fields = AbiCodec.decode(Syscall.HTS_TRANSFER.event.inputs(), failed.data());
        assertEquals(List.of(CONTRACT, token, CONTRACT, ALICE), fields.subList(0, 4));
        assertEquals(5L, ((java.math.BigInteger) fields.get(4)).longValue());
        assertEquals((long) TOKEN_NOT_ASSOCIATED_TO_ACCOUNT.code, ((java.math.BigInteger) fields.get(5)).longValue());
        assertEquals("HtsTransfer(address,address,address,address,int64,int64)", Syscall.HTS_TRANSFER.event.signature());
    }

    @Test
    void aRevertedFrameTakesTheLedgerBackAndACommitPersists() {
        Address token = create(fungible(CONTRACT, 100, 0));
        as(ALICE).associate(ALICE, token);
        int checkpoint = state.checkpoint();
        ledger.transfer(token, CONTRACT, ALICE, 30);
        ledger.createTopic(NONE);
        assertEquals(30, ledger.balanceOf(token, ALICE));
        state.revertTo(checkpoint);
        assertEquals(0, ledger.balanceOf(token, ALICE));
        assertEquals(100, ledger.balanceOf(token, CONTRACT));
        assertEquals(3, state.logs().size() + 1, "the reverted events are gone too");
        ledger.transfer(token, CONTRACT, ALICE, 7);
        backend.apply(state.finishTransaction());
        // A new transaction over the same backend sees the committed ledger, and the entity counter goes on.
        state.beginTransaction();
        HederaLedger next = new HederaLedger(state, CONTRACT, ORIGIN, 2);
        assertEquals(7, next.balanceOf(token, ALICE));
        assertTrue(next.isAssociated(token, ALICE));
        assertEquals(EntityId.num(HederaLedger.FIRST_ENTITY + 1).toAddress(), next.createTopic(NONE).result(0));
    }

    @Test
    void prngSeedsAdvanceOnlyWhenAsked() {
        Prng prng = new Prng("zvm".getBytes(StandardCharsets.UTF_8));
        byte[] first = ledger.pseudorandomSeed(prng, false);
        assertArrayEquals(first, ledger.pseudorandomSeed(prng, true));
        assertArrayEquals(prng.draw(1), ledger.pseudorandomSeed(prng, true));
    }
}
