// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

/**
 * Code the VM implements in Java at a fixed address (the EVM's precompiles), callable from every format.
 * A frontend supplies them; calls find them before looking at account code.
 */
public interface PrecompiledContract {
    /** Gas a call with {@code input} costs; saturates at {@link Long#MAX_VALUE}. */
    long gas(byte[] input);

    /** The output, or null when the input is invalid (the call then fails and its gas is consumed). */
    byte[] run(byte[] input);
}
