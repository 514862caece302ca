// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.hedera;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import org.zvm.abi.RevertReason;
import org.zvm.crypto.Hashes;
import org.zvm.hedera.EntityId;
import org.zvm.hedera.HederaConfig;
import org.zvm.hedera.HederaLedger;
import org.zvm.hedera.HederaLedger.Outcome;
import org.zvm.hedera.HederaLedger.TokenKind;
import org.zvm.hedera.HederaLedger.TokenSpec;
import org.zvm.hedera.ResponseCode;
import org.zvm.opcode.Opcode;
import org.zvm.runtime.Address;
import org.zvm.runtime.Message;
import org.zvm.runtime.PrecompiledContract;
import org.zvm.runtime.UInt256;
import org.zvm.state.Log;
import org.zvm.state.WorldState;

/**
 * Hedera's system contracts for EVM code (ecosystem-facts.md §1): the Hedera Token Service at 0x167 with
 * the IHederaTokenService functions (v3 signatures: int64 amounts), the exchange rate at 0x168 (HIP-475)
 * and the PRNG at 0x169 (HIP-351). HTS functions act on the {@link HederaLedger} with the calling
 * contract as operator and return a response code as their first result: a failure is a code, not a
 * revert. Features out of scope offline (custom fees) return NOT_SUPPORTED (13). Gas is the matching
 * native opcode's base cost, so both paths cost the same; cryptoTransfer costs its single transfers.
 */
public final class HederaSystemContracts {
    public static final Address HTS = HederaLedger.ADDRESS;
    public static final Address EXCHANGE_RATE = EntityId.num(0x168).toAddress();
    public static final Address PRNG = EntityId.num(0x169).toAddress();

    /** Gas of a read-only HTS query (a warm storage read). */
    static final long QUERY_GAS = 100;

    /** IHederaTokenService's HederaToken struct (v3). */
    static final String HEDERA_TOKEN = "(string name,string symbol,address treasury,string memo,bool tokenSupplyType,int64 maxSupply,bool freezeDefault,"
                    + "(uint256 keyType,(bool inheritAccountKey,address contractId,bytes ed25519,bytes ECDSA_secp256k1,address delegatableContractId) key)[] tokenKeys,"
                    + "(int64 second,address autoRenewAccount,int64 autoRenewPeriod) expiry)";
    static final String FIXED_FEE = "(int64 amount,address tokenId,bool useHbarsForPayment,bool useCurrentTokenForPayment,address feeCollector)";
    static final String FRACTIONAL_FEE = "(int64 numerator,int64 denominator,int64 minimumAmount,int64 maximumAmount,bool netOfTransfers,address feeCollector)";
    static final String ROYALTY_FEE = "(int64 numerator,int64 denominator,int64 amount,address tokenId,bool useHbarsForPayment,address feeCollector)";

    /** IHederaTokenService's TokenInfo struct (v3). */
    static final String TOKEN_INFO = "(" + HEDERA_TOKEN + " token,int64 totalSupply,bool deleted,bool defaultKycStatus,bool pauseStatus,"
                    + FIXED_FEE + "[] fixedFees," + FRACTIONAL_FEE + "[] fractionalFees," + ROYALTY_FEE + "[] royaltyFees,string ledgerId)";
    /** The ledger id TokenInfo reports: previewnet's, as a local network has none of its own. */
    static final String LEDGER_ID = "0x03";

    private static final Address NONE = HederaLedger.NONE;

    /** IHederaTokenService's AccountAmount (v2 with isApproval) and NftTransfer, and the v1 forms without it. */
    static final String ACCOUNT_AMOUNT = "(address accountID,int64 amount,bool isApproval)";
    static final String NFT_TRANSFER = "(address senderAccountID,address receiverAccountID,int64 serialNumber,bool isApproval)";
    static final String TOKEN_TRANSFER_LIST = "(address token," + ACCOUNT_AMOUNT + "[] transfers," + NFT_TRANSFER + "[] nftTransfers)";
    static final String TOKEN_TRANSFER_LIST_V1 = "(address token,(address accountID,int64 amount)[] transfers,"
                    + "(address senderAccountID,address receiverAccountID,int64 serialNumber)[] nftTransfers)";

