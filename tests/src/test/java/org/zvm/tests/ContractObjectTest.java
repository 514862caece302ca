// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zvm.ZvmLanguage;
import org.zvm.container.ZvmContainer;
import org.zvm.tools.Assembler;

/**
 * Contract objects from Java through the polyglot API, on the native {@code examples/vault.zasm}: the ABI
 * comes from the {@code zvm.Abi} source option or from a ZVMC container; results are numbers that fit in a
 * BigInteger; failures are guest exceptions with one-line messages and readable members.
 */
class ContractObjectTest {
    private static final Path VAULT = LauncherTest.EXAMPLES.resolve("vault.zasm");
    private Context context;
    private String abi;

    @BeforeEach
    void open() throws IOException {
        context = Context.create(ZvmLanguage.ID);
        abi = Files.readString(LauncherTest.EXAMPLES.resolve("vault.abi.json"));
    }

    @AfterEach
    void close() {
        context.close();
    }

    private Value withAbiOption(String json) throws IOException {
        return context.eval(Source.newBuilder(ZvmLanguage.ID, Files.readString(VAULT), "vault-copy.zasm").option("zvm.Abi", json).build());
    }

    @Test
    void abiFromTheSourceOption() throws IOException {
        Value vault = withAbiOption(abi);
        assertTrue(vault.canInvokeMember("deposit"));
        Value total = vault.invokeMember("deposit", 7);
        assertTrue(total.fitsInBigInteger());
        assertEquals(BigInteger.valueOf(7), total.asBigInteger());
        assertEquals(14, vault.invokeMember("deposit", BigInteger.valueOf(7)).asLong());
        assertEquals(21, vault.invokeMember("deposit", "0x7").asInt());
        assertEquals(21, vault.invokeMember("total").asLong());
        assertEquals(21, vault.getMember("storage").execute(0).asLong());
        assertEquals(0, vault.getMember("balance").asLong());
    }

    @Test
    void returnDataAndMemoryAreByteBuffers() throws IOException {
        Value vault = withAbiOption(abi);
        vault.invokeMember("deposit", 0x2a);
        Value result = vault.invokeMember("call", "0x2ddbd13a", 100_000L, "0x0", "0x00000000000000000000000000000000000000aa", false);
        Value returned = result.getMember("returnData");
        assertTrue(returned.hasBufferElements());
        assertFalse(returned.isBufferWritable());
        assertEquals(32, returned.getBufferSize());
        assertEquals(0x2a, returned.readBufferByte(31));
        assertEquals(0x2aL, returned.readBufferLong(java.nio.ByteOrder.BIG_ENDIAN, 24));
        assertEquals(result.getMember("output").asString(), returned.toString());
        Value memory = result.getMember("memory");
        assertEquals(32, memory.getBufferSize());
        assertEquals(0x2a, memory.readBufferByte(31));
        assertThrows(IndexOutOfBoundsException.class, () -> returned.readBufferByte(32));
        assertThrows(UnsupportedOperationException.class, () -> returned.writeBufferByte(0, (byte) 1));
    }

    @Test
    void abiFromAZvmcContainer() {
        byte[] code = Assembler.assemble(readVault(), "vault.zasm").code();
        byte[] container = ZvmContainer.of(ZvmContainer.Target.NATIVE, code, abi).write();
        Value vault = context.eval(Source.newBuilder(ZvmLanguage.ID, ByteSequence.create(container), "vault.zvmc").mimeType(ZvmLanguage.CONTAINER_MIME).buildLiteral());
        assertEquals(5, vault.invokeMember("deposit", 5).asLong());
    }

    @Test
    void failuresAreGuestExceptionsWithReasons() throws IOException {
        Value vault = withAbiOption(abi);
        PolyglotException revert = assertThrows(PolyglotException.class, () -> vault.invokeMember("deposit", 0));
        assertTrue(revert.isGuestException());
        assertEquals("deposit(uint256) reverted: zero amount", revert.getMessage());
        assertEquals("Error", revert.getGuestObject().getMember("kind").asString());
        PolyglotException oog = assertThrows(PolyglotException.class, () -> vault.invokeMember("deposit", 1, ProxyObject.fromMap(Map.of("gas", 100))));
        assertEquals("deposit(uint256) halted: out of gas", oog.getMessage());
        assertEquals("out_of_gas", oog.getGuestObject().getMember("reason").asString());
        assertEquals(100, oog.getGuestObject().getMember("gasUsed").asLong());
        PolyglotException arity = assertThrows(PolyglotException.class, () -> vault.invokeMember("deposit"));
        assertEquals("deposit(uint256) takes 1 argument (and optional overrides), got 0", arity.getMessage());
        PolyglotException negative = assertThrows(PolyglotException.class, () -> vault.invokeMember("deposit", -1));
        assertEquals("argument 1 (amount): -1 does not fit in uint256", negative.getMessage());
        assertEquals(0, vault.invokeMember("total").asLong(), "nothing was committed");
    }

    @Test
    void badAbiIsAOneLineLoadError() {
        PolyglotException e = assertThrows(PolyglotException.class, () -> withAbiOption("[{\"type\":\"function\"}]"));
        assertEquals("vault-copy.zasm (zvm.Abi): entry 0: missing \"name\"", e.getMessage());
    }

    private static String readVault() {
        try {
            return Files.readString(VAULT);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
