// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.statetest;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import org.zvm.error.ZvmParseException;
import org.zvm.evm.statetest.StateTest.AccessListEntry;
import org.zvm.evm.statetest.StateTest.Env;
import org.zvm.evm.statetest.StateTest.PostEntry;
import org.zvm.evm.statetest.StateTest.PreAccount;
import org.zvm.evm.statetest.StateTest.TxTemplate;
import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;
import org.zvm.util.Json;

/**
 * Reads Ethereum GeneralStateTests files (format in the data set's README) into {@link StateTest}s. Strict,
 * so a runner never guesses: a missing member, a malformed number or an out-of-range value is a
 * {@link ZvmParseException} whose one-line message names the field, e.g.
 * {@code add11.transaction.gasLimit[0]: not a quantity: "0xzz"}; {@link #read} and the language, which know
 * the file, put its name in front.
 *
 * <p>Quantities are {@code 0x} hex, decimal strings or JSON integers; the fillers' {@code 0x:bigint } prefix
 * (kept in one filled file, for a value above 2^256) is accepted. Byte strings are {@code 0x} hex.
 */
public final class StateTestFile {
    private StateTestFile() {
    }

    private static final String BIGINT_PREFIX = "0x:bigint ";
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

    /**
     * The tests of {@code file} that have expectations for {@code fork}, named by the file's path relative
     * to {@code root} (e.g. {@code GeneralStateTests/stExample/add11.json}), so reports do not depend on
     * where the data is.
     */
    public static List<StateTest> read(Path root, Path file, String fork) throws IOException {
        String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        try {
            return parse(name, Files.readString(file), fork);
        } catch (ZvmParseException e) {
            throw ZvmParseException.general(name + ": " + e.getMessage());
        }
    }

    /**
     * The tests of one file's text that have expectations for {@code fork}; tests without are left out.
     * {@code file} names the tests; errors name the field but not the file, which the caller names once.
     */
    public static List<StateTest> parse(String file, CharSequence json, String fork) {
        Object root = Json.parse(json);
        List<StateTest> tests = new ArrayList<>();
        for (Node test : new Node("", "", root).members()) {
            Node post = test.member("post");
            if (post.has(fork)) {
                TxTemplate tx = transaction(test.member("transaction"));
                tests.add(new StateTest(file, test.name(), env(test.member("env")), pre(test.member("pre")), tx, post(post.member(fork), tx)));
            }
        }
        return tests;
    }

    private static Env env(Node env) {
        return new Env(env.member("currentCoinbase").address(), env.member("currentGasLimit").u64(), env.member("currentNumber").u64(),
                        env.member("currentTimestamp").u64(), env.member("currentDifficulty").u256(), env.member("currentRandom").u256(),
                        env.member("currentBaseFee").u256(), env.member("currentExcessBlobGas").u64());
    }

    private static SortedMap<Address, PreAccount> pre(Node pre) {
        SortedMap<Address, PreAccount> accounts = new TreeMap<>();
        for (Node acc : pre.members()) {
            SortedMap<UInt256, UInt256> storage = new TreeMap<>();
            for (Node slot : acc.member("storage").members()) {
                if (storage.put(slot.key().u256(), slot.u256()) != null) {
                    throw slot.error("the slot is given twice");
                }
            }
            PreAccount account = new PreAccount(acc.member("balance").u256(), acc.member("nonce").u64(), acc.member("code").bytes(),
                            Collections.unmodifiableSortedMap(storage));
            if (accounts.put(acc.key().address(), account) != null) {
                throw acc.error("the account is given twice");
            }
        }
        return Collections.unmodifiableSortedMap(accounts);
    }

    private static TxTemplate transaction(Node tx) {
        UInt256 gasPrice = tx.has("gasPrice") ? tx.member("gasPrice").u256() : null;
        UInt256 maxFee = tx.has("maxFeePerGas") ? tx.member("maxFeePerGas").u256() : null;
        UInt256 maxPriorityFee = tx.has("maxPriorityFeePerGas") ? tx.member("maxPriorityFeePerGas").u256() : null;
        if ((gasPrice == null) == (maxFee == null) || (maxFee == null) != (maxPriorityFee == null)) {
            throw tx.error("needs either gasPrice or both maxFeePerGas and maxPriorityFeePerGas");
        }
        Node to = tx.member("to");
        List<byte[]> data = tx.member("data").elements(Node::bytes);
        return new TxTemplate(tx.member("nonce").u64(), to.string().isEmpty() ? null : to.address(), tx.member("sender").address(), gasPrice, maxFee,
                        maxPriorityFee, tx.has("maxFeePerBlobGas") ? tx.member("maxFeePerBlobGas").u256() : null,
                        tx.has("blobVersionedHashes") ? tx.member("blobVersionedHashes").elements(n -> UInt256.fromBytes(n.hash())) : null, data,
                        tx.member("gasLimit").elements(Node::u64), tx.member("value").elements(Node::quantity),
                        tx.has("accessLists") ? accessLists(tx.member("accessLists"), data.size()) : null);
    }

