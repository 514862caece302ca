// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

/**
 * A mistake on the command line or in an input file that the user can fix: the launcher prints
 * {@code zvm: <message>} and exits with 2, never a stack trace.
 */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
