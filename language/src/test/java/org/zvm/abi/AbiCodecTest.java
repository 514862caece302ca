// SPDX-License-Identifier: Apache-2.0
package org.zvm.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zvm.runtime.Address;
import org.zvm.util.Hex;

/** The examples of the Solidity ABI specification, both ways, and the strictness of the decoder. */
class AbiCodecTest {
    private static BigInteger n(long v) {
        return BigInteger.valueOf(v);
    }

    private static String words(String... w) {
        return "0x" + String.join("", w);
    }

    private static String word(long v) {
        return String.format("%064x", v);
    }

    private static void roundTrip(String signature, List<?> args, String expectedCalldata) {
        AbiFunction f = AbiFunction.parse(signature);
        byte[] calldata = f.encodeCall(args);
        assertEquals(expectedCalldata, Hex.of(calldata));
        byte[] body = java.util.Arrays.copyOfRange(calldata, 4, calldata.length);
        assertEquals(Hex.of(AbiCodec.encode(f.inputs(), AbiCodec.decode(f.inputs(), body))), Hex.of(body));
    }

    @Test
    void specExampleBaz() {
        roundTrip("baz(uint32 x, bool y)", List.of(n(69), true), "0xcdcd77c0" + words(word(69), word(1)).substring(2));
    }

