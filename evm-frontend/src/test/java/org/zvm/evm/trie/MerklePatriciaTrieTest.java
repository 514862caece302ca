// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.zvm.crypto.Hashes;

/**
 * Roots from ethereum/tests TrieTests (trieanyorder, trietest, their secureTrie variants and
 * hex_encoded_securetrie_test) and, for thousands of keys, from a slow reference that transcribes the
 * yellow paper's definition literally (Python, outside the repository).
 */
class MerklePatriciaTrieTest {
    static final String EMPTY_ROOT = "56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421";

    /** As the test files write keys and values: {@code 0x} hex, else UTF-8 text. */
    static byte[] bytes(String s) {
        return s.startsWith("0x") ? HexFormat.of().parseHex(s, 2, s.length()) : s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Applies {@code key, value} pairs in order to a map, a null value deleting the key, and returns the root
     * of the plain and the secure (keccak256 keys) trie, as "plain secure" in hex.
     */
    static String roots(String... pairs) {
        SortedMap<byte[], byte[]> plain = new TreeMap<>(MerklePatriciaTrie.KEY_ORDER);
        SortedMap<byte[], byte[]> secure = new TreeMap<>(MerklePatriciaTrie.KEY_ORDER);
        for (int i = 0; i < pairs.length; i += 2) {
            byte[] key = bytes(pairs[i]);
            if (pairs[i + 1] == null) {
                plain.remove(key);
                secure.remove(Hashes.keccak256(key));
            } else {
                plain.put(key, bytes(pairs[i + 1]));
                secure.put(Hashes.keccak256(key), bytes(pairs[i + 1]));
            }
        }
        return hex(MerklePatriciaTrie.root(plain)) + " " + hex(MerklePatriciaTrie.root(secure));
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void emptyTrie() {
        assertEquals(EMPTY_ROOT + " " + EMPTY_ROOT, roots());
    }

    @Test
    void trieAnyOrder() {
        assertEquals("d23786fb4a010da3ce639d66d5e904a11dbc02746d1ce25029e53290cabf28ab e9e2935138352776cad724d31c9fa5266a5c593bb97726dd2a908fe6d53284df",
                        roots("A", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
        assertEquals("8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3 d4cd937e4a4368d7931a9cf51686b7e10abb3dce38a39000fd7902a092b64585",
                        roots("doe", "reindeer", "dog", "puppy", "dogglesworth", "cat"));
        assertEquals("5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84 29b235a58c3c25ab83010c327d5932bcf05324b7d6b1185e650798034783ca9d",
                        roots("do", "verb", "horse", "stallion", "doge", "coin", "dog", "puppy"));
        assertEquals("17beaa1648bafa633cda809c90c04af50fc8aed3cb40d16efbddee6fdf63c4c3 1385f23a33021025d9e87cca5c66c00de06178807b96a9acc92b7d651ccde842",
                        roots("foo", "bar", "food", "bass"));
        assertEquals("3f67c7a47520f79faa29255d2d3c084a7a6df0453116ed7232ff10277a8be68b 826a4f9f9054a3e980e54b20da992c24fa20467f1ca635115ef4917be66e746f",
                        roots("be", "e", "dog", "puppy", "bed", "d"));
        assertEquals("8452568af70d8d140f58d941338542f645fcca50094b20f3c3d8c3df49337928 aea54fb6c80499674248a462864c420c9d9f3b3d38c879c12425bade1ad76552",
                        roots("test", "test", "te", "testy"));
        assertEquals("285505fcabe84badc8aa310e2aae17eddc7d120aabec8a476902c8184b3a3503 bc11c02c8ab456db0c4d2728b6a2a6210d06f26a2ace4f7d8bdfc72ddf2630ab",
                        roots("0x0045", "0x0123456789", "0x4500", "0x9876543210"));
    }

    @Test
    void trieTestSequences() {
        assertEquals("5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84 29b235a58c3c25ab83010c327d5932bcf05324b7d6b1185e650798034783ca9d",
                        roots("do", "verb", "ether", "wookiedoo", "horse", "stallion", "shaman", "horse", "doge", "coin", "ether", null, "dog", "puppy",
                                        "shaman", null));
        assertEquals("9f6221ebb8efe7cff60a716ecb886e67dd042014be444669f0159d8e68b42100 72adb52e9d9428f808e3e8045be18d3baa77881d0cfab89a17a2bcbacee2f320",
                        roots("0x0000000000000000000000000000000000000000000000000000000000000045", "0x22b224a1420a802ab51d326e29fa98e34c4f24ea",
                                        "0x0000000000000000000000000000000000000000000000000000000000000046", "0x67706c2076330000000000000000000000000000000000000000000000000000",
                                        "0x0000000000000000000000000000000000000000000000000000001234567890", "0x697c7b8c961b56f675d570498424ac8de1a918f6",
                                        "0x000000000000000000000000697c7b8c961b56f675d570498424ac8de1a918f6", "0x1234567890",
                                        "0x0000000000000000000000007ef9e639e2733cb34e4dfc576d4b23f72db776b2", "0x4655474156000000000000000000000000000000000000000000000000000000",
                                        "0x000000000000000000000000ec4f34c97e43fbb2816cfd95e388353c7181dab1", "0x4e616d6552656700000000000000000000000000000000000000000000000000",
                                        "0x4655474156000000000000000000000000000000000000000000000000000000", "0x7ef9e639e2733cb34e4dfc576d4b23f72db776b2",
                                        "0x4e616d6552656700000000000000000000000000000000000000000000000000", "0xec4f34c97e43fbb2816cfd95e388353c7181dab1",
                                        "0x0000000000000000000000000000000000000000000000000000001234567890", null,
                                        "0x000000000000000000000000697c7b8c961b56f675d570498424ac8de1a918f6", "0x6f6f6f6820736f2067726561742c207265616c6c6c793f000000000000000000",
                                        "0x6f6f6f6820736f2067726561742c207265616c6c6c793f000000000000000000", "0x697c7b8c961b56f675d570498424ac8de1a918f6"));
        String insertMiddleLeaf = roots("key1aa", "0123456789012345678901234567890123456789xxx", "key1", "0123456789012345678901234567890123456789Very_Long",
                        "key2bb", "aval3", "key2", "short", "key3cc", "aval3", "key3", "1234567890123456789012345678901");
        assertEquals("cb65032e2f76c48b82b5c24b3db8f670ce73982869d38cd39a624f23d62a9e89", insertMiddleLeaf.split(" ")[0]);
    }

    @Test
    void everyKeyDeletedLeavesTheEmptyRoot() {
        String[] addresses = {"0x04110d816c380812a427968ece99b1c963dfbce6", "0x095e7baea6a6c7c4c2dfeb977efac326af552d87",
                        "0x0a517d755cebbf66312b30fff713666a9cb917e0", "0x24dd378f51adc67a50e339e8031fe9bd4aafab36", "0x293f982d000532a7861ab122bdc4bbfd26bf9030"};
        String[] pairs = new String[addresses.length * 4];
        for (int i = 0; i < addresses.length; i++) {
            pairs[2 * i] = addresses[i];
            pairs[2 * i + 1] = "something";
            pairs[2 * addresses.length + 2 * i] = addresses[i];
        }
        assertEquals(EMPTY_ROOT + " " + EMPTY_ROOT, roots(pairs));
    }

    @Test
    void hexEncodedSecureTrie() {
        String secure = roots("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b",
                        "0xf848018405f446a7a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
                        "0x095e7baea6a6c7c4c2dfeb977efac326af552d87",
                        "0xf8440101a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a004bccc5d94f4d1f99aab44369a910179931772f2a5c001c3229f57831c102769",
                        "0xd2571607e241ecf590ed94b12d87c94babe36db6",
                        "0xf8440180a0ba4b47865c55a341a4a78759bb913cd15c3ee8eaf30a62fa8d1c8863113d84e8a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
                        "0x62c01474f089b07dae603491675dc5b5748f7049",
                        "0xf8448080a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
                        "0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba",
                        "0xf8478083019a59a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
        assertEquals("730a444e08ab4b8dee147c9b232fc52d34a223d600031c1e9d25bfc985cbd797", secure.split(" ")[1]);
    }

    @Test
    void thousandsOfKeysOfManyLengths() {
        SortedMap<byte[], byte[]> entries = new TreeMap<>(MerklePatriciaTrie.KEY_ORDER);
        for (int i = 0; i < 4000; i++) {
            entries.put(("k" + i).getBytes(StandardCharsets.US_ASCII), ("v" + i * 7).repeat(i % 5).getBytes(StandardCharsets.US_ASCII));
        }
        // Every fifth value is empty, so that key is absent.
        assertEquals("97542270c472daf67b10df23cfb712940dca2e42725092f0e8ceccb4b68aff20", hex(MerklePatriciaTrie.root(entries)));
    }

    @Test
    void keysOutOfOrderAreRefused() {
        SortedMap<byte[], byte[]> signed = new TreeMap<>(Arrays::compare);
        signed.put(new byte[]{(byte) 0x80}, new byte[]{1});
        signed.put(new byte[]{0x01}, new byte[]{1});
        assertThrows(IllegalArgumentException.class, () -> MerklePatriciaTrie.root(signed));
    }
}
