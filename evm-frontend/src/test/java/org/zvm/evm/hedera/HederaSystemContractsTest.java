// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.hedera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zvm.abi.AbiFunction;
import org.zvm.abi.RevertReason;
import org.zvm.hedera.EntityId;
import org.zvm.hedera.HederaConfig;
import org.zvm.hedera.HederaLedger;
import org.zvm.hedera.Prng;
import org.zvm.hedera.ResponseCode;
import org.zvm.opcode.Opcode;
import org.zvm.runtime.Address;
import org.zvm.runtime.Environment;
import org.zvm.runtime.Message;
import org.zvm.runtime.PrecompiledContract;
import org.zvm.runtime.UInt256;
import org.zvm.state.InMemoryBackend;
import org.zvm.state.Log;
import org.zvm.state.WorldState;

/**
 * The system contracts at 0x167–0x169 called with ABI calldata as Solidity sends it: the selectors of
 * ecosystem-facts.md §1.3/1.5, results encoded as IHederaTokenService declares them, failures as codes,
 * and the calls that must fail (static state changes, DELEGATECALL, unknown selectors).
 */
class HederaSystemContractsTest {
    static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000000c1");
    static final Address ORIGIN = Address.fromHex("0x00000000000000000000000000000000000000c0");
    static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000000a1");
    static final Address NONE = Address.of(new byte[20]);
    static final HederaConfig HEDERA = HederaConfig.of("hedera", "30:2", "seed");

    WorldState state;
    Map<Address, PrecompiledContract> contracts;

    @BeforeEach
    void open() {
        state = new WorldState(new InMemoryBackend());
        state.beginTransaction();
        contracts = HederaSystemContracts.of(HEDERA);
    }

    Message frame(Address to, Address caller, byte[] calldata, boolean isStatic) {
        return new Message(null, state, Environment.defaults(ORIGIN), to, caller, to, UInt256.ZERO, calldata, new byte[0], isStatic, 1, 1_000_000);
    }

    /** Calls {@code signature} on {@code to} from {@link #CONTRACT} and decodes its outputs. */
    List<Object> call(Address to, String signature, Object... args) {
        AbiFunction f = AbiFunction.parse(signature);
        byte[] out = contracts.get(to).run(frame(to, CONTRACT, f.encodeCall(List.of(args)), false));
        return f.decodeOutput(out);
    }

    static BigInteger code(ResponseCode c) {
        return BigInteger.valueOf(c.code);
    }

    static String selector(String signature) {
        return HexFormat.of().formatHex(AbiFunction.parse(signature).selector());
    }

    @Test
    void selectorsAreHederas() {
        Set<String> selectors = new TreeSet<>();
        for (PrecompiledContract c : contracts.values()) {
            for (SystemContract.Function f : ((SystemContract) c).functions()) {
                selectors.add(HexFormat.of().formatHex(f.abi().selector()));
            }
        }
        for (String s : List.of("eca36917", "82bba493", "5cfc9011", "2c4ba191", "0e71804f", "e0f4059a", "d6910d06", "49146bde", "2e63879b", "099794e8",
                        "78b63918", "0fb65bf3", "3f28a19b", "618dc65e", "ea83f293", "e1f21c67", "15dacbea", "927da105", "19f37361", "93272baf", "2e3cff6a", "43a88229", "d83bf9a1")) {
            assertTrue(selectors.contains(s), s);
        }
    }

    @Test
    void onlyTheHederaChainHasThem() {
        assertEquals(Map.of(), HederaSystemContracts.of(HederaConfig.of("ethereum", "12:1", "s")));
        assertEquals(List.of(HederaSystemContracts.HTS, HederaSystemContracts.EXCHANGE_RATE, HederaSystemContracts.PRNG), List.copyOf(contracts.keySet()));
        assertEquals("0x0000000000000000000000000000000000000167", HederaSystemContracts.HTS.toHex());
    }

    static final String CREATE_FT = "createFungibleToken(" + HederaSystemContracts.HEDERA_TOKEN + ",int64,int32)(int64,address)";

    static List<Object> token(String name, Address treasury, boolean finite, long max, List<Object> keys) {
        return List.of(name, "SYM", treasury, "memo", finite, BigInteger.valueOf(max), false, keys, List.of(BigInteger.ZERO, NONE, BigInteger.ZERO));
    }

    /** A key entry: {@code keyType} bits, held by the calling contract (inheritAccountKey). */
    static List<Object> inherited(int keyType) {
        return List.of(BigInteger.valueOf(keyType), List.of(true, NONE, new byte[0], new byte[0], NONE));
    }

