// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zvm.crypto.Hashes;
import org.zvm.state.InMemoryBackend;
import org.zvm.state.WorldState;
import org.zvm.util.Hex;
import org.zvm.wasm.host.HostContext;
import org.zvm.wasm.host.HostFunction;
import org.zvm.wasm.host.HostTrap;

/**
 * Each host function called as a contract would, by its env.json name, with a linear memory of one
 * page: results, the error value of misuse, and that nothing is changed in place.
 */
class HostFunctionsTest {
    private final byte[] memory = new byte[65536];
    private long gas = 1_000_000;
    private final HostContext context = new HostContext() {
        @Override
        public boolean hasMemory() {
            return true;
        }

        @Override
        public byte[] read(long address, int length) {
            return java.util.Arrays.copyOfRange(memory, (int) address, (int) address + length);
        }

        @Override
        public void write(long address, byte[] bytes) {
            System.arraycopy(bytes, 0, memory, (int) address, bytes.length);
        }

        @Override
        public void charge(long amount) {
            gas -= amount;
        }

        @Override
        public long gasLeft() {
            return gas;
        }
    };
    private final ScVal.Address self = new ScVal.Address(ScVal.Address.CONTRACT, Hashes.sha256(new byte[] {1}, 0, 1));
    private final SorobanHost host = new SorobanHost(new ContractStorage(new WorldState(new InMemoryBackend()), org.zvm.runtime.Address.fromHex("0x00000000000000000000000000000000000000aa")),
                    self, Ledger.of(7, 1234), null);

