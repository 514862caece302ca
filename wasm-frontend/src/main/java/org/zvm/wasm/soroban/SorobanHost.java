// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.zvm.wasm.host.HostContext;
import org.zvm.wasm.host.HostFunction;
import org.zvm.wasm.host.HostTrap;
import org.zvm.wasm.runtime.Linker;

/**
 * The host side of one contract invocation: the table of host objects the guest holds handles to,
 * the contract's storage, the ledger it sees and the events it emits. Converts between guest
 * {@link Val}s and {@link ScVal}s; host functions ({@link HostFunctions}) are linked by their import
 * names ({@link HostEnv}). Misuse (a forged handle, a wrong type, an index out of bounds) stops the
 * guest with a Soroban error value as the trap's detail, never a host exception.
 */
public final class SorobanHost {
    // ScErrorType
    public static final int CONTRACT = 0;
    public static final int WASM_VM = 1;
    public static final int CONTEXT = 2;
    public static final int STORAGE = 3;
    public static final int OBJECT = 4;
    public static final int CRYPTO = 5;
    public static final int EVENTS = 6;
    public static final int BUDGET = 7;
    public static final int VALUE = 8;
    public static final int AUTH = 9;
    // ScErrorCode
    public static final int ARITH_DOMAIN = 0;
    public static final int INDEX_BOUNDS = 1;
    public static final int INVALID_INPUT = 2;
    public static final int MISSING_VALUE = 3;
    public static final int EXISTING_VALUE = 4;
    public static final int EXCEEDED_LIMIT = 5;
    public static final int INVALID_ACTION = 6;
    public static final int INTERNAL_ERROR = 7;
    public static final int UNEXPECTED_TYPE = 8;
    public static final int UNEXPECTED_SIZE = 9;

    /** Gas of any host function call, plus {@link #GAS_PER_BYTE} for each byte it copies or hashes. */
    static final long GAS_PER_CALL = 100;
    static final long GAS_PER_BYTE = 1;

    private final List<ScVal> objects = new ArrayList<>();
    private final ContractStorage storage;
    private final ScVal.Address contract;
    private final Ledger ledger;
    private final List<SorobanEvent> events = new ArrayList<>();
    private final Calls calls;
    private HostContext context;
    private Prng prng;

    /** How a host runs a call into another contract ({@code call}, {@code try_call}) with the gas given. */
    @FunctionalInterface
    public interface Calls {
        SorobanContract.Result call(ScVal.Address target, String function, List<ScVal> args, long gas);
    }

    /** {@code calls} runs cross-contract calls; null when the invocation may make none. */
    public SorobanHost(ContractStorage storage, ScVal.Address contract, Ledger ledger, Calls calls) {
        this.storage = storage;
        this.contract = contract;
        this.ledger = ledger;
        this.calls = calls;
    }

    /**
     * Resolves the guest's imports: every function of {@link HostEnv}, by module and short name (whose
     * types {@link SorobanContract#load} has checked: i64 arguments and result).
     */
    public Linker.Imports imports() {
        return (module, code) -> {
            HostEnv.Entry e = HostEnv.byImport(module, code);
            return e == null ? null : (HostFunction) (ctx, args) -> new Object[] {call(e, ctx, args)};
        };
    }

    private long call(HostEnv.Entry e, HostContext ctx, Object[] args) {
        context = ctx;
        charge(GAS_PER_CALL);
        HostFunctions.Impl impl = HostFunctions.get(e.name());
        if (impl == null) {
            throw fail(CONTEXT, INVALID_ACTION, "host function " + e.name() + " (" + e.module() + "." + e.code() + ") is not supported by zvm");
        }
        long[] a = new long[args.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (Long) args[i];
        }
        try {
            return impl.apply(this, a);
        } catch (ArithmeticException | IllegalArgumentException x) {
            throw fail(VALUE, INVALID_INPUT, e.name() + ": " + x.getMessage());
        }
    }

    /** Stops the guest with the error {@code type}/{@code code}: the trap's detail is the error value. */
    public static HostTrap fail(int type, int code, String message) {
        return new HostTrap(message, new ScVal.Error(type, code));
    }

    void charge(long gas) {
        context.charge(gas);
    }

    /**
     * {@code call} and {@code try_call}: runs {@code function} of the contract at {@code target} with the
     * gas left, charges what it used and adds its events. A failure stops this contract too, unless
     * {@code tolerant} ({@code try_call}), which returns the callee's error value instead.
     */
    long crossCall(long target, long function, long args, boolean tolerant) {
        if (calls == null) {
            throw fail(CONTEXT, INVALID_ACTION, "this invocation cannot call other contracts");
        }
        SorobanContract.Result r = calls.call(address(target), symbol(function).name(), vec(args).items(), context.gasLeft());
        charge(r.gasUsed());
        if (r.success()) {
            events.addAll(r.events());
            return put(r.value());
        }
        if (tolerant) {
            return put(r.value());
        }
        throw new HostTrap("call to " + symbol(function).name() + " failed: " + r.message(), r.value());
    }