    @Test
    void fungibleLifecycleThroughAbiCalls() {
        List<Object> created = call(HederaSystemContracts.HTS, CREATE_FT, token("Zed", CONTRACT, true, 5000, List.of(inherited(0b10001))), BigInteger.valueOf(1000), BigInteger.TWO);
        assertEquals(code(ResponseCode.SUCCESS), created.get(0));
        Address token = (Address) created.get(1);
        assertEquals(EntityId.num(HederaLedger.FIRST_ENTITY).toAddress(), token);

        List<Object> minted = call(HederaSystemContracts.HTS, "mintToken(address,int64,bytes[])(int64,int64,int64[])", token, BigInteger.valueOf(500), List.of());
        assertEquals(List.of(code(ResponseCode.SUCCESS), BigInteger.valueOf(1500), List.of()), minted);
        assertEquals(code(ResponseCode.TOKEN_MAX_SUPPLY_REACHED), call(HederaSystemContracts.HTS, "mintToken(address,int64,bytes[])(int64,int64,int64[])",
                        token, BigInteger.valueOf(4000), List.of()).get(0));
        String transfer = "transferToken(address,address,address,int64)(int64)";
        assertEquals(List.of(code(ResponseCode.TOKEN_NOT_ASSOCIATED_TO_ACCOUNT)), call(HederaSystemContracts.HTS, transfer, token, CONTRACT, ORIGIN, BigInteger.TEN));
        assertEquals(List.of(code(ResponseCode.SUCCESS)), call(HederaSystemContracts.HTS, "associateToken(address,address)(int64)", ORIGIN, token));
        assertEquals(List.of(code(ResponseCode.SUCCESS)), call(HederaSystemContracts.HTS, transfer, token, CONTRACT, ORIGIN, BigInteger.TEN));
        assertEquals(List.of(code(ResponseCode.INVALID_ACCOUNT_AMOUNTS)), call(HederaSystemContracts.HTS, transfer, token, CONTRACT, ORIGIN, BigInteger.valueOf(-1)));
        assertEquals(List.of(code(ResponseCode.SUCCESS)), call(HederaSystemContracts.HTS, "transferTokens(address,address[],int64[])(int64)",
                        token, List.of(CONTRACT, ORIGIN), List.of(BigInteger.valueOf(-5), BigInteger.valueOf(5))));
        assertEquals(List.of(code(ResponseCode.TRANSFERS_NOT_ZERO_SUM_FOR_TOKEN)), call(HederaSystemContracts.HTS, "transferTokens(address,address[],int64[])(int64)",
                        token, List.of(CONTRACT, ORIGIN), List.of(BigInteger.valueOf(-5), BigInteger.valueOf(4))));
        HederaLedger ledger = new HederaLedger(state, CONTRACT, ORIGIN, 1);
        assertEquals(15, ledger.balanceOf(token, ORIGIN));
        assertEquals(List.of(code(ResponseCode.SUCCESS), true), call(HederaSystemContracts.HTS, "isToken(address)(int64,bool)", token));
        assertEquals(List.of(code(ResponseCode.SUCCESS), BigInteger.ZERO), call(HederaSystemContracts.HTS, "getTokenType(address)(int64,int32)", token));
        assertEquals(List.of(code(ResponseCode.INVALID_TOKEN_ID), BigInteger.ZERO), call(HederaSystemContracts.HTS, "getTokenType(address)(int64,int32)", ALICE));
        assertEquals(List.of(code(ResponseCode.SUCCESS)), call(HederaSystemContracts.HTS, "approve(address,address,uint256)(int64)", token, ALICE, BigInteger.valueOf(7)));
        assertEquals(List.of(code(ResponseCode.SUCCESS), BigInteger.valueOf(7)), call(HederaSystemContracts.HTS, "allowance(address,address,address)(int64,uint256)", token, CONTRACT, ALICE));
        assertEquals(List.of(code(ResponseCode.TOKEN_HAS_NO_FREEZE_KEY)), call(HederaSystemContracts.HTS, "freezeToken(address,address)(int64)", token, ORIGIN));
    }

    @Test
    void fungibleTokenInfoIsWhatTheLedgerKnows() {
        String info = "getFungibleTokenInfo(address)(int64,(" + HederaSystemContracts.TOKEN_INFO + ",int32))";
        assertEquals("3f28a19b", selector(info));
        Address token = (Address) call(HederaSystemContracts.HTS, CREATE_FT, token("Zed", CONTRACT, true, 5000, List.of(inherited(0b10001))),
                        BigInteger.valueOf(1000), BigInteger.TWO).get(1);
        List<Object> out = call(HederaSystemContracts.HTS, info, token);
        assertEquals(code(ResponseCode.SUCCESS), out.get(0));
        List<?> fungible = (List<?>) out.get(1);
        List<?> tokenInfo = (List<?>) fungible.get(0);
        List<?> hederaToken = (List<?>) tokenInfo.get(0);
        assertEquals(List.of("Zed", "SYM", CONTRACT, "memo", true, BigInteger.valueOf(5000), false), hederaToken.subList(0, 7));
        List<?> actualKeys = (List<?>) hederaToken.get(7);
        assertEquals(2, actualKeys.size());
        for (int i = 0; i < 2; i++) {
            List<?> key = (List<?>) actualKeys.get(i);
            assertEquals(List.of(BigInteger.ONE, BigInteger.valueOf(16)).get(i), key.get(0));
            assertEquals(CONTRACT, ((List<?>) key.get(1)).get(1));
        }
        assertEquals(List.of(BigInteger.ZERO, NONE, BigInteger.ZERO), hederaToken.get(8));
        assertEquals(List.of(BigInteger.valueOf(1000), false, true, false, List.of(), List.of(), List.of(), "0x03"), tokenInfo.subList(1, 9));
        assertEquals(BigInteger.TWO, fungible.get(1));

        List<Object> missing = call(HederaSystemContracts.HTS, info, ALICE);
        assertEquals(code(ResponseCode.INVALID_TOKEN_ID), missing.get(0));
        List<?> zeroInfo = (List<?>) ((List<?>) missing.get(1)).get(0);
        assertEquals(List.of("", "", NONE, "", false, BigInteger.ZERO, false, List.of(), List.of(BigInteger.ZERO, NONE, BigInteger.ZERO)), zeroInfo.get(0));
        assertEquals(List.of(BigInteger.ZERO, false, false, false, List.of(), List.of(), List.of(), ""), zeroInfo.subList(1, 9));
    }

