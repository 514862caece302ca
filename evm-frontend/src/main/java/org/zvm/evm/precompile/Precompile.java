// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

/**
 * A precompiled contract: its gas is known from the input alone, so the caller charges it before
 * running and can fail the call early when too little gas was given.
 */
public interface Precompile {
    /** Gas the call costs for this input (may exceed Long range -> saturate at Long.MAX_VALUE). */
    long gas(byte[] input);

    /**
     * The output; throws PrecompileFailure when the input is invalid (the call then fails and consumes
     * all its gas). Neither array is modified, and the output may be the input itself (identity), so the
     * caller copies it where it must own the bytes.
     */
    byte[] run(byte[] input) throws PrecompileFailure;
}
