// SPDX-License-Identifier: Apache-2.0
package org.zvm.state;

import org.zvm.runtime.UInt256;

/** An account as a backend stores it (storage is kept apart, slot by slot). */
public record AccountRecord(long nonce, UInt256 balance, byte[] code) {
}
