// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zvm.ZvmLanguage;
import org.zvm.hedera.EntityId;
import org.zvm.hedera.HederaLedger;
import org.zvm.hedera.ResponseCode;

/**
 * Solidity calling Hedera's token service: {@code examples/solidity/HederaTreasury.sol}, compiled by solc,
 * calls the HTS system contract at 0x167 the way hedera-smart-contracts' HederaTokenService.sol does
 * (low-level call, response code decoded) to create, mint, associate and transfer, and sees the
 * response codes of what fails (the context may read files: the language finds solc's .abi beside the .bin). Under the default Ethereum chain 0x167 is an empty account, so the same
 * call returns nothing and the decode reverts.
 */
class HederaSolidityTest {
    static final String ALICE = "0x00000000000000000000000000000000000000a1";
    static final String ORIGIN = "0x00000000000000000000000000000000000000c0";

    static long code(Value v) {
        return v.asLong();
    }

    @Test
    void createMintAssociateTransferAndErrorCodes(@TempDir Path build) throws IOException, InterruptedException {
        Source source = Solidity.compile("HederaTreasury.sol", "HederaTreasury", build);
        try (Context context = Context.newBuilder(ZvmLanguage.ID).allowIO(IOAccess.ALL).option("zvm.Chain", "hedera").build()) {
            Value treasury = context.eval(source).invokeMember("deploy");
            assertEquals(ResponseCode.SUCCESS.code, code(treasury.invokeMember("issue", "Zed", "ZED", 1000, 1_000_000)));
            String token = EntityId.num(HederaLedger.FIRST_ENTITY).toAddress().toHex();
            assertEquals(token, treasury.invokeMember("token").asString());
            assertEquals(ResponseCode.MISSING_TOKEN_NAME.code, code(treasury.invokeMember("issue", "", "X", 1, 0)));

            assertEquals(ResponseCode.SUCCESS.code, code(treasury.invokeMember("mint", token, 500)));
            assertEquals(1500, treasury.invokeMember("supply").asLong());
            assertEquals(ResponseCode.TOKEN_MAX_SUPPLY_REACHED.code, code(treasury.invokeMember("mint", token, 999_000)));
            assertEquals(ResponseCode.INVALID_TOKEN_MINT_AMOUNT.code, code(treasury.invokeMember("mint", token, -1)));
            assertEquals(ResponseCode.INVALID_TOKEN_ID.code, code(treasury.invokeMember("mint", ALICE, 1)));

            assertEquals(ResponseCode.TOKEN_NOT_ASSOCIATED_TO_ACCOUNT.code, code(treasury.invokeMember("pay", ORIGIN, 10)));
            assertEquals(ResponseCode.INVALID_SIGNATURE.code, code(treasury.invokeMember("associate", ALICE)), "ALICE did not sign");
            assertEquals(ResponseCode.SUCCESS.code, code(treasury.invokeMember("associate", ORIGIN)), "the transaction's sender did");
            assertEquals(ResponseCode.TOKEN_ALREADY_ASSOCIATED_TO_ACCOUNT.code, code(treasury.invokeMember("associate", ORIGIN)));
            assertEquals(ResponseCode.SUCCESS.code, code(treasury.invokeMember("pay", ORIGIN, 10)));
            assertEquals(ResponseCode.INSUFFICIENT_TOKEN_BALANCE.code, code(treasury.invokeMember("pay", ORIGIN, 1491)));
            assertEquals(ResponseCode.SUCCESS.code, code(treasury.invokeMember("pay", ORIGIN, 1490)));

            Value info = treasury.invokeMember("info");
            assertEquals(ResponseCode.SUCCESS.code, info.getArrayElement(0).asLong());
            assertEquals("Zed", info.getArrayElement(1).asString());
            assertEquals(2, info.getArrayElement(2).asInt());
            assertEquals(1500, treasury.invokeMember("balanceOf", ORIGIN).asLong(), "the ERC-20 facade reads the ledger");
            assertEquals(ResponseCode.SUCCESS.code, code(treasury.invokeMember("mint", token, 100)));
            assertTrue(treasury.invokeMember("payErc20", ORIGIN, 5).asBoolean());
            assertEquals(1505, treasury.invokeMember("balanceOf", ORIGIN).asLong());
            PolyglotException refused = assertThrows(PolyglotException.class, () -> treasury.invokeMember("payErc20", ALICE, 1));
            assertTrue(refused.getMessage().startsWith("payErc20(address,uint256) reverted"), refused.getMessage());
            assertTrue(refused.getMessage().contains("TOKEN_NOT_ASSOCIATED_TO_ACCOUNT"), refused.getMessage());
            assertEquals(1505, treasury.invokeMember("balanceOf", ORIGIN).asLong());

            String first = treasury.invokeMember("seed").toString();
            assertNotEquals(first, treasury.invokeMember("seed").toString(), "each transaction draws the next seed");
        }
    }

