// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.statetest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zvm.error.ZvmParseException;
import org.zvm.evm.statetest.StateTest.AccessListEntry;
import org.zvm.evm.statetest.StateTest.PostEntry;
import org.zvm.evm.statetest.StateTest.PreAccount;
import org.zvm.evm.statetest.StateTest.TxTemplate;
import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;
import org.zvm.util.Json;

class StateTestFileTest {
    static final Address SENDER = Address.fromHex("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");
    static final Address CONTRACT = Address.fromHex("0x095e7baea6a6c7c4c2dfeb977efac326af552d87");

    /** One test in the filled format; {@code %s} marks where a case replaces a member of the transaction. */
    static final String TEMPLATE = """
                    {"t": {
                      "_info": {"comment": "ignored"},
                      "env": {"currentCoinbase": "0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba", "currentGasLimit": "0x05f5e100",
                              "currentNumber": "0x01", "currentTimestamp": "0x03e8", "currentDifficulty": "0x020000",
                              "currentRandom": "0x0000000000000000000000000000000000000000000000000000000000020000",
                              "currentBaseFee": "0x0a", "currentExcessBlobGas": "0x00"},
                      "pre": {
                        "0x095e7baea6a6c7c4c2dfeb977efac326af552d87": {"balance": "0x0de0b6b3a7640000", "nonce": "0x01",
                          "code": "0x6001600055", "storage": {"0x00": "0x01", "0x0100": "0x02"}},
                        "0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b": {"balance": "1000000", "nonce": "0x00", "code": "0x", "storage": {}}
                      },
                      "transaction": {"nonce": "0x00", "to": "0x095e7baea6a6c7c4c2dfeb977efac326af552d87",
                        "sender": "0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b", "secretKey": "0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8",
                        "gasPrice": "0x0a", "data": ["0x", "0x00ff"], "gasLimit": ["0x0186a0"],
                        "value": ["0x00", "0x:bigint 0x010000000000000000000000000000000000000000000000000000000000000001"],
                        "accessLists": [null, [{"address": "0x095e7baea6a6c7c4c2dfeb977efac326af552d87",
                          "storageKeys": ["0x0000000000000000000000000000000000000000000000000000000000000001"]}]]%s},
                      "post": {"Cancun": [
                        {"indexes": {"data": 0, "gas": 0, "value": 0},
                         "hash": "0x1111111111111111111111111111111111111111111111111111111111111111",
                         "logs": "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347", "txbytes": "0x00"},
                        {"indexes": {"data": 1, "gas": 0, "value": 1},
                         "hash": "0x2222222222222222222222222222222222222222222222222222222222222222",
                         "logs": "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347", "txbytes": "0x00",
                         "expectException": "TransactionException.RLP_INVALID_VALUE"}
                      ]}
                    }}
                    """;

    static StateTest parseOne(String extra) {
        List<StateTest> tests = StateTestFile.parse("dir/t.json", TEMPLATE.formatted(extra), "Cancun");
        assertEquals(1, tests.size());
        return tests.getFirst();
    }

    @Test
    void readsEveryField() {
        StateTest t = parseOne("");
        assertEquals("dir/t.json", t.file());
        assertEquals("t", t.name());
        assertEquals(Address.fromHex("0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba"), t.env().coinbase());
        assertEquals(100_000_000L, t.env().gasLimit());
        assertEquals(1000, t.env().timestamp());
        assertEquals(UInt256.of(0x20000), t.env().random());
        assertEquals(UInt256.of(10), t.env().baseFee());

        assertEquals(List.of(CONTRACT, SENDER), List.copyOf(t.pre().keySet()));
        PreAccount contract = t.pre().get(CONTRACT);
        assertEquals(1, contract.nonce());
        assertArrayEquals(HexFormat.of().parseHex("6001600055"), contract.code());
        assertEquals(Map.of(UInt256.ZERO, UInt256.ONE, UInt256.of(0x100), UInt256.of(2)), contract.storage());
        assertEquals(UInt256.of(1_000_000), t.pre().get(SENDER).balance());
        assertEquals(0, t.pre().get(SENDER).code().length);

        TxTemplate tx = t.transaction();
        assertEquals(CONTRACT, tx.to());
        assertEquals(SENDER, tx.sender());
        assertEquals(UInt256.of(10), tx.gasPrice());
        assertNull(tx.maxFeePerGas());
        assertNull(tx.blobVersionedHashes());
        assertArrayEquals(new byte[]{0, (byte) 0xFF}, tx.data().get(1));
        assertEquals(List.of(100_000L), tx.gasLimit());
        assertEquals(BigInteger.ONE.shiftLeft(256).add(BigInteger.ONE), tx.value().get(1));
        assertNull(tx.accessLists().get(0));
        assertEquals(List.of(new AccessListEntry(CONTRACT, List.of(UInt256.ONE))), tx.accessLists().get(1));

        PostEntry invalid = t.post().get(1);
        assertEquals(List.of(1, 0, 1), List.of(invalid.dataIndex(), invalid.gasIndex(), invalid.valueIndex()));
        assertEquals("TransactionException.RLP_INVALID_VALUE", invalid.expectException());
        assertNull(t.post().getFirst().expectException());
        assertEquals(0x22, t.post().get(1).hash()[31]);
    }