    public List<SorobanEvent> events() {
        return events;
    }

    ContractStorage storage() {
        return storage;
    }

    ScVal.Address contract() {
        return contract;
    }

    Ledger ledger() {
        return ledger;
    }

    /** The invocation's random number generator, seeded from the contract and the ledger on first use. */
    Prng prng() {
        if (prng == null) {
            prng = new Prng(ScValXdr.encode(new ScVal.Vec(List.of(contract, new ScVal.Int(IntType.U32, ledger.sequence()), new ScVal.Bytes(ledger.networkId())))));
        }
        return prng;
    }

    void reseed(byte[] seed) {
        prng = new Prng(seed);
    }

    // ---- Val <-> ScVal ---------------------------------------------------------------------------

    /** The value {@code val} stands for; a forged handle or malformed small value stops the guest. */
    public ScVal get(long val) {
        int tag = Val.tag(val);
        if (Val.isObject(val)) {
            int index = Val.objectIndex(val);
            if (index < 0 || index >= objects.size() || Val.minor(val) != 0) {
                throw fail(VALUE, INVALID_INPUT, "no host object with handle " + Integer.toUnsignedString(Val.major(val)));
            }
            ScVal v = objects.get(index);
            if (objectTag(v) != tag) {
                throw fail(VALUE, UNEXPECTED_TYPE, "host object " + index + " is not of tag " + tag);
            }
            return v;
        }
        switch (tag) {
            case Val.FALSE, Val.TRUE, Val.VOID -> {
                if (Val.body(val) != 0) {
                    break;
                }
                return tag == Val.VOID ? ScVal.VOID_VALUE : new ScVal.Bool(tag == Val.TRUE);
            }
            case Val.ERROR -> {
                return new ScVal.Error(Val.minor(val), Val.major(val));
            }
            case Val.U32, Val.I32 -> {
                if (Val.minor(val) != 0) {
                    break;
                }
                long v = tag == Val.U32 ? Integer.toUnsignedLong(Val.major(val)) : Val.major(val);
                return new ScVal.Int(tag == Val.U32 ? IntType.U32 : IntType.I32, v);
            }
            case Val.SYMBOL_SMALL -> {
                String s = Val.smallSymbolText(val);
                if (s == null) {
                    break;
                }
                return new ScVal.Sym(s);
            }
            default -> {
                IntType t = IntType.ofTag(tag);
                if (t != null) {
                    return new ScVal.Int(t, t.signed ? Val.signedBody(val) : Val.body(val));
                }
            }
        }
        throw fail(VALUE, UNEXPECTED_TYPE, "malformed value 0x" + Long.toHexString(val));
    }

    /** {@code v} as a Val: small when it fits, else a new host object. */
    public long put(ScVal v) {
        return switch (v) {
            case ScVal.Bool b -> Val.bool(b.value());
            case ScVal.Void x -> Val.VOID_VAL;
            case ScVal.Error e -> Val.error(e.category(), e.code());
            case ScVal.Int i when i.kind() == IntType.U32 || i.kind() == IntType.I32 -> Val.fromMajorMinor(i.kind().smallTag, i.value().intValue(), 0);
            case ScVal.Int i when i.kind().signed ? i.value().bitLength() < Val.SMALL_BITS : i.value().bitLength() <= Val.SMALL_BITS ->
                Val.fromBody(i.kind().smallTag, i.value().longValue());
            case ScVal.Sym s when s.name().length() <= Val.SMALL_SYMBOL_CHARS -> Val.smallSymbol(s.name());
            default -> object(v);
        };
    }

    /**
     * {@code v} as a new host object, even when it would fit a small value. Charges its size (8 bytes a
     * vec item, 16 a map entry), so building collections one element at a time costs what the copying does.
     */
    public long object(ScVal v) {
        int tag = objectTag(v);
        if (tag < 0) {
            throw new IllegalStateException(v + " has no object form");
        }
        if (context != null) {
            charge(GAS_PER_BYTE * switch (v) {
                case ScVal.Bytes b -> b.bytes().length;
                case ScVal.Str s -> s.bytes().length;
                case ScVal.Vec x -> 8L * x.items().size();
                case ScVal.Map m -> 16L * m.keys().size();
                default -> 0L;
            });
        }
        objects.add(v);
        return Val.object(tag, objects.size() - 1);
    }

    private static int objectTag(ScVal v) {
        return switch (v) {
            case ScVal.Int i -> i.kind().objectTag;
            case ScVal.Bytes b -> Val.BYTES_OBJECT;
            case ScVal.Str s -> Val.STRING_OBJECT;
            case ScVal.Sym s -> Val.SYMBOL_OBJECT;
            case ScVal.Vec x -> Val.VEC_OBJECT;
            case ScVal.Map m -> Val.MAP_OBJECT;
            case ScVal.Address a -> Val.ADDRESS_OBJECT;
            default -> -1;
        };
    }

