// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm;

/** Ethereum hard forks in activation order, so a rule that starts at a fork is one comparison. */
public enum Fork {
    ISTANBUL,
    BERLIN,
    LONDON,
    SHANGHAI,
    CANCUN;

    /** Whether this fork includes the rules introduced at {@code f}. */
    public boolean isAtLeast(Fork f) {
        return compareTo(f) >= 0;
    }
}
