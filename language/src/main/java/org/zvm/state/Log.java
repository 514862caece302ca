// SPDX-License-Identifier: Apache-2.0
package org.zvm.state;

import java.util.List;

import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;

/** One LOG record: the emitting account, its topics and data. */
public record Log(Address address, List<UInt256> topics, byte[] data) {
}
