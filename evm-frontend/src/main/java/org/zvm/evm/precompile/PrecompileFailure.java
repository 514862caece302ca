// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

/**
 * Invalid input to a precompile: the call fails and keeps all its gas. Thrown as part of normal
 * execution (a contract may send anything), so it records no stack trace.
 */
public final class PrecompileFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public PrecompileFailure(String message) {
        super(message, null, false, false);
    }
}
