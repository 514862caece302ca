// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests.fuzz;

import org.zvm.container.ZvmContainer;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Native execution of arbitrary code (in a ZVMC container, as accounts hold it) under {@link FuzzVm}'s invariants. */
class NativeExecutionFuzzTest {
    @FuzzTest
    void nativeExecution(byte[] input) {
        FuzzVm.run(input, code -> ZvmContainer.of(ZvmContainer.Target.NATIVE, code, "").write());
    }
}
