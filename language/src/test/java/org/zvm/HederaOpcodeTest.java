// SPDX-License-Identifier: Apache-2.0
package org.zvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zvm.hedera.ResponseCode.*;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zvm.hedera.EntityId;
import org.zvm.hedera.HederaLedger;
import org.zvm.hedera.HederaNodes;
import org.zvm.hedera.ResponseCode;
import org.zvm.hedera.Syscall;
import org.zvm.opcode.Opcode;
import org.zvm.util.Hex;

/**
 * The native Hedera opcodes (0xE0–0xEC) end to end through the polyglot API: the stack layouts of
 * docs/hedera.md, the response codes of failures, the events in the result, gas, a revert taking the
 * ledger back, and a static call that may not change it.
 */
class HederaOpcodeTest {
    static final String ORIGIN = ZvmRunner.CALLER;
    static final String OTHER = "0x00000000000000000000000000000000000000a1";
    static final String TOKEN = EntityId.num(HederaLedger.FIRST_ENTITY).toAddress().toHex();
    ZvmRunner zvm;

    @BeforeEach
    void start() {
        zvm = new ZvmRunner();
    }

    @AfterEach
    void stop() {
        zvm.close();
    }

    /**
     * A straight-line native program: each call pushes its operands (given top first), runs the opcode and
     * stores every output (top first) in the next result slot; the program returns the slots.
     */
    static final class Program {
        static final int RESULTS = 0x400;
        final StringBuilder asm = new StringBuilder();
        int slots;

        /** Writes up to 32 bytes of text at {@code offset}. */
        Program text(int offset, String text) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            asm.append("PUSH32 ").append(Hex.of(java.util.Arrays.copyOf(b, 32))).append("\nPUSH2 ").append(offset).append("\nMSTORE\n");
            return this;
        }

        /** Runs {@code op}; returns the slot of its first output. */
        int call(Opcode op, String... operandsTopFirst) {
            for (int i = operandsTopFirst.length - 1; i >= 0; i--) {
                asm.append(operandsTopFirst[i]).append('\n');
            }
            asm.append(op.mnemonic()).append('\n');
            int first = slots;
            for (int i = 0; i < op.outputs; i++) {
                asm.append("PUSH2 ").append(RESULTS + 32 * slots++).append("\nMSTORE\n");
            }
            return first;
        }

        static String slot(int i) {
            return "PUSH2 " + (RESULTS + 32 * i) + "\nMLOAD";
        }

        static String push(long v) {
            return "PUSH8 " + v;
        }

        static String push(String address) {
            return "PUSH32 " + address;
        }

