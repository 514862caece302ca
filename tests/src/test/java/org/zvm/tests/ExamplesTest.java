// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zvm.ZvmLanguage;

/**
 * Runs every contract of {@code examples/} the way its README entry says, through the polyglot API in one
 * JVM, and checks that the README explains every example file there is.
 */
class ExamplesTest {
    private static final String CALLER = "0x00000000000000000000000000000000000000c0";
    private static final String ALICE = "0x00000000000000000000000000000000000a11ce";
    private static final String BOB = "0x0000000000000000000000000000000000000b0b";
    /** solc's output for every example, compiled once (one solc-js start costs seconds). */
    @TempDir
    static Path solc;
    private static boolean compiled;
    private Context context;

    @BeforeEach
    void open() {
        context = Context.newBuilder(ZvmLanguage.ID).allowIO(IOAccess.ALL).build();
    }

    @AfterEach
    void close() {
        context.close();
    }

    /** The deployed-by-eval creation code of a Solidity example; the first call compiles them all. */
    private Value solidity(String contract) throws Exception {
        if (!compiled) {
            Solidity.compileAll(solc, "Token.sol", "Counter.sol", "Escrow.sol", "Ballot.sol", "Registry.sol");
            compiled = true;
        }
        return context.eval(Solidity.source(solc, contract));
    }

    private Value load(String example, String mime) throws IOException {
        return context.eval(Source.newBuilder(ZvmLanguage.ID, LauncherTest.EXAMPLES.resolve(example).toFile()).mimeType(mime).build());
    }

    private static Value call(Value contract, String calldata) {
        Value r = contract.invokeMember("call", calldata, 10_000_000L, "0x0", CALLER, true);
        assertEquals("success", r.getMember("status").asString(), () -> r.getMember("json").asString());
        return r;
    }

    private static String word(long n) {
        return String.format("0x%064x", n);
    }

