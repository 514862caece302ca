// SPDX-License-Identifier: Apache-2.0
package org.zvm.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zvm.crypto.Hashes;
import org.zvm.util.Hex;

/** Events of solc's JSON ABI decode logs: indexed values from topics, the rest from the data. */
class AbiEventTest {
    private static final String ABI = """
                    [{"anonymous":false,"inputs":[{"indexed":true,"name":"from","type":"address"},{"indexed":true,"name":"to","type":"address"},{"indexed":false,"name":"value","type":"uint256"}],"name":"Transfer","type":"event"},
                     {"anonymous":false,"inputs":[{"indexed":true,"name":"name","type":"string"},{"indexed":false,"name":"note","type":"string"}],"name":"Claimed","type":"event"},
                     {"anonymous":true,"inputs":[{"indexed":false,"name":"x","type":"uint256"}],"name":"Quiet","type":"event"}]
                    """;
    private static final ContractAbi CONTRACT = ContractAbi.read(ABI, "T.abi");

    private static byte[] word(long v) {
        return Hex.bytes(String.format("%064x", v));
    }

    @Test
    void transferDecodesFromTopicsAndData() {
        AbiEvent transfer = CONTRACT.event(Hex.bytes("ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"));
        assertEquals("Transfer(address,address,uint256)", transfer.signature());
        List<byte[]> topics = List.of(transfer.topic(), word(0xc0), word(0xb0b));
        List<Object> values = transfer.decode(topics, word(250));
        assertEquals(BigInteger.valueOf(250), values.get(2));
        assertEquals("Transfer(from: 0x00000000000000000000000000000000000000C0, to: 0x0000000000000000000000000000000000000B0b, value: 250)",
                        transfer.describe(topics, word(250)));
    }

    @Test
    void anIndexedStringIsOnlyItsHash() {
        AbiEvent claimed = CONTRACT.events().get(1);
        byte[] hash = Hashes.keccak256("zvm".getBytes(StandardCharsets.UTF_8));
        byte[] data = AbiCodec.encode(AbiType.Tuple.of(List.of(new AbiType.Str())), List.of("first"));
        List<Object> values = claimed.decode(List.of(claimed.topic(), hash), data);
        assertArrayEquals(hash, (byte[]) values.get(0));
        assertEquals("first", values.get(1));
    }

    @Test
    void anonymousEventsHaveNoSignatureTopic() {
        AbiEvent quiet = CONTRACT.events().get(2);
        assertNull(CONTRACT.event(quiet.topic()));
        assertEquals(List.of(BigInteger.valueOf(7)), quiet.decode(List.of(), word(7)));
    }

    @Test
    void aLogOfAnotherShapeIsAnError() {
        AbiEvent transfer = CONTRACT.events().getFirst();
        AbiException e = assertThrows(AbiException.class, () -> transfer.decode(List.of(transfer.topic()), word(1)));
        assertEquals("Transfer(address,address,uint256): 3 topics expected, the log has 1", e.getMessage());
    }
}
