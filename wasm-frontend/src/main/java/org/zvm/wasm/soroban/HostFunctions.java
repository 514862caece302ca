// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

import static org.zvm.wasm.soroban.SorobanHost.ARITH_DOMAIN;
import static org.zvm.wasm.soroban.SorobanHost.CONTEXT;
import static org.zvm.wasm.soroban.SorobanHost.CONTRACT;
import static org.zvm.wasm.soroban.SorobanHost.EVENTS;
import static org.zvm.wasm.soroban.SorobanHost.EXCEEDED_LIMIT;
import static org.zvm.wasm.soroban.SorobanHost.INDEX_BOUNDS;
import static org.zvm.wasm.soroban.SorobanHost.INVALID_INPUT;
import static org.zvm.wasm.soroban.SorobanHost.MISSING_VALUE;
import static org.zvm.wasm.soroban.SorobanHost.OBJECT;
import static org.zvm.wasm.soroban.SorobanHost.STORAGE;
import static org.zvm.wasm.soroban.SorobanHost.UNEXPECTED_SIZE;
import static org.zvm.wasm.soroban.SorobanHost.UNEXPECTED_TYPE;
import static org.zvm.wasm.soroban.SorobanHost.VALUE;
import static org.zvm.wasm.soroban.SorobanHost.fail;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

import org.zvm.crypto.Hashes;

/**
 * The implementations of the host functions, by their env.json name ({@link HostEnv}); one line or a
 * few each, grouped by module as env.json is. Collections and buffers are immutable: an update returns
 * a new object. Not implemented (they trap when called): deployment and upgrades, authorization,
 * signatures and curve arithmetic, muxed addresses, executable references, sparse maps and TTL v2.
 */
final class HostFunctions {
    /** A host function: the host of the running invocation and the raw {@code i64} arguments. */
    @FunctionalInterface
    interface Impl {
        long apply(SorobanHost h, long[] a);
    }

    private static final Map<String, Impl> IMPLS = new HashMap<>();

    private HostFunctions() {
    }

    static Impl get(String name) {
        return IMPLS.get(name);
    }

    private static void def(String name, Impl impl) {
        if (IMPLS.put(name, impl) != null || HostEnv.ENTRIES.stream().noneMatch(e -> e.name().equals(name))) {
            throw new IllegalStateException("host function " + name + " is defined twice or not in env.json");
        }
    }

    static {
        context();
        integers();
        maps();
        vectors();
        ledger();
        buffers();
        crypto();
        addresses();
        def("call", (h, a) -> h.crossCall(a[0], a[1], a[2], false));
        def("try_call", (h, a) -> h.crossCall(a[0], a[1], a[2], true));
        def("dummy0", (h, a) -> Val.VOID_VAL);
        def("protocol_gated_dummy", (h, a) -> Val.VOID_VAL);
        def("prng_reseed", (h, a) -> {
            byte[] seed = h.bytes(a[0]);
            if (seed.length != 32) {
                throw fail(VALUE, UNEXPECTED_SIZE, "prng_reseed takes a 32-byte seed, got " + seed.length);
            }
            h.reseed(seed);
            return Val.VOID_VAL;
        });
        def("prng_bytes_new", (h, a) -> {
            int n = h.u32(a[0]);
            h.charge(Integer.toUnsignedLong(n));
            return h.object(new ScVal.Bytes(h.prng().bytes(n)));
        });
        def("prng_u64_in_inclusive_range", (h, a) -> {
            if (Long.compareUnsigned(a[0], a[1]) > 0) {
                throw fail(VALUE, INVALID_INPUT, "prng_u64_in_inclusive_range: low " + Long.toUnsignedString(a[0]) + " is above high " + Long.toUnsignedString(a[1]));
            }
            return h.prng().inRange(a[0], a[1]);
        });
        def("prng_vec_shuffle", (h, a) -> {
            List<ScVal> items = new ArrayList<>(h.vec(a[0]).items());
            for (int i = items.size() - 1; i > 0; i--) {
                java.util.Collections.swap(items, i, (int) h.prng().inRange(0, i));
            }
            return h.object(new ScVal.Vec(items));
        });
    }