    /** The ERC-20 and ERC-721 events as Hedera's facade emits them (hedera-services AbiConstants): the same topics, ERC-721 indexes the tokenId. */
    static final UInt256 TRANSFER_EVENT = eventTopic("Transfer(address,address,uint256)");
    static final UInt256 APPROVAL_EVENT = eventTopic("Approval(address,address,uint256)");
    static final UInt256 APPROVAL_FOR_ALL_EVENT = eventTopic("ApprovalForAll(address,address,bool)");
    /** What the ERC-20 facade's writes return. */
    private static final List<Object> TRUE = List.of(true);

    /**
     * Hedera's ERC-20 facade: ERC-20 calls to a fungible token's address act on the ledger for that token
     * with the caller as operator (the owner in transfer and approve, the spender in transferFrom). A
     * write that the ledger refuses reverts, naming the response code.
     */
    static final SystemContract ERC20 = new SystemContract()
                    .add("name()(string)", QUERY_GAS, false, (a, f) -> List.of(ledger(f).name(f.codeAddress)))
                    .add("symbol()(string)", QUERY_GAS, false, (a, f) -> List.of(ledger(f).symbol(f.codeAddress)))
                    .add("decimals()(uint8)", QUERY_GAS, false, (a, f) -> List.of(ledger(f).decimals(f.codeAddress)))
                    .add("totalSupply()(uint256)", QUERY_GAS, false, (a, f) -> List.of(ledger(f).totalSupply(f.codeAddress)))
                    .add("balanceOf(address account)(uint256)", QUERY_GAS, false, (a, f) -> List.of(ledger(f).balanceOf(f.codeAddress, address(a, 0))))
                    .add("allowance(address owner,address spender)(uint256)", QUERY_GAS, false,
                                    (a, f) -> List.of(ledger(f).allowanceOf(f.codeAddress, address(a, 0), address(a, 1))))
                    .add("transfer(address to,uint256 amount)(bool)", Opcode.HTS_TRANSFER.baseGas, true,
                                    (a, f) -> facadeWrite(f, l -> l.transfer(f.codeAddress, f.caller, address(a, 0), int64(a.get(1))),
                                                    List.of(TRANSFER_EVENT, f.caller.toWord(), address(a, 0).toWord()), UInt256.of(int64(a.get(1))).toBytes(), TRUE))
                    .add("transferFrom(address from,address to,uint256 amount)(bool)", Opcode.HTS_TRANSFER.baseGas, true,
                                    (a, f) -> facadeWrite(f, l -> l.transfer(f.codeAddress, address(a, 0), address(a, 1), int64(a.get(2))),
                                                    List.of(TRANSFER_EVENT, address(a, 0).toWord(), address(a, 1).toWord()), UInt256.of(int64(a.get(2))).toBytes(), TRUE))
                    .add("approve(address spender,uint256 amount)(bool)", Opcode.HTS_APPROVE.baseGas, true,
                                    (a, f) -> facadeWrite(f, l -> l.approve(f.codeAddress, address(a, 0), int64(a.get(1))),
                                                    List.of(APPROVAL_EVENT, f.caller.toWord(), address(a, 0).toWord()), UInt256.of(int64(a.get(1))).toBytes(), TRUE));