    /** Calls {@code signature} on the facade of {@code token} from {@code caller}; null when the call fails. */
    List<Object> erc20(Address token, Address caller, String signature, Object... args) {
        AbiFunction f = AbiFunction.parse(signature);
        byte[] out = HederaSystemContracts.TOKEN_FACADE.run(frame(token, caller, f.encodeCall(List.of(args)), false));
        return out == null ? null : f.decodeOutput(out);
    }

    /** The Error(string) reason a facade call reverts with. */
    String erc20Reverts(Address token, Address caller, String signature, Object... args) {
        PrecompiledContract.Reverted r = assertThrows(PrecompiledContract.Reverted.class, () -> erc20(token, caller, signature, args));
        return RevertReason.decode(r.data, null).message();
    }

    @Test
    void erc20FacadeOnTheTokenAddress() {
        Address token = (Address) call(HederaSystemContracts.HTS, CREATE_FT, token("Zed", CONTRACT, false, 0, List.of()), BigInteger.valueOf(1000), BigInteger.TWO).get(1);
        assertEquals(List.of("Zed"), erc20(token, ALICE, "name()(string)"));
        assertEquals(List.of("SYM"), erc20(token, ALICE, "symbol()(string)"));
        assertEquals(List.of(BigInteger.TWO), erc20(token, ALICE, "decimals()(uint8)"));
        assertEquals(List.of(BigInteger.valueOf(1000)), erc20(token, ALICE, "totalSupply()(uint256)"));
        assertEquals(List.of(BigInteger.valueOf(1000)), erc20(token, ALICE, "balanceOf(address)(uint256)", CONTRACT));

        assertEquals("TOKEN_NOT_ASSOCIATED_TO_ACCOUNT", erc20Reverts(token, CONTRACT, "transfer(address,uint256)(bool)", ORIGIN, BigInteger.TEN));
        assertEquals(List.of(code(ResponseCode.SUCCESS)), call(HederaSystemContracts.HTS, "associateToken(address,address)(int64)", ORIGIN, token));
        assertEquals(List.of(true), erc20(token, CONTRACT, "transfer(address,uint256)(bool)", ORIGIN, BigInteger.TEN));
        Log moved = state.logs().get(state.logs().size() - 1);
        assertEquals(token, moved.address());
        assertEquals(List.of(HederaSystemContracts.TRANSFER_EVENT, CONTRACT.toWord(), ORIGIN.toWord()), moved.topics());
        assertArrayEquals(UInt256.of(10).toBytes(), moved.data());
        assertEquals("INSUFFICIENT_TOKEN_BALANCE", erc20Reverts(token, CONTRACT, "transfer(address,uint256)(bool)", ORIGIN, BigInteger.valueOf(5000)));
        assertEquals(List.of(BigInteger.valueOf(990)), erc20(token, ALICE, "balanceOf(address)(uint256)", CONTRACT));

        assertEquals(List.of(true), erc20(token, CONTRACT, "approve(address,uint256)(bool)", ALICE, BigInteger.valueOf(7)));
        assertEquals(List.of(BigInteger.valueOf(7)), erc20(token, ORIGIN, "allowance(address,address)(uint256)", CONTRACT, ALICE));
        Log approval = state.logs().get(state.logs().size() - 1);
        assertEquals(List.of(HederaSystemContracts.APPROVAL_EVENT, CONTRACT.toWord(), ALICE.toWord()), approval.topics());
        assertArrayEquals(UInt256.of(7).toBytes(), approval.data());
        assertEquals("AMOUNT_EXCEEDS_ALLOWANCE", erc20Reverts(token, ALICE, "transferFrom(address,address,uint256)(bool)", CONTRACT, ORIGIN, BigInteger.valueOf(8)));
        assertEquals(List.of(true), erc20(token, ALICE, "transferFrom(address,address,uint256)(bool)", CONTRACT, ORIGIN, BigInteger.valueOf(7)));
        assertEquals(List.of(BigInteger.valueOf(17)), erc20(token, ALICE, "balanceOf(address)(uint256)", ORIGIN));
        assertEquals(List.of(BigInteger.ZERO), erc20(token, ALICE, "allowance(address,address)(uint256)", CONTRACT, ALICE));

        byte[] transfer = AbiFunction.parse("transfer(address,uint256)").encodeCall(List.of(ALICE, BigInteger.ONE));
        assertNull(HederaSystemContracts.TOKEN_FACADE.run(frame(token, CONTRACT, transfer, true)), "a static call cannot transfer");
    }

