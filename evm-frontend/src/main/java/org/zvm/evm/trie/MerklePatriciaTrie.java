// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.trie;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;

import org.zvm.crypto.Hashes;
import org.zvm.evm.rlp.Rlp;

/**
 * The root hash of a Modified Merkle Patricia Trie (yellow paper appendix D), the commitment behind state,
 * storage, transaction and receipt roots. Only the root is computed: the trie is built in one pass over
 * sorted keys, where the common prefix of a sorted range is the common prefix of its first and last keys,
 * so each node is encoded once and nothing is kept. A node whose encoding is shorter than 32 bytes is
 * embedded in its parent; a longer one is referenced by its keccak256.
 */
public final class MerklePatriciaTrie {
    private MerklePatriciaTrie() {
    }

    /** The order the keys of {@link #root} must be in: unsigned lexicographic, so a prefix comes first. */
    public static final Comparator<byte[]> KEY_ORDER = Arrays::compareUnsigned;

    private static final byte[] EMPTY_STRING = Rlp.encodeBytes(new byte[0]);
    private static final int HASH_REFERENCE_SIZE = 32;

    /**
     * The root of the trie holding {@code entries}, whose keys are in {@link #KEY_ORDER}. An empty value is
     * no entry, as in Ethereum, where storing an empty value deletes the key.
     */
    public static byte[] root(SortedMap<byte[], byte[]> entries) {
        byte[][] keys = new byte[entries.size()][];
        byte[][] values = new byte[entries.size()][];
        int n = 0;
        for (Map.Entry<byte[], byte[]> e : entries.entrySet()) {
            if (n > 0 && KEY_ORDER.compare(keys[n - 1], e.getKey()) >= 0) {
                throw new IllegalArgumentException("trie keys are not in unsigned byte order (build the map with MerklePatriciaTrie.KEY_ORDER)");
            }
            if (e.getValue().length > 0) {
                keys[n] = e.getKey();
                values[n++] = e.getValue();
            }
        }
        byte[] rootNode = n == 0 ? EMPTY_STRING : new Builder(keys, values).node(0, n, 0);
        return Hashes.keccak256(rootNode);
    }

    /** Encodes the nodes for ranges of the sorted keys; depths and offsets count nibbles. */
    private record Builder(byte[][] keys, byte[][] values) {
        /** The node for keys {@code [lo, hi)}, which share their first {@code depth} nibbles. */
        byte[] node(int lo, int hi, int depth) {
            if (hi - lo == 1) {
                return Rlp.encodeList(Rlp.encodeBytes(hexPrefix(keys[lo], depth, nibbles(keys[lo]), true)), Rlp.encodeBytes(values[lo]));
            }
            int common = commonPrefix(keys[lo], keys[hi - 1], depth);
            if (common > depth) {
                return Rlp.encodeList(Rlp.encodeBytes(hexPrefix(keys[lo], depth, common, false)), reference(branch(lo, hi, common)));
            }
            return branch(lo, hi, depth);
        }

        /** Sixteen children by the nibble at {@code depth}, then the value of the key that ends there. */
        byte[] branch(int lo, int hi, int depth) {
            byte[][] items = new byte[17][];
            int i = lo;
            items[16] = EMPTY_STRING;
            if (nibbles(keys[i]) == depth) {
                items[16] = Rlp.encodeBytes(values[i++]);
            }
            for (int nibble = 0; nibble < 16; nibble++) {
                int j = i;
                while (j < hi && nibble(keys[j], depth) == nibble) {
                    j++;
                }
                items[nibble] = j > i ? reference(node(i, j, depth + 1)) : EMPTY_STRING;
                i = j;
            }
            return Rlp.encodeList(items);
        }

        static byte[] reference(byte[] node) {
            return node.length < HASH_REFERENCE_SIZE ? node : Rlp.encodeBytes(Hashes.keccak256(node));
        }

        static int nibbles(byte[] key) {
            return key.length * 2;
        }

        static int nibble(byte[] key, int i) {
            int b = key[i >> 1];
            return (i & 1) == 0 ? (b >> 4) & 0xF : b & 0xF;
        }

        static int commonPrefix(byte[] a, byte[] b, int from) {
            int end = Math.min(nibbles(a), nibbles(b));
            int i = from;
            while (i < end && nibble(a, i) == nibble(b, i)) {
                i++;
            }
            return i;
        }

        /** Hex-prefix encoding of nibbles {@code [from, to)}: a flag nibble (odd length, leaf) packs them into bytes. */
        static byte[] hexPrefix(byte[] key, int from, int to, boolean leaf) {
            int count = to - from;
            byte[] out = new byte[count / 2 + 1];
            int flag = (leaf ? 2 : 0) + (count & 1);
            int i = from;
            out[0] = (byte) (flag << 4);
            if ((count & 1) == 1) {
                out[0] |= (byte) nibble(key, i++);
            }
            for (int o = 1; o < out.length; o++, i += 2) {
                out[o] = (byte) (nibble(key, i) << 4 | nibble(key, i + 1));
            }
            return out;
        }
    }
}