    /**
     * Hedera's ERC-721 facade on an NFT's address (the functions docs.hedera.com lists as supported): the
     * tokenId is the serial number, the caller the operator. A query about a serial that does not exist
     * and a write the ledger refuses revert, naming the response code; writes emit ERC-721's events from
     * the token's address, as Hedera does. The functions shared with ERC-20 cost the same in both tables.
     */
    static final SystemContract ERC721 = new SystemContract()
                    .add("name()(string)", QUERY_GAS, false, (a, f) -> List.of(ledger(f).name(f.codeAddress)))
                    .add("symbol()(string)", QUERY_GAS, false, (a, f) -> List.of(ledger(f).symbol(f.codeAddress)))
                    .add("totalSupply()(uint256)", QUERY_GAS, false, (a, f) -> List.of(ledger(f).totalSupply(f.codeAddress)))
                    .add("balanceOf(address owner)(uint256)", QUERY_GAS, false, (a, f) -> List.of(ledger(f).balanceOf(f.codeAddress, address(a, 0))))
                    .add("ownerOf(uint256 tokenId)(address)", QUERY_GAS, false, (a, f) -> List.of(owner(f, a.get(0))))
                    .add("tokenURI(uint256 tokenId)(string)", QUERY_GAS, false, (a, f) -> {
                        owner(f, a.get(0));
                        return List.of(new String(ledger(f).metadata(f.codeAddress, int64(a.get(0))), StandardCharsets.UTF_8));
                    })
                    .add("getApproved(uint256 tokenId)(address)", QUERY_GAS, false, (a, f) -> {
                        owner(f, a.get(0));
                        return List.of(ledger(f).approvedSpender(f.codeAddress, int64(a.get(0))));
                    })
                    .add("isApprovedForAll(address owner,address operator)(bool)", QUERY_GAS, false,
                                    (a, f) -> List.of(ledger(f).isApprovedForAll(f.codeAddress, address(a, 0), address(a, 1))))
                    .add("approve(address to,uint256 tokenId)()", Opcode.HTS_APPROVE.baseGas, true,
                                    (a, f) -> facadeWrite(f, l -> l.approve(f.codeAddress, address(a, 0), int64(a.get(1))),
                                                    List.of(APPROVAL_EVENT, owner(f, a.get(1)).toWord(), address(a, 0).toWord(), UInt256.of(int64(a.get(1)))), new byte[0], List.of()))
                    .add("setApprovalForAll(address operator,bool approved)()", Opcode.HTS_APPROVE.baseGas, true,
                                    (a, f) -> facadeWrite(f, l -> l.approveForAll(f.codeAddress, address(a, 0), (Boolean) a.get(1)),
                                                    List.of(APPROVAL_FOR_ALL_EVENT, f.caller.toWord(), address(a, 0).toWord()), UInt256.of((Boolean) a.get(1) ? 1 : 0).toBytes(), List.of()))
                    .add("transferFrom(address from,address to,uint256 tokenId)()", Opcode.HTS_TRANSFER.baseGas, true,
                                    (a, f) -> facadeWrite(f, l -> l.transfer(f.codeAddress, address(a, 0), address(a, 1), int64(a.get(2))),
                                                    List.of(TRANSFER_EVENT, address(a, 0).toWord(), address(a, 1).toWord(), UInt256.of(int64(a.get(2)))), new byte[0], List.of()));

    /** The facade at every token's address: ERC-20 for a fungible token, ERC-721 for an NFT. */
    public static final PrecompiledContract TOKEN_FACADE = new TokenFacade(ERC20, ERC721);

    private HederaSystemContracts() {
    }

    /** The system contracts when {@code hedera} enables them, else none; sorted by address. */
    public static Map<Address, PrecompiledContract> of(HederaConfig hedera) {
        if (!hedera.systemContracts()) {
            return Map.of();
        }
        SortedMap<Address, PrecompiledContract> m = new TreeMap<>();
        m.put(HTS, hts());
        m.put(EXCHANGE_RATE, new SystemContract()
                        .add("tinycentsToTinybars(uint256 tinycents)(uint256)", QUERY_GAS, false, (a, f) -> List.of(hedera.rate().tinycentsToTinybars((BigInteger) a.get(0))))
                        .add("tinybarsToTinycents(uint256 tinybars)(uint256)", QUERY_GAS, false, (a, f) -> List.of(hedera.rate().tinybarsToTinycents((BigInteger) a.get(0)))));
        m.put(PRNG, new SystemContract()
                        .add("getPseudorandomSeed()(bytes32)", QUERY_GAS, false, (a, f) -> List.of(ledger(f).pseudorandomSeed(hedera.prng(), !f.isStatic))));
        return Collections.unmodifiableSortedMap(m);
    }