    @Test
    void redirectForTokenRunsTheFacade() {
        String redirect = "redirectForToken(address,bytes)(int64,bytes)";
        assertEquals("618dc65e", selector(redirect));
        Address token = (Address) call(HederaSystemContracts.HTS, CREATE_FT, token("Zed", CONTRACT, false, 0, List.of()), BigInteger.valueOf(1000), BigInteger.TWO).get(1);
        AbiFunction balanceOf = AbiFunction.parse("balanceOf(address)(uint256)");
        List<Object> out = call(HederaSystemContracts.HTS, redirect, token, balanceOf.encodeCall(List.of(CONTRACT)));
        assertEquals(code(ResponseCode.SUCCESS), out.get(0));
        assertEquals(List.of(BigInteger.valueOf(1000)), balanceOf.decodeOutput((byte[]) out.get(1)));
        assertEquals(code(ResponseCode.INVALID_TOKEN_ID), call(HederaSystemContracts.HTS, redirect, ALICE, balanceOf.encodeCall(List.of(CONTRACT))).get(0));

        byte[] approve = AbiFunction.parse("approve(address,uint256)").encodeCall(List.of(ALICE, BigInteger.TWO));
        assertEquals(code(ResponseCode.SUCCESS), call(HederaSystemContracts.HTS, redirect, token, approve).get(0));
        assertEquals(2, new HederaLedger(state, CONTRACT, ORIGIN, 1).allowanceOf(token, CONTRACT, ALICE));
        byte[] delegated = AbiFunction.parse("redirectForToken(address,bytes)").encodeCall(List.of(token, approve));
        Message viaDelegateCall = new Message(null, state, Environment.defaults(ORIGIN), CONTRACT, ORIGIN, HederaSystemContracts.HTS, UInt256.ZERO, delegated,
                        new byte[0], false, 1, 1_000_000);
        assertNull(contracts.get(HederaSystemContracts.HTS).run(viaDelegateCall), "DELEGATECALL cannot write through the facade");
    }

    @Test
    void associateTokensIsAllOrNothing() {
        Address token = (Address) call(HederaSystemContracts.HTS, CREATE_FT, token("Zed", CONTRACT, false, 0, List.of()), BigInteger.ONE, BigInteger.ZERO).get(1);
        // The second entry is no token: the first association is undone too.
        assertEquals(List.of(code(ResponseCode.INVALID_TOKEN_ID)), call(HederaSystemContracts.HTS, "associateTokens(address,address[])(int64)", ORIGIN, List.of(token, ALICE)));
        assertEquals(false, new HederaLedger(state, CONTRACT, ORIGIN, 1).isAssociated(token, ORIGIN));
        assertEquals(List.of(code(ResponseCode.SUCCESS)), call(HederaSystemContracts.HTS, "associateTokens(address,address[])(int64)", ORIGIN, List.of(token)));
    }

    @Test
    void outOfScopeFeaturesAreNotSupported() {
        List<Object> keyed = List.of(BigInteger.valueOf(16), List.of(false, NONE, new byte[32], new byte[0], NONE));
        assertEquals(List.of(code(ResponseCode.NOT_SUPPORTED), NONE), call(HederaSystemContracts.HTS, CREATE_FT, token("Zed", CONTRACT, false, 0, List.of(keyed)), BigInteger.ONE, BigInteger.ZERO));
    }

    static final String CRYPTO_TRANSFER = "cryptoTransfer(((address,int64,bool)[]),(address,(address,int64,bool)[],(address,address,int64,bool)[])[])(int64)";
    static final String CREATE_NFT = "createNonFungibleToken(" + HederaSystemContracts.HEDERA_TOKEN + ")(int64,address)";
    static final String MINT = "mintToken(address,int64,bytes[])(int64,int64,int64[])";

    static List<Object> aa(Address account, long amount, boolean approval) {
        return List.of(account, BigInteger.valueOf(amount), approval);
    }

    static List<Object> nftMove(Address from, Address to, long serial) {
        return List.of(from, to, BigInteger.valueOf(serial), false);
    }

    /** A token transfer list: fungible adjustments and NFT transfers of {@code token}. */
    static List<Object> tokenList(Address token, List<?> adjustments, List<?> nfts) {
        return List.of(token, adjustments, nfts);
    }

    /** cryptoTransfer v2's response code. */
    ResponseCode cryptoTransfer(List<?> hbar, List<?> tokenLists) {
        long code = ((BigInteger) call(HederaSystemContracts.HTS, CRYPTO_TRANSFER, List.of(hbar), tokenLists).get(0)).longValue();
        for (ResponseCode c : ResponseCode.values()) {
            if (c.code == code) {
                return c;
            }
        }
        throw new AssertionError("unknown response code " + code);
    }

