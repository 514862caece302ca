// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zvm.ZvmLanguage;
import org.zvm.tools.ProjectDir;

/**
 * Contracts as JavaScript objects (GraalJS): a real Solidity ERC-20 compiled by solc is deployed with its
 * constructor arguments, transfers tokens, reports balances and storage, and its reverts, panics, custom
 * errors and out-of-gas halts arrive as exceptions with the decoded reason; a native KALIX-style contract
 * is called through its ABI the same way.
 */
class PolyglotJsTest {
    @Test
    void erc20AndNativeContractFromJavaScript(@TempDir Path build) throws IOException, InterruptedException {
        Source token = Solidity.compile("Token.sol", "Token", build);
        Path root = ProjectDir.get();
        Source vault = Source.newBuilder(ZvmLanguage.ID, root.resolve("examples/vault.zasm").toFile()).build();
        Source script = Source.newBuilder("js", PolyglotJsTest.class.getResource("/polyglot/token.js")).build();
        try (Context context = Context.newBuilder("js", ZvmLanguage.ID).allowPolyglotAccess(PolyglotAccess.ALL).allowIO(IOAccess.ALL).build()) {
            context.getBindings("js").putMember("Token", context.eval(token));
            context.getBindings("js").putMember("Vault", context.eval(vault));
            Value out = context.eval(script);
            BigInteger supply = BigInteger.TEN.pow(24);
            assertEquals("Zvm Token", out.getMember("name").asString());
            assertEquals("ZVM", out.getMember("symbol").asString());
            assertEquals("18", out.getMember("decimals").asString());
            assertEquals(supply.toString(), out.getMember("totalSupply").asString());
            assertEquals("number", out.getMember("totalSupplyType").asString());
            assertEquals(true, out.getMember("exactBigInt").asBoolean());
            assertEquals(true, out.getMember("looseEquals").asBoolean());
            assertEquals(true, out.getMember("transferred").asBoolean());
            assertEquals("250", out.getMember("bob").asString());
            assertEquals(supply.subtract(BigInteger.valueOf(250)).toString(), out.getMember("alice").asString());
            assertEquals("200", out.getMember("bobAfterPayingBack").asString());
            assertEquals(true, out.getMember("sumIsSupply").asBoolean());
            assertEquals(supply.toString(), out.getMember("slot2").asString(), "totalSupply lives in slot 2 (name, symbol before it)");
            assertEquals("0", out.getMember("balance").asString());
            assertEquals("transfer(address,uint256) reverted: insufficient balance", out.getMember("revert").asString());
            assertEquals("transferFrom(address,address,uint256) reverted: panic 0x11: arithmetic underflow or overflow", out.getMember("panic").asString());
            assertEquals("transfer(address,uint256) reverted: ZeroAddress(to: 0x0000000000000000000000000000000000000000)", out.getMember("custom").asString());
            assertEquals("transfer(address,uint256) halted: out of gas", out.getMember("outOfGas").asString());
            assertEquals("transfer argument 1 (to): address is 0x and 40 hex digits, not 'not an address'", out.getMember("badArgument").asString());
            assertEquals("revert|insufficient balance|Error", out.getMember("revertMembers").asString());
            assertEquals("40", out.getMember("deposit").asString());
            assertEquals("42", out.getMember("deposit2").asString());
            assertEquals("42", out.getMember("total").asString());
            assertEquals("deposit(uint256) reverted: zero amount", out.getMember("zero").asString());
        }
    }
}