    static SystemContract hts() {
        return new SystemContract()
                        .add("transferToken(address token,address sender,address recipient,int64 amount)(int64)", Opcode.HTS_TRANSFER.baseGas, true,
                                        (a, f) -> code(ledger(f).transfer(address(a, 0), address(a, 1), address(a, 2), int64(a.get(3)))))
                        .add("transferNFT(address token,address sender,address recipient,int64 serialNumber)(int64)", Opcode.HTS_TRANSFER.baseGas, true,
                                        (a, f) -> code(ledger(f).transfer(address(a, 0), address(a, 1), address(a, 2), int64(a.get(3)))))
                        .add("transferFrom(address token,address from,address to,uint256 amount)(int64)", Opcode.HTS_TRANSFER.baseGas, true,
                                        (a, f) -> code(ledger(f).transfer(address(a, 0), address(a, 1), address(a, 2), int64(a.get(3)))))
                        .add("transferFromNFT(address token,address from,address to,uint256 serialNumber)(int64)", Opcode.HTS_TRANSFER.baseGas, true,
                                        (a, f) -> code(ledger(f).transfer(address(a, 0), address(a, 1), address(a, 2), int64(a.get(3)))))
                        .add("transferTokens(address token,address[] accountId,int64[] amount)(int64)", Opcode.HTS_TRANSFER.baseGas, true,
                                        HederaSystemContracts::transferTokens)
                        .add("transferNFTs(address token,address[] sender,address[] receiver,int64[] serialNumber)(int64)", Opcode.HTS_TRANSFER.baseGas, true,
                                        HederaSystemContracts::transferNfts)
                        .add("mintToken(address token,int64 amount,bytes[] metadata)(int64,int64,int64[])", Opcode.HTS_MINT.baseGas, true, (a, f) -> {
                            List<byte[]> metadata = new ArrayList<>();
                            for (Object m : (List<?>) a.get(2)) {
                                metadata.add((byte[]) m);
                            }
                            return withResults(ledger(f).mint(address(a, 0), int64(a.get(1)), metadata));
                        })
                        .add("burnToken(address token,int64 amount,int64[] serialNumbers)(int64,int64)", Opcode.HTS_BURN.baseGas, true, (a, f) -> {
                            List<Long> serials = new ArrayList<>();
                            for (Object s : (List<?>) a.get(2)) {
                                serials.add(int64(s));
                            }
                            return withResults(ledger(f).burn(address(a, 0), int64(a.get(1)), serials));
                        })
                        .add("associateToken(address account,address token)(int64)", Opcode.HTS_ASSOCIATE.baseGas, true,
                                        (a, f) -> code(ledger(f).associate(address(a, 0), address(a, 1))))
                        .add("associateTokens(address account,address[] tokens)(int64)", Opcode.HTS_ASSOCIATE.baseGas, true,
                                        (a, f) -> eachToken(a, f, HederaLedger::associate))
                        .add("dissociateToken(address account,address token)(int64)", Opcode.HTS_DISSOCIATE.baseGas, true,
                                        (a, f) -> code(ledger(f).dissociate(address(a, 0), address(a, 1))))
                        .add("dissociateTokens(address account,address[] tokens)(int64)", Opcode.HTS_DISSOCIATE.baseGas, true,
                                        (a, f) -> eachToken(a, f, HederaLedger::dissociate))
                        .add("approve(address token,address spender,uint256 amount)(int64)", Opcode.HTS_APPROVE.baseGas, true,
                                        (a, f) -> code(ledger(f).approve(address(a, 0), address(a, 1), int64(a.get(2)))))
                        .add("approveNFT(address token,address approved,uint256 serialNumber)(int64)", Opcode.HTS_APPROVE.baseGas, true,
                                        (a, f) -> code(ledger(f).approve(address(a, 0), address(a, 1), int64(a.get(2)))))
                        .add("allowance(address token,address owner,address spender)(int64,uint256)", QUERY_GAS, false,
                                        (a, f) -> query(a, BigInteger.ZERO, l -> BigInteger.valueOf(l.allowanceOf(address(a, 0), address(a, 1), address(a, 2))), f))
                        .add("createFungibleToken(" + HEDERA_TOKEN + " token,int64 initialTotalSupply,int32 decimals)(int64,address)", Opcode.HTS_CREATE.baseGas, true,
                                        (a, f) -> create(a, f, false, int64(a.get(1)), int64(a.get(2))))
                        .add("createNonFungibleToken(" + HEDERA_TOKEN + " token)(int64,address)", Opcode.HTS_CREATE.baseGas, true,
                                        (a, f) -> create(a, f, true, 0, 0))
                        .add("freezeToken(address token,address account)(int64)", Opcode.HTS_APPROVE.baseGas, true,
                                        (a, f) -> code(ledger(f).freeze(address(a, 0), address(a, 1), true)))
                        .add("unfreezeToken(address token,address account)(int64)", Opcode.HTS_APPROVE.baseGas, true,
                                        (a, f) -> code(ledger(f).freeze(address(a, 0), address(a, 1), false)))
                        .add("grantTokenKyc(address token,address account)(int64)", Opcode.HTS_APPROVE.baseGas, true,
                                        (a, f) -> code(ledger(f).kyc(address(a, 0), address(a, 1), true)))
                        .add("revokeTokenKyc(address token,address account)(int64)", Opcode.HTS_APPROVE.baseGas, true,
                                        (a, f) -> code(ledger(f).kyc(address(a, 0), address(a, 1), false)))
                        .add("pauseToken(address token)(int64)", Opcode.HTS_APPROVE.baseGas, true, (a, f) -> code(ledger(f).pause(address(a, 0), true)))
                        .add("unpauseToken(address token)(int64)", Opcode.HTS_APPROVE.baseGas, true, (a, f) -> code(ledger(f).pause(address(a, 0), false)))
                        .add("isFrozen(address token,address account)(int64,bool)", QUERY_GAS, false,
                                        (a, f) -> query(a, false, l -> l.isFrozen(address(a, 0), address(a, 1)), f))
                        .add("isKyc(address token,address account)(int64,bool)", QUERY_GAS, false,
                                        (a, f) -> query(a, false, l -> l.isKycGranted(address(a, 0), address(a, 1)), f))
                        .add("isToken(address token)(int64,bool)", QUERY_GAS, false,
                                        (a, f) -> List.of((long) ResponseCode.SUCCESS.code, ledger(f).isToken(address(a, 0))))
                        .add("getTokenType(address token)(int64,int32)", QUERY_GAS, false,
                                        (a, f) -> query(a, 0L, l -> l.tokenKind(address(a, 0)) == TokenKind.NON_FUNGIBLE ? 1L : 0L, f))
                        .add("getFungibleTokenInfo(address token)(int64,(" + TOKEN_INFO + " tokenInfo,int32 decimals))", QUERY_GAS, false,
                                        (a, f) -> query(a, NO_TOKEN_INFO, l -> fungibleTokenInfo(l, address(a, 0)), f))
                        .add("redirectForToken(address token,bytes encodedFunctionSelector)(int64,bytes)", Opcode.HTS_TRANSFER.baseGas, false,
                                        HederaSystemContracts::redirectForToken)
                        .add("cryptoTransfer((" + ACCOUNT_AMOUNT + "[] transfers) transferList," + TOKEN_TRANSFER_LIST + "[] tokenTransfers)(int64)",
                                        Opcode.HTS_TRANSFER.baseGas, a -> CryptoTransfer.gas((List<?>) ((List<?>) a.get(0)).get(0), (List<?>) a.get(1)), true,
                                        (a, f) -> CryptoTransfer.run((List<?>) ((List<?>) a.get(0)).get(0), (List<?>) a.get(1), f))
                        .add("cryptoTransfer(" + TOKEN_TRANSFER_LIST_V1 + "[] tokenTransfers)(int64)",
                                        Opcode.HTS_TRANSFER.baseGas, a -> CryptoTransfer.gas(List.of(), (List<?>) a.get(0)), true,
                                        (a, f) -> CryptoTransfer.run(List.of(), (List<?>) a.get(0), f))
                        .add("setApprovalForAll(address token,address operator,bool approved)(int64)", Opcode.HTS_APPROVE.baseGas, true,
                                        (a, f) -> code(ledger(f).approveForAll(address(a, 0), address(a, 1), (Boolean) a.get(2))))
                        .add("isApprovedForAll(address token,address owner,address operator)(int64,bool)", QUERY_GAS, false,
                                        (a, f) -> query(a, false, l -> l.isApprovedForAll(address(a, 0), address(a, 1), address(a, 2)), f))
                        .add("getApproved(address token,uint256 serialNumber)(int64,address)", QUERY_GAS, false,
                                        (a, f) -> query(a, NONE, l -> l.approvedSpender(address(a, 0), int64(a.get(1))), f))
                        .add("createFungibleTokenWithCustomFees(" + HEDERA_TOKEN + " token,int64 initialTotalSupply,int32 decimals," + FIXED_FEE + "[] fixedFees,"
                                        + FRACTIONAL_FEE + "[] fractionalFees)(int64,address)", Opcode.HTS_CREATE.baseGas, true, (a, f) -> notSupported(2))
                        .add("createNonFungibleTokenWithCustomFees(" + HEDERA_TOKEN + " token," + FIXED_FEE + "[] fixedFees," + ROYALTY_FEE + "[] royaltyFees)(int64,address)",
                                        Opcode.HTS_CREATE.baseGas, true, (a, f) -> notSupported(2));
    }

