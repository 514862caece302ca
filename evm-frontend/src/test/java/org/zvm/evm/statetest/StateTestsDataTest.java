// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.statetest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.zvm.evm.statetest.StateTest.PostEntry;
import org.zvm.evm.statetest.StateTest.PreAccount;
import org.zvm.evm.trie.StateRoot;
import org.zvm.runtime.Address;
import org.zvm.state.AccountRecord;
import org.zvm.tools.TestData;
import org.zvm.util.Json;

/**
 * Reads every GeneralStateTests file of the shared data set and checks what can be checked without running
 * a transaction: the file, test and case counts of its manifest, and the state root of each invalid
 * transaction's case, which leaves the state as it was, so its expected root is the root of the pre-state.
 */
class StateTestsDataTest {
    static final String FORK = "Cancun";

    @Test
    void everyFileReadsAndInvalidTransactionsKeepThePreStateRoot() throws IOException {
        Path dir = TestData.dir("ethereum-tests/GeneralStateTests");
        Map<String, Object> manifest = cast(Json.parse(Files.readString(dir.resolveSibling("manifest.json"))));
        SortedMap<String, List<Integer>> expected = new TreeMap<>();
        for (Object o : (List<?>) manifest.get("files")) {
            Map<String, Object> f = cast(o);
            expected.put((String) f.get("path"), List.of(((BigInteger) f.get("tests")).intValue(), ((BigInteger) f.get("cases")).intValue()));
        }

        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        SortedMap<String, List<Integer>> found = new TreeMap<>();
        List<String> rootMismatches = new ArrayList<>();
        int invalidCases = 0;
        for (Path path : files) {
            String name = "GeneralStateTests/" + dir.relativize(path).toString().replace('\\', '/');
            List<StateTest> tests = StateTestFile.read(dir.getParent(), path, FORK);
            int cases = 0;
            for (StateTest t : tests) {
                assertEquals(name, t.file());
                cases += t.post().size();
                byte[] preRoot = null;
                for (PostEntry p : t.post()) {
                    if (p.expectException() != null) {
                        invalidCases++;
                        preRoot = preRoot != null ? preRoot : preStateRoot(t.pre());
                        if (!Arrays.equals(preRoot, p.hash())) {
                            rootMismatches.add(name + " " + t.name() + " data " + p.dataIndex() + " gas " + p.gasIndex() + " value " + p.valueIndex());
                        }
                    }
                }
            }
            found.put(name, List.of(tests.size(), cases));
        }

        assertEquals(expected, found, "files and their (tests, cases) against manifest.json");
        Map<String, Object> totals = cast(manifest.get("totals"));
        assertEquals(totals.get("tests"), BigInteger.valueOf(found.values().stream().mapToInt(c -> c.get(0)).sum()));
        assertEquals(totals.get("cases"), BigInteger.valueOf(found.values().stream().mapToInt(c -> c.get(1)).sum()));
        assertEquals(List.of(), rootMismatches, "invalid transactions whose expected root is not the pre-state root");
        assertEquals(1166, invalidCases, "invalid-transaction cases (the data set's README)");
    }

    static byte[] preStateRoot(SortedMap<Address, PreAccount> pre) {
        SortedMap<Address, AccountRecord> accounts = new TreeMap<>();
        pre.forEach((a, p) -> accounts.put(a, p.record()));
        return StateRoot.of(accounts, a -> pre.get(a).storage());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}