    /** An NFT collection whose treasury and supply key is {@link #CONTRACT}, with serials 1..{@code serials} minted. */
    Address nftCollection(int serials) {
        Address nft = (Address) call(HederaSystemContracts.HTS, CREATE_NFT, token("Art", CONTRACT, false, 0, List.of(inherited(0b10001)))).get(1);
        for (int i = 1; i <= serials; i++) {
            call(HederaSystemContracts.HTS, MINT, nft, BigInteger.ZERO, List.of(("ipfs://" + i).getBytes(StandardCharsets.UTF_8)));
        }
        return nft;
    }

    @Test
    void cryptoTransferMovesHbarAndTokensAtomically() {
        assertEquals("0e71804f", selector(CRYPTO_TRANSFER));
        state.setBalance(CONTRACT, UInt256.of(1000));
        Address ft = (Address) call(HederaSystemContracts.HTS, CREATE_FT, token("Zed", CONTRACT, false, 0, List.of()), BigInteger.valueOf(100), BigInteger.ZERO).get(1);
        Address nft = nftCollection(2);
        call(HederaSystemContracts.HTS, "associateToken(address,address)(int64)", ORIGIN, ft);
        call(HederaSystemContracts.HTS, "associateToken(address,address)(int64)", ORIGIN, nft);
        HederaLedger ledger = new HederaLedger(state, CONTRACT, ORIGIN, 1);

        assertEquals(ResponseCode.SUCCESS, cryptoTransfer(List.of(aa(CONTRACT, -300, false), aa(ALICE, 100, false), aa(ORIGIN, 200, false)),
                        List.of(tokenList(ft, List.of(aa(CONTRACT, -40, false), aa(ORIGIN, 40, false)), List.of()), tokenList(nft, List.of(), List.of(nftMove(CONTRACT, ORIGIN, 1))))));
        assertEquals(700, state.getBalance(CONTRACT).w0());
        assertEquals(100, state.getBalance(ALICE).w0());
        assertEquals(200, state.getBalance(ORIGIN).w0());
        assertEquals(40, ledger.balanceOf(ft, ORIGIN));
        assertEquals(ORIGIN, ledger.ownerOf(nft, 1));

        // A failing NFT transfer undoes the hbar and token moves before it, and their events.
        int logs = state.logs().size();
        assertEquals(ResponseCode.SENDER_DOES_NOT_OWN_NFT_SERIAL_NO, cryptoTransfer(List.of(aa(CONTRACT, -50, false), aa(ALICE, 50, false)),
                        List.of(tokenList(ft, List.of(aa(CONTRACT, -5, false), aa(ORIGIN, 5, false)), List.of()), tokenList(nft, List.of(), List.of(nftMove(CONTRACT, ORIGIN, 1))))));
        assertEquals(700, state.getBalance(CONTRACT).w0());
        assertEquals(100, state.getBalance(ALICE).w0());
        assertEquals(40, ledger.balanceOf(ft, ORIGIN));
        assertEquals(logs, state.logs().size());

        List<Object> fine = tokenList(ft, List.of(aa(CONTRACT, -1, false), aa(ORIGIN, 1, false)), List.of());
        assertEquals(ResponseCode.INVALID_ACCOUNT_AMOUNTS, cryptoTransfer(List.of(aa(CONTRACT, -5, false), aa(ALICE, 4, false)), List.of(fine)));
        assertEquals(ResponseCode.TRANSFERS_NOT_ZERO_SUM_FOR_TOKEN, cryptoTransfer(List.of(), List.of(tokenList(ft, List.of(aa(CONTRACT, -2, false), aa(ORIGIN, 1, false)), List.of()))));
        assertEquals(ResponseCode.INSUFFICIENT_ACCOUNT_BALANCE, cryptoTransfer(List.of(aa(CONTRACT, -701, false), aa(ALICE, 701, false)), List.of(fine)));
        assertEquals(ResponseCode.SPENDER_DOES_NOT_HAVE_ALLOWANCE, cryptoTransfer(List.of(aa(ALICE, -1, false), aa(CONTRACT, 1, false)), List.of()), "ALICE did not sign");
        assertEquals(ResponseCode.SPENDER_DOES_NOT_HAVE_ALLOWANCE, cryptoTransfer(List.of(aa(CONTRACT, -1, true), aa(ALICE, 1, false)), List.of()));
        assertEquals(ResponseCode.ACCOUNT_REPEATED_IN_ACCOUNT_AMOUNTS, cryptoTransfer(List.of(aa(CONTRACT, -1, false), aa(CONTRACT, 1, false)), List.of()));
        assertEquals(ResponseCode.TOKEN_ID_REPEATED_IN_TOKEN_LIST, cryptoTransfer(List.of(), List.of(fine, fine)));
        assertEquals(ResponseCode.INVALID_TOKEN_ID, cryptoTransfer(List.of(), List.of(tokenList(ALICE, List.of(), List.of()))));
        assertEquals(ResponseCode.ACCOUNT_AMOUNT_TRANSFERS_ONLY_ALLOWED_FOR_FUNGIBLE_COMMON,
                        cryptoTransfer(List.of(), List.of(tokenList(nft, List.of(aa(CONTRACT, -1, false), aa(ORIGIN, 1, false)), List.of()))));
        assertEquals(ResponseCode.INVALID_NFT_ID, cryptoTransfer(List.of(), List.of(tokenList(ft, List.of(), List.of(nftMove(CONTRACT, ORIGIN, 2))))));
        assertEquals(ResponseCode.TOKEN_NOT_ASSOCIATED_TO_ACCOUNT, cryptoTransfer(List.of(), List.of(tokenList(nft, List.of(), List.of(nftMove(CONTRACT, ALICE, 2))))));
        assertEquals(700, state.getBalance(CONTRACT).w0());

        // A debit ALICE does not sign spends the allowance she gave the calling contract, flagged or not.
        HederaLedger alice = new HederaLedger(state, ALICE, ORIGIN, 1);
        alice.associate(ALICE, ft);
        ledger.transfer(ft, CONTRACT, ALICE, 10);
        alice.approve(ft, CONTRACT, 6);
        assertEquals(ResponseCode.AMOUNT_EXCEEDS_ALLOWANCE, cryptoTransfer(List.of(), List.of(tokenList(ft, List.of(aa(ALICE, -7, true), aa(ORIGIN, 7, false)), List.of()))));
        assertEquals(ResponseCode.SUCCESS, cryptoTransfer(List.of(), List.of(tokenList(ft, List.of(aa(ALICE, -4, true), aa(ORIGIN, 3, false), aa(CONTRACT, 1, false)), List.of()))));
        assertEquals(2, ledger.allowanceOf(ft, ALICE, CONTRACT));
        assertEquals(6, ledger.balanceOf(ft, ALICE));
        // isApproval makes even the calling contract's own debit spend an allowance, which it never gave itself.
        assertEquals(ResponseCode.SPENDER_DOES_NOT_HAVE_ALLOWANCE, cryptoTransfer(List.of(), List.of(tokenList(ft, List.of(aa(CONTRACT, -1, true), aa(ORIGIN, 1, false)), List.of()))));
    }

