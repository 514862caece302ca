// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zvm.crypto.SignatureAlgorithm;
import org.zvm.util.Hex;
import org.zvm.util.Json;

/**
 * keygen, sign and verify for every algorithm, as the launcher runs them: exit 0 for a valid signature, 1
 * for a tampered payload, and a one-line {@link UsageException} (exit 2) for every kind of malformed file.
 */
class SigningTest {
    static final String SEED = "0x5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed";
    @TempDir
    Path dir;
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);

    Path keygen(SignatureAlgorithm a) throws UsageException {
        Path key = dir.resolve("key.json");
        assertEquals(0, Signing.keygen(Map.of(Option.ALG, a.id.toLowerCase(), Option.SEED, SEED, Option.OUT, key.toString()), out));
        return key;
    }

    Path sign(Path key, Path payload) throws UsageException {
        Path sig = dir.resolve("sig.zsig");
        assertEquals(0, Signing.sign(Map.of(Option.KEY, key.toString(), Option.PAYLOAD, payload.toString(), Option.OUT, sig.toString())));
        return sig;
    }

    int verify(Path sig, Path payload) throws UsageException {
        return Signing.verify(sig, Map.of(Option.PAYLOAD, payload.toString()), out);
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void roundTripTamperAndMalformed(SignatureAlgorithm a) throws Exception {
        Path key = keygen(a);
        String publicKey = Hex.of(a.keyPair(Hex.bytes(SEED)).publicKey());
        assertEquals(a.id + " public key " + publicKey, stdout.toString(StandardCharsets.UTF_8).strip());
        Path payload = Files.writeString(dir.resolve("data.bin"), "release 1.2.3\n");
        Path sig = sign(key, payload);
        assertEquals(0, verify(sig, payload));
        Path tampered = Files.writeString(dir.resolve("tampered.bin"), "release 1.2.4\n");
        assertEquals(1, verify(sig, tampered));
        assertTrue(stdout.toString(StandardCharsets.UTF_8).endsWith("valid " + a.id + " signature\ninvalid " + a.id + " signature\n"));

        String text = Files.readString(sig);
        String signature = (String) ((Map<?, ?>) Json.parse(text)).get("signature");
        Path flipped = Files.writeString(dir.resolve("flipped.zsig"), text.replace(signature, Hex.of(flip(Hex.bytes(signature), 9))));
        assertEquals(1, verify(flipped, payload), "a well-formed but wrong signature is invalid, not malformed");

        Path shortKey = Files.writeString(dir.resolve("short.zsig"), text.replace(publicKey, publicKey.substring(0, publicKey.length() - 2)));
        malformed(shortKey, payload, "short.zsig: publicKey: " + a.id + " keys are " + a.publicKeyLength + " bytes, got " + (a.publicKeyLength - 1));
        Path badHex = Files.writeString(dir.resolve("hex.zsig"), text.replace(signature, signature + "zz"));
        malformed(badHex, payload, "hex.zsig: signature: not hex: '" + signature + "zz'");
    }

    void malformed(Path sig, Path payload, String message) {
        UsageException e = assertThrows(UsageException.class, () -> verify(sig, payload));
        assertTrue(e.getMessage().endsWith(message), e.getMessage());
    }

    @Test
    void malformedFilesAreOneLineUsageErrors() throws Exception {
        Path payload = Files.writeString(dir.resolve("p.bin"), "x");
        malformed(Files.writeString(dir.resolve("a.zsig"), "{\"format\": \"zsig\", "), payload, "a.zsig: JSON: expected a member name, found end of input at offset 19");
        malformed(Files.writeString(dir.resolve("b.zsig"), "[1]"), payload, "b.zsig: not a JSON object");
        malformed(Files.writeString(dir.resolve("c.zsig"), "{\"format\": \"zvm-key\", \"version\": 1}"), payload, "c.zsig: format is 'zvm-key', expected 'zsig'");
        malformed(Files.writeString(dir.resolve("d.zsig"), "{\"format\": \"zsig\", \"version\": 2}"), payload, "d.zsig: version must be 1, got 2");
        malformed(Files.writeString(dir.resolve("e.zsig"), "{\"format\": \"zsig\", \"version\": 1, \"alg\": \"RSA\"}"), payload,
                        "e.zsig: alg: unknown algorithm 'RSA' (" + SignatureAlgorithm.ids() + ")");
        malformed(Files.writeString(dir.resolve("f.zsig"), "{\"format\": \"zsig\", \"version\": 1, \"alg\": \"Ed25519\"}"), payload, "f.zsig: missing \"publicKey\"");
        String ed = "{\"format\": \"zsig\", \"version\": 1, \"alg\": \"Ed25519\", \"publicKey\": \"0x" + "11".repeat(32) + "\", \"signature\": \"0x" + "22".repeat(63) + "\"}";
        malformed(Files.writeString(dir.resolve("g.zsig"), ed), payload, "g.zsig: signature: Ed25519 signatures are 64 bytes, got 63");
        Path good = Files.writeString(dir.resolve("h.zsig"), ed.replace("22".repeat(63), "22".repeat(64)));
        UsageException e = assertThrows(UsageException.class, () -> Signing.verify(good, Map.of(Option.PAYLOAD, dir.resolve("none").toString()), out));
        assertTrue(e.getMessage().endsWith("none: no such file"), e.getMessage());
        assertEquals(1, verify(good, payload), "a zero-ish Ed25519 key and signature are simply invalid");
    }

    @Test
    void keygenAndSignCheckTheirInputs() throws Exception {
        Path out1 = dir.resolve("k.json");
        UsageException e = assertThrows(UsageException.class, () -> Signing.keygen(Map.of(Option.ALG, "dsa", Option.OUT, out1.toString()), out));
        assertEquals("--alg: unknown algorithm 'dsa' (" + SignatureAlgorithm.ids() + ")", e.getMessage());
        e = assertThrows(UsageException.class, () -> Signing.keygen(Map.of(Option.ALG, "Ed25519"), out));
        assertEquals("keygen: missing --out FILE", e.getMessage());
        e = assertThrows(UsageException.class, () -> Signing.keygen(Map.of(Option.ALG, "Ed25519", Option.SEED, "0x0102", Option.OUT, out1.toString()), out));
        assertEquals("--seed: must be 32 bytes, got 2", e.getMessage());
        e = assertThrows(UsageException.class, () -> Signing.keygen(Map.of(Option.ALG, "secp256k1", Option.SEED, "0x" + "00".repeat(32), Option.OUT, out1.toString()), out));
        assertEquals("--seed: secp256k1 seed is not a valid private key (zero or not below the group order)", e.getMessage());

        Path nowhere = dir.resolve("missing-dir").resolve("k.json");
        e = assertThrows(UsageException.class, () -> Signing.keygen(Map.of(Option.ALG, "Ed25519", Option.OUT, nowhere.toString()), out));
        assertEquals(nowhere + ": cannot write: no such file or directory", e.getMessage());

        // Without --seed the key is random: two key files differ.
        assertEquals(0, Signing.keygen(Map.of(Option.ALG, "Ed25519", Option.OUT, out1.toString()), out));
        Path out2 = dir.resolve("k2.json");
        assertEquals(0, Signing.keygen(Map.of(Option.ALG, "Ed25519", Option.OUT, out2.toString()), out));
        assertTrue(!Arrays.equals(Files.readAllBytes(out1), Files.readAllBytes(out2)));

        String text = Files.readString(out1);
        String seed = (String) ((Map<?, ?>) Json.parse(text)).get("seed");
        Path damaged = Files.writeString(dir.resolve("damaged.json"), text.replace(seed, "0x" + "01".repeat(32)));
        Path payload = Files.writeString(dir.resolve("p.bin"), "x");
        e = assertThrows(UsageException.class, () -> sign(damaged, payload));
        assertEquals(damaged + ": publicKey does not belong to the seed (damaged key file?)", e.getMessage());
    }

    static byte[] flip(byte[] b, int i) {
        byte[] c = b.clone();
        c[i] ^= 1;
        return c;
    }
}
