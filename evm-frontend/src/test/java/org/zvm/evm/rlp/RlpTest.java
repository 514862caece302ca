// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.rlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zvm.error.ZvmParseException;
import org.zvm.evm.rlp.Rlp.Bytes;
import org.zvm.evm.rlp.Rlp.Item;
import org.zvm.evm.rlp.Rlp.ItemList;
import org.zvm.runtime.UInt256;

/** The examples of ethereum/tests RLPTests (rlptest.json, invalidRLPTest.json) and the length boundaries. */
class RlpTest {
    private static final String LOREM_55 = "Lorem ipsum dolor sit amet, consectetur adipisicing eli";

    static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }

    static byte[] str(String s) {
        return Rlp.encodeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Checks the encoding, then that decoding gives back {@code item} and re-encodes to the same bytes. */
    static void check(String expectedHex, byte[] encoded, Item item) {
        assertEquals(expectedHex, HexFormat.of().formatHex(encoded));
        assertEquals(item, Rlp.decode(encoded));
        assertArrayEquals(encoded, encode(item));
    }

    static byte[] encode(Item item) {
        return switch (item) {
            case Bytes b -> Rlp.encodeBytes(b.value());
            case ItemList l -> Rlp.encodeList(l.items().stream().map(RlpTest::encode).toList());
        };
    }

    static Item bytes(String s) {
        return new Bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    static Item list(Item... items) {
        return new ItemList(List.of(items));
    }

    @Test
    void byteStrings() {
        check("80", Rlp.encodeBytes(new byte[0]), bytes(""));
        check("00", Rlp.encodeBytes(new byte[]{0}), new Bytes(new byte[]{0}));
        check("01", Rlp.encodeBytes(new byte[]{1}), new Bytes(new byte[]{1}));
        check("7f", Rlp.encodeBytes(new byte[]{0x7F}), new Bytes(new byte[]{0x7F}));
        check("8180", Rlp.encodeBytes(new byte[]{(byte) 0x80}), new Bytes(new byte[]{(byte) 0x80}));
        check("83646f67", str("dog"), bytes("dog"));
    }

    @Test
    void lengthBoundaryAt56Bytes() {
        String loremHex = HexFormat.of().formatHex(LOREM_55.getBytes(StandardCharsets.UTF_8));
        check("b7" + loremHex, str(LOREM_55), bytes(LOREM_55));
        check("b838" + loremHex + "74", str(LOREM_55 + "t"), bytes(LOREM_55 + "t"));
        byte[] k = new byte[1024];
        assertEquals("b90400", HexFormat.of().formatHex(Rlp.encodeBytes(k), 0, 3));
        assertEquals(new Bytes(k), Rlp.decode(Rlp.encodeBytes(k)));
    }

    @Test
    void integers() {
        long[] values = {0, 1, 15, 16, 79, 127, 128, 1000, 1024, 100000, -1};
        String[] expected = {"80", "01", "0f", "10", "4f", "7f", "8180", "8203e8", "820400", "830186a0", "88ffffffffffffffff"};
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected[i], HexFormat.of().formatHex(Rlp.encodeLong(values[i])), "value " + Long.toUnsignedString(values[i]));
            assertEquals(expected[i], HexFormat.of().formatHex(Rlp.encodeUInt256(UInt256.of(values[i]))));
        }
        assertEquals("8f102030405060708090a0b0c0d0e0f2",
                        HexFormat.of().formatHex(Rlp.encodeUInt256(UInt256.of(new BigInteger("83729609699884896815286331701780722")))));
        assertEquals("9c0100020003000400050006000700080009000a000b000c000d000e01", HexFormat.of().formatHex(
                        Rlp.encodeUInt256(UInt256.of(new BigInteger("105315505618206987246253880190783558935785933862974822347068935681")))));
        assertEquals("a0" + "ff".repeat(32), HexFormat.of().formatHex(Rlp.encodeUInt256(UInt256.MAX)));
    }

    @Test
    void lists() {
        check("c0", Rlp.encodeList(), list());
        check("c88363617483646f67", Rlp.encodeList(str("cat"), str("dog")), list(bytes("cat"), bytes("dog")));
        check("cc83646f6783676f6483636174", Rlp.encodeList(str("dog"), str("god"), str("cat")), list(bytes("dog"), bytes("god"), bytes("cat")));
        check("c6827a77c10401", Rlp.encodeList(str("zw"), Rlp.encodeList(Rlp.encodeLong(4)), Rlp.encodeLong(1)),
                        list(bytes("zw"), list(new Bytes(new byte[]{4})), new Bytes(new byte[]{1})));
        check("c4c2c0c0c0", Rlp.encodeList(Rlp.encodeList(Rlp.encodeList(), Rlp.encodeList()), Rlp.encodeList()), list(list(list(), list()), list()));
        check("c7c0c1c0c3c0c1c0", Rlp.encodeList(Rlp.encodeList(), Rlp.encodeList(Rlp.encodeList()), Rlp.encodeList(Rlp.encodeList(), Rlp.encodeList(Rlp.encodeList()))),
                        list(list(), list(list()), list(list(), list(list()))));
        check("ecca846b6579318476616c31ca846b6579328476616c32ca846b6579338476616c33ca846b6579348476616c34",
                        Rlp.encodeList(Rlp.encodeList(str("key1"), str("val1")), Rlp.encodeList(str("key2"), str("val2")),
                                        Rlp.encodeList(str("key3"), str("val3")), Rlp.encodeList(str("key4"), str("val4"))),
                        list(list(bytes("key1"), bytes("val1")), list(bytes("key2"), bytes("val2")), list(bytes("key3"), bytes("val3")),
                                        list(bytes("key4"), bytes("val4"))));
    }

    @Test
    void longLists() {
        String[] words = {"asdf", "qwer", "zxcv"};
        List<byte[]> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(str(words[i % 3]));
        }
        byte[] shortMax = Rlp.encodeList(eleven);
        assertEquals("f784617364668471776572847a786376", HexFormat.of().formatHex(shortMax, 0, 16));
        assertEquals(56, shortMax.length);
        byte[] triple = Rlp.encodeList(str("asdf"), str("qwer"), str("zxcv"));
        assertEquals("cf84617364668471776572847a786376", HexFormat.of().formatHex(triple));
        byte[] four = Rlp.encodeList(Collections.nCopies(4, triple));
        assertEquals("f840" + "cf84617364668471776572847a786376".repeat(4), HexFormat.of().formatHex(four));
        byte[] thirtyTwo = Rlp.encodeList(Collections.nCopies(32, triple));
        assertEquals("f90200" + "cf84617364668471776572847a786376".repeat(32), HexFormat.of().formatHex(thirtyTwo));
        Item decoded = Rlp.decode(thirtyTwo);
        assertEquals(32, ((ItemList) decoded).items().size());
        assertArrayEquals(thirtyTwo, encode(decoded));
    }

    static void invalid(String input, String message) {
        ZvmParseException e = assertThrows(ZvmParseException.class, () -> Rlp.decode(hex(input)), input);
        assertEquals(message, e.getMessage(), input);
    }

    @Test
    void nonCanonicalInput() {
        invalid("8100", "RLP: single byte 0x00 below 0x80 must be encoded as itself at offset 0");
        invalid("8101", "RLP: single byte 0x01 below 0x80 must be encoded as itself at offset 0");
        invalid("817f", "RLP: single byte 0x7f below 0x80 must be encoded as itself at offset 0");
        invalid("c28100", "RLP: single byte 0x00 below 0x80 must be encoded as itself at offset 1");
        invalid("b800", "RLP: length with a leading zero byte at offset 0");
        invalid("b90040" + "00".repeat(64), "RLP: length with a leading zero byte at offset 0");
        invalid("fb00000040" + "00".repeat(64), "RLP: length with a leading zero byte at offset 0");
        invalid("b9002100dc2b275d0f74e8a53e6f4ec61b27f24278820be3f82ea2110e582081b0565df0", "RLP: length with a leading zero byte at offset 0");
        invalid("b81000112233445566778899aabbccddeeff", "RLP: length 16 in the long form, which starts at 56 at offset 0");
        invalid("b801ff", "RLP: length 1 in the long form, which starts at 56 at offset 0");
        invalid("f80180", "RLP: length 1 in the long form, which starts at 56 at offset 0");
        invalid("f80100", "RLP: length 1 in the long form, which starts at 56 at offset 0");
        invalid("f803112233", "RLP: length 3 in the long form, which starts at 56 at offset 0");
        invalid("f810000102030405060708090a0b0c0d0e0f", "RLP: length 16 in the long form, which starts at 56 at offset 0");
        invalid("f861f83eb9002100dc2b275d0f74e8a53e6f4ec61b27f24278820be3f82ea2110e582081b0565df027b90015002d5ef8325ae4d034df55d4b58d0dfba64d61ddd17be00000b9001a00dae30907045a2f66fa36f2bb8aa9029cbb0b8a7b3b5c435ab331",
                        "RLP: length with a leading zero byte at offset 4");
    }

    @Test
    void truncatedOrOverlongInput() {
        invalid("", "RLP: expected an item, found the end of the input at offset 0");
        invalid("83646f", "RLP: 3-byte payload runs past the end of the input (bytes left: 2) at offset 0");
        invalid("b9", "RLP: 2-byte length runs past the end of the input (bytes left: 0) at offset 0");
        invalid("c283646f67", "RLP: 3-byte payload runs past the end of its list (bytes left: 1) at offset 1");
        invalid("bf0f000000000000021111", "RLP: length over 2^31 bytes at offset 0");
        invalid("ff0f000000000000021111", "RLP: length over 2^31 bytes at offset 0");
        invalid("8000", "RLP: trailing bytes after the item (count: 1) at offset 1");
        invalid("c0c0", "RLP: trailing bytes after the item (count: 1) at offset 1");
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        byte[] nested = Rlp.encodeList();
        for (int lists = 1; lists < Rlp.MAX_DEPTH; lists++) {
            nested = Rlp.encodeList(nested);
        }
        assertEquals(Rlp.MAX_DEPTH, depth(Rlp.decode(nested)));
        byte[] input = Rlp.encodeList(nested);
        ZvmParseException e = assertThrows(ZvmParseException.class, () -> Rlp.decode(input));
        assertEquals("RLP: lists nested deeper than 1024 at offset " + (input.length - 1), e.getMessage());
    }

    static int depth(Item item) {
        return item instanceof ItemList l ? 1 + (l.items().isEmpty() ? 0 : depth(l.items().getFirst())) : 0;
    }
}
