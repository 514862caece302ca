// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zvm.ZvmLanguage;
import org.zvm.tools.TestData;

/**
 * A Soroban contract through the polyglot API ({@code application/x-soroban+wasm}): exported functions as
 * invocable members, interop values and typed text in, decoded values out, failures as guest exceptions.
 */
class SorobanPolyglotTest {
    private Context context;

    @BeforeEach
    void open() {
        context = Context.create(ZvmLanguage.ID);
    }

    @AfterEach
    void close() {
        context.close();
    }

    private Value contract(String file) throws IOException {
        Path p = TestData.dir("soroban-wasms").resolve(file);
        return context.eval(Source.newBuilder(ZvmLanguage.ID, ByteSequence.create(Files.readAllBytes(p)), p.getFileName().toString())
                        .mimeType(ZvmLanguage.SOROBAN_MIME).buildLiteral());
    }

    @Test
    void functionsAreInvocableMembers() throws IOException {
        Value add = contract("tier1/22_example_add_i32.wasm");
        assertTrue(add.hasMember("add") && add.canInvokeMember("add"));
        assertEquals(42, add.invokeMember("add", 7, 35).asInt(), "numbers that fit are i32");
        assertEquals(42, add.invokeMember("add", "i32:40", 2).asInt(), "typed text");
        assertTrue(add.getMember("__address").asString().startsWith("C"));
        assertEquals(List.of("add"), add.getMember("__functions").as(List.class));
    }

    @Test
    void stateIsKeptInTheContextsWorld() throws IOException {
        Value counter = contract("handwritten/increment.wasm");
        assertEquals(1, counter.invokeMember("increment").asLong());
        assertEquals(2, counter.invokeMember("increment").asLong());
        assertEquals(3, contract("handwritten/increment.wasm").invokeMember("increment").asLong(), "the same code is the same contract");
    }

    @Test
    void aFailureIsAGuestExceptionWithItsErrorValue() throws IOException {
        Value vault = contract("handwritten/vault.wasm");
        assertEquals(5, vault.invokeMember("deposit", "u32:5").asLong());
        PolyglotException e = assertThrows(PolyglotException.class, () -> vault.invokeMember("withdraw", "u32:6"));
        assertTrue(e.isGuestException() && !e.isInternalError());
        assertEquals("error:contract:1", e.getGuestObject().getMember("reason").asString());
        Value report = vault.invokeMember("__invoke", "withdraw", "u32:2");
        assertEquals("success", report.getMember("status").asString());
        assertEquals("u32:3", report.getMember("result").asString());
        assertTrue(report.getMember("gasUsed").asLong() > 0);
    }

    @Test
    void theGasLimitIsWritableAndEnforced() throws IOException {
        Value hostile = contract("tier2/20_example_hostile.wasm");
        hostile.putMember("__gasLimit", 5000);
        assertEquals(5000, hostile.getMember("__gasLimit").asLong());
        Value report = hostile.invokeMember("__invoke", "iloop");
        assertEquals("error:budget:5", report.getMember("result").asString());
        assertEquals(5000, report.getMember("gasUsed").asLong());
    }

    @Test
    void aFloatModuleIsRefusedAsSoroban() {
        PolyglotException e = assertThrows(PolyglotException.class, () -> contract("other/20_example_add_f32.wasm"));
        assertFalse(e.isInternalError());
        assertEquals("20_example_add_f32.wasm: not a Soroban contract: it uses floats, which Soroban's VM disables", e.getMessage());
    }
}