    /**
     * {@code examples/solidity/HederaNftShop.sol}: cryptoTransfer moves hbar (the accounts' balances, in
     * tinybars) and an NFT in one all-or-nothing transfer, and the ERC-721 facade at the collection's
     * address reads and moves NFTs, reverting with the response code when the ledger refuses.
     */
    /** An address result in lower case (the contract object gives them EIP-55 checksummed). */
    static String address(Value v) {
        return v.asString().toLowerCase(Locale.ROOT);
    }

    @Test
    void cryptoTransferAndTheErc721Facade(@TempDir Path build) throws IOException, InterruptedException {
        Source source = Solidity.compile("HederaNftShop.sol", "HederaNftShop", build);
        try (Context context = Context.newBuilder(ZvmLanguage.ID).allowIO(IOAccess.ALL).option("zvm.Chain", "hedera").build()) {
            Value shop = context.eval(source).invokeMember("deploy");
            String self = address(shop.getMember("address"));
            assertEquals(ResponseCode.SUCCESS.code, code(shop.invokeMember("issue", "Art", "ART")));
            String collection = EntityId.num(HederaLedger.FIRST_ENTITY).toAddress().toHex();
            assertEquals(collection, address(shop.invokeMember("collection")));
            assertEquals(1, shop.invokeMember("mint", "0x" + HexFormat.of().formatHex("ipfs://one".getBytes(StandardCharsets.UTF_8))).getArrayElement(1).asLong());
            assertEquals(2, shop.invokeMember("mint", "0x" + HexFormat.of().formatHex("ipfs://two".getBytes(StandardCharsets.UTF_8))).getArrayElement(1).asLong());
            shop.invokeMember("deposit", ProxyObject.fromMap(Map.of("value", 1000)));
            assertEquals(1000, shop.getMember("balance").asLong());

            // The NFT cannot go to ORIGIN before it associates: the hbar in the same transfer stays too.
            assertEquals(ResponseCode.TOKEN_NOT_ASSOCIATED_TO_ACCOUNT.code, code(shop.invokeMember("trade", self, ORIGIN, 300, self, ORIGIN, 1)));
            assertEquals(1000, shop.getMember("balance").asLong());
            assertEquals(0, shop.invokeMember("hbarOf", ORIGIN).asLong());
            assertEquals(ResponseCode.SUCCESS.code, code(shop.invokeMember("associate", ORIGIN)));
            // A payout: the shop pays 300 tinybars and gives serial 1, atomically.
            assertEquals(ResponseCode.SUCCESS.code, code(shop.invokeMember("trade", self, ORIGIN, 300, self, ORIGIN, 1)));
            assertEquals(700, shop.getMember("balance").asLong());
            assertEquals(300, shop.invokeMember("hbarOf", ORIGIN).asLong());
            assertEquals(ORIGIN, address(shop.invokeMember("ownerOf", 1)));
            // A sale: ORIGIN (the transaction's signer) pays 500 for serial 2 but holds 300.
            assertEquals(ResponseCode.INSUFFICIENT_ACCOUNT_BALANCE.code, code(shop.invokeMember("trade", ORIGIN, self, 500, self, ORIGIN, 2)));
            assertEquals(self, address(shop.invokeMember("ownerOf", 2)));
            assertEquals(ResponseCode.SUCCESS.code, code(shop.invokeMember("trade", ORIGIN, self, 250, self, ORIGIN, 2)));
            assertEquals(950, shop.getMember("balance").asLong());
            assertEquals(ORIGIN, address(shop.invokeMember("ownerOf", 2)));
            assertEquals(ResponseCode.INVALID_ACCOUNT_AMOUNTS.code, code(shop.invokeMember("moveHbar", ProxyArray.fromArray(self, ORIGIN), ProxyArray.fromArray(-10, 9))));
            assertEquals(ResponseCode.SPENDER_DOES_NOT_HAVE_ALLOWANCE.code, code(shop.invokeMember("moveHbar", ProxyArray.fromArray(ALICE, self), ProxyArray.fromArray(-1, 1))),
                            "ALICE did not sign, and gave no hbar allowance");
            assertEquals(ResponseCode.SUCCESS.code, code(shop.invokeMember("moveHbar", ProxyArray.fromArray(self, ALICE), ProxyArray.fromArray(-50, 50))));
            assertEquals(50, shop.invokeMember("hbarOf", ALICE).asLong());

            // The ERC-721 facade.
            assertEquals("ipfs://two", shop.invokeMember("tokenURI", 2).asString());
            assertEquals(2, shop.invokeMember("balanceOf", ORIGIN).asLong());
            PolyglotException missing = assertThrows(PolyglotException.class, () -> shop.invokeMember("ownerOf", 7));
            assertTrue(missing.getMessage().contains("INVALID_NFT_ID"), missing.getMessage());
            PolyglotException notOwner = assertThrows(PolyglotException.class, () -> shop.invokeMember("approve", ALICE, 1));
            assertTrue(notOwner.getMessage().startsWith("approve(address,uint256) reverted"), notOwner.getMessage());
            assertTrue(notOwner.getMessage().contains("SENDER_DOES_NOT_OWN_NFT_SERIAL_NO"), notOwner.getMessage());
            assertEquals(HederaLedger.NONE.toHex(), address(shop.invokeMember("getApproved", 1)));
            // ORIGIN signs the transaction, so the shop may hand ORIGIN's serial 1 back to itself.
            shop.invokeMember("handOver", ORIGIN, self, 1);
            assertEquals(self, address(shop.invokeMember("ownerOf", 1)));
            PolyglotException unassociated = assertThrows(PolyglotException.class, () -> shop.invokeMember("handOver", self, ALICE, 1));
            assertTrue(unassociated.getMessage().contains("TOKEN_NOT_ASSOCIATED_TO_ACCOUNT"), unassociated.getMessage());
            assertEquals(self, address(shop.invokeMember("ownerOf", 1)), "the refused transfer changed nothing");
            assertEquals(1, shop.invokeMember("balanceOf", self).asLong());
            shop.invokeMember("approve", ALICE, 1);
            assertEquals(ALICE, address(shop.invokeMember("getApproved", 1)));
            shop.invokeMember("setApprovalForAll", ALICE, true);
            assertTrue(shop.invokeMember("isApprovedForAll", self, ALICE).asBoolean());
        }
    }

    @Test
    void onEthereumThereIsNoTokenService(@TempDir Path build) throws IOException, InterruptedException {
        Source source = Solidity.compile("HederaTreasury.sol", "HederaTreasury", build);
        try (Context context = Context.newBuilder(ZvmLanguage.ID).allowIO(IOAccess.ALL).build()) {
            Value treasury = context.eval(source).invokeMember("deploy");
            PolyglotException e = assertThrows(PolyglotException.class, () -> treasury.invokeMember("issue", "Zed", "ZED", 1000, 0));
            assertTrue(e.getMessage().startsWith("issue(string,string,int64,int64) reverted"), e.getMessage());
        }
    }
}
