// SPDX-License-Identifier: Apache-2.0
package org.zvm.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zvm.util.Hex;

/** solc's JSON ABI, and revert data decoded with it. */
class ContractAbiTest {
    private static final String ABI = """
                    [{"inputs":[{"internalType":"uint256","name":"supply","type":"uint256"}],"stateMutability":"nonpayable","type":"constructor"},
                     {"inputs":[{"internalType":"uint256","name":"needed","type":"uint256"},{"internalType":"uint256","name":"available","type":"uint256"}],"name":"Short","type":"error"},
                     {"anonymous":false,"inputs":[{"indexed":true,"internalType":"address","name":"from","type":"address"}],"name":"Transfer","type":"event"},
                     {"inputs":[{"internalType":"address","name":"owner","type":"address"}],"name":"balanceOf","outputs":[{"internalType":"uint256","name":"","type":"uint256"}],"stateMutability":"view","type":"function"},
                     {"inputs":[{"components":[{"name":"a","type":"uint8"},{"name":"b","type":"bytes"}],"internalType":"struct S[2]","name":"s","type":"tuple[2][]"}],"name":"take","outputs":[],"stateMutability":"payable","type":"function"}]
                    """;

    @Test
    void readsFunctionsConstructorAndErrors() {
        ContractAbi abi = ContractAbi.read(ABI, "Token.abi");
        assertEquals(2, abi.functions().size());
        assertEquals("balanceOf(address)", abi.functionsNamed("balanceOf").getFirst().signature());
        assertEquals(true, abi.functionsNamed("balanceOf").getFirst().isReadOnly());
        assertEquals("take((uint8,bytes)[2][])", abi.functionsNamed("take").getFirst().signature());
        AbiType.Array outer = (AbiType.Array) abi.functionsNamed("take").getFirst().inputs().types().getFirst();
        assertEquals(List.of("a", "b"), ((AbiType.Tuple) ((AbiType.Array) outer.element()).element()).names());
        assertEquals("(uint256)", abi.constructor().inputs().canonical());
        assertEquals("Short(uint256,uint256)", abi.errors().getFirst().signature());
    }

    @Test
    void acceptsArtifactsWithAnAbiMember() {
        assertEquals(2, ContractAbi.read("{\"abi\": " + ABI + ", \"bytecode\": \"0x\"}", "Token.json").functions().size());
    }

    @Test
    void badAbiNamesTheEntry() {
        assertEquals("x.abi: entry 0 (f) inputs 0: uint9: uintN takes N a multiple of 8 from 8 to 256 at position 0 of 'uint9'",
                        assertThrows(AbiException.class, () -> ContractAbi.read("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"type\":\"uint9\"}]}]", "x.abi")).getMessage());
        assertEquals("x.abi: a JSON ABI is an array of entries (or an object with an \"abi\" or a KALIX \"functions\" array)",
                        assertThrows(AbiException.class, () -> ContractAbi.read("{}", "x.abi")).getMessage());
        assertEquals("x.abi: entry 0: missing \"name\"", assertThrows(AbiException.class, () -> ContractAbi.read("[{\"type\":\"function\"}]", "x.abi")).getMessage());
    }

    @Test
    void revertReasons() {
        byte[] error = RevertReason.ERROR.encodeCall(List.of("insufficient balance"));
        RevertReason r = RevertReason.decode(error, null);
        assertEquals("Error", r.kind());
        assertEquals("insufficient balance", r.message());
        RevertReason p = RevertReason.decode(RevertReason.PANIC.encodeCall(List.of(BigInteger.valueOf(0x11))), null);
        assertEquals("panic 0x11: arithmetic underflow or overflow", p.message());
        assertEquals(0x11, p.panicCode());
        ContractAbi abi = ContractAbi.read(ABI, "Token.abi");
        byte[] custom = abi.errors().getFirst().encodeCall(List.of(BigInteger.valueOf(100000), BigInteger.valueOf(5)));
        assertEquals("Short(needed: 100000 [1e5], available: 5)", RevertReason.decode(custom, abi).message());
        assertEquals("revert data 0xdeadbeef", RevertReason.decode(Hex.bytes("deadbeef"), abi).message());
        assertEquals("no revert data", RevertReason.decode(new byte[0], abi).message());
    }
}
