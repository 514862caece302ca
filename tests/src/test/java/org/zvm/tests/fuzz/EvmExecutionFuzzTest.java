// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests.fuzz;

import java.util.function.UnaryOperator;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** EVM execution of arbitrary bytecode under {@link FuzzVm}'s invariants. */
class EvmExecutionFuzzTest {
    @FuzzTest
    void evmExecution(byte[] input) {
        FuzzVm.run(input, UnaryOperator.identity());
    }
}