    // ---- context (x) ---------------------------------------------------------------------------

    private static void context() {
        def("log_from_linear_memory", (h, a) -> {
            String message = new String(h.read(h.u32(a[0]), h.u32(a[1])), StandardCharsets.UTF_8);
            List<ScVal> data = new ArrayList<>(List.of(new ScVal.Str(message)));
            data.addAll(h.readVals(h.u32(a[2]), h.u32(a[3])));
            h.events().add(new SorobanEvent(h.contract(), new ScVal.Vec(List.of(new ScVal.Sym("log"))), new ScVal.Vec(data), true));
            return Val.VOID_VAL;
        });
        def("obj_cmp", (h, a) -> Integer.signum(h.get(a[0]).compareTo(h.get(a[1]))));
        def("contract_event", (h, a) -> {
            ScVal.Vec topics = h.vec(a[0]);
            if (topics.items().size() > 4) {
                throw fail(EVENTS, EXCEEDED_LIMIT, "an event has at most 4 topics, got " + topics.items().size());
            }
            for (ScVal t : topics.items()) {
                if (t instanceof ScVal.Vec || t instanceof ScVal.Map) {
                    throw fail(EVENTS, UNEXPECTED_TYPE, "event topics may not be vecs or maps: " + t);
                }
            }
            h.events().add(new SorobanEvent(h.contract(), topics, h.get(a[1]), false));
            return Val.VOID_VAL;
        });
        def("get_ledger_version", (h, a) -> Val.u32(h.ledger().protocol()));
        def("get_ledger_sequence", (h, a) -> Val.u32(h.ledger().sequence()));
        def("get_ledger_timestamp", (h, a) -> h.put(new ScVal.Int(IntType.U64, unsigned(h.ledger().timestamp()))));
        def("fail_with_error", (h, a) -> {
            ScVal.Error e = h.error(a[0]);
            if (e.category() != CONTRACT) {
                throw fail(CONTEXT, UNEXPECTED_TYPE, "fail_with_error takes a contract error, got " + e);
            }
            throw new org.zvm.wasm.host.HostTrap("contract failed with " + e, e);
        });
        def("get_ledger_network_id", (h, a) -> h.object(new ScVal.Bytes(h.ledger().networkId())));
        def("get_current_contract_address", (h, a) -> h.object(h.contract()));
        def("get_max_live_until_ledger", (h, a) -> Val.u32(h.ledger().sequence() + Ledger.MAX_ENTRY_TTL - 1));
    }

