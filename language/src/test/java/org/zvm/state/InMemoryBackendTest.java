// SPDX-License-Identifier: Apache-2.0
package org.zvm.state;

/** The backend contract over the in-memory maps; reloading is the same object, as nothing is stored. */
class InMemoryBackendTest extends StateBackendContract {
    @Override
    protected StateBackend open() {
        return new InMemoryBackend();
    }

    @Override
    protected StateBackend reload(StateBackend old) {
        return old;
    }
}