    @Test
    void creationAndFeeMarketTransaction() {
        String json = TEMPLATE.replace("\"to\": \"0x095e7baea6a6c7c4c2dfeb977efac326af552d87\"", "\"to\": \"\"")
                        .replace("\"gasPrice\": \"0x0a\"", "\"maxFeePerGas\": \"0x14\", \"maxPriorityFeePerGas\": \"0x01\"")
                        .formatted(", \"maxFeePerBlobGas\": \"0x01\", \"blobVersionedHashes\": [\"0x01a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8\"]");
        TxTemplate tx = StateTestFile.parse("t.json", json, "Cancun").getFirst().transaction();
        assertNull(tx.to());
        assertNull(tx.gasPrice());
        assertEquals(UInt256.of(20), tx.maxFeePerGas());
        assertEquals(UInt256.ONE, tx.maxPriorityFeePerGas());
        assertEquals(UInt256.ONE, tx.maxFeePerBlobGas());
        assertEquals(List.of(UInt256.fromHex("0x01a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8")), tx.blobVersionedHashes());
    }

    @Test
    void testNamesMayHoldDots() {
        String name = "tests/cancun/eip4844_blobs/test_blob_txs.py::test_valid_blob_tx_combinations[fork_Cancun-blobs_per_tx_(1,)]";
        StateTest t = StateTestFile.parse("t.json", TEMPLATE.formatted("").replaceFirst("\"t\"", Json.quote(name)), "Cancun").getFirst();
        assertEquals(name, t.name());
    }

    @Test
    void testsWithoutTheForkAreLeftOut() {
        assertEquals(List.of(), StateTestFile.parse("t.json", TEMPLATE.formatted(""), "Prague"));
    }

    static void malformed(String json, String message) {
        ZvmParseException e = assertThrows(ZvmParseException.class, () -> StateTestFile.parse("dir/t.json", json, "Cancun"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void malformedFilesNameTheField() {
        String ok = TEMPLATE.formatted("");
        malformed(ok.replace("\"currentBaseFee\": \"0x0a\", ", ""), "t.env: missing member \"currentBaseFee\"");
        malformed(ok.replace("\"0x0186a0\"", "\"0x01g6a0\""), "t.transaction.gasLimit[0]: not a quantity: \"0x01g6a0\"");
        malformed(ok.replace("\"0x0186a0\"", "\"0x010000000000000000\""), "t.transaction.gasLimit[0]: \"0x010000000000000000\" does not fit 64 bits");
        malformed(ok.replace("\"0x00ff\"", "\"0x0ff\""), "t.transaction.data[1]: not 0x-prefixed hex bytes: \"0x0ff\"");
        malformed(ok.replace("\"code\": \"0x6001600055\"", "\"code\": \":raw 0x6001600055\""),
                        "t.pre.0x095e7baea6a6c7c4c2dfeb977efac326af552d87.code: not 0x-prefixed hex bytes: \":raw 0x6001600055\"");
        malformed(ok.replace("\"0x0100\": \"0x02\"", "\"0x0100\": 2, \"0x000\": \"0x03\""),
                        "t.pre.0x095e7baea6a6c7c4c2dfeb977efac326af552d87.storage.0x000: the slot is given twice");
        malformed(ok.replace("\"data\": 1, \"gas\": 0", "\"data\": 2, \"gas\": 0"), "t.post.Cancun[1].indexes.data: 2 is out of range: the transaction has 2");
        malformed(ok.replace("\"gasPrice\": \"0x0a\", ", ""), "t.transaction: needs either gasPrice or both maxFeePerGas and maxPriorityFeePerGas");
        malformed(ok.replace("\"sender\": \"0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b\"", "\"sender\": \"0xa94f\""),
                        "t.transaction.sender: expected a 20-byte address, found 2 bytes");
        malformed(ok.replace("\"accessLists\": [null, ", "\"accessLists\": ["), "t.transaction.accessLists: 1 access lists for 2 data entries");
        malformed("{\"t\": }", "JSON: expected a value, found character '}' at offset 6");
        malformed("[]", "the top level: expected an object, found []");
    }
}
