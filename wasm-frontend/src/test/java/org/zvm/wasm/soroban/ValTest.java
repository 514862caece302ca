// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zvm.crypto.Hashes;
import org.zvm.wasm.host.HostTrap;

/**
 * The value encodings: {@link Val} against the figures of soroban-env-common, the host's choice of small
 * or object form, XDR, strkeys and the typed text, each round-tripped.
 */
class ValTest {
    private final SorobanHost host = new SorobanHost(null, new ScVal.Address(ScVal.Address.CONTRACT, new byte[32]), Ledger.of(1, 1), null);

    @Test
    void smallValuesHaveTheDocumentedBits() {
        assertEquals(0x26a690eL, Val.smallSymbol("add"));
        assertEquals(0xe6a065f41d0eL, Val.smallSymbol("COUNTER"));
        assertEquals(0x2ece8deacaacf90eL, Val.smallSymbol("increment"));
        assertEquals("increment", Val.smallSymbolText(0x2ece8deacaacf90eL));
        assertEquals((7L << 32) | 5, Val.i32(7));
        assertEquals((5L << 32) | 4, Val.u32(5));
        assertEquals(0x100000003L, Val.error(SorobanHost.CONTRACT, 1));
        assertNull(Val.smallSymbolText(Val.fromBody(Val.SYMBOL_SMALL, 0x26L << 12)), "a zero code after a character is malformed");
    }

    @Test
    void valuesRoundTripThroughTheHost() {
        List<ScVal> values = List.of(new ScVal.Bool(true), new ScVal.Bool(false), ScVal.VOID_VALUE, new ScVal.Error(3, 7),
                        new ScVal.Int(IntType.U32, 0xffffffffL), new ScVal.Int(IntType.I32, -3),
                        new ScVal.Int(IntType.U64, (1L << 56) - 1), new ScVal.Int(IntType.U64, new BigInteger("18446744073709551615")),
                        new ScVal.Int(IntType.I64, -(1L << 55)), new ScVal.Int(IntType.I64, -(1L << 55) - 1),
                        new ScVal.Int(IntType.I128, BigInteger.ONE.shiftLeft(127).negate()), new ScVal.Int(IntType.U256, BigInteger.TWO.pow(256).subtract(BigInteger.ONE)),
                        new ScVal.Int(IntType.I256, -3), new ScVal.Int(IntType.TIMEPOINT, 9),
                        new ScVal.Sym("hello"), new ScVal.Sym("a_longer_symbol_name"), new ScVal.Str("hi, there"), new ScVal.Bytes(new byte[] {1, 2, (byte) 0xff}),
                        new ScVal.Vec(List.of(new ScVal.Int(IntType.I32, 7), new ScVal.Vec(List.of()))),
                        ScVal.Map.sorted(List.of(new ScVal.Sym("b"), new ScVal.Sym("a")), List.of(new ScVal.Bool(true), ScVal.VOID_VALUE)),
                        new ScVal.Address(ScVal.Address.ACCOUNT, Hashes.sha256(new byte[] {1}, 0, 1)));
        for (ScVal v : values) {
            long val = host.put(v);
            assertEquals(v, host.get(val), v.toString());
            assertEquals(v, ScValXdr.decode(ScValXdr.encode(v)), "XDR of " + v);
            assertEquals(v, ScValText.parse(v.toString()), "text of " + v);
        }
        assertTrue(Val.isObject(host.put(new ScVal.Int(IntType.U64, 1L << 56))), "u64 beyond 56 bits is an object");
        assertEquals(Val.U64_SMALL, Val.tag(host.put(new ScVal.Int(IntType.U64, (1L << 56) - 1))));
        assertEquals(Val.I64_SMALL, Val.tag(host.put(new ScVal.Int(IntType.I64, -1))));
    }

    @Test
    void forgedHandlesAndBadTagsStopTheGuestWithAnError() {
        long vec = host.put(new ScVal.Vec(List.of()));
        HostTrap forged = assertThrows(HostTrap.class, () -> host.get(Val.object(Val.VEC_OBJECT, 99)));
        assertEquals(new ScVal.Error(SorobanHost.VALUE, SorobanHost.INVALID_INPUT), forged.detail());
        HostTrap retagged = assertThrows(HostTrap.class, () -> host.get(vec & ~0xffL | Val.MAP_OBJECT));
        assertEquals(new ScVal.Error(SorobanHost.VALUE, SorobanHost.UNEXPECTED_TYPE), retagged.detail());
        assertThrows(HostTrap.class, () -> host.get(0x7f));
        assertThrows(HostTrap.class, () -> host.get(Val.fromBody(Val.TRUE, 1)));
    }

    @Test
    void xdrHasTheStellarLayout() {
        assertArrayEquals(new byte[] {0, 0, 0, 3, 0, 0, 0, 42}, ScValXdr.encode(new ScVal.Int(IntType.U32, 42)));
        assertArrayEquals(new byte[] {0, 0, 0, 15, 0, 0, 0, 3, 'a', 'd', 'd', 0}, ScValXdr.encode(new ScVal.Sym("add")));
        assertThrows(IllegalArgumentException.class, () -> ScValXdr.decode(new byte[] {0, 0, 0, 15, 0, 0, 0, 3, 'a', 'd', 'd', 1}));
        assertThrows(IllegalArgumentException.class, () -> ScValXdr.decode(new byte[] {0, 0, 0, 99}));
    }

    @Test
    void strkeysRoundTripAndCheckTheirChecksum() {
        ScVal.Address zero = new ScVal.Address(ScVal.Address.ACCOUNT, new byte[32]);
        // The all-zero ed25519 key, as Stellar tools print it.
        assertEquals("GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHF", StrKey.encode(zero));
        ScVal.Address c = new ScVal.Address(ScVal.Address.CONTRACT, Hashes.sha256(new byte[] {7}, 0, 1));
        assertTrue(StrKey.encode(c).startsWith("C"));
        assertEquals(c, StrKey.decode(StrKey.encode(c)));
        assertThrows(IllegalArgumentException.class, () -> StrKey.decode("GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHG"));
    }

    @Test
    void typedTextIsCheckedWithOneLineErrors() {
        assertEquals(new ScVal.Vec(List.of(new ScVal.Int(IntType.I32, 7), new ScVal.Sym("x"))), ScValText.parse("vec:[i32:7,sym:x]"));
        assertEquals(new ScVal.Str("a,b"), ScValText.parse("str:a,b"));
        assertEquals(new ScVal.Vec(List.of(new ScVal.Str("a,b"))), ScValText.parse("vec:[str:\"a,b\"]"));
        for (String bad : new String[] {"i32:2147483648", "u32:-1", "sym:not-a-symbol", "bool:yes", "vec:[i32:1", "map:{sym:a=i32:1,sym:a=i32:2}", "f32:1", "7", "bytes:0x1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScValText.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("'" + bad + "'") && !e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