        String build() {
            return asm + "PUSH2 " + 32 * slots + "\nPUSH2 " + RESULTS + "\nRETURN\n";
        }
    }

    static List<BigInteger> words(Map<String, Object> r) {
        assertEquals("success", r.get("status"), () -> r.toString());
        byte[] out = Hex.bytes((String) r.get("output"));
        List<BigInteger> words = new ArrayList<>();
        for (int i = 0; i < out.length; i += 32) {
            words.add(new BigInteger(1, java.util.Arrays.copyOfRange(out, i, i + 32)));
        }
        return words;
    }

    static BigInteger code(ResponseCode c) {
        return BigInteger.valueOf(c.code);
    }

    /** HTS_CREATE of "Zed"/"ZED" with no maximum supply, the name at memory 0, the symbol at 32. */
    static int create(Program p, long initial, long decimals, long flags) {
        p.text(0, "Zed").text(32, "ZED");
        return p.call(Opcode.HTS_CREATE, "PUSH1 0", "PUSH1 3", "PUSH1 32", "PUSH1 3", Program.push(initial), Program.push(decimals), "PUSH1 0", Program.push(flags));
    }

    @Test
    void tokenLifecycleAndFailureCodes() {
        Program p = new Program();
        int created = create(p, 1000, 2, 0);
        String token = Program.slot(created + 1);
        int mint = p.call(Opcode.HTS_MINT, token, "PUSH2 500", "PUSH1 0", "PUSH1 0");
        int unassociated = p.call(Opcode.HTS_TRANSFER, token, "ADDRESS", Program.push(OTHER), "PUSH1 10");
        int overBurn = p.call(Opcode.HTS_BURN, token, "PUSH2 2000");
        int burn = p.call(Opcode.HTS_BURN, token, "PUSH1 100");
        int approve = p.call(Opcode.HTS_APPROVE, token, Program.push(OTHER), "PUSH1 50");
        int foreign = p.call(Opcode.HTS_ASSOCIATE, Program.push(OTHER), token);
        int origin = p.call(Opcode.HTS_ASSOCIATE, Program.push(ORIGIN), token);
        int again = p.call(Opcode.HTS_ASSOCIATE, Program.push(ORIGIN), token);
        int transfer = p.call(Opcode.HTS_TRANSFER, token, "ADDRESS", Program.push(ORIGIN), "PUSH1 10");
        int tooMuch = p.call(Opcode.HTS_TRANSFER, token, "ADDRESS", Program.push(ORIGIN), "PUSH2 9999");
        int negative = p.call(Opcode.HTS_TRANSFER, token, "ADDRESS", Program.push(ORIGIN), "PUSH32 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");
        int dissociate = p.call(Opcode.HTS_DISSOCIATE, Program.push(ORIGIN), token);
        int noToken = p.call(Opcode.HTS_TRANSFER, Program.push(OTHER), "ADDRESS", Program.push(ORIGIN), "PUSH1 1");
        int payBack = p.call(Opcode.HTS_TRANSFER, token, Program.push(ORIGIN), "ADDRESS", "PUSH1 10");
        int dissociated = p.call(Opcode.HTS_DISSOCIATE, Program.push(ORIGIN), token);
        List<BigInteger> w = words(zvm.run(p.build(), "", 10_000_000));
        assertEquals(code(SUCCESS), w.get(created));
        assertEquals(new BigInteger(TOKEN.substring(2), 16), w.get(created + 1));
        assertEquals(code(SUCCESS), w.get(mint));
        assertEquals(BigInteger.valueOf(1500), w.get(mint + 1), "new total supply");
        assertEquals(code(TOKEN_NOT_ASSOCIATED_TO_ACCOUNT), w.get(unassociated));
        assertEquals(code(INVALID_TOKEN_BURN_AMOUNT), w.get(overBurn));
        assertEquals(BigInteger.ZERO, w.get(overBurn + 1), "a failure pushes zero results");
        assertEquals(code(SUCCESS), w.get(burn));
        assertEquals(BigInteger.valueOf(1400), w.get(burn + 1));
        assertEquals(code(SUCCESS), w.get(approve));
        assertEquals(code(INVALID_SIGNATURE), w.get(foreign));
        assertEquals(code(SUCCESS), w.get(origin), "the transaction's origin signs");
        assertEquals(code(TOKEN_ALREADY_ASSOCIATED_TO_ACCOUNT), w.get(again));
        assertEquals(code(SUCCESS), w.get(transfer));
        assertEquals(code(INSUFFICIENT_TOKEN_BALANCE), w.get(tooMuch));
        assertEquals(code(INVALID_ACCOUNT_AMOUNTS), w.get(negative));
        assertEquals(code(TRANSACTION_REQUIRES_ZERO_TOKEN_BALANCES), w.get(dissociate));
        assertEquals(code(INVALID_TOKEN_ID), w.get(noToken));
        assertEquals(code(SUCCESS), w.get(payBack), "the origin signs for its own units");
        assertEquals(code(SUCCESS), w.get(dissociated), "with a zero balance");
    }

    @Test
    void nftMintsOneSerialPerCallWithItsMetadata() {
        Program p = new Program();
        int created = create(p, 0, 0, HederaNodes.NON_FUNGIBLE);
        String token = Program.slot(created + 1);
        p.text(64, "ipfs://one");
        int first = p.call(Opcode.HTS_MINT, token, "PUSH1 0", "PUSH1 64", "PUSH1 10");
        int second = p.call(Opcode.HTS_MINT, token, "PUSH1 0", "PUSH1 64", "PUSH1 10");
        int amount = p.call(Opcode.HTS_MINT, token, "PUSH1 5", "PUSH1 64", "PUSH1 10");
        int burn = p.call(Opcode.HTS_BURN, token, "PUSH1 1");
        int burnAgain = p.call(Opcode.HTS_BURN, token, "PUSH1 1");
        List<BigInteger> w = words(zvm.run(p.build(), "", 10_000_000));
        assertEquals(code(SUCCESS), w.get(created));
        assertEquals(List.of(code(SUCCESS), BigInteger.ONE), w.subList(first, first + 2), "serial 1");
        assertEquals(List.of(code(SUCCESS), BigInteger.TWO), w.subList(second, second + 2), "serial 2");
        assertEquals(code(INVALID_TOKEN_MINT_AMOUNT), w.get(amount));
        assertEquals(List.of(code(SUCCESS), BigInteger.ONE), w.subList(burn, burn + 2), "supply after the burn");
        assertEquals(code(INVALID_NFT_ID), w.get(burnAgain));
    }

    @Test
    void topicsAndTheirCodes() {
        Program p = new Program();
        int topic = p.call(Opcode.HCS_CREATE_TOPIC, "PUSH1 0");
        String id = Program.slot(topic + 1);
        p.text(0, "hello");
        int first = p.call(Opcode.HCS_SUBMIT, id, "PUSH1 0", "PUSH1 5");
        int second = p.call(Opcode.HCS_SUBMIT, id, "PUSH1 0", "PUSH1 5");
        int empty = p.call(Opcode.HCS_SUBMIT, id, "PUSH1 0", "PUSH1 0");
        int large = p.call(Opcode.HCS_SUBMIT, id, "PUSH1 0", "PUSH2 1025");
        int update = p.call(Opcode.HCS_UPDATE_TOPIC, id, Program.push(OTHER));
        int locked = p.call(Opcode.HCS_SUBMIT, id, "PUSH1 0", "PUSH1 5");
        int delete = p.call(Opcode.HCS_DELETE_TOPIC, id);
        int gone = p.call(Opcode.HCS_DELETE_TOPIC, id);
        int account = p.call(Opcode.HEDERA_ACCOUNT_ID);
        int time = p.call(Opcode.HEDERA_TIMESTAMP);
        Map<String, Object> r = zvm.run(p.build(), "", 10_000_000);
        List<BigInteger> w = words(r);
        assertEquals(List.of(code(SUCCESS), new BigInteger(TOKEN.substring(2), 16)), w.subList(topic, topic + 2));
        assertEquals(List.of(code(SUCCESS), BigInteger.ONE), w.subList(first, first + 2));
        assertEquals(List.of(code(SUCCESS), BigInteger.TWO), w.subList(second, second + 2));
        assertEquals(code(INVALID_TOPIC_MESSAGE), w.get(empty));
        assertEquals(code(MESSAGE_SIZE_TOO_LARGE), w.get(large));
        assertEquals(code(SUCCESS), w.get(update));
        assertEquals(code(INVALID_SUBMIT_KEY), w.get(locked));
        assertEquals(code(SUCCESS), w.get(delete));
        assertEquals(code(INVALID_TOPIC_ID), w.get(gone));
        assertEquals(BigInteger.valueOf(0xc0de), w.get(account), "the test contract's address 0x…c0de is long-zero: 0.0.49374");
        assertEquals(BigInteger.valueOf(1_000_000_000L), w.get(time), "timestamp 1 s of the default block");

        // Every call is an event of the ledger account, failures included, in order.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> logs = (List<Map<String, Object>>) r.get("logs");
        assertEquals(9, logs.size());
        assertEquals(HederaLedger.ADDRESS.toHex(), logs.get(0).get("address"));
        assertEquals(List.of(Syscall.HCS_CREATE_TOPIC.topic.toHex32()), logs.get(0).get("topics"));
        assertEquals(List.of(Syscall.HCS_SUBMIT.topic.toHex32()), logs.get(1).get("topics"));
        assertEquals(List.of(Syscall.HCS_DELETE_TOPIC.topic.toHex32()), logs.get(8).get("topics"));
    }

    @Test
    void aRevertTakesTheLedgerBack() {
        Program p = new Program();
        p.call(Opcode.HCS_CREATE_TOPIC, "PUSH1 0");
        Map<String, Object> reverted = zvm.run(p.asm + "PUSH1 0\nPUSH1 0\nREVERT\n", "", 1_000_000);
        assertEquals("revert", reverted.get("status"));
        assertEquals(List.of(), reverted.get("logs"));
        // The entity number was not used up: the next topic gets it.
        Program q = new Program();
        int topic = q.call(Opcode.HCS_CREATE_TOPIC, "PUSH1 0");
        assertEquals(new BigInteger(TOKEN.substring(2), 16), words(zvm.run(q.build(), "", 1_000_000)).get(topic + 1));
    }

    /** Calls itself with one byte of calldata through {@code call}; the inner frame creates a topic. */
    static String selfCall(String call) {
        return """
                        CALLDATASIZE
                        PUSH1 inner
                        JUMPI
                        PUSH1 0
                        PUSH1 0
                        PUSH1 1
                        PUSH1 0
                        %s
                        PUSH4 100000
                        %s
                        PUSH1 0
                        MSTORE
                        PUSH1 32
                        PUSH1 0
                        RETURN
                        inner: PUSH1 0
                        HCS_CREATE_TOPIC
                        HALT
                        """.formatted(call.equals("CALL") ? "PUSH1 0\nADDRESS" : "ADDRESS", call);
    }

    @Test
    void aStaticCallMayNotChangeTheLedger() {
        assertEquals(List.of(BigInteger.ONE), words(zvm.run(selfCall("CALL"), "", 1_000_000)));
        assertEquals(List.of(BigInteger.ZERO), words(zvm.run(selfCall("STATICCALL"), "", 1_000_000)));
    }

    @Test
    void gasIsTheTableBaseCostPlusMemory() {
        Map<String, Object> r = zvm.run("PUSH1 0\nHCS_CREATE_TOPIC\nHALT\n", "", 1_000_000);
        assertEquals(3 + Opcode.HCS_CREATE_TOPIC.baseGas, ((BigInteger) r.get("gasUsed")).longValue());
        // HCS_SUBMIT of 5 bytes at offset 0 expands memory by one word (3 gas).
        Map<String, Object> s = zvm.run("PUSH1 5\nPUSH1 0\nPUSH1 0\nHCS_SUBMIT\nHALT\n", "", 1_000_000);
        assertEquals(3 * 3 + Opcode.HCS_SUBMIT.baseGas + 3, ((BigInteger) s.get("gasUsed")).longValue());
    }
}
