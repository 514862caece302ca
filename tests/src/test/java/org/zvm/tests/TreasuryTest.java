// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.zvm.tests.LauncherTest.assertOneLineError;
import static org.zvm.tests.LauncherTest.json;
import static org.zvm.tests.LauncherTest.zvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zvm.ZvmLanguage;
import org.zvm.container.ZvmContainer;
import org.zvm.crypto.Hashes;
import org.zvm.tests.LauncherTest.Run;
import org.zvm.tools.Assembler;
import org.zvm.util.Hex;

/**
 * The KALIX-style treasury of {@code examples/treasury}: its KALIX ABI loaded from a ZVMC container (the
 * test assembles it) and from the file beside the {@code .zasm}, called through {@code zvm call} with one
 * durable state across calls, and through the polyglot API; balances live at TABLEHASH keys.
 */
class TreasuryTest {
    static final Path DIR = LauncherTest.EXAMPLES.resolve("treasury");
    static final Path ZASM = DIR.resolve("treasury.zasm");
    static final String ALICE = "0x00000000000000000000000000000000000a11ce";

    /** The treasury as a KALIX compiler would ship it: code and ABI in one container. */
    static byte[] container(String abi) throws IOException {
        byte[] code = Assembler.assemble(Files.readString(ZASM), "treasury.zasm").code();
        return ZvmContainer.of(ZvmContainer.Target.NATIVE, code, abi).write();
    }

    static String abi() throws IOException {
        return Files.readString(DIR.resolve("treasury.abi.json"));
    }

    @Test
    void threeCallsShareOneStateDirectory(@TempDir Path dir) throws Exception {
        Path zvmc = dir.resolve("treasury.zvmc");
        Files.write(zvmc, container(abi()));
        String state = dir.resolve("world").toString();
        Run deposit = zvm("call", zvmc.toString(), "deposit", "100", "--state", state, "--caller", ALICE);
        assertEquals(0, deposit.exit(), deposit.toString());
        assertEquals("100", deposit.out().strip());
        Run withdraw = zvm("call", zvmc.toString(), "withdraw", "30", "--state", state, "--caller", ALICE);
        assertEquals("70", withdraw.out().strip(), withdraw.toString());
        Run balance = zvm("call", zvmc.toString(), "balance", ALICE, "--state", state, "--json");
        assertEquals(0, balance.exit(), balance.toString());
        Map<String, Object> j = json(balance);
        assertEquals("balance(Address)", j.get("function"));
        assertEquals(List.of("70"), j.get("results"));

        Run overdraft = zvm("call", zvmc.toString(), "withdraw", "71", "--state", state, "--caller", ALICE);
        assertEquals(1, overdraft.exit(), overdraft.toString());
        assertEquals("zvm: withdraw(u64) reverted: insufficient balance", overdraft.err().strip());
        assertEquals("70", zvm("call", ZASM.toString(), "total", "--state", state).out().strip(), "the revert left no partial state");
    }

    /** {@code zvm asm} ships the ABI beside the source inside the container, as a compiler would. */
    @Test
    void asmEmbedsTheAbiBesideTheSource(@TempDir Path dir) throws Exception {
        Path zvmc = dir.resolve("treasury.zvmc");
        Run asm = zvm("asm", ZASM.toString(), "-o", zvmc.toString());
        assertEquals(0, asm.exit(), asm.toString());
        assertEquals(abi(), ZvmContainer.read(Files.readAllBytes(zvmc)).abiJson());
        Run deposit = zvm("call", zvmc.toString(), "deposit", "5");
        assertEquals("5", deposit.out().strip(), deposit.toString());
    }

    @Test
    void badArgumentsAreOneLineUsageErrors(@TempDir Path dir) throws Exception {
        assertOneLineError(zvm("call", ZASM.toString(), "deposit"), "call: deposit(u64) takes 1 argument, got 0");
        assertOneLineError(zvm("call", ZASM.toString(), "deposit", "18446744073709551616"),
                        "call: deposit(u64): argument 1 (amount): 18446744073709551616 does not fit in uint64");
        assertOneLineError(zvm("call", ZASM.toString(), "deposit", "-5"), "call: deposit(u64): argument 1 (amount): uint64 cannot be negative: '-5'");
        assertOneLineError(zvm("call", ZASM.toString(), "steal", "1"),
                        "call: treasury.zasm has no function 'steal' (deposit(u64), withdraw(u64), balance(Address), total())");
        Path wrong = dir.resolve("wrong.zvmc");
        // KALIX's own fixture carried the SHA3-256 prefix 0x3EC3E379 for deposit(u64).
        Files.write(wrong, container(abi().replace("0x08ec3a6f", "0x3EC3E379")));
        assertOneLineError(zvm("call", wrong.toString(), "total"),
                        "wrong.zvmc (container ABI): function deposit: selector 0x3ec3e379 is not keccak256(\"deposit(u64)\")[0:4] = 0x08ec3a6f");
    }

    @Test
    void polyglotCallsAndTableLayout() throws IOException {
        try (Context context = Context.create(ZvmLanguage.ID)) {
            Source source = Source.newBuilder(ZvmLanguage.ID, ByteSequence.create(container(abi())), "treasury.zvmc").mimeType(ZvmLanguage.CONTAINER_MIME).build();
            Value treasury = context.eval(source);
            ProxyObject alice = ProxyObject.fromMap(Map.of("from", ALICE));
            assertEquals(250, treasury.invokeMember("deposit", 250, alice).asLong());
            assertEquals(40, treasury.invokeMember("deposit", 40).asLong(), "the default caller has its own balance");
            assertEquals(200, treasury.invokeMember("withdraw", 50, alice).asLong());
            assertEquals(200, treasury.invokeMember("balance", ALICE).asLong());
            assertEquals(240, treasury.invokeMember("total").asLong());
            PolyglotException overdraft = assertThrows(PolyglotException.class, () -> treasury.invokeMember("withdraw", 201, alice));
            assertEquals("withdraw(u64) reverted: insufficient balance", overdraft.getMessage());
            assertEquals("insufficient balance", overdraft.getGuestObject().getMember("reason").asString());
            PolyglotException zero = assertThrows(PolyglotException.class, () -> treasury.invokeMember("deposit", 0));
            assertEquals("deposit(u64) reverted: zero amount", zero.getMessage());

            // balances[alice] is at keccak256(slot 1 as 32 bytes ++ alice as 32 bytes), as zvm-native.md lays tables out.
            byte[] preimage = new byte[64];
            preimage[31] = 1;
            System.arraycopy(Hex.bytes(ALICE), 0, preimage, 44, 20);
            String key = Hex.of(Hashes.keccak256(preimage));
            assertEquals(200, treasury.getMember("storage").execute(key).asLong());
            assertEquals(240, treasury.getMember("storage").execute(0).asLong());
        }
    }
}