    /** ethers-style call overrides: {@code from} and optionally {@code value}. */
    private static ProxyObject from(String caller, long... value) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("from", caller));
        if (value.length > 0) {
            m.put("value", value[0]);
        }
        return ProxyObject.fromMap(m);
    }

    @Test
    void nativeCounterCountsUp() throws IOException {
        Value counter = load("counter.zasm", ZvmLanguage.ZASM_MIME);
        call(counter, "0x");
        call(counter, "0x");
        assertEquals(2, counter.invokeMember("storage", 0).asLong());
    }

    @Test
    void nativeLoopSums() throws IOException {
        Value loop = load("loop.zasm", ZvmLanguage.ZASM_MIME);
        assertEquals(word(45), call(loop, word(10)).getMember("output").asString());
        assertEquals(45, loop.invokeMember("storage", 0).asLong());
    }

    @Test
    void nativeCountHaltsAfterNIterations() throws IOException {
        Value count = load("count.zasm", ZvmLanguage.ZASM_MIME);
        long small = call(count, word(10)).getMember("gasUsed").asLong();
        long large = call(count, word(1000)).getMember("gasUsed").asLong();
        assertEquals(0, (large - small) % 990, "the same gas per iteration");
        assertTrue(large > small);
    }

    @Test
    void nativeTransientStorageIsGoneAfterTheTransaction() throws IOException {
        Value tstore = load("transient.zasm", ZvmLanguage.ZASM_MIME);
        assertTrue(call(tstore, "0x").getMember("json").asString().contains("\"storage\":{}"));
    }

    @Test
    void nativeVaultWithItsAbi() throws IOException {
        Value vault = load("vault.zasm", ZvmLanguage.ZASM_MIME);
        assertEquals(5, vault.invokeMember("deposit", 5).asLong());
        assertEquals(5, vault.invokeMember("total").asLong());
        PolyglotException e = assertThrows(PolyglotException.class, () -> vault.invokeMember("deposit", 0));
        assertEquals("deposit(uint256) reverted: zero amount", e.getMessage());
    }

    @Test
    void wasmModules() throws IOException {
        assertEquals(6765, load("fib.wasm", ZvmLanguage.WASM_MIME).getMember("fib").execute(20).asInt());
        Value bench = load("bench.wasm", ZvmLanguage.WASM_MIME);
        assertEquals(75025, bench.getMember("fib").execute(25).asInt());
        assertEquals(562641396, bench.getMember("loop").execute(1000).asInt());
        assertEquals(6542, bench.getMember("sieve").execute(65536).asInt());
    }

    @Test
    void sorobanTallyCountsVotesPerSymbol() throws IOException {
        Path wasm = LauncherTest.EXAMPLES.resolve("soroban/tally.wasm");
        Value tally = context.eval(Source.newBuilder(ZvmLanguage.ID, ByteSequence.create(Files.readAllBytes(wasm)), "tally.wasm").mimeType(ZvmLanguage.SOROBAN_MIME).build());
        assertEquals(1, tally.invokeMember("vote", "sym:alice").asLong());
        assertEquals(2, tally.invokeMember("vote", "sym:alice").asLong());
        assertEquals(1, tally.invokeMember("vote", "sym:bob").asLong());
        assertEquals(2, tally.invokeMember("votes", "sym:alice").asLong());
        assertEquals(0, tally.invokeMember("votes", "sym:carol").asLong());
        PolyglotException notASymbol = assertThrows(PolyglotException.class, () -> tally.invokeMember("vote", "u32:5"));
        assertEquals("error:contract:1", notASymbol.getGuestObject().getMember("reason").asString());
        Value report = tally.invokeMember("__invoke", "vote", "sym:bob");
        Value event = report.getMember("events").getArrayElement(0);
        assertTrue(event.getMember("topics").toString().contains("sym:vote"), event.toString());
        assertTrue(event.getMember("data").toString().contains("u32:2"), event.toString());
    }

    @Test
    void solidityEscrowReleasesToTheSeller() throws Exception {
        Value escrow = solidity("Escrow").invokeMember("deploy", BOB, ALICE);
        PolyglotException notBuyer = assertThrows(PolyglotException.class, () -> escrow.invokeMember("deposit", from(ALICE, 5)));
        assertEquals("NotAllowed", notBuyer.getGuestObject().getMember("kind").asString());
        escrow.invokeMember("deposit", from(CALLER, 1000));
        assertEquals(1000, escrow.getMember("balance").asLong());
        PolyglotException notArbiter = assertThrows(PolyglotException.class, () -> escrow.invokeMember("release"));
        assertTrue(notArbiter.getMessage().contains("NotAllowed"), notArbiter.getMessage());
        escrow.invokeMember("release", from(ALICE));
        assertEquals(0, escrow.getMember("balance").asLong());
        assertEquals(2, escrow.invokeMember("state").asInt());
        PolyglotException twice = assertThrows(PolyglotException.class, () -> escrow.invokeMember("refund", from(ALICE)));
        assertEquals("WrongState", twice.getGuestObject().getMember("kind").asString());
    }

    @Test
    void solidityBallotCountsVotes() throws Exception {
        Value ballot = solidity("Ballot").invokeMember("deploy", ProxyArray.fromArray("tea", "coffee", "water"));
        assertEquals(3, ballot.invokeMember("proposalCount").asInt());
        PolyglotException noRight = assertThrows(PolyglotException.class, () -> ballot.invokeMember("vote", 1, from(ALICE)));
        assertEquals("vote(uint256) reverted: no right to vote", noRight.getMessage());
        ballot.invokeMember("giveRightToVote", ALICE);
        ballot.invokeMember("giveRightToVote", BOB);
        ballot.invokeMember("vote", 1, from(ALICE));
        ballot.invokeMember("vote", 1, from(BOB));
        PolyglotException again = assertThrows(PolyglotException.class, () -> ballot.invokeMember("vote", 0, from(BOB)));
        assertEquals("AlreadyVoted", again.getGuestObject().getMember("kind").asString());
        Value winner = ballot.invokeMember("winner");
        assertEquals("coffee", winner.getArrayElement(0).asString());
        assertEquals(2, winner.getArrayElement(1).asInt());
    }

    @Test
    void solidityRegistryOwnsNames() throws Exception {
        Value registry = solidity("Registry").invokeMember("deploy");
        registry.invokeMember("claim", "zvm", "0xc0ffee", from(ALICE));
        Value entry = registry.invokeMember("lookup", "zvm");
        assertEquals(ALICE, entry.getArrayElement(0).asString().toLowerCase());
        assertEquals("0xc0ffee", entry.getArrayElement(1).asString());
        PolyglotException taken = assertThrows(PolyglotException.class, () -> registry.invokeMember("claim", "zvm", "0x", from(BOB)));
        assertEquals("Taken", taken.getGuestObject().getMember("kind").asString());
        assertThrows(PolyglotException.class, () -> registry.invokeMember("update", "zvm", "0x01", from(BOB)));
        registry.invokeMember("transfer", "zvm", BOB, from(ALICE));
        registry.invokeMember("update", "zvm", "0x0102", from(BOB));
        assertEquals("0x0102", registry.invokeMember("lookup", "zvm").getArrayElement(1).asString());
    }

    @Test
    void solidityTokenTransfers() throws Exception {
        Value token = solidity("Token").invokeMember("deploy", "Zed", "ZED", BigInteger.TEN.pow(21));
        token.invokeMember("transfer", ALICE, 250);
        assertEquals(250, token.invokeMember("balanceOf", ALICE).asLong());
        PolyglotException short_ = assertThrows(PolyglotException.class, () -> token.invokeMember("transfer", BOB, 251, from(ALICE)));
        assertEquals("Error", short_.getGuestObject().getMember("kind").asString());
    }

    @Test
    void solidityCounter() throws Exception {
        Value counter = solidity("Counter").invokeMember("deploy");
        assertEquals(5, counter.invokeMember("increment", 5).asInt());
        assertEquals(3, counter.invokeMember("decrement", 2).asInt());
        assertThrows(PolyglotException.class, () -> counter.invokeMember("decrement", 4));
    }

    /** Every contract or module file under examples/ is named in examples/README.md. */
    @Test
    void readmeExplainsEveryExample() throws IOException {
        String readme = Files.readString(LauncherTest.EXAMPLES.resolve("README.md"));
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(LauncherTest.EXAMPLES)) {
            files.filter(Files::isRegularFile).map(f -> LauncherTest.EXAMPLES.relativize(f).toString().replace('\\', '/'))
                            .filter(f -> f.matches(".*\\.(zasm|sol|wat|wasm|zvmc)")).sorted().forEach(f -> {
                                if (!readme.contains("`" + f + "`")) {
                                    missing.add(f);
                                }
                            });
        }
        assertEquals(List.of(), missing, "examples/README.md does not explain these files");
    }
}
