// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.zvm.crypto.SignatureAlgorithm;
import org.zvm.error.ZvmParseException;
import org.zvm.util.Hex;
import org.zvm.util.Json;

/**
 * {@code zvm keygen}, {@code sign} and {@code verify}: key files and {@code .zsig} signature files
 * (docs/zsig.md) over {@link SignatureAlgorithm}. Both are small JSON objects so a person can read them
 * and any language can write them. Whatever can be wrong in a file or an option is a
 * {@link UsageException} naming the file and the field, so it ends as one line with exit 2; a well-formed
 * signature that does not match is exit 1.
 */
final class Signing {
    private Signing() {
    }

    /** The {@code format} member of the two file kinds, and their version. */
    static final String KEY_FORMAT = "zvm-key";
    static final String ZSIG_FORMAT = "zsig";
    static final BigInteger VERSION = BigInteger.ONE;
    static final int EXIT_INVALID = 1;

    /** A key file: the seed is the secret, the public key lets {@code sign} check the file is intact. */
    record Key(SignatureAlgorithm algorithm, byte[] seed, byte[] publicKey) {
    }

    /** A {@code .zsig} file: who signed (algorithm, public key) and the signature. */
    record Zsig(SignatureAlgorithm algorithm, byte[] publicKey, byte[] signature) {
    }

    static int keygen(Map<Option, String> options, PrintStream out) throws UsageException {
        SignatureAlgorithm algorithm = algorithm("--alg", required(options, Option.ALG, Command.KEYGEN));
        Path file = Arguments.path("--out", required(options, Option.OUT, Command.KEYGEN));
        byte[] seed;
        if (options.containsKey(Option.SEED)) {
            seed = hex("--seed", options.get(Option.SEED));
            if (seed.length != SignatureAlgorithm.SEED_LENGTH) {
                throw new UsageException("--seed: must be " + SignatureAlgorithm.SEED_LENGTH + " bytes, got " + seed.length);
            }
        } else {
            seed = new byte[SignatureAlgorithm.SEED_LENGTH];
            new SecureRandom().nextBytes(seed);
        }
        SignatureAlgorithm.KeyPair pair;
        try {
            pair = algorithm.keyPair(seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--seed: " + e.getMessage());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", KEY_FORMAT);
        json.put("version", VERSION);
        json.put("alg", algorithm.id);
        json.put("seed", Hex.of(seed));
        json.put("publicKey", Hex.of(pair.publicKey()));
        write(file, Json.writePretty(json), true);
        out.println(algorithm.id + " public key " + Hex.of(pair.publicKey()));
        return ZvmLauncher.EXIT_SUCCESS;
    }

    static int sign(Map<Option, String> options) throws UsageException {
        Key key = readKey(Arguments.existingFile(required(options, Option.KEY, Command.SIGN)));
        byte[] payload = ZvmLauncher.read(Arguments.existingFile(required(options, Option.PAYLOAD, Command.SIGN)));
        Path file = Arguments.path("--out", required(options, Option.OUT, Command.SIGN));
        byte[] signature = key.algorithm().sign(key.seed(), payload);
        write(file, Json.writePretty(zsigJson(new Zsig(key.algorithm(), key.publicKey(), signature))), false);
        return ZvmLauncher.EXIT_SUCCESS;
    }

    static int verify(Path zsigFile, Map<Option, String> options, PrintStream out) throws UsageException {
        Zsig zsig = readZsig(zsigFile);
        byte[] payload = ZvmLauncher.read(Arguments.existingFile(required(options, Option.PAYLOAD, Command.VERIFY)));
        boolean valid = zsig.algorithm().verify(zsig.publicKey(), payload, zsig.signature());
        out.println((valid ? "valid " : "invalid ") + zsig.algorithm().id + " signature");
        return valid ? ZvmLauncher.EXIT_SUCCESS : EXIT_INVALID;
    }

    static Map<String, Object> zsigJson(Zsig z) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", ZSIG_FORMAT);
        json.put("version", VERSION);
        json.put("alg", z.algorithm().id);
        json.put("publicKey", Hex.of(z.publicKey()));
        json.put("signature", Hex.of(z.signature()));
        return json;
    }