    @Test
    void cryptoTransferV1AndGasPerTransfer() {
        String v1 = "cryptoTransfer((address,(address,int64)[],(address,address,int64)[])[])(int64)";
        assertEquals("189a554c", selector(v1));
        Address ft = (Address) call(HederaSystemContracts.HTS, CREATE_FT, token("Zed", CONTRACT, false, 0, List.of()), BigInteger.valueOf(100), BigInteger.ZERO).get(1);
        call(HederaSystemContracts.HTS, "associateToken(address,address)(int64)", ORIGIN, ft);
        List<Object> list = List.of(ft, List.of(List.of(CONTRACT, BigInteger.valueOf(-9)), List.of(ORIGIN, BigInteger.valueOf(9))), List.of());
        assertEquals(List.of(code(ResponseCode.SUCCESS)), call(HederaSystemContracts.HTS, v1, List.of(list)));
        assertEquals(9, new HederaLedger(state, CONTRACT, ORIGIN, 1).balanceOf(ft, ORIGIN));

        PrecompiledContract hts = contracts.get(HederaSystemContracts.HTS);
        // As many transfers' gas as the equivalent transferToken/transferNFT calls: 300 goes to two accounts, 5 from two, one NFT.
        byte[] four = AbiFunction.parse(CRYPTO_TRANSFER).encodeCall(List.of(List.of(List.of(aa(CONTRACT, -300, false), aa(ALICE, 100, false), aa(ORIGIN, 200, false))),
                        List.of(tokenList(ft, List.of(aa(CONTRACT, -3, false), aa(ALICE, -2, false), aa(ORIGIN, 5, false)), List.of()),
                                        tokenList(ALICE, List.of(), List.of(nftMove(CONTRACT, ORIGIN, 1))))));
        assertEquals(5 * Opcode.HTS_TRANSFER.baseGas, hts.gas(four));
        assertEquals(Opcode.HTS_TRANSFER.baseGas, hts.gas(AbiFunction.parse(CRYPTO_TRANSFER).encodeCall(List.of(List.of(List.of()), List.of()))));
        assertEquals(Opcode.HTS_TRANSFER.baseGas, hts.gas(AbiFunction.parse(v1).encodeCall(List.of(List.of(list)))));
    }

    /** The ERC-721 facade call's outputs, or the Error(string) reason it reverts with (a string). */
    Object erc721(Address nft, Address caller, String signature, Object... args) {
        try {
            List<Object> out = erc20(nft, caller, signature, args);
            return out == null ? null : out.size() == 1 ? out.get(0) : out;
        } catch (PrecompiledContract.Reverted r) {
            return "revert " + RevertReason.decode(r.data, null).message();
        }
    }

    @Test
    void eventTopicsAreTheStandardOnes() {
        assertEquals("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", HederaSystemContracts.TRANSFER_EVENT.toHex32());
        assertEquals("0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925", HederaSystemContracts.APPROVAL_EVENT.toHex32());
        assertEquals("0x17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31", HederaSystemContracts.APPROVAL_FOR_ALL_EVENT.toHex32());
    }

