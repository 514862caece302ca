// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
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
 * The same contracts as {@link PolyglotJsTest}, from Python (GraalPy): deploy, transfer with an overrides
 * dictionary, exact 256-bit integers, revert, panic and out-of-gas reasons as Python exceptions, and the
 * native KALIX-style vault.
 */
class PolyglotPythonTest {
    @Test
    void erc20AndNativeContractFromPython(@TempDir Path build) throws IOException, InterruptedException {
        Source token = Solidity.compile("Token.sol", "Token", build);
        Source vault = Source.newBuilder(ZvmLanguage.ID, ProjectDir.get().resolve("examples/vault.zasm").toFile()).build();
        Source script = Source.newBuilder("python", PolyglotPythonTest.class.getResource("/polyglot/token.py")).build();
        try (Context context = Context.newBuilder("python", ZvmLanguage.ID).allowPolyglotAccess(PolyglotAccess.ALL).allowIO(IOAccess.ALL).build()) {
            Value bindings = context.getBindings("python");
            bindings.putMember("Token", context.eval(token));
            bindings.putMember("Vault", context.eval(vault));
            context.eval(script);
            Value out = bindings.getMember("out");
            assertEquals("Zvm Token", out.getHashValue("name").asString());
            assertEquals("1000000000000000000000000", out.getHashValue("totalSupply").asString());
            assertEquals("True", out.getHashValue("exact").asString());
            assertEquals("True", out.getHashValue("transferred").asString());
            assertEquals("200", out.getHashValue("bob").asString());
            assertEquals("True", out.getHashValue("sum").asString());
            assertEquals("1000000000000000000000000", out.getHashValue("slot2").asString());
            assertEquals("transfer(address,uint256) reverted: insufficient balance", out.getHashValue("revert").asString());
            assertEquals("revert|insufficient balance|Error", out.getHashValue("members").asString());
            assertEquals("transferFrom(address,address,uint256) reverted: panic 0x11: arithmetic underflow or overflow", out.getHashValue("panic").asString());
            assertEquals("transfer(address,uint256) halted: out of gas", out.getHashValue("outOfGas").asString());
            assertEquals("42", out.getHashValue("deposit").asString());
            assertEquals("deposit(uint256) reverted: zero amount", out.getHashValue("zero").asString());
        }
    }
}