    /** Reads and checks a {@code .zsig}: known algorithm, key of its exact length, signature within its bounds. */
    static Zsig readZsig(Path file) throws UsageException {
        Map<String, Object> json = object(file, ZSIG_FORMAT);
        SignatureAlgorithm algorithm = algorithm(file + ": alg", string(file, json, "alg"));
        byte[] publicKey = hexMember(file, json, "publicKey");
        if (publicKey.length != algorithm.publicKeyLength) {
            throw new UsageException(file + ": publicKey: " + algorithm.id + " keys are " + algorithm.publicKeyLength + " bytes, got " + publicKey.length);
        }
        byte[] signature = hexMember(file, json, "signature");
        if (signature.length < algorithm.minSignatureLength || signature.length > algorithm.maxSignatureLength) {
            String size = algorithm.minSignatureLength == algorithm.maxSignatureLength ? String.valueOf(algorithm.minSignatureLength)
                            : algorithm.minSignatureLength + " to " + algorithm.maxSignatureLength;
            throw new UsageException(file + ": signature: " + algorithm.id + " signatures are " + size + " bytes, got " + signature.length);
        }
        return new Zsig(algorithm, publicKey, signature);
    }

    /** Reads a key file and re-derives its key pair, so a damaged seed or public key is caught before signing. */
    static Key readKey(Path file) throws UsageException {
        Map<String, Object> json = object(file, KEY_FORMAT);
        SignatureAlgorithm algorithm = algorithm(file + ": alg", string(file, json, "alg"));
        byte[] seed = hexMember(file, json, "seed");
        byte[] publicKey = hexMember(file, json, "publicKey");
        byte[] derived;
        try {
            derived = algorithm.keyPair(seed).publicKey();
        } catch (IllegalArgumentException e) {
            throw new UsageException(file + ": seed: " + e.getMessage());
        }
        if (!Arrays.equals(derived, publicKey)) {
            throw new UsageException(file + ": publicKey does not belong to the seed (damaged key file?)");
        }
        return new Key(algorithm, seed, publicKey);
    }

    /** The JSON object in {@code file}, with the expected {@code format} and {@code version}. */
    private static Map<String, Object> object(Path file, String format) throws UsageException {
        String text = ZvmLauncher.utf8(file, ZvmLauncher.read(file));
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (ZvmParseException e) {
            throw new UsageException(file + ": " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new UsageException(file + ": not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) map;
        String actual = string(file, json, "format");
        if (!actual.equals(format)) {
            throw new UsageException(file + ": format is '" + actual + "', expected '" + format + "'");
        }
        if (!VERSION.equals(json.get("version"))) {
            throw new UsageException(file + ": version must be " + VERSION + ", got " + json.get("version"));
        }
        return json;
    }

    private static String string(Path file, Map<String, Object> json, String member) throws UsageException {
        Object v = json.get(member);
        if (v == null) {
            throw new UsageException(file + ": missing \"" + member + "\"");
        }
        if (!(v instanceof String s)) {
            throw new UsageException(file + ": \"" + member + "\" must be a string");
        }
        return s;
    }

    private static byte[] hexMember(Path file, Map<String, Object> json, String member) throws UsageException {
        return hex(file + ": " + member, string(file, json, member));
    }

    private static byte[] hex(String what, String s) throws UsageException {
        try {
            return Hex.bytes(s);
        } catch (IllegalArgumentException e) {
            throw new UsageException(what + ": " + e.getMessage());
        }
    }

    private static SignatureAlgorithm algorithm(String what, String id) throws UsageException {
        SignatureAlgorithm a = SignatureAlgorithm.byId(id);
        if (a == null) {
            throw new UsageException(what + ": unknown algorithm '" + id + "' (" + SignatureAlgorithm.ids() + ")");
        }
        return a;
    }

    private static String required(Map<Option, String> options, Option option, Command command) throws UsageException {
        String v = options.get(option);
        if (v == null) {
            throw new UsageException(command.word + ": missing " + option.display() + " " + option.value);
        }
        return v;
    }

    /** Writes {@code text}; a key file is readable by its owner only where the file system allows. */
    private static void write(Path file, String text, boolean secret) throws UsageException {
        try {
            Files.writeString(file, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
            if (secret && Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UsageException(file + ": cannot write: " + ZvmLauncher.reason(e));
        }
    }
}