    @Test
    void erc721FacadeOnTheNftAddress() {
        Address nft = nftCollection(2);
        assertEquals("Art", erc721(nft, ALICE, "name()(string)"));
        assertEquals("SYM", erc721(nft, ALICE, "symbol()(string)"));
        assertEquals(BigInteger.TWO, erc721(nft, ALICE, "totalSupply()(uint256)"));
        assertEquals(BigInteger.TWO, erc721(nft, ALICE, "balanceOf(address)(uint256)", CONTRACT));
        assertEquals(CONTRACT, erc721(nft, ALICE, "ownerOf(uint256)(address)", BigInteger.ONE));
        assertEquals("ipfs://2", erc721(nft, ALICE, "tokenURI(uint256)(string)", BigInteger.TWO));
        assertEquals("revert INVALID_NFT_ID", erc721(nft, ALICE, "ownerOf(uint256)(address)", BigInteger.valueOf(9)));
        assertEquals("revert INVALID_NFT_ID", erc721(nft, ALICE, "tokenURI(uint256)(string)", BigInteger.ZERO));
        assertEquals(NONE, erc721(nft, ALICE, "getApproved(uint256)(address)", BigInteger.ONE));

        assertEquals("revert TOKEN_NOT_ASSOCIATED_TO_ACCOUNT", erc721(nft, CONTRACT, "transferFrom(address,address,uint256)()", CONTRACT, ORIGIN, BigInteger.ONE));
        assertEquals(List.of(code(ResponseCode.SUCCESS)), call(HederaSystemContracts.HTS, "associateToken(address,address)(int64)", ORIGIN, nft));
        assertEquals("revert SENDER_DOES_NOT_OWN_NFT_SERIAL_NO", erc721(nft, ALICE, "approve(address,uint256)()", ALICE, BigInteger.ONE));

        int logs = state.logs().size();
        assertEquals(List.of(), erc721(nft, CONTRACT, "approve(address,uint256)()", ALICE, BigInteger.ONE));
        assertEquals(ALICE, erc721(nft, ALICE, "getApproved(uint256)(address)", BigInteger.ONE));
        Log approval = state.logs().get(state.logs().size() - 1);
        assertEquals(nft, approval.address());
        assertEquals(List.of(HederaSystemContracts.APPROVAL_EVENT, CONTRACT.toWord(), ALICE.toWord(), UInt256.ONE), approval.topics());
        assertEquals(logs + 2, state.logs().size(), "the ledger's HtsApprove and ERC-721's Approval");

        assertEquals(List.of(), erc721(nft, ALICE, "transferFrom(address,address,uint256)()", CONTRACT, ORIGIN, BigInteger.ONE));
        Log transfer = state.logs().get(state.logs().size() - 1);
        assertEquals(List.of(HederaSystemContracts.TRANSFER_EVENT, CONTRACT.toWord(), ORIGIN.toWord(), UInt256.ONE), transfer.topics());
        assertEquals(ORIGIN, erc721(nft, ALICE, "ownerOf(uint256)(address)", BigInteger.ONE));
        assertEquals(NONE, erc721(nft, ALICE, "getApproved(uint256)(address)", BigInteger.ONE), "the transfer cleared the approval");
        assertEquals("revert SPENDER_DOES_NOT_HAVE_ALLOWANCE", erc721(nft, ALICE, "transferFrom(address,address,uint256)()", CONTRACT, ORIGIN, BigInteger.TWO));

        assertEquals(List.of(), erc721(nft, CONTRACT, "setApprovalForAll(address,bool)()", ALICE, true));
        Log all = state.logs().get(state.logs().size() - 1);
        assertEquals(List.of(HederaSystemContracts.APPROVAL_FOR_ALL_EVENT, CONTRACT.toWord(), ALICE.toWord()), all.topics());
        assertArrayEquals(UInt256.ONE.toBytes(), all.data());
        assertEquals(true, erc721(nft, ORIGIN, "isApprovedForAll(address,address)(bool)", CONTRACT, ALICE));
        assertEquals(List.of(), erc721(nft, ALICE, "transferFrom(address,address,uint256)()", CONTRACT, ORIGIN, BigInteger.TWO));
        assertEquals(BigInteger.TWO, erc721(nft, ALICE, "balanceOf(address)(uint256)", ORIGIN));

        // The standards share selectors: the token's type decides, the other standard's functions are refused.
        assertEquals("revert NOT_SUPPORTED", erc721(nft, CONTRACT, "transfer(address,uint256)(bool)", ORIGIN, BigInteger.ONE));
        assertEquals("revert NOT_SUPPORTED", erc721(nft, CONTRACT, "decimals()(uint8)"));
        Address ft = (Address) call(HederaSystemContracts.HTS, CREATE_FT, token("Zed", CONTRACT, false, 0, List.of()), BigInteger.TEN, BigInteger.ZERO).get(1);
        assertEquals("revert NOT_SUPPORTED", erc721(ft, CONTRACT, "ownerOf(uint256)(address)", BigInteger.ONE));
        byte[] approveFt = AbiFunction.parse("approve(address,uint256)").encodeCall(List.of(ALICE, BigInteger.ONE));
        assertEquals(Opcode.HTS_APPROVE.baseGas, HederaSystemContracts.TOKEN_FACADE.gas(approveFt));
        byte[] transferFrom = AbiFunction.parse("transferFrom(address,address,uint256)").encodeCall(List.of(ORIGIN, CONTRACT, BigInteger.ONE));
        assertNull(HederaSystemContracts.TOKEN_FACADE.run(frame(nft, CONTRACT, transferFrom, true)), "a static call cannot transfer");
        assertNull(HederaSystemContracts.TOKEN_FACADE.run(frame(nft, CONTRACT, AbiFunction.parse("safeTransferFrom(address,address,uint256)").encodeCall(
                        List.of(ORIGIN, CONTRACT, BigInteger.ONE)), false)), "Hedera's facade has no safeTransferFrom");

        String redirect = "redirectForToken(address,bytes)(int64,bytes)";
        AbiFunction ownerOf = AbiFunction.parse("ownerOf(uint256)(address)");
        List<Object> out = call(HederaSystemContracts.HTS, redirect, nft, ownerOf.encodeCall(List.of(BigInteger.TWO)));
        assertEquals(List.of(ORIGIN), ownerOf.decodeOutput((byte[]) out.get(1)));
    }

