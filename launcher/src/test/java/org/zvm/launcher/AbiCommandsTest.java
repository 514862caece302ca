// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code zvm abi} and {@code zvm selector} print what cast prints for the same input. */
class AbiCommandsTest {
    private static String run(Command c, String... words) throws UsageException {
        return AbiCommands.run(c, List.of(words));
    }

    @Test
    void selectorAsCastSig() throws UsageException {
        assertEquals("0xa9059cbb", run(Command.SELECTOR, "transfer(address,uint256)"));
        assertEquals("0x70a08231", run(Command.SELECTOR, "function balanceOf(address owner) external view returns (uint256)"));
    }

    @Test
    void encodeAsCastAbiEncode() throws UsageException {
        // cast abi-encode "transfer(address,uint256)" 0x000000000000000000000000000000000000dEaD 1000
        assertEquals("0x000000000000000000000000000000000000000000000000000000000000dead" + "00000000000000000000000000000000000000000000000000000000000003e8",
                        run(Command.ABI, "encode", "transfer(address,uint256)", "0x000000000000000000000000000000000000dEaD", "1000"));
        assertEquals("0x" + "f".repeat(64) + "0000000000000000000000000000000000000000000000000000000000000040" + "0000000000000000000000000000000000000000000000000000000000000002" +
                        "6869000000000000000000000000000000000000000000000000000000000000", run(Command.ABI, "encode", "f(int256,string)", "-1", "hi"));
    }

    @Test
    void decodeAsCastAbiDecode() throws UsageException {
        String data = "0x000000000000000000000000000000000000000000000000000000000000dead" + "0000000000000000000000000000000000000000000000000de0b6b3a7640000";
        assertEquals("0x000000000000000000000000000000000000dEaD\n1000000000000000000 [1e18]", run(Command.ABI, "decode", "(address,uint256)", data));
        assertEquals("0x000000000000000000000000000000000000dEaD", run(Command.ABI, "decode", "owner()(address)", data));
        assertEquals("true\n\"hi\"", run(Command.ABI, "decode", "f(bool,string)",
                        "0x" + "0".repeat(63) + "1" + "0".repeat(62) + "40" + "0".repeat(63) + "2" + "6869" + "0".repeat(60)));
    }

    @Test
    void badInputIsOneLine() {
        assertEquals("abi: expected 'encode SIG ARG...' or 'decode TYPES HEX', not 'encrypt'", assertThrows(UsageException.class, () -> run(Command.ABI, "encrypt")).getMessage());
        assertEquals("abi encode: transfer(address,uint256) takes 2 arguments, got 1",
                        assertThrows(UsageException.class, () -> run(Command.ABI, "encode", "transfer(address,uint256)", "0x01")).getMessage());
        assertEquals("abi: argument 2: uint256 cannot be negative: '-5'",
                        assertThrows(UsageException.class, () -> run(Command.ABI, "encode", "f(address,uint256)", "0x000000000000000000000000000000000000dEaD", "-5")).getMessage());
        assertEquals("abi: offset 0x0: bool word is neither 0 nor 1",
                        assertThrows(UsageException.class, () -> run(Command.ABI, "decode", "(bool)", "0x" + "0".repeat(63) + "2")).getMessage());
        assertEquals("selector: expected one signature such as 'transfer(address,uint256)', got 0 arguments",
                        assertThrows(UsageException.class, () -> run(Command.SELECTOR)).getMessage());
    }
}