    static HederaLedger ledger(Message f) {
        return new HederaLedger(f.state, f.caller, f.env.origin(), f.env.timestamp());
    }

    static Address address(List<Object> args, int i) {
        return (Address) args.get(i);
    }

    /** An ABI integer as a Hedera int64; a value beyond int64 becomes -1, which every operation rejects. */
    static long int64(Object v) {
        BigInteger b = (BigInteger) v;
        return b.bitLength() <= 63 ? b.longValue() : -1;
    }

    static List<Object> code(ResponseCode c) {
        return List.of((long) c.code);
    }

    static List<Object> code(Outcome o) {
        return code(o.code());
    }

    static List<Object> withResults(Outcome o) {
        List<Object> out = new ArrayList<>();
        out.add((long) o.code().code);
        out.addAll(o.results());
        return out;
    }

    /** NOT_SUPPORTED and {@code zeros} zero results (all int64 or address words, encoded alike). */
    static List<Object> notSupported(int outputs) {
        List<Object> out = new ArrayList<>();
        out.add((long) ResponseCode.NOT_SUPPORTED.code);
        for (int i = 1; i < outputs; i++) {
            out.add(NONE);
        }
        return out;
    }

    /** A query about the token in argument 0: INVALID_TOKEN_ID and a zero value when it is no token. */
    static List<Object> query(List<Object> args, Object zero, Function<HederaLedger, Object> value, Message f) {
        HederaLedger l = ledger(f);
        if (!l.isToken(address(args, 0))) {
            return List.of((long) ResponseCode.INVALID_TOKEN_ID.code, zero);
        }
        return List.of((long) ResponseCode.SUCCESS.code, value.apply(l));
    }

