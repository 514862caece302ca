// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

/**
 * Code the VM implements in Java at a fixed address (the EVM's precompiles, a chain's system contracts),
 * callable from every format. A frontend supplies them; calls find them before looking at account code.
 */
public interface PrecompiledContract {
    /** Gas a call with {@code input} costs; saturates at {@link Long#MAX_VALUE}. */
    long gas(byte[] input);

    /**
     * The output of the call {@code frame} (whose calldata is the input), or null when the input is invalid
     * (the call then fails and its gas is consumed). A precompile reads only the input; a system contract
     * also the caller, the state and the static mode.
     */
    byte[] run(Message frame);

    /** Thrown by {@link #run} to revert the call with {@code data}: the state is undone, the gas left is kept. */
    final class Reverted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final transient byte[] data;

        public Reverted(byte[] data) {
            super(null, null, false, false);
            this.data = data;
        }
    }
}