    // ---- int (i) -------------------------------------------------------------------------------

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }

    private static long object(SorobanHost h, IntType t, BigInteger v) {
        return h.object(new ScVal.Int(t, v));
    }

    /** A 64-bit piece of {@code v}: {@code index} 0 is the lowest. */
    private static long piece(BigInteger v, int index) {
        return v.shiftRight(64 * index).longValue();
    }

    private static BigInteger fromPieces(boolean signed, long... highFirst) {
        BigInteger v = signed ? BigInteger.valueOf(highFirst[0]) : unsigned(highFirst[0]);
        for (int i = 1; i < highFirst.length; i++) {
            v = v.shiftLeft(64).or(unsigned(highFirst[i]));
        }
        return v;
    }

    private static void integers() {
        def("obj_from_u64", (h, a) -> object(h, IntType.U64, unsigned(a[0])));
        def("obj_to_u64", (h, a) -> h.integer(a[0], IntType.U64).longValue());
        def("obj_from_i64", (h, a) -> object(h, IntType.I64, BigInteger.valueOf(a[0])));
        def("obj_to_i64", (h, a) -> h.integer(a[0], IntType.I64).longValue());
        def("obj_from_u128_pieces", (h, a) -> object(h, IntType.U128, fromPieces(false, a[0], a[1])));
        def("obj_to_u128_lo64", (h, a) -> piece(h.integer(a[0], IntType.U128), 0));
        def("obj_to_u128_hi64", (h, a) -> piece(h.integer(a[0], IntType.U128), 1));
        def("obj_from_i128_pieces", (h, a) -> object(h, IntType.I128, fromPieces(true, a[0], a[1])));
        def("obj_to_i128_lo64", (h, a) -> piece(h.integer(a[0], IntType.I128), 0));
        def("obj_to_i128_hi64", (h, a) -> piece(h.integer(a[0], IntType.I128), 1));
        def("obj_from_u256_pieces", (h, a) -> object(h, IntType.U256, fromPieces(false, a[0], a[1], a[2], a[3])));
        def("obj_from_i256_pieces", (h, a) -> object(h, IntType.I256, fromPieces(true, a[0], a[1], a[2], a[3])));
        String[] pieces = {"lo_lo", "lo_hi", "hi_lo", "hi_hi"};
        for (int i = 0; i < 4; i++) {
            int index = i;
            def("obj_to_u256_" + pieces[i], (h, a) -> piece(h.integer(a[0], IntType.U256), index));
            def("obj_to_i256_" + pieces[i], (h, a) -> piece(h.integer(a[0], IntType.I256), index));
        }
        for (IntType t : new IntType[] {IntType.U256, IntType.I256}) {
            String p = t.text;
            def(p + "_val_from_be_bytes", (h, a) -> {
                byte[] b = h.bytes(a[0]);
                if (b.length != 32) {
                    throw fail(VALUE, UNEXPECTED_SIZE, p + "_val_from_be_bytes takes 32 bytes, got " + b.length);
                }
                return h.put(new ScVal.Int(t, t.signed ? new BigInteger(b) : new BigInteger(1, b)));
            });
            def(p + "_val_to_be_bytes", (h, a) -> h.object(new ScVal.Bytes(ScValXdr.fixed(h.integer(a[0], t), 32))));
            arithmetic(t, "add", BigInteger::add);
            arithmetic(t, "sub", BigInteger::subtract);
            arithmetic(t, "mul", BigInteger::multiply);
            arithmetic(t, "div", (x, y) -> {
                if (y.signum() == 0) {
                    throw fail(OBJECT, ARITH_DOMAIN, p + "_div by zero");
                }
                return x.divide(y);
            });
            arithmetic(t, "rem_euclid", (x, y) -> {
                if (y.signum() == 0) {
                    throw fail(OBJECT, ARITH_DOMAIN, p + "_rem_euclid by zero");
                }
                return x.mod(y.abs());
            });
            def(p + "_pow", (h, a) -> h.put(new ScVal.Int(t, checked(t, p + "_pow", pow(h, a, t)))));
            def(p + "_checked_pow", (h, a) -> orVoid(h, t, pow(h, a, t)));
            def(p + "_shl", (h, a) -> h.put(new ScVal.Int(t, t.wrap(h.integer(a[0], t).shiftLeft(shift(h, a[1], p + "_shl"))))));
            def(p + "_shr", (h, a) -> h.put(new ScVal.Int(t, h.integer(a[0], t).shiftRight(shift(h, a[1], p + "_shr")))));
        }
        IntType[] times = {IntType.TIMEPOINT, IntType.DURATION};
        for (IntType t : times) {
            def(t.text + "_obj_from_u64", (h, a) -> object(h, t, unsigned(a[0])));
            def(t.text + "_obj_to_u64", (h, a) -> h.integer(a[0], t).longValue());
        }
    }

    private static BigInteger pow(SorobanHost h, long[] a, IntType t) {
        int e = h.u32(a[1]);
        BigInteger base = h.integer(a[0], t);
        if (base.abs().compareTo(BigInteger.ONE) > 0 && Integer.toUnsignedLong(e) > t.bits) {
            return BigInteger.ONE.shiftLeft(t.bits);
        }
        return base.pow(e);
    }

    private static int shift(SorobanHost h, long val, String what) {
        int s = h.u32(val);
        if (Integer.toUnsignedLong(s) >= 256) {
            throw fail(OBJECT, ARITH_DOMAIN, what + " by " + Integer.toUnsignedString(s) + " bits");
        }
        return s;
    }

    private static BigInteger checked(IntType t, String what, BigInteger v) {
        if (!t.fits(v)) {
            throw fail(OBJECT, ARITH_DOMAIN, what + " overflows " + t.text);
        }
        return v;
    }

    private static long orVoid(SorobanHost h, IntType t, BigInteger v) {
        return t.fits(v) ? h.put(new ScVal.Int(t, v)) : Val.VOID_VAL;
    }

    /** {@code T_op} (an error on overflow) and {@code T_checked_op} (void on overflow) where env.json has it. */
    private static void arithmetic(IntType t, String op, BinaryOperator<BigInteger> f) {
        String name = t.text + "_" + op;
        def(name, (h, a) -> h.put(new ScVal.Int(t, checked(t, name, f.apply(h.integer(a[0], t), h.integer(a[1], t))))));
        if (op.equals("add") || op.equals("sub") || op.equals("mul")) {
            def(t.text + "_checked_" + op, (h, a) -> orVoid(h, t, f.apply(h.integer(a[0], t), h.integer(a[1], t))));
        }
    }

    // ---- map (m) -------------------------------------------------------------------------------

    private static int position(SorobanHost h, long val, int size) {
        int i = h.u32(val);
        if (Integer.toUnsignedLong(i) >= size) {
            throw fail(OBJECT, INDEX_BOUNDS, "index " + Integer.toUnsignedString(i) + " is out of bounds of " + size);
        }
        return i;
    }

    private static int found(SorobanHost h, ScVal.Map m, long key) {
        int i = m.find(h.get(key));
        if (i < 0) {
            throw fail(OBJECT, MISSING_VALUE, "map has no key " + h.get(key));
        }
        return i;
    }

    /** The symbols of {@code count} key slices at {@code address}, strictly ascending. */
    private static List<ScVal> symbolKeys(SorobanHost h, int address, int count) {
        List<ScVal> keys = new ArrayList<>();
        for (byte[] b : h.readSlices(address, count)) {
            ScVal.Sym s = new ScVal.Sym(new String(b, StandardCharsets.ISO_8859_1));
            if (!keys.isEmpty() && keys.getLast().compareTo(s) >= 0) {
                throw fail(OBJECT, INVALID_INPUT, "map keys in linear memory are not strictly ascending at " + s);
            }
            keys.add(s);
        }
        return keys;
    }

    private static void maps() {
        def("map_new", (h, a) -> h.object(new ScVal.Map(List.of(), List.of())));
        def("map_put", (h, a) -> {
            ScVal.Map m = h.map(a[0]);
            ScVal key = h.get(a[1]);
            List<ScVal> keys = new ArrayList<>(m.keys());
            List<ScVal> values = new ArrayList<>(m.values());
            int i = m.find(key);
            if (i >= 0) {
                values.set(i, h.get(a[2]));
            } else {
                keys.add(-i - 1, key);
                values.add(-i - 1, h.get(a[2]));
            }
            return h.object(new ScVal.Map(keys, values));
        });
        def("map_get", (h, a) -> {
            ScVal.Map m = h.map(a[0]);
            return h.put(m.values().get(found(h, m, a[1])));
        });
        def("map_del", (h, a) -> {
            ScVal.Map m = h.map(a[0]);
            int i = found(h, m, a[1]);
            List<ScVal> keys = new ArrayList<>(m.keys());
            List<ScVal> values = new ArrayList<>(m.values());
            keys.remove(i);
            values.remove(i);
            return h.object(new ScVal.Map(keys, values));
        });
        def("map_len", (h, a) -> Val.u32(h.map(a[0]).keys().size()));
        def("map_has", (h, a) -> Val.bool(h.map(a[0]).find(h.get(a[1])) >= 0));
        def("map_key_by_pos", (h, a) -> {
            ScVal.Map m = h.map(a[0]);
            return h.put(m.keys().get(position(h, a[1], m.keys().size())));
        });
        def("map_val_by_pos", (h, a) -> {
            ScVal.Map m = h.map(a[0]);
            return h.put(m.values().get(position(h, a[1], m.keys().size())));
        });
        def("map_keys", (h, a) -> h.object(new ScVal.Vec(h.map(a[0]).keys())));
        def("map_values", (h, a) -> h.object(new ScVal.Vec(h.map(a[0]).values())));
        def("map_new_from_linear_memory", (h, a) -> {
            int n = h.u32(a[2]);
            List<ScVal> keys = symbolKeys(h, h.u32(a[0]), n);
            return h.object(new ScVal.Map(keys, h.readVals(h.u32(a[1]), n)));
        });
        def("map_unpack_to_linear_memory", (h, a) -> {
            ScVal.Map m = h.map(a[0]);
            int n = h.u32(a[3]);
            if (m.keys().size() != n) {
                throw fail(OBJECT, UNEXPECTED_SIZE, "map of " + m.keys().size() + " entries unpacked into " + Integer.toUnsignedString(n));
            }
            List<ScVal> keys = symbolKeys(h, h.u32(a[1]), n);
            if (!keys.equals(m.keys())) {
                throw fail(OBJECT, INVALID_INPUT, "map keys " + m.keys() + " differ from the keys in linear memory " + keys);
            }
            h.writeVals(h.u32(a[2]), m.values());
            return Val.VOID_VAL;
        });
    }

    // ---- vec (v) -------------------------------------------------------------------------------

    private static long vec(SorobanHost h, List<ScVal> items) {
        return h.object(new ScVal.Vec(items));
    }

    private static List<ScVal> items(SorobanHost h, long val) {
        return new ArrayList<>(h.vec(val).items());
    }

    private static List<ScVal> nonEmpty(SorobanHost h, long val) {
        List<ScVal> items = items(h, val);
        if (items.isEmpty()) {
            throw fail(OBJECT, INDEX_BOUNDS, "the vec is empty");
        }
        return items;
    }

    private static void vectors() {
        def("vec_new", (h, a) -> vec(h, List.of()));
        def("vec_put", (h, a) -> {
            List<ScVal> items = items(h, a[0]);
            items.set(position(h, a[1], items.size()), h.get(a[2]));
            return vec(h, items);
        });
        def("vec_get", (h, a) -> {
            List<ScVal> items = h.vec(a[0]).items();
            return h.put(items.get(position(h, a[1], items.size())));
        });
        def("vec_del", (h, a) -> {
            List<ScVal> items = items(h, a[0]);
            items.remove(position(h, a[1], items.size()));
            return vec(h, items);
        });
        def("vec_len", (h, a) -> Val.u32(h.vec(a[0]).items().size()));
        def("vec_push_front", (h, a) -> {
            List<ScVal> items = items(h, a[0]);
            items.addFirst(h.get(a[1]));
            return vec(h, items);
        });
        def("vec_pop_front", (h, a) -> {
            List<ScVal> items = nonEmpty(h, a[0]);
            items.removeFirst();
            return vec(h, items);
        });
        def("vec_push_back", (h, a) -> {
            List<ScVal> items = items(h, a[0]);
            items.add(h.get(a[1]));
            return vec(h, items);
        });
        def("vec_pop_back", (h, a) -> {
            List<ScVal> items = nonEmpty(h, a[0]);
            items.removeLast();
            return vec(h, items);
        });
        def("vec_front", (h, a) -> h.put(nonEmpty(h, a[0]).getFirst()));
        def("vec_back", (h, a) -> h.put(nonEmpty(h, a[0]).getLast()));
        def("vec_insert", (h, a) -> {
            List<ScVal> items = items(h, a[0]);
            items.add(position(h, a[1], items.size() + 1), h.get(a[2]));
            return vec(h, items);
        });
        def("vec_append", (h, a) -> {
            List<ScVal> items = items(h, a[0]);
            items.addAll(h.vec(a[1]).items());
            return vec(h, items);
        });
        def("vec_slice", (h, a) -> {
            List<ScVal> items = h.vec(a[0]).items();
            int start = position(h, a[1], items.size() + 1);
            int end = position(h, a[2], items.size() + 1);
            if (start > end) {
                throw fail(OBJECT, INDEX_BOUNDS, "slice start " + start + " is after its end " + end);
            }
            return vec(h, items.subList(start, end));
        });
        def("vec_first_index_of", (h, a) -> {
            int i = h.vec(a[0]).items().indexOf(h.get(a[1]));
            return i < 0 ? Val.VOID_VAL : Val.u32(i);
        });
        def("vec_last_index_of", (h, a) -> {
            int i = h.vec(a[0]).items().lastIndexOf(h.get(a[1]));
            return i < 0 ? Val.VOID_VAL : Val.u32(i);
        });
        def("vec_binary_search", (h, a) -> {
            int i = java.util.Collections.binarySearch(h.vec(a[0]).items(), h.get(a[1]));
            return i >= 0 ? 1L << 32 | i : -i - 1;
        });
        def("vec_new_from_linear_memory", (h, a) -> vec(h, h.readVals(h.u32(a[0]), h.u32(a[1]))));
        def("vec_unpack_to_linear_memory", (h, a) -> {
            List<ScVal> items = h.vec(a[0]).items();
            int n = h.u32(a[2]);
            if (items.size() != n) {
                throw fail(OBJECT, UNEXPECTED_SIZE, "vec of " + items.size() + " items unpacked into " + Integer.toUnsignedString(n));
            }
            h.writeVals(h.u32(a[1]), items);
            return Val.VOID_VAL;
        });
    }

    // ---- ledger (l) ----------------------------------------------------------------------------

    private static void ttl(SorobanHost h, long threshold, long extendTo) {
        int t = h.u32(threshold);
        int to = h.u32(extendTo);
        if (Integer.compareUnsigned(t, to) > 0) {
            throw fail(STORAGE, INVALID_INPUT, "TTL threshold " + Integer.toUnsignedString(t) + " is above extend_to " + Integer.toUnsignedString(to));
        }
        if (Integer.toUnsignedLong(to) > Ledger.MAX_ENTRY_TTL) {
            throw fail(STORAGE, INVALID_INPUT, "TTL " + Integer.toUnsignedString(to) + " is above the maximum " + Ledger.MAX_ENTRY_TTL);
        }
    }

    private static void ledger() {
        def("put_contract_data", (h, a) -> {
            h.storage().put(SorobanHost.storageType(a[2]), h.get(a[0]), h.get(a[1]));
            return Val.VOID_VAL;
        });
        def("has_contract_data", (h, a) -> Val.bool(h.storage().has(SorobanHost.storageType(a[1]), h.get(a[0]))));
        def("get_contract_data", (h, a) -> {
            ScVal v = h.storage().get(SorobanHost.storageType(a[1]), h.get(a[0]));
            if (v == null) {
                throw fail(STORAGE, MISSING_VALUE, "no contract data under " + h.get(a[0]));
            }
            return h.put(v);
        });
        def("del_contract_data", (h, a) -> {
            h.storage().delete(SorobanHost.storageType(a[1]), h.get(a[0]));
            return Val.VOID_VAL;
        });
        def("extend_contract_data_ttl", (h, a) -> {
            int type = SorobanHost.storageType(a[1]);
            if (type == ContractStorage.INSTANCE) {
                throw fail(STORAGE, INVALID_INPUT, "extend_contract_data_ttl does not take instance storage");
            }
            if (!h.storage().has(type, h.get(a[0]))) {
                throw fail(STORAGE, MISSING_VALUE, "no contract data under " + h.get(a[0]));
            }
            ttl(h, a[2], a[3]);
            return Val.VOID_VAL;
        });
        def("extend_current_contract_instance_and_code_ttl", (h, a) -> {
            ttl(h, a[0], a[1]);
            return Val.VOID_VAL;
        });
        for (String name : new String[] {"extend_contract_instance_and_code_ttl", "extend_contract_instance_ttl", "extend_contract_code_ttl"}) {
            def(name, (h, a) -> {
                if (!h.address(a[0]).equals(h.contract())) {
                    throw fail(STORAGE, MISSING_VALUE, "no contract " + h.address(a[0]) + " in this ledger");
                }
                ttl(h, a[1], a[2]);
                return Val.VOID_VAL;
            });
        }
    }

    // ---- buf (b) -------------------------------------------------------------------------------

    private static long bytes(SorobanHost h, byte[] b) {
        return h.object(new ScVal.Bytes(b));
    }

    private static byte octet(SorobanHost h, long val) {
        int v = h.u32(val);
        if (Integer.compareUnsigned(v, 255) > 0) {
            throw fail(VALUE, INVALID_INPUT, Integer.toUnsignedString(v) + " is not a byte");
        }
        return (byte) v;
    }

    private static byte[] nonEmptyBytes(SorobanHost h, long val) {
        byte[] b = h.bytes(val);
        if (b.length == 0) {
            throw fail(OBJECT, INDEX_BOUNDS, "the bytes are empty");
        }
        return b;
    }

    /** Copies {@code len} bytes of {@code source} from {@code offset} to linear memory at {@code address}. */
    private static long copyOut(SorobanHost h, byte[] source, long offset, long address, long len) {
        int from = h.u32(offset);
        int n = h.u32(len);
        if (Integer.toUnsignedLong(from) + Integer.toUnsignedLong(n) > source.length) {
            throw fail(OBJECT, INDEX_BOUNDS, "range " + Integer.toUnsignedString(from) + "+" + Integer.toUnsignedString(n) + " is out of bounds of " + source.length + " bytes");
        }
        h.write(h.u32(address), Arrays.copyOfRange(source, from, from + n));
        return Val.VOID_VAL;
    }

    private static ScVal.Sym symbolOf(byte[] b) {
        return new ScVal.Sym(new String(b, StandardCharsets.ISO_8859_1));
    }

    private static void buffers() {
        def("serialize_to_bytes", (h, a) -> {
            byte[] b = ScValXdr.encode(h.get(a[0]));
            h.charge(b.length);
            return bytes(h, b);
        });
        def("deserialize_from_bytes", (h, a) -> {
            byte[] b = h.bytes(a[0]);
            h.charge(b.length);
            return h.put(ScValXdr.decode(b));
        });
        def("bytes_copy_to_linear_memory", (h, a) -> copyOut(h, h.bytes(a[0]), a[1], a[2], a[3]));
        def("string_copy_to_linear_memory", (h, a) -> copyOut(h, h.string(a[0]).bytes(), a[1], a[2], a[3]));
        def("symbol_copy_to_linear_memory", (h, a) -> copyOut(h, h.symbol(a[0]).name().getBytes(StandardCharsets.ISO_8859_1), a[1], a[2], a[3]));
        def("bytes_copy_from_linear_memory", (h, a) -> {
            byte[] b = h.bytes(a[0]);
            int at = h.u32(a[1]);
            if (Integer.toUnsignedLong(at) > b.length) {
                throw fail(OBJECT, INDEX_BOUNDS, "offset " + Integer.toUnsignedString(at) + " is past the end of " + b.length + " bytes");
            }
            byte[] chunk = h.read(h.u32(a[2]), h.u32(a[3]));
            byte[] out = Arrays.copyOf(b, Math.max(b.length, at + chunk.length));
            System.arraycopy(chunk, 0, out, at, chunk.length);
            return bytes(h, out);
        });
        def("bytes_new_from_linear_memory", (h, a) -> bytes(h, h.read(h.u32(a[0]), h.u32(a[1]))));
        def("string_new_from_linear_memory", (h, a) -> h.object(new ScVal.Str(h.read(h.u32(a[0]), h.u32(a[1])))));
        def("symbol_new_from_linear_memory", (h, a) -> h.object(symbolOf(h.read(h.u32(a[0]), h.u32(a[1])))));
        def("bytes_new", (h, a) -> bytes(h, new byte[0]));
        def("bytes_put", (h, a) -> {
            byte[] b = h.bytes(a[0]).clone();
            b[position(h, a[1], b.length)] = octet(h, a[2]);
            return bytes(h, b);
        });
        def("bytes_get", (h, a) -> {
            byte[] b = h.bytes(a[0]);
            return Val.u32(b[position(h, a[1], b.length)] & 0xff);
        });
        def("bytes_del", (h, a) -> {
            byte[] b = h.bytes(a[0]);
            int i = position(h, a[1], b.length);
            byte[] out = new byte[b.length - 1];
            System.arraycopy(b, 0, out, 0, i);
            System.arraycopy(b, i + 1, out, i, b.length - i - 1);
            return bytes(h, out);
        });
        def("bytes_len", (h, a) -> Val.u32(h.bytes(a[0]).length));
        def("string_len", (h, a) -> Val.u32(h.string(a[0]).bytes().length));
        def("symbol_len", (h, a) -> Val.u32(h.symbol(a[0]).name().length()));
        def("bytes_push", (h, a) -> {
            byte[] b = h.bytes(a[0]);
            byte[] out = Arrays.copyOf(b, b.length + 1);
            out[b.length] = octet(h, a[1]);
            return bytes(h, out);
        });
        def("bytes_pop", (h, a) -> {
            byte[] b = nonEmptyBytes(h, a[0]);
            return bytes(h, Arrays.copyOf(b, b.length - 1));
        });
        def("bytes_front", (h, a) -> Val.u32(nonEmptyBytes(h, a[0])[0] & 0xff));
        def("bytes_back", (h, a) -> {
            byte[] b = nonEmptyBytes(h, a[0]);
            return Val.u32(b[b.length - 1] & 0xff);
        });
        def("bytes_insert", (h, a) -> {
            byte[] b = h.bytes(a[0]);
            int i = position(h, a[1], b.length + 1);
            byte[] out = new byte[b.length + 1];
            System.arraycopy(b, 0, out, 0, i);
            out[i] = octet(h, a[2]);
            System.arraycopy(b, i, out, i + 1, b.length - i);
            return bytes(h, out);
        });
        def("bytes_append", (h, a) -> {
            byte[] x = h.bytes(a[0]);
            byte[] y = h.bytes(a[1]);
            byte[] out = Arrays.copyOf(x, x.length + y.length);
            System.arraycopy(y, 0, out, x.length, y.length);
            return bytes(h, out);
        });
        def("bytes_slice", (h, a) -> {
            byte[] b = h.bytes(a[0]);
            int start = position(h, a[1], b.length + 1);
            int end = position(h, a[2], b.length + 1);
            if (start > end) {
                throw fail(OBJECT, INDEX_BOUNDS, "slice start " + start + " is after its end " + end);
            }
            return bytes(h, Arrays.copyOfRange(b, start, end));
        });
        def("symbol_index_in_linear_memory", (h, a) -> {
            ScVal.Sym s = h.symbol(a[0]);
            List<byte[]> slices = h.readSlices(h.u32(a[1]), h.u32(a[2]));
            for (int i = 0; i < slices.size(); i++) {
                if (s.name().equals(new String(slices.get(i), StandardCharsets.ISO_8859_1))) {
                    return Val.u32(i);
                }
            }
            throw fail(VALUE, MISSING_VALUE, "symbol " + s + " is not among the " + slices.size() + " in linear memory");
        });
        def("string_to_bytes", (h, a) -> bytes(h, h.string(a[0]).bytes()));
        def("bytes_to_string", (h, a) -> h.object(new ScVal.Str(h.bytes(a[0]))));
    }

    // ---- crypto (c) and address (a) ------------------------------------------------------------

    private static void crypto() {
        def("compute_hash_sha256", (h, a) -> {
            byte[] b = h.bytes(a[0]);
            h.charge(b.length);
            return bytes(h, Hashes.sha256(b, 0, b.length));
        });
        def("compute_hash_keccak256", (h, a) -> {
            byte[] b = h.bytes(a[0]);
            h.charge(b.length);
            return bytes(h, Hashes.keccak256(b));
        });
    }

    private static void addresses() {
        def("strkey_to_address", (h, a) -> {
            byte[] text = switch (h.get(a[0])) {
                case ScVal.Str s -> s.bytes();
                case ScVal.Bytes b -> b.bytes();
                case ScVal other -> throw fail(VALUE, UNEXPECTED_TYPE, "strkey_to_address takes a string or bytes, got " + other);
            };
            return h.object(StrKey.decode(new String(text, StandardCharsets.ISO_8859_1)));
        });
        def("address_to_strkey", (h, a) -> h.object(new ScVal.Str(StrKey.encode(h.address(a[0])))));
    }
}