    /** A failed getFungibleTokenInfo's zeroed FungibleTokenInfo. */
    static final List<Object> NO_TOKEN_INFO = List.of(List.of(List.of("", "", NONE, "", false, 0L, false, List.of(), List.of(0L, NONE, 0L)),
                    0L, false, false, false, List.of(), List.of(), List.of(), ""), 0L);

    /**
     * FungibleTokenInfo{TokenInfo, decimals} of {@code token} as the ledger knows it. Each key is reported
     * alone under its own key-type bit, as a contract id; the ledger keeps no expiry, no deletion and no
     * custom fees, so those are zero and empty. Without a KYC key accounts are granted KYC by default.
     */
    static List<Object> fungibleTokenInfo(HederaLedger l, Address token) {
        List<Object> keys = new ArrayList<>();
        Address[] byBit = l.keys(token);
        for (int bit = 0; bit < byBit.length; bit++) {
            if (!byBit[bit].equals(NONE)) {
                keys.add(List.of(BigInteger.ONE.shiftLeft(bit), List.of(false, byBit[bit], new byte[0], new byte[0], NONE)));
            }
        }
        long maxSupply = l.maxSupply(token);
        List<Object> hederaToken = List.of(l.name(token), l.symbol(token), l.treasury(token), l.memo(token), maxSupply > 0, maxSupply,
                        l.freezeDefault(token), keys, List.of(0L, NONE, 0L));
        List<Object> tokenInfo = List.of(hederaToken, l.totalSupply(token), false, byBit[1].equals(NONE), l.isPaused(token),
                        List.of(), List.of(), List.of(), LEDGER_ID);
        return List.of(tokenInfo, l.decimals(token));
    }

