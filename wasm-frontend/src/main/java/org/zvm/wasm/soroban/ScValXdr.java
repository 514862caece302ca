// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The XDR encoding of {@link ScVal} (Stellar-contract.x), as {@code serialize_to_bytes} produces and
 * contract storage keeps values: big-endian, 4-byte aligned, a 32-bit type discriminant first; vec and
 * map are optional (a present flag), an address is a public key or a contract hash.
 */
public final class ScValXdr {
    /** Nesting deeper than this is refused when decoding, as Soroban's depth limit does. */
    private static final int MAX_DEPTH = 100;

    private ScValXdr() {
    }

    public static byte[] encode(ScVal v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, v);
        return out.toByteArray();
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static void opaque(ByteArrayOutputStream out, byte[] b) {
        int32(out, b.length);
        out.writeBytes(b);
        out.write(new byte[(4 - b.length % 4) % 4], 0, (4 - b.length % 4) % 4);
    }

    private static void write(ByteArrayOutputStream out, ScVal v) {
        int32(out, v.type());
        switch (v) {
            case ScVal.Bool b -> int32(out, b.value() ? 1 : 0);
            case ScVal.Void x -> {
            }
            case ScVal.Error e -> {
                int32(out, e.category());
                int32(out, e.code());
            }
            case ScVal.Int i -> out.writeBytes(fixed(i.value(), Math.max(4, i.kind().bits / 8)));
            case ScVal.Bytes b -> opaque(out, b.bytes());
            case ScVal.Str s -> opaque(out, s.bytes());
            case ScVal.Sym s -> opaque(out, s.name().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            case ScVal.Vec vec -> {
                int32(out, 1);
                int32(out, vec.items().size());
                vec.items().forEach(item -> write(out, item));
            }
            case ScVal.Map m -> {
                int32(out, 1);
                int32(out, m.keys().size());
                for (int i = 0; i < m.keys().size(); i++) {
                    write(out, m.keys().get(i));
                    write(out, m.values().get(i));
                }
            }
            case ScVal.Address a -> {
                int32(out, a.kind());
                if (a.kind() == ScVal.Address.ACCOUNT) {
                    int32(out, 0);
                }
                out.writeBytes(a.id());
            }
        }
    }

    /** {@code v} as {@code n} big-endian two's complement bytes. */
    static byte[] fixed(BigInteger v, int n) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[n];
        Arrays.fill(out, v.signum() < 0 ? (byte) -1 : 0);
        int len = Math.min(b.length, n);
        System.arraycopy(b, b.length - len, out, n - len, len);
        return out;
    }

    /** Decodes one value that fills {@code bytes}; an {@link IllegalArgumentException} when malformed. */
    public static ScVal decode(byte[] bytes) {
        int[] pos = {0};
        ScVal v = read(bytes, pos, 0);
        if (pos[0] != bytes.length) {
            throw new IllegalArgumentException("XDR value followed by " + (bytes.length - pos[0]) + " extra bytes");
        }
        return v;
    }

    private static int int32(byte[] b, int[] pos) {
        if (pos[0] + 4 > b.length) {
            throw new IllegalArgumentException("XDR value ends early");
        }
        int p = pos[0];
        pos[0] += 4;
        return (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | b[p + 3] & 0xff;
    }

    private static byte[] bytes(byte[] b, int[] pos, int n) {
        if (n < 0 || pos[0] + (long) n > b.length) {
            throw new IllegalArgumentException("XDR value ends early");
        }
        byte[] out = Arrays.copyOfRange(b, pos[0], pos[0] + n);
        pos[0] += n;
        return out;
    }

    private static byte[] opaque(byte[] b, int[] pos) {
        int n = int32(b, pos);
        byte[] out = bytes(b, pos, n);
        for (byte pad : bytes(b, pos, (4 - n % 4) % 4)) {
            if (pad != 0) {
                throw new IllegalArgumentException("XDR padding is not zero");
            }
        }
        return out;
    }

    private static ScVal read(byte[] b, int[] pos, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("XDR value nested deeper than " + MAX_DEPTH);
        }
        int type = int32(b, pos);
        IntType intType = IntType.ofXdr(type);
        if (intType != null) {
            byte[] raw = bytes(b, pos, Math.max(4, intType.bits / 8));
            return new ScVal.Int(intType, intType.signed ? new BigInteger(raw) : new BigInteger(1, raw));
        }
        return switch (type) {
            case ScVal.BOOL -> switch (int32(b, pos)) {
                case 0 -> new ScVal.Bool(false);
                case 1 -> new ScVal.Bool(true);
                default -> throw new IllegalArgumentException("XDR bool is neither 0 nor 1");
            };
            case ScVal.VOID -> ScVal.VOID_VALUE;
            case ScVal.ERROR -> new ScVal.Error(int32(b, pos), int32(b, pos));
            case ScVal.BYTES -> new ScVal.Bytes(opaque(b, pos));
            case ScVal.STRING -> new ScVal.Str(opaque(b, pos));
            case ScVal.SYMBOL -> new ScVal.Sym(new String(opaque(b, pos), java.nio.charset.StandardCharsets.ISO_8859_1));
            case ScVal.VEC, ScVal.MAP -> {
                if (int32(b, pos) != 1) {
                    throw new IllegalArgumentException("XDR vec or map is absent");
                }
                int n = int32(b, pos);
                if (n < 0 || n > b.length) {
                    throw new IllegalArgumentException("XDR length " + Integer.toUnsignedString(n) + " is larger than the value");
                }
                List<ScVal> keys = new ArrayList<>();
                List<ScVal> values = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    keys.add(read(b, pos, depth + 1));
                    if (type == ScVal.MAP) {
                        values.add(read(b, pos, depth + 1));
                    }
                }
                yield type == ScVal.VEC ? new ScVal.Vec(keys) : new ScVal.Map(keys, values);
            }
            case ScVal.ADDRESS -> {
                int kind = int32(b, pos);
                if (kind == ScVal.Address.ACCOUNT && int32(b, pos) != 0) {
                    throw new IllegalArgumentException("XDR account key is not ed25519");
                }
                if (kind != ScVal.Address.ACCOUNT && kind != ScVal.Address.CONTRACT) {
                    throw new IllegalArgumentException("XDR address kind " + kind + " is not supported");
                }
                yield new ScVal.Address(kind, bytes(b, pos, 32));
            }
            default -> throw new IllegalArgumentException("XDR value of unknown type " + type);
        };
    }
}
