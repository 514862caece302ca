// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
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