    /**
     * A facade write on the facade's token: when the ledger does it, the ERC event ({@code topics},
     * {@code data}) from the token's address, as Hedera emits it, and {@code results}; else a revert
     * naming the response code. The topics are computed before the write (an Approval names the owner).
     */
    static List<Object> facadeWrite(Message f, Function<HederaLedger, Outcome> write, List<UInt256> topics, byte[] data, List<Object> results) {
        ResponseCode code = write.apply(ledger(f)).code();
        if (!code.isSuccess()) {
            throw refused(code);
        }
        f.state.addLog(new Log(f.codeAddress, topics, data));
        return results;
    }

    /** The revert of a facade call: Error(response code name), as the facade's writes and missing serials answer. */
    static PrecompiledContract.Reverted refused(ResponseCode code) {
        return new PrecompiledContract.Reverted(RevertReason.ERROR.encodeCall(List.of(code.name())));
    }

    /** The owner of the facade NFT's serial {@code tokenId}; a revert with INVALID_NFT_ID when there is none. */
    static Address owner(Message f, Object tokenId) {
        Address owner = ledger(f).ownerOf(f.codeAddress, int64(tokenId));
        if (owner.equals(NONE)) {
            throw refused(ResponseCode.INVALID_NFT_ID);
        }
        return owner;
    }

    static UInt256 eventTopic(String signature) {
        return UInt256.fromBytes(Hashes.keccak256(signature.getBytes(StandardCharsets.UTF_8)));
    }


    /**
     * redirectForToken: the facade call {@code data} on {@code token}, its ERC-20 output returned with
     * SUCCESS; the call fails or reverts when the facade call does. Run by DELEGATECALL or CALLCODE the frame keeps
     * its own account, so the facade refuses writes as the HTS functions do.
     */
    static List<Object> redirectForToken(List<Object> a, Message f) {
        Address token = address(a, 0);
        if (!ledger(f).isToken(token)) {
            return List.of((long) ResponseCode.INVALID_TOKEN_ID.code, new byte[0]);
        }
        Address account = f.address.equals(f.codeAddress) ? token : f.address;
        Message call = new Message(f.context, f.state, f.env, account, f.caller, token, f.value, (byte[]) a.get(1), Message.EMPTY, f.isStatic, f.depth, f.gas);
        byte[] out = TOKEN_FACADE.run(call);
        return out == null ? null : List.of((long) ResponseCode.SUCCESS.code, out);
    }

    /** One operation per token of argument 1, all or nothing: the first failure undoes the others (and their events). */
    static List<Object> eachToken(List<Object> a, Message f, TokenOperation op) {
        int checkpoint = f.state.checkpoint();
        HederaLedger l = ledger(f);
        for (Object token : (List<?>) a.get(1)) {
            Outcome o = op.apply(l, address(a, 0), (Address) token);
            if (!o.code().isSuccess()) {
                return rollBack(f.state, checkpoint, o.code());
            }
        }
        return code(ResponseCode.SUCCESS);
    }

    @FunctionalInterface
    interface TokenOperation {
        Outcome apply(HederaLedger ledger, Address account, Address token);
    }

    static List<Object> rollBack(WorldState state, int checkpoint, ResponseCode failure) {
        state.revertTo(checkpoint);
        return code(failure);
    }