    @Test
    void nftApprovalFunctionsOfTheTokenService() {
        Address nft = nftCollection(1);
        assertEquals(List.of(code(ResponseCode.SUCCESS)), call(HederaSystemContracts.HTS, "setApprovalForAll(address,address,bool)(int64)", nft, ALICE, true));
        assertEquals(List.of(code(ResponseCode.SUCCESS), true), call(HederaSystemContracts.HTS, "isApprovedForAll(address,address,address)(int64,bool)", nft, CONTRACT, ALICE));
        assertEquals(List.of(code(ResponseCode.INVALID_TOKEN_ID), false), call(HederaSystemContracts.HTS, "isApprovedForAll(address,address,address)(int64,bool)", ALICE, CONTRACT, ALICE));
        assertEquals(List.of(code(ResponseCode.SUCCESS), NONE), call(HederaSystemContracts.HTS, "getApproved(address,uint256)(int64,address)", nft, BigInteger.ONE));
        assertEquals("367605ca", selector("setApprovalForAll(address,address,bool)"));
        assertEquals("f49f40db", selector("isApprovedForAll(address,address,address)"));
        assertEquals("098f2366", selector("getApproved(address,uint256)"));
    }

    @Test
    void callsThatFail() {
        PrecompiledContract hts = contracts.get(HederaSystemContracts.HTS);
        byte[] associate = AbiFunction.parse("associateToken(address,address)").encodeCall(List.of(CONTRACT, ALICE));
        assertNull(hts.run(frame(HederaSystemContracts.HTS, CONTRACT, associate, true)), "a state change in a static call");
        Message delegated = new Message(null, state, Environment.defaults(ORIGIN), CONTRACT, ORIGIN, HederaSystemContracts.HTS, UInt256.ZERO, associate, new byte[0], false, 1, 1_000_000);
        assertNull(hts.run(delegated), "DELEGATECALL");
        assertNull(hts.run(frame(HederaSystemContracts.HTS, CONTRACT, new byte[]{1, 2, 3, 4}, false)), "unknown selector");
        assertNull(hts.run(frame(HederaSystemContracts.HTS, CONTRACT, java.util.Arrays.copyOf(associate, 20), false)), "short arguments");
        assertEquals(Opcode.HTS_ASSOCIATE.baseGas, hts.gas(associate));
        // A query is fine in a static call.
        byte[] isToken = AbiFunction.parse("isToken(address)").encodeCall(List.of(ALICE));
        assertEquals(64, hts.run(frame(HederaSystemContracts.HTS, CONTRACT, isToken, true)).length);
    }

    @Test
    void exchangeRateAndPrng() {
        assertEquals(List.of(BigInteger.valueOf(6)), call(HederaSystemContracts.EXCHANGE_RATE, "tinycentsToTinybars(uint256)(uint256)", BigInteger.valueOf(91)));
        assertEquals(List.of(BigInteger.valueOf(1365)), call(HederaSystemContracts.EXCHANGE_RATE, "tinybarsToTinycents(uint256)(uint256)", BigInteger.valueOf(91)));
        Prng prng = new Prng("seed".getBytes(StandardCharsets.UTF_8));
        byte[] seed = AbiFunction.parse("getPseudorandomSeed()").encodeCall(List.of());
        PrecompiledContract p = contracts.get(HederaSystemContracts.PRNG);
        assertArrayEquals(prng.draw(0), p.run(frame(HederaSystemContracts.PRNG, CONTRACT, seed, true)), "a static call does not advance");
        assertArrayEquals(prng.draw(0), p.run(frame(HederaSystemContracts.PRNG, CONTRACT, seed, false)));
        assertArrayEquals(prng.draw(1), p.run(frame(HederaSystemContracts.PRNG, CONTRACT, seed, false)));
    }
}
