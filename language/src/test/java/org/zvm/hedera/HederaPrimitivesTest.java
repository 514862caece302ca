// SPDX-License-Identifier: Apache-2.0
package org.zvm.hedera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.zvm.runtime.Address;
import org.zvm.util.Hex;

/**
 * The running hash, entity ids, exchange rate and PRNG against values computed independently (Python's
 * hashlib over the byte layout ecosystem-facts.md §1.6 gives).
 */
class HederaPrimitivesTest {
    static final String FIRST = "0xadc034d99cc78d089fe59d1a5ee719a0756993e9f0dd4d1db7abe05a430a567db16ec2db7dfeaa0a33b7a1ae28c1dd33";
    static final String SECOND = "0xac70a5dd59ed54c19e978272264a803cb03eb931bc27f0a8c52d835b6e982712c1fb72f55e54a4d48bb95cf52d0069c1";

    @Test
    void runningHashVersion3() {
        EntityId payer = EntityId.num(2);
        EntityId topic = EntityId.num(1001);
        byte[] h1 = RunningHash.next(new byte[48], payer, topic, 1_700_000_000L, 5, 1, "hello".getBytes(StandardCharsets.UTF_8));
        assertEquals(FIRST, Hex.of(h1));
        byte[] h2 = RunningHash.next(h1, payer, topic, 1_700_000_000L, 5, 2, "world".getBytes(StandardCharsets.UTF_8));
        assertEquals(SECOND, Hex.of(h2));
        // Every input counts: another sequence number, payer or time gives another hash.
        assertFalse(Hex.of(RunningHash.next(h1, payer, topic, 1_700_000_000L, 5, 3, "world".getBytes(StandardCharsets.UTF_8))).equals(SECOND));
        assertFalse(Hex.of(RunningHash.next(h1, EntityId.num(3), topic, 1_700_000_000L, 5, 2, "world".getBytes(StandardCharsets.UTF_8))).equals(SECOND));
        assertFalse(Hex.of(RunningHash.next(h1, payer, topic, 1_700_000_000L, 6, 2, "world".getBytes(StandardCharsets.UTF_8))).equals(SECOND));
        assertThrows(IllegalArgumentException.class, () -> RunningHash.next(new byte[32], payer, topic, 0, 0, 1, new byte[1]));
    }

    @Test
    void longZeroAddresses() {
        Address a = EntityId.num(1234).toAddress();
        assertEquals("0x00000000000000000000000000000000000004d2", a.toHex());
        assertEquals(new EntityId(0, 0, 1234), EntityId.of(a));
        assertTrue(EntityId.isLongZero(a));
        Address alias = Address.fromHex("0x00000001000000000000000200000000000004d2");
        assertEquals(new EntityId(1, 2, 1234), EntityId.of(alias));
        assertFalse(EntityId.isLongZero(alias));
        assertEquals("1.2.1234", EntityId.of(alias).toString());
        assertEquals(alias, EntityId.of(alias).toAddress());
    }

    @Test
    void exchangeRateConvertsBothWaysRoundingDown() {
        ExchangeRate r = ExchangeRate.parse("30:2");
        assertEquals(BigInteger.valueOf(6), r.tinycentsToTinybars(BigInteger.valueOf(91)));
        assertEquals(BigInteger.valueOf(1365), r.tinybarsToTinycents(BigInteger.valueOf(91)));
        assertEquals(new ExchangeRate(12, 1), ExchangeRate.DEFAULT);
        assertEquals("expected CENTS:HBARS such as 12:1, got '12'", assertThrows(IllegalArgumentException.class, () -> ExchangeRate.parse("12")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExchangeRate.parse("a:1"));
        assertThrows(IllegalArgumentException.class, () -> ExchangeRate.parse("0:1"));
    }

    @Test
    void prngIsSeededAndDeterministic() {
        Prng p = new Prng("zvm".getBytes(StandardCharsets.UTF_8));
        assertEquals("0xafd2843a2ef873f2aa555bd0f46e21bd1a0ba0c96f930af0a8c5aa337bdd3338", Hex.of(p.draw(0)));
        assertEquals("0x0307200c8d31847c6e4253d297945a1a8d5716d4a46b3294d9909ee5c8d5a424", Hex.of(p.draw(1)));
        assertArrayEquals(p.draw(7), new Prng("zvm".getBytes(StandardCharsets.UTF_8)).draw(7));
        assertFalse(Hex.of(new Prng("other".getBytes(StandardCharsets.UTF_8)).draw(0)).equals(Hex.of(p.draw(0))));
    }

    @Test
    void configNamesTheChain() {
        assertTrue(HederaConfig.of("Hedera", "12:1", "s").systemContracts());
        assertFalse(HederaConfig.of("ethereum", "12:1", "s").systemContracts());
        assertEquals("unknown chain 'solana' (expected one of ethereum, hedera)",
                        assertThrows(IllegalArgumentException.class, () -> HederaConfig.of("solana", "12:1", "s")).getMessage());
    }
}