    @Test
    void specExampleBar() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        byte[] def = "def".getBytes(StandardCharsets.US_ASCII);
        roundTrip("bar(bytes3[2])", List.of(List.of(abc, def)),
                        "0xfce353f6" + "6162630000000000000000000000000000000000000000000000000000000000" + "6465660000000000000000000000000000000000000000000000000000000000");
    }

    @Test
    void specExampleSam() {
        roundTrip("sam(bytes,bool,uint256[])", List.of("dave".getBytes(StandardCharsets.US_ASCII), true, List.of(n(1), n(2), n(3))),
                        "0xa5643bf2" + word(0x60) + word(1) + word(0xa0) + word(4) + "6461766500000000000000000000000000000000000000000000000000000000" + word(3) + word(1) +
                                        word(2) + word(3));
    }

    @Test
    void specExampleDynamicTypes() {
        roundTrip("f(uint256,uint32[],bytes10,bytes)",
                        List.of(n(0x123), List.of(n(0x456), n(0x789)), "1234567890".getBytes(StandardCharsets.US_ASCII), "Hello, world!".getBytes(StandardCharsets.US_ASCII)),
                        "0x8be65246" + word(0x123) + word(0x80) + "3132333435363738393000000000000000000000000000000000000000000000" + word(0xe0) + word(2) + word(0x456) +
                                        word(0x789) + word(0xd) + "48656c6c6f2c20776f726c642100000000000000000000000000000000000000");
    }

    @Test
    void specExampleNestedDynamicArrays() {
        roundTrip("g(uint256[][],string[])", List.of(List.of(List.of(n(1), n(2)), List.of(n(3))), List.of("one", "two", "three")),
                        "0x2289b18c" + word(0x40) + word(0x140) + word(2) + word(0x40) + word(0xa0) + word(2) + word(1) + word(2) + word(1) + word(3) + word(3) + word(0x60) +
                                        word(0xa0) + word(0xe0) + word(3) + "6f6e650000000000000000000000000000000000000000000000000000000000" + word(3) +
                                        "74776f0000000000000000000000000000000000000000000000000000000000" + word(5) +
                                        "7468726565000000000000000000000000000000000000000000000000000000");
    }

    @Test
    void knownSelectors() {
        assertEquals("0xa9059cbb", Hex.of(AbiFunction.parse("transfer(address,uint256)").selector()));
        assertEquals("0x70a08231", Hex.of(AbiFunction.parse("balanceOf(address)").selector()));
        assertEquals("0x095ea7b3", Hex.of(AbiFunction.parse("approve(address spender, uint amount)").selector()));
        assertEquals("0x18160ddd", Hex.of(AbiFunction.parse("function totalSupply() external view returns (uint256)").selector()));
        assertEquals("0x08c379a0", Hex.of(RevertReason.ERROR.selector()));
        assertEquals("0x4e487b71", Hex.of(RevertReason.PANIC.selector()));
    }

    @Test
    void tuplesAndSignedIntegers() {
        AbiFunction f = AbiFunction.parse("h((int8,string)[],int256)");
        assertEquals("h((int8,string)[],int256)", f.signature());
        List<Object> args = List.of(List.of(List.of(n(-1), "x")), n(-2));
        byte[] body = AbiCodec.encode(f.inputs(), args);
        assertEquals(word(0x40) + "f".repeat(63) + "e" + word(1) + word(0x20) + "f".repeat(64) + word(0x40) + word(1) + "78" + "0".repeat(62), Hex.of(body).substring(2));
        List<Object> back = AbiCodec.decode(f.inputs(), body);
        assertEquals(n(-2), back.get(1));
        assertEquals(n(-1), ((List<?>) ((List<?>) back.get(0)).get(0)).get(0));
    }

    @Test
    void encodingRejectsValuesOutOfRange() {
        AbiFunction f = AbiFunction.parse("f(uint8 small, int8 signed, address to)");
        Address to = Address.fromHex("0x01");
        assertEquals("argument 1 (small): 256 does not fit in uint8", assertThrows(AbiException.class, () -> f.encodeCall(List.of(n(256), n(0), to))).getMessage());
        assertEquals("argument 2 (signed): -129 does not fit in int8", assertThrows(AbiException.class, () -> f.encodeCall(List.of(n(0), n(-129), to))).getMessage());
        assertEquals("argument 3 (to): address cannot take String", assertThrows(AbiException.class, () -> f.encodeCall(List.of(n(0), n(0), "x"))).getMessage());
        assertEquals("expected 3 arguments for (uint8,int8,address), got 1", assertThrows(AbiException.class, () -> f.encodeCall(List.of(n(0)))).getMessage());
    }

    @Test
    void decodingIsStrictAndNamesTheOffset() {
        AbiType.Tuple bool2 = AbiType.parseList("(uint256,bool)");
        assertEquals("offset 0x20: bool word is neither 0 nor 1", assertThrows(AbiException.class, () -> AbiCodec.decode(bool2, Hex.bytes(word(1) + word(2)))).getMessage());
        assertEquals("offset 0x20: data ends at 48 bytes, a word needs 32",
                        assertThrows(AbiException.class, () -> AbiCodec.decode(bool2, Hex.bytes(word(1) + "00".repeat(16)))).getMessage());
        AbiType.Tuple small = AbiType.parseList("uint8");
        assertEquals("offset 0x0: uint8 word has bits above bit 8 set", assertThrows(AbiException.class, () -> AbiCodec.decode(small, Hex.bytes(word(256)))).getMessage());
        AbiType.Tuple str = AbiType.parseList("(string)");
        assertEquals("offset 0x0: offset 0x1000 points past the end of the data (64 bytes)",
                        assertThrows(AbiException.class, () -> AbiCodec.decode(str, Hex.bytes(word(0x1000) + word(0)))).getMessage());
        assertEquals("offset 0x20: length 100 runs past the end of the data (96 bytes)",
                        assertThrows(AbiException.class, () -> AbiCodec.decode(str, Hex.bytes(word(0x20) + word(100) + word(0)))).getMessage());
        assertEquals("offset 0x41: non-zero padding after 1 bytes",
                        assertThrows(AbiException.class, () -> AbiCodec.decode(str, Hex.bytes(word(0x20) + word(1) + "6161" + "00".repeat(30)))).getMessage());
        AbiType.Tuple addr = AbiType.parseList("address");
        assertEquals("offset 0x0: address word has non-zero padding", assertThrows(AbiException.class, () -> AbiCodec.decode(addr, Hex.bytes("01" + "00".repeat(31)))).getMessage());
    }

    /** The one-line error {@code signature} is refused with. */
    private static String refusal(String signature) {
        return assertThrows(AbiException.class, () -> AbiFunction.parse(signature)).getMessage();
    }

    @Test
    void elementsOfZeroSizeAndHeadsBeyondAnIntAreRefused() {
        // Found by fuzzing: 24 bytes of signature made the decoder build 570,240 empty arrays (16 s under Jazzer).
        assertEquals("int256[0][8]: array elements of zero size are not supported", refusal("f(int[0][8][90][8][99])"));
        assertEquals("()[]: array elements of zero size are not supported", refusal("f(()[])"),
                        "a length word alone would stand for up to 2^31-1 empty tuples");
        assertEquals("int256[999999][999999]: too large, its head takes 31999936000032 bytes", refusal("f(int[999999][999999])"));
        assertEquals("a tuple of 2 components: too large, its head takes 4287995712 bytes", refusal("f(uint[999999][67],uint[999999][67])"));
        assertEquals(List.of(List.of()), AbiCodec.decode(AbiFunction.parse("f(int[0])").inputs(), new byte[0]), "an empty array itself is fine");
    }

    @Test
    void typeAndSignatureErrorsAreOneLine() {
        assertEquals("uint7: uintN takes N a multiple of 8 from 8 to 256 at position 2 of 'f(uint7)'", refusal("f(uint7)"));
        assertEquals("unknown type 'function' at position 2 of 'f(function)'", refusal("f(function)"),
                        "function types are not supported: encoding them as bytes24 would give a wrong selector");
        assertEquals("unknown type 'uint256x' at position 2 of 'f(uint256x)'", refusal("f(uint256x)"));
        assertEquals("expected ',' or ')' at the end of 'f(uint256'", refusal("f(uint256"));
        assertEquals("expected a function name at position 0 of '(uint256)'", refusal("(uint256)"));
        assertEquals("bytes33: bytesN takes N from 1 to 32 at position 0 of 'bytes33'", assertThrows(AbiException.class, () -> AbiType.parse("bytes33")).getMessage());
        // Found by fuzzing: an N beyond an int escaped as a NumberFormatException.
        assertEquals("uint25555555555555: uintN takes N a multiple of 8 from 8 to 256 at position 2 of 'f(uint25555555555555)'", refusal("f(uint25555555555555)"));
        assertEquals("bytes99999999999: bytesN takes N from 1 to 32 at position 0 of 'bytes99999999999'", assertThrows(AbiException.class, () -> AbiType.parse("bytes99999999999")).getMessage());
    }

    @Test
    void outputsAndMutabilityFromSignatures() {
        AbiFunction f = AbiFunction.parse("balanceOf(address)(uint256)");
        assertEquals("(uint256)", f.outputs().canonical());
        AbiFunction g = AbiFunction.parse("function get(uint256 key) external view returns (string memory value)");
        assertEquals("get(uint256)", g.signature());
        assertEquals(true, g.isReadOnly());
        assertEquals(List.of("value"), g.outputs().names());
        assertArrayEquals(new byte[0], AbiCodec.encode(AbiType.parseList("()"), List.of()));
    }
}