    private static List<List<AccessListEntry>> accessLists(Node lists, int dataCount) {
        List<List<AccessListEntry>> result = new ArrayList<>();
        for (Node list : lists.elements(n -> n)) {
            result.add(list.value() == Json.NULL ? null
                            : list.elements(e -> new AccessListEntry(e.member("address").address(),
                                            e.member("storageKeys").elements(k -> UInt256.fromBytes(k.hash())))));
        }
        if (result.size() != dataCount) {
            throw lists.error(result.size() + " access lists for " + dataCount + " data entries");
        }
        return Collections.unmodifiableList(result);
    }

    private static List<PostEntry> post(Node entries, TxTemplate tx) {
        return entries.elements(e -> {
            Node indexes = e.member("indexes");
            return new PostEntry(indexes.member("data").index(tx.data().size()), indexes.member("gas").index(tx.gasLimit().size()),
                            indexes.member("value").index(tx.value().size()), e.member("hash").hash(), e.member("logs").hash(),
                            e.has("expectException") ? e.member("expectException").string() : null);
        });
    }

    /**
     * A JSON value and where it is, so that every failure names the field; {@code name} is the
     * member name it is under (test names hold dots, so it is kept rather than cut from the path).
     */
    private record Node(String path, String name, Object value) {
        ZvmParseException error(String what) {
            return ZvmParseException.general((path.isEmpty() ? "the top level" : path) + ": " + what);
        }

        /** The member name as a value of its own, e.g. an address or a slot. */
        Node key() {
            return new Node(path, name, name);
        }

        boolean has(String key) {
            return object().containsKey(key);
        }

        Node member(String key) {
            Object v = object().get(key);
            if (v == null) {
                throw error("missing member \"" + key + "\"");
            }
            return child(key, v);
        }

        List<Node> members() {
            List<Node> nodes = new ArrayList<>();
            object().forEach((k, v) -> nodes.add(child(k, v)));
            return nodes;
        }

        private Node child(String key, Object v) {
            return new Node(path.isEmpty() ? key : path + "." + key, key, v);
        }

        <T> List<T> elements(Function<Node, T> convert) {
            if (!(value instanceof List<?> list)) {
                throw error("expected an array, found " + describe());
            }
            List<T> result = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                result.add(convert.apply(new Node(path + "[" + i + "]", name, list.get(i))));
            }
            return Collections.unmodifiableList(result);
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> object() {
            if (value instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            throw error("expected an object, found " + describe());
        }

        String string() {
            if (value instanceof String s) {
                return s;
            }
            throw error("expected a string, found " + describe());
        }

        /** A non-negative integer of any size. */
        BigInteger quantity() {
            if (value instanceof BigInteger i && i.signum() >= 0) {
                return i;
            }
            String s = value instanceof String str ? str : "";
            String digits = s.startsWith(BIGINT_PREFIX) ? s.substring(BIGINT_PREFIX.length()) : s;
            boolean hex = digits.startsWith("0x");
            String body = hex ? digits.substring(2) : digits;
            if (!body.isEmpty() && body.chars().allMatch(c -> hex ? HexFormat.isHexDigit(c) : c >= '0' && c <= '9')) {
                return new BigInteger(body, hex ? 16 : 10);
            }
            throw error("not a quantity: " + describe());
        }

        long u64() {
            BigInteger q = quantity();
            if (q.compareTo(TWO_64) >= 0) {
                throw error(describe() + " does not fit 64 bits");
            }
            return q.longValue();
        }

        UInt256 u256() {
            BigInteger q = quantity();
            if (q.compareTo(TWO_256) >= 0) {
                throw error(describe() + " does not fit 256 bits");
            }
            return UInt256.of(q);
        }

        /** An index into a transaction template list of {@code size} entries. */
        int index(int size) {
            BigInteger q = quantity();
            if (q.compareTo(BigInteger.valueOf(size)) >= 0) {
                throw error(describe() + " is out of range: the transaction has " + size);
            }
            return q.intValue();
        }

        byte[] bytes() {
            String s = string();
            if (s.startsWith("0x") && s.length() % 2 == 0 && s.chars().skip(2).allMatch(HexFormat::isHexDigit)) {
                return HexFormat.of().parseHex(s, 2, s.length());
            }
            throw error("not 0x-prefixed hex bytes: " + describe());
        }

        byte[] hash() {
            byte[] b = bytes();
            if (b.length != 32) {
                throw error("expected 32 bytes, found " + b.length);
            }
            return b;
        }

        Address address() {
            byte[] b = bytes();
            if (b.length != 20) {
                throw error("expected a 20-byte address, found " + b.length + " bytes");
            }
            return Address.of(b);
        }

        /** The value as JSON, cut short: a field may hold kilobytes of code. */
        private String describe() {
            String json = Json.write(value);
            return json.length() > 48 ? json.substring(0, 45) + "..." : json;
        }
    }
}
