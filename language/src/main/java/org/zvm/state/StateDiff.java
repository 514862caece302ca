// SPDX-License-Identifier: Apache-2.0
package org.zvm.state;

import java.util.SortedMap;
import java.util.SortedSet;

import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;

/**
 * What one transaction changed, in the order a backend applies it: first the accounts whose storage is
 * wiped (deleted or re-created), then account records (a null record deletes the account), then the
 * storage slots written (a zero value deletes the slot). Sorted, so applying it is deterministic.
 */
public record StateDiff(SortedSet<Address> wiped, SortedMap<Address, AccountRecord> accounts, SortedMap<Address, SortedMap<UInt256, UInt256>> storage) {
    public boolean isEmpty() {
        return wiped.isEmpty() && accounts.isEmpty() && storage.isEmpty();
    }
}
