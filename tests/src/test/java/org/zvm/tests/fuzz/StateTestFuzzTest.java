// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests.fuzz;

import org.graalvm.polyglot.Value;
import org.zvm.ZvmLanguage;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The state-test JSON reader on arbitrary text, and the runner on whatever it accepts, through the
 * embedder's API: a malformed file is a guest parse error, every accepted case runs to a record (a
 * rejected transaction is a result, not an exception), and running the file again gives the same
 * records, state roots included.
 */
class StateTestFuzzTest {
    @FuzzTest
    void stateTest(byte[] input) {
        FuzzPolyglot.assertSameTwice(FuzzPolyglot.text(ZvmLanguage.STATE_TEST_MIME, input), StateTestFuzzTest::results);
    }

    /** Runs every case and joins their JSON lines. */
    private static String results(Value runner) {
        Value cases = runner.execute();
        StringBuilder out = new StringBuilder();
        for (long i = 0; i < cases.getArraySize(); i++) {
            out.append(cases.getArrayElement(i).getMember("json").asString()).append('\n');
        }
        return out.toString();
    }
}