    // ---- typed arguments -------------------------------------------------------------------------

    private static HostTrap unexpected(String want, ScVal got) {
        return fail(VALUE, UNEXPECTED_TYPE, "expected " + want + ", got " + got);
    }

    ScVal.Vec vec(long val) {
        return get(val) instanceof ScVal.Vec v ? v : unexpectedVal("a vec", val);
    }

    ScVal.Map map(long val) {
        return get(val) instanceof ScVal.Map m ? m : unexpectedVal("a map", val);
    }

    byte[] bytes(long val) {
        return get(val) instanceof ScVal.Bytes b ? b.bytes() : unexpectedVal("bytes", val);
    }

    ScVal.Str string(long val) {
        return get(val) instanceof ScVal.Str s ? s : unexpectedVal("a string", val);
    }

    ScVal.Sym symbol(long val) {
        return get(val) instanceof ScVal.Sym s ? s : unexpectedVal("a symbol", val);
    }

    ScVal.Address address(long val) {
        return get(val) instanceof ScVal.Address a ? a : unexpectedVal("an address", val);
    }

    ScVal.Error error(long val) {
        return get(val) instanceof ScVal.Error e ? e : unexpectedVal("an error", val);
    }

    BigInteger integer(long val, IntType type) {
        return get(val) instanceof ScVal.Int i && i.kind() == type ? i.value() : unexpectedVal("a " + type.text, val);
    }

    /** A {@code U32Val} argument (an index, a length, a linear-memory address). */
    int u32(long val) {
        if (Val.tag(val) != Val.U32 || Val.minor(val) != 0) {
            throw fail(VALUE, UNEXPECTED_TYPE, "expected a u32, got 0x" + Long.toHexString(val));
        }
        return Val.major(val);
    }

    private <T> T unexpectedVal(String want, long val) {
        throw unexpected(want, get(val));
    }

    /** A {@code StorageType} argument: a raw 0 (temporary), 1 (persistent) or 2 (instance). */
    static int storageType(long raw) {
        if (raw < ContractStorage.TEMPORARY || raw > ContractStorage.INSTANCE) {
            throw fail(STORAGE, INVALID_INPUT, "storage type " + raw + " is not 0 (temporary), 1 (persistent) or 2 (instance)");
        }
        return (int) raw;
    }

    // ---- linear memory ---------------------------------------------------------------------------

    byte[] read(int address, int length) {
        charge(GAS_PER_BYTE * Integer.toUnsignedLong(length));
        if (length < 0) {
            throw fail(WASM_VM, INDEX_BOUNDS, "linear memory range of " + Integer.toUnsignedString(length) + " bytes is out of bounds");
        }
        return context.read(Integer.toUnsignedLong(address), length);
    }

    void write(int address, byte[] bytes) {
        charge(GAS_PER_BYTE * bytes.length);
        context.write(Integer.toUnsignedLong(address), bytes);
    }

    /** {@code count} little-endian {@code i64} Vals at {@code address}, as the values they stand for. */
    List<ScVal> readVals(int address, int count) {
        if (count < 0 || count > Integer.MAX_VALUE / 8) {
            throw fail(WASM_VM, INDEX_BOUNDS, "linear memory range of " + Integer.toUnsignedString(count) + " values is out of bounds");
        }
        byte[] raw = read(address, count * 8);
        List<ScVal> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(get(littleEndian(raw, i * 8)));
        }
        return out;
    }

    void writeVals(int address, List<ScVal> values) {
        byte[] raw = new byte[values.size() * 8];
        for (int i = 0; i < values.size(); i++) {
            long v = put(values.get(i));
            for (int k = 0; k < 8; k++) {
                raw[i * 8 + k] = (byte) (v >>> 8 * k);
            }
        }
        write(address, raw);
    }

    static long littleEndian(byte[] b, int off) {
        long v = 0;
        for (int k = 7; k >= 0; k--) {
            v = v << 8 | b[off + k] & 0xff;
        }
        return v;
    }

    /** {@code count} slices (u32 address, u32 length; 8 bytes each) at {@code address}, as the bytes they name. */
    List<byte[]> readSlices(int address, int count) {
        if (count < 0 || count > Integer.MAX_VALUE / 8) {
            throw fail(WASM_VM, INDEX_BOUNDS, "linear memory range of " + Integer.toUnsignedString(count) + " slices is out of bounds");
        }
        byte[] raw = read(address, count * 8);
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long slice = littleEndian(raw, i * 8);
            out.add(read((int) slice, (int) (slice >>> 32)));
        }
        return out;
    }
}
