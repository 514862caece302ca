// SPDX-License-Identifier: Apache-2.0
package org.zvm.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.zvm.util.Hex;

/** The committed signature test vectors ({@code src/test/resources/pq/}, each naming its source). */
public final class KnownAnswers {
    private KnownAnswers() {
    }

    /** The {@code name = HEX} lines of resource {@code pq/file}; {@code #} lines are comments. */
    public static Map<String, byte[]> load(String file) {
        try (InputStream in = KnownAnswers.class.getResourceAsStream("/pq/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector resource pq/" + file);
            }
            Map<String, byte[]> out = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] kv = line.split(" = ", 2);
                    out.put(kv[0].trim(), Hex.bytes(kv[1].trim()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Falcon KAT 0 as the opcode and {@code .zsig} take it: public key, message, signature. */
    public static byte[][] falconVector() {
        Map<String, byte[]> v = load("falcon512-kat0.txt");
        byte[] sm = v.get("sm");
        byte[] msg = v.get("msg");
        int sigLen = ((sm[0] & 0xFF) << 8) | (sm[1] & 0xFF);
        byte[] sig = new byte[40 + sigLen];
        sig[0] = 0x39;
        System.arraycopy(sm, 2, sig, 1, 40);
        System.arraycopy(sm, 2 + 40 + msg.length + 1, sig, 41, sigLen - 1);
        return new byte[][]{v.get("pk"), msg, sig};
    }

    /** A copy of {@code b} with bit 0 of byte {@code i} flipped. */
    public static byte[] flip(byte[] b, int i) {
        byte[] c = Arrays.copyOf(b, b.length);
        c[i] ^= 1;
        return c;
    }
}
