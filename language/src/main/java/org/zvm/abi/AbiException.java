// SPDX-License-Identifier: Apache-2.0
package org.zvm.abi;

/**
 * A bad type, signature, argument or encoding, with a one-line message that names what is wrong and where
 * (the argument, or the byte offset in the data). Unchecked, like {@link IllegalArgumentException}, which
 * it is: callers at the edge (launcher, interop) turn it into their own error.
 */
public final class AbiException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public AbiException(String message) {
        super(message);
    }
}