    private long call(String name, long... args) {
        HostEnv.Entry e = HostEnv.ENTRIES.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        HostFunction f = (HostFunction) host.imports().resolve(e.module(), e.code());
        Object[] boxed = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            boxed[i] = args[i];
        }
        return (Long) f.call(context, boxed)[0];
    }

    private ScVal value(String name, long... args) {
        return host.get(call(name, args));
    }

    private long v(String typed) {
        return host.put(ScValText.parse(typed));
    }

    private void assertFails(int type, int code, String name, long... args) {
        HostTrap t = assertThrows(HostTrap.class, () -> call(name, args));
        assertEquals(new ScVal.Error(type, code), t.detail(), t.getMessage());
    }

    private static long u32(int v) {
        return Val.u32(v);
    }

    @Test
    void everyImportOfTheTestContractsIsImplemented() {
        for (String name : List.of("contract_event", "fail_with_error", "vec_new", "vec_push_back", "vec_new_from_linear_memory", "put_contract_data", "has_contract_data",
                        "get_contract_data", "del_contract_data", "extend_contract_data_ttl", "extend_current_contract_instance_and_code_ttl", "obj_from_u64", "obj_to_u64",
                        "bytes_new", "bytes_len", "bytes_copy_from_linear_memory", "get_ledger_network_id", "get_ledger_version", "get_ledger_sequence", "get_ledger_timestamp",
                        "compute_hash_sha256", "bytes_copy_to_linear_memory", "bytes_new_from_linear_memory", "map_new_from_linear_memory", "map_unpack_to_linear_memory",
                        "vec_unpack_to_linear_memory", "vec_len", "vec_get", "bytes_get", "symbol_new_from_linear_memory", "prng_bytes_new", "u256_add",
                        "get_current_contract_address", "vec_insert", "obj_cmp", "extend_contract_instance_and_code_ttl", "call", "try_call")) {
            assertNotNull(HostFunctions.get(name), name);
        }
        assertFails(SorobanHost.CONTEXT, SorobanHost.INVALID_ACTION, "require_auth", v("addr:" + StrKey.encode(self)));
        assertFails(SorobanHost.CONTEXT, SorobanHost.INVALID_ACTION, "call", v("addr:" + StrKey.encode(self)), v("sym:f"), v("vec:[]"));
    }

    @Test
    void vectorsAreImmutableValues() {
        long empty = call("vec_new");
        long one = call("vec_push_back", empty, v("u32:1"));
        assertEquals("vec:[]", host.get(empty).toString(), "push_back returns a new vec");
        long v = call("vec_push_front", call("vec_push_back", one, v("u32:3")), v("u32:0"));
        assertEquals("vec:[u32:0,u32:1,u32:3]", host.get(v).toString());
        assertEquals("vec:[u32:0,u32:1,u32:2,u32:3]", value("vec_insert", v, u32(2), v("u32:2")).toString());
        assertEquals("vec:[u32:0,u32:9,u32:3]", value("vec_put", v, u32(1), v("u32:9")).toString());
        assertEquals("vec:[u32:0,u32:3]", value("vec_del", v, u32(1)).toString());
        assertEquals("vec:[u32:1,u32:3]", value("vec_pop_front", v).toString());
        assertEquals("vec:[u32:0,u32:1]", value("vec_pop_back", v).toString());
        assertEquals("u32:0", value("vec_front", v).toString());
        assertEquals("u32:3", value("vec_back", v).toString());
        assertEquals("u32:3", value("vec_len", v).toString());
        assertEquals("u32:1", value("vec_get", v, u32(1)).toString());
        assertEquals("vec:[u32:1,u32:3]", value("vec_slice", v, u32(1), u32(3)).toString());
        assertEquals("vec:[u32:0,u32:1,u32:3,u32:1]", value("vec_append", v, one).toString());
        assertEquals("u32:1", value("vec_first_index_of", v, v("u32:1")).toString());
        assertEquals("void", value("vec_last_index_of", v, v("u32:7")).toString());
        assertEquals(1L << 32 | 2, call("vec_binary_search", v, v("u32:3")));
        assertEquals(2, call("vec_binary_search", v, v("u32:2")), "not found: the insertion point");
        assertFails(SorobanHost.OBJECT, SorobanHost.INDEX_BOUNDS, "vec_get", v, u32(3));
        assertFails(SorobanHost.OBJECT, SorobanHost.INDEX_BOUNDS, "vec_front", empty);
        assertFails(SorobanHost.VALUE, SorobanHost.UNEXPECTED_TYPE, "vec_len", v("u32:1"));
        for (int i = 0; i < 3; i++) {
            long val = v("i32:" + (10 + i));
            for (int k = 0; k < 8; k++) {
                memory[100 + i * 8 + k] = (byte) (val >>> 8 * k);
            }
        }
        long fromMemory = call("vec_new_from_linear_memory", u32(100), u32(3));
        assertEquals("vec:[i32:10,i32:11,i32:12]", host.get(fromMemory).toString());
        call("vec_unpack_to_linear_memory", v, u32(200), u32(3));
        assertEquals(host.get(v("u32:3")), host.get(SorobanHost.littleEndian(memory, 216)));
        assertFails(SorobanHost.OBJECT, SorobanHost.UNEXPECTED_SIZE, "vec_unpack_to_linear_memory", v, u32(200), u32(2));
    }

    @Test
    void mapsKeepTheirKeysSorted() {
        long m = call("map_put", call("map_put", call("map_new"), v("sym:b"), v("u32:2")), v("sym:a"), v("u32:1"));
        assertEquals("map:{sym:a=u32:1,sym:b=u32:2}", host.get(m).toString());
        assertEquals("u32:2", value("map_get", m, v("sym:b")).toString());
        assertEquals("bool:true", value("map_has", m, v("sym:a")).toString());
        assertEquals("map:{sym:b=u32:2}", value("map_del", m, v("sym:a")).toString());
        assertEquals("u32:2", value("map_len", m).toString());
        assertEquals("sym:b", value("map_key_by_pos", m, u32(1)).toString());
        assertEquals("u32:1", value("map_val_by_pos", m, u32(0)).toString());
        assertEquals("vec:[sym:a,sym:b]", value("map_keys", m).toString());
        assertEquals("vec:[u32:1,u32:2]", value("map_values", m).toString());
        assertFails(SorobanHost.OBJECT, SorobanHost.MISSING_VALUE, "map_get", m, v("sym:c"));
        // Keys as (address, length) slices at 300, "a" at 400 and "b" at 401; values at 500.
        memory[400] = 'a';
        memory[401] = 'b';
        long[] slices = {400L | 1L << 32, 401L | 1L << 32};
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 8; k++) {
                memory[300 + i * 8 + k] = (byte) (slices[i] >>> 8 * k);
            }
        }
        call("map_unpack_to_linear_memory", m, u32(300), u32(500), u32(2));
        assertEquals(host.get(v("u32:2")), host.get(SorobanHost.littleEndian(memory, 508)));
        assertEquals(host.get(m), value("map_new_from_linear_memory", u32(300), u32(500), u32(2)));
        assertEquals("u32:1", value("symbol_index_in_linear_memory", v("sym:b"), u32(300), u32(2)).toString());
    }

    @Test
    void bytesStringsAndSymbols() {
        long b = call("bytes_push", call("bytes_push", call("bytes_new"), u32(1)), u32(2));
        assertEquals("bytes:0x0102", host.get(b).toString());
        assertEquals("bytes:0x010902", value("bytes_insert", b, u32(1), u32(9)).toString());
        assertEquals("bytes:0x0902", value("bytes_put", b, u32(0), u32(9)).toString());
        assertEquals("bytes:0x02", value("bytes_del", b, u32(0)).toString());
        assertEquals("bytes:0x01", value("bytes_pop", b).toString());
        assertEquals("u32:2", value("bytes_get", b, u32(1)).toString());
        assertEquals("u32:1", value("bytes_front", b).toString());
        assertEquals("u32:2", value("bytes_back", b).toString());
        assertEquals("bytes:0x01020102", value("bytes_append", b, b).toString());
        assertEquals("bytes:0x02", value("bytes_slice", b, u32(1), u32(2)).toString());
        assertFails(SorobanHost.VALUE, SorobanHost.INVALID_INPUT, "bytes_push", b, u32(256));
        System.arraycopy("hello".getBytes(StandardCharsets.US_ASCII), 0, memory, 600, 5);
        assertEquals("bytes:0x01026c6c6f", value("bytes_copy_from_linear_memory", b, u32(2), u32(602), u32(3)).toString());
        assertEquals("str:\"hello\"", value("string_new_from_linear_memory", u32(600), u32(5)).toString());
        long sym = call("symbol_new_from_linear_memory", u32(600), u32(5));
        assertEquals(Val.SYMBOL_OBJECT, Val.tag(sym));
        assertEquals("u32:5", value("symbol_len", sym).toString());
        call("bytes_copy_to_linear_memory", b, u32(0), u32(700), u32(2));
        assertArrayEquals(new byte[] {1, 2}, java.util.Arrays.copyOfRange(memory, 700, 702));
        assertFails(SorobanHost.OBJECT, SorobanHost.INDEX_BOUNDS, "bytes_copy_to_linear_memory", b, u32(1), u32(700), u32(2));
        System.arraycopy("h!".getBytes(StandardCharsets.US_ASCII), 0, memory, 610, 2);
        assertFails(SorobanHost.VALUE, SorobanHost.INVALID_INPUT, "symbol_new_from_linear_memory", u32(610), u32(2));
        long s = call("string_new_from_linear_memory", u32(600), u32(5));
        assertEquals("bytes:0x68656c6c6f", value("string_to_bytes", s).toString());
        assertEquals(host.get(s), value("bytes_to_string", call("string_to_bytes", s)));
        assertEquals("u32:5", value("string_len", s).toString());
        long xdr = call("serialize_to_bytes", v("vec:[u32:1,sym:a]"));
        assertEquals("vec:[u32:1,sym:a]", value("deserialize_from_bytes", xdr).toString());
    }

    @Test
    void integersInAllWidths() {
        long big = call("obj_from_u64", -1L);
        assertEquals(Val.U64_OBJECT, Val.tag(big));
        assertEquals(-1L, call("obj_to_u64", big));
        assertEquals(-5L, call("obj_to_i64", call("obj_from_i64", -5)));
        long u128 = call("obj_from_u128_pieces", 1, 2);
        assertEquals("u128:18446744073709551618", host.get(u128).toString());
        assertEquals(1, call("obj_to_u128_hi64", u128));
        assertEquals(2, call("obj_to_u128_lo64", u128));
        long i128 = call("obj_from_i128_pieces", -1, -2);
        assertEquals("i128:-2", host.get(i128).toString());
        assertEquals(-1, call("obj_to_i128_hi64", i128));
        long u256 = call("obj_from_u256_pieces", 1, 2, 3, 4);
        assertEquals(1, call("obj_to_u256_hi_hi", u256));
        assertEquals(4, call("obj_to_u256_lo_lo", u256));
        assertEquals(-7, call("obj_to_i256_lo_lo", call("obj_from_i256_pieces", -1, -1, -1, -7)));
        long max = v("u256:" + BigInteger.TWO.pow(256).subtract(BigInteger.ONE));
        assertEquals("u256:7", value("u256_add", v("u256:3"), v("u256:4")).toString());
        assertFails(SorobanHost.OBJECT, SorobanHost.ARITH_DOMAIN, "u256_add", max, v("u256:1"));
        assertEquals("void", value("u256_checked_add", max, v("u256:1")).toString());
        assertFails(SorobanHost.OBJECT, SorobanHost.ARITH_DOMAIN, "u256_sub", v("u256:3"), v("u256:4"));
        assertEquals("i256:-1", value("i256_sub", v("i256:3"), v("i256:4")).toString());
        assertEquals("u256:12", value("u256_mul", v("u256:3"), v("u256:4")).toString());
        assertEquals("i256:-2", value("i256_div", v("i256:-7"), v("i256:3")).toString());
        assertEquals("i256:2", value("i256_rem_euclid", v("i256:-7"), v("i256:3")).toString(), "Euclidean: never negative");
        assertFails(SorobanHost.OBJECT, SorobanHost.ARITH_DOMAIN, "u256_div", v("u256:1"), v("u256:0"));
        assertEquals("u256:1024", value("u256_pow", v("u256:2"), u32(10)).toString());
        assertFails(SorobanHost.OBJECT, SorobanHost.ARITH_DOMAIN, "u256_pow", v("u256:2"), u32(256));
        assertEquals("u256:8", value("u256_shl", v("u256:1"), u32(3)).toString());
        assertEquals("i256:-1", value("i256_shr", v("i256:-2"), u32(1)).toString());
        assertFails(SorobanHost.OBJECT, SorobanHost.ARITH_DOMAIN, "u256_shl", v("u256:1"), u32(256));
        long be = call("u256_val_to_be_bytes", v("u256:258"));
        assertEquals(Hex.of(new byte[30]) + "0102", Hex.of(host.bytes(be)).replace("0x", "0x"));
        assertEquals("u256:258", value("u256_val_from_be_bytes", be).toString());
        assertEquals(42, call("timepoint_obj_to_u64", call("timepoint_obj_from_u64", 42)));
        assertEquals(43, call("duration_obj_to_u64", call("duration_obj_from_u64", 43)));
    }

    @Test
    void storageTtlsLedgerAndEvents() {
        call("put_contract_data", v("sym:k"), v("u32:1"), ContractStorage.PERSISTENT);
        assertEquals("bool:true", value("has_contract_data", v("sym:k"), ContractStorage.PERSISTENT).toString());
        assertEquals("bool:false", value("has_contract_data", v("sym:k"), ContractStorage.TEMPORARY).toString(), "each storage type is its own space");
        call("extend_contract_data_ttl", v("sym:k"), ContractStorage.PERSISTENT, u32(10), u32(100));
        assertFails(SorobanHost.STORAGE, SorobanHost.INVALID_INPUT, "extend_contract_data_ttl", v("sym:k"), ContractStorage.PERSISTENT, u32(100), u32(10));
        assertFails(SorobanHost.STORAGE, SorobanHost.MISSING_VALUE, "extend_contract_data_ttl", v("sym:x"), ContractStorage.PERSISTENT, u32(1), u32(10));
        call("del_contract_data", v("sym:k"), ContractStorage.PERSISTENT);
        assertFails(SorobanHost.STORAGE, SorobanHost.MISSING_VALUE, "get_contract_data", v("sym:k"), ContractStorage.PERSISTENT);
        assertFails(SorobanHost.STORAGE, SorobanHost.INVALID_INPUT, "put_contract_data", v("sym:k"), v("u32:1"), 3);
        call("extend_contract_instance_and_code_ttl", call("get_current_contract_address"), u32(1), u32(2));
        assertEquals("u32:7", value("get_ledger_sequence").toString());
        assertEquals("u64:1234", value("get_ledger_timestamp").toString());
        assertEquals("u32:" + Ledger.PROTOCOL, value("get_ledger_version").toString());
        assertEquals(32, host.bytes(call("get_ledger_network_id")).length);
        assertEquals("u32:" + (7 + Ledger.MAX_ENTRY_TTL - 1), value("get_max_live_until_ledger").toString());
        call("contract_event", v("vec:[sym:t]"), v("i32:5"));
        assertEquals("event " + StrKey.encode(self) + " topics [sym:t] data i32:5", host.events().getLast().toString());
        assertFails(SorobanHost.EVENTS, SorobanHost.EXCEEDED_LIMIT, "contract_event", v("vec:[u32:1,u32:2,u32:3,u32:4,u32:5]"), v("void"));
        assertFails(SorobanHost.CONTEXT, SorobanHost.UNEXPECTED_TYPE, "fail_with_error", Val.error(SorobanHost.STORAGE, 1));
        assertEquals(-1, call("obj_cmp", v("u32:1"), v("u32:2")));
        assertEquals(1, call("obj_cmp", v("sym:a"), v("u32:2")), "symbols sort after integers");
        System.arraycopy("hi".getBytes(StandardCharsets.US_ASCII), 0, memory, 800, 2);
        call("log_from_linear_memory", u32(800), u32(2), u32(0), u32(0));
        assertTrue(host.events().getLast().diagnostic());
    }

    @Test
    void cryptoAddressesAndRandomness() {
        long b = v("bytes:0x616263");
        assertEquals("bytes:0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", value("compute_hash_sha256", b).toString());
        assertEquals("bytes:0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45", value("compute_hash_keccak256", b).toString());
        String strkey = StrKey.encode(self);
        long addr = call("strkey_to_address", v("str:" + strkey));
        assertEquals(self, host.get(addr));
        assertEquals("str:\"" + strkey + "\"", value("address_to_strkey", addr).toString());
        byte[] r1 = host.bytes(call("prng_bytes_new", u32(16)));
        call("prng_reseed", v("bytes:0x" + "00".repeat(32)));
        byte[] r2 = host.bytes(call("prng_bytes_new", u32(16)));
        call("prng_reseed", v("bytes:0x" + "00".repeat(32)));
        assertArrayEquals(r2, host.bytes(call("prng_bytes_new", u32(16))), "the same seed gives the same bytes");
        assertTrue(!java.util.Arrays.equals(r1, r2));
        for (int i = 0; i < 50; i++) {
            long x = call("prng_u64_in_inclusive_range", 5, 7);
            assertTrue(x >= 5 && x <= 7, Long.toString(x));
        }
        assertFails(SorobanHost.VALUE, SorobanHost.INVALID_INPUT, "prng_u64_in_inclusive_range", 7, 5);
        ScVal shuffled = value("prng_vec_shuffle", v("vec:[u32:1,u32:2,u32:3,u32:4]"));
        assertEquals(4, ((ScVal.Vec) shuffled).items().size());
        assertTrue(((ScVal.Vec) shuffled).items().containsAll(((ScVal.Vec) ScValText.parse("vec:[u32:1,u32:2,u32:3,u32:4]")).items()));
        assertTrue(gas < 1_000_000, "host functions charge gas");
    }
}
