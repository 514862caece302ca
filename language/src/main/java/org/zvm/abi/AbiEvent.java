// SPDX-License-Identifier: Apache-2.0
package org.zvm.abi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.zvm.abi.AbiType.Tuple;
import org.zvm.crypto.Hashes;

/**
 * An event of a contract's ABI, to decode the logs it emits. The first topic of a non-anonymous event is
 * the hash of its signature; each indexed parameter takes a topic of its own (a dynamic value only as its
 * keccak-256 hash, so that is what decodes: a {@code bytes32}); the rest are ABI-encoded in the data.
 *
 * @param indexed per input, whether it is indexed
 */
public record AbiEvent(String name, Tuple inputs, List<Boolean> indexed, boolean anonymous) {
    private static final AbiType HASH = new AbiType.FixedBytes(32);

    public AbiEvent {
        indexed = List.copyOf(indexed);
        if (indexed.size() != inputs.size()) {
            throw new IllegalArgumentException("one indexed flag per input");
        }
    }

    /** The canonical signature the first topic hashes: {@code Transfer(address,address,uint256)}. */
    public String signature() {
        return name + inputs.canonical();
    }

    /** The first topic of its logs (unless anonymous). */
    public byte[] topic() {
        return Hashes.keccak256(signature().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The types its logs carry, by input: an indexed dynamic value is only its hash. With names, so the
     * decoded values print as {@code from: 0x…, value: 5}.
     */
    public Tuple loggedTypes() {
        List<AbiType> types = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            AbiType t = inputs.types().get(i);
            types.add(indexed.get(i) && t.isDynamic() ? HASH : t);
        }
        return new Tuple(types, inputs.names());
    }

    /** The values of a log of this event, in input order; an error when the topics or data do not fit. */
    public List<Object> decode(List<byte[]> topics, byte[] data) {
        Tuple logged = loggedTypes();
        int first = anonymous ? 0 : 1;
        long indexedCount = indexed.stream().filter(b -> b).count();
        if (topics.size() != first + indexedCount) {
            throw new AbiException(signature() + ": " + (first + indexedCount) + " topics expected, the log has " + topics.size());
        }
        List<AbiType> unindexed = new ArrayList<>();
        for (int i = 0; i < logged.size(); i++) {
            if (!indexed.get(i)) {
                unindexed.add(logged.types().get(i));
            }
        }
        List<Object> fromData = AbiCodec.decode(Tuple.of(unindexed), data);
        List<Object> values = new ArrayList<>();
        int topic = first;
        int datum = 0;
        for (int i = 0; i < logged.size(); i++) {
            if (indexed.get(i)) {
                values.add(AbiCodec.decode(Tuple.of(List.of(logged.types().get(i))), topics.get(topic++)).getFirst());
            } else {
                values.add(fromData.get(datum++));
            }
        }
        return values;
    }

    /** {@code Transfer(from: 0x…, to: 0x…, value: 250)}, as {@code forge} prints an emit. */
    public String describe(List<byte[]> topics, byte[] data) {
        return name + AbiText.describe(loggedTypes(), decode(topics, data));
    }
}
