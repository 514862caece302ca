// SPDX-License-Identifier: Apache-2.0
package org.zvm.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zvm.runtime.Address;
import org.zvm.util.Hex;

/** The KALIX ABI JSON: KALIX type names, selectors over the KALIX spelling, and the checks on them. */
class KalixAbiTest {
    private static final String TREASURY = """
                    {"contract": "Treasury",
                     "functions": [{"name": "deposit", "selector": "0x08ec3a6f", "visibility": "public",
                                    "mutability": "nonpayable", "inputs": [{"name": "amount", "type": "u64"}], "outputs": []},
                                   {"name": "balance", "selector": "%s", "mutability": "view",
                                    "inputs": [{"name": "owner", "type": "Address"}], "outputs": [{"name": "", "type": "u64"}]}],
                     "events": [], "state_variables": [{"name": "total", "slot": 0, "type": "u64", "visibility": "public"}],
                     "tables": [{"name": "balances", "slot": 1, "key_type": "Address", "value_type": "u64"}]}
                    """;

    private static String treasury(String balanceSelector) {
        return TREASURY.formatted(balanceSelector);
    }

    @Test
    void selectorsHashTheKalixSpelling() {
        String balance = Hex.of(AbiFunction.parse("balance(address)").selector());
        // Keccak-256 of "balance(Address)", not of Solidity's "balance(address)".
        String kalixBalance = Hex.of(java.util.Arrays.copyOf(org.zvm.crypto.Hashes.keccak256("balance(Address)".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 4));
        ContractAbi abi = ContractAbi.read(treasury(kalixBalance), "Treasury.abi.json");
        AbiFunction deposit = abi.functionsNamed("deposit").getFirst();
        assertEquals("deposit(u64)", deposit.signature());
        assertEquals("0x08ec3a6f", Hex.of(deposit.selector()));
        assertEquals("(uint64)", deposit.inputs().canonical());
        AbiFunction b = abi.functionsNamed("balance").getFirst();
        assertEquals(true, b.isReadOnly());
        assertEquals("(uint64)", b.outputs().canonical());
        assertEquals(kalixBalance, Hex.of(b.selector()));
        assertEquals(false, balance.equals(kalixBalance));
    }

    @Test
    void encodesKalixTypesAsTheirSolidityCounterparts() {
        String abi = """
                        {"functions": [{"name": "f", "selector": "%s", "inputs": [{"name": "a", "type": "u8"}, {"name": "b", "type": "i64"},
                         {"name": "c", "type": "bool"}, {"name": "d", "type": "Address"}, {"name": "e", "type": "bytes"}, {"name": "g", "type": "u256"}]}]}
                        """;
        String selector = Hex.of(java.util.Arrays.copyOf(org.zvm.crypto.Hashes.keccak256("f(u8,i64,bool,Address,bytes,u256)".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 4));
        AbiFunction f = ContractAbi.read(abi.formatted(selector), "f.json").functions().getFirst();
        Address d = Address.fromHex("0x00000000000000000000000000000000000000c0");
        List<Object> args = List.of(BigInteger.valueOf(255), BigInteger.valueOf(-1), true, d, new byte[]{1, 2}, BigInteger.TWO.pow(255));
        byte[] call = f.encodeCall(args);
        byte[] expected = AbiFunction.parse("f(uint8,int64,bool,address,bytes,uint256)").encodeCall(args);
        assertEquals(Hex.of(java.util.Arrays.copyOfRange(expected, 4, expected.length)), Hex.of(java.util.Arrays.copyOfRange(call, 4, call.length)));
        assertEquals("argument 1 (a): 256 does not fit in uint8",
                        assertThrows(AbiException.class, () -> f.encodeCall(List.of(BigInteger.valueOf(256), BigInteger.ZERO, true, d, new byte[0], BigInteger.ZERO))).getMessage());
    }

    @Test
    void aWrongSelectorNamesTheFunction() {
        // KALIX's own fixture carries the SHA3-256 prefix 0x3EC3E379 for deposit(u64).
        String bad = TREASURY.replace("0x08ec3a6f", "0x3EC3E379").formatted("0x00000000");
        assertEquals("Treasury.zvmc: function deposit: selector 0x3ec3e379 is not keccak256(\"deposit(u64)\")[0:4] = 0x08ec3a6f",
                        assertThrows(AbiException.class, () -> ContractAbi.read(bad, "Treasury.zvmc")).getMessage());
    }

    @Test
    void badEntriesAreNamed() {
        assertEquals("x: function f inputs 0: unknown KALIX type 'uint64' (u8..u256, i8..i256, bool, Address, bytes)",
                        assertThrows(AbiException.class, () -> ContractAbi.read("{\"functions\":[{\"name\":\"f\",\"selector\":\"0x00\",\"inputs\":[{\"type\":\"uint64\"}]}]}", "x")).getMessage());
        assertEquals("x: function f: missing \"selector\"",
                        assertThrows(AbiException.class, () -> ContractAbi.read("{\"functions\":[{\"name\":\"f\"}]}", "x")).getMessage());
        assertEquals("x: function f: unknown mutability constant (pure, view, nonpayable, payable or mutable)",
                        assertThrows(AbiException.class, () -> ContractAbi.read("{\"functions\":[{\"name\":\"f\",\"mutability\":\"constant\"}]}", "x")).getMessage());
        String twice = "{\"functions\":[{\"name\":\"f\",\"selector\":\"0x26121ff0\"},{\"name\":\"f\",\"selector\":\"0x26121ff0\"}]}";
        assertEquals("x: function f: selector 0x26121ff0 of f() is also that of f()",
                        assertThrows(AbiException.class, () -> ContractAbi.read(twice, "x")).getMessage());
    }
}