    /** Signed adjustments netting to zero: each debit pays the credits in list order, all or nothing. */
    static List<Object> transferTokens(List<Object> a, Message f) {
        List<?> accounts = (List<?>) a.get(1);
        List<?> amounts = (List<?>) a.get(2);
        if (accounts.size() != amounts.size() || !amounts.stream().allMatch(x -> CryptoTransfer.validAmount((BigInteger) x))) {
            return code(ResponseCode.INVALID_ACCOUNT_AMOUNTS);
        }
        List<CryptoTransfer.Adjustment> adjustments = new ArrayList<>();
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < amounts.size(); i++) {
            sum = sum.add((BigInteger) amounts.get(i));
            adjustments.add(new CryptoTransfer.Adjustment((Address) accounts.get(i), ((BigInteger) amounts.get(i)).longValue(), false));
        }
        if (sum.signum() != 0) {
            return code(ResponseCode.TRANSFERS_NOT_ZERO_SUM_FOR_TOKEN);
        }
        int checkpoint = f.state.checkpoint();
        HederaLedger l = ledger(f);
        ResponseCode done = CryptoTransfer.settle(adjustments, (from, to, n, approval) -> l.transfer(address(a, 0), from, to, n).code());
        return done.isSuccess() ? code(done) : rollBack(f.state, checkpoint, done);
    }

    static List<Object> transferNfts(List<Object> a, Message f) {
        List<?> senders = (List<?>) a.get(1);
        List<?> receivers = (List<?>) a.get(2);
        List<?> serials = (List<?>) a.get(3);
        if (senders.size() != receivers.size() || senders.size() != serials.size()) {
            return code(ResponseCode.INVALID_ACCOUNT_AMOUNTS);
        }
        int checkpoint = f.state.checkpoint();
        HederaLedger l = ledger(f);
        for (int i = 0; i < senders.size(); i++) {
            Outcome o = l.transfer(address(a, 0), (Address) senders.get(i), (Address) receivers.get(i), int64(serials.get(i)));
            if (!o.code().isSuccess()) {
                return rollBack(f.state, checkpoint, o.code());
            }
        }
        return code(ResponseCode.SUCCESS);
    }

    /**
     * createFungibleToken/createNonFungibleToken: keys map to addresses (a contract id, a delegatable
     * contract id, or the calling contract for inheritAccountKey); an Ed25519 or ECDSA key would need
     * signatures checked, which an offline ledger cannot do: NOT_SUPPORTED.
     */
    static List<Object> create(List<Object> a, Message f, boolean nonFungible, long initialSupply, long decimals) {
        List<?> t = (List<?>) a.get(0);
        Address[] keys = new Address[7];
        Arrays.fill(keys, NONE);
        for (Object entry : (List<?>) t.get(7)) {
            List<?> tk = (List<?>) entry;
            List<?> kv = (List<?>) tk.get(1);
            Address key = !kv.get(1).equals(NONE) ? (Address) kv.get(1) : !kv.get(4).equals(NONE) ? (Address) kv.get(4) : (Boolean) kv.get(0) ? f.caller : null;
            if (key == null || ((byte[]) kv.get(2)).length > 0 || ((byte[]) kv.get(3)).length > 0) {
                return notSupported(2);
            }
            BigInteger type = (BigInteger) tk.get(0);
            for (int bit = 0; bit < keys.length; bit++) {
                if (type.testBit(bit)) {
                    keys[bit] = key;
                }
            }
        }
        long maxSupply = (Boolean) t.get(4) ? int64(t.get(5)) : 0;
        if ((Boolean) t.get(4) && maxSupply <= 0) {
            return List.of((long) ResponseCode.INVALID_TOKEN_MAX_SUPPLY.code, NONE);
        }
        TokenSpec spec = new TokenSpec((String) t.get(0), (String) t.get(1), (String) t.get(3), (Address) t.get(2), decimals, initialSupply, maxSupply, nonFungible,
                        (Boolean) t.get(6), keys[0], keys[1], keys[2], keys[3], keys[4], keys[6]);
        return withResults(ledger(f).createToken(spec));
    }
}
