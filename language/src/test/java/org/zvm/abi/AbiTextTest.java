// SPDX-License-Identifier: Apache-2.0
package org.zvm.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zvm.runtime.Address;
import org.zvm.util.Hex;

/** Values as cast reads and prints them. */
class AbiTextTest {
    @Test
    void integersPrintWithFoundrysExponentHint() {
        assertEquals("0", AbiText.withExponent(BigInteger.ZERO));
        assertEquals("1234", AbiText.withExponent(BigInteger.valueOf(1234)));
        assertEquals("1234567890 [1.234e9]", AbiText.withExponent(BigInteger.valueOf(1234567890)));
        assertEquals("1000000000000000000 [1e18]", AbiText.withExponent(new BigInteger("1000000000000000000")));
        assertEquals("-1234567890 [-1.234e9]", AbiText.withExponent(BigInteger.valueOf(-1234567890)));
    }

    @Test
    void addressesAreChecksummedAsEip55Says() {
        for (String a : List.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
                        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")) {
            assertEquals(a, AbiText.checksummed(Address.fromHex(a)));
            assertEquals(a, AbiText.format(new AbiType.Address(), AbiText.parse(new AbiType.Address(), a, "argument 1")));
        }
        assertEquals("argument 1: bad EIP-55 checksum in address '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD' (expected 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed)",
                        assertThrows(AbiException.class, () -> AbiText.parse(new AbiType.Address(), "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "argument 1")).getMessage());
    }

    @Test
    void nestedValuesParseAndPrint() {
        AbiType t = AbiType.parse("(uint256,string,bool[],bytes2)[]");
        Object v = AbiText.parse(t, "[(10000, \"a, b\", [true, false], 0x01)]", "argument 1");
        assertEquals("[(10000 [1e4], \"a, b\", [true, false], 0x0100)]", AbiText.format(t, v));
        assertEquals("0x0000000000000000000000000000000000000000000000000000000000000020", Hex.of(AbiCodec.encode(AbiType.Tuple.of(List.of(t)), List.of(v))).substring(0, 66));
    }

    @Test
    void badTextNamesTheArgument() {
        assertEquals("argument 2: uint256 cannot be negative: '-1'", assertThrows(AbiException.class, () -> AbiText.parse(new AbiType.UInt(256), "-1", "argument 2")).getMessage());
        assertEquals("argument 1: bool is true or false, not 'yes'", assertThrows(AbiException.class, () -> AbiText.parse(new AbiType.Bool(), "yes", "argument 1")).getMessage());
        assertEquals("argument 1: uint256[2] takes 2 elements, got 3",
                        assertThrows(AbiException.class, () -> AbiText.parse(AbiType.parse("uint256[2]"), "[1,2,3]", "argument 1")).getMessage());
        assertEquals("argument 1 element 2: uint8 takes a decimal or 0x-hex integer, not 'x'",
                        assertThrows(AbiException.class, () -> AbiText.parse(AbiType.parse("uint8[]"), "[1,x]", "argument 1")).getMessage());
    }

    @Test
    void stringsPrintQuotedWithEscapes() {
        assertEquals("\"a\\\"b\\n\"", AbiText.format(new AbiType.Str(), "a\"b\n"));
    }
}
