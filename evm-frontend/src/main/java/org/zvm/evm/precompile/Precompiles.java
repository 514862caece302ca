// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.zvm.evm.Fork;
import org.zvm.runtime.Address;

/**
 * The precompiled contracts at addresses 0x01..0x0a and the fork each appears at, with the gas
 * schedule that fork uses. Tables are built once, so a lookup is one hash probe on the address.
 */
public final class Precompiles {
    private static final Map<Fork, Map<Address, Precompile>> BY_FORK = new EnumMap<>(Fork.class);

    static {
        for (Fork fork : Fork.values()) {
            Map<Address, Precompile> m = new LinkedHashMap<>();
            m.put(address(0x01), EcRecover.INSTANCE);
            m.put(address(0x02), Digests.SHA256);
            m.put(address(0x03), Digests.RIPEMD160);
            m.put(address(0x04), Digests.IDENTITY);
            m.put(address(0x05), fork.isAtLeast(Fork.BERLIN) ? ModExp.EIP2565 : ModExp.EIP198);
            m.put(address(0x06), Bn254.ADD);
            m.put(address(0x07), Bn254.MUL);
            m.put(address(0x08), Bn254.PAIRING);
            m.put(address(0x09), Blake2f.INSTANCE);
            if (fork.isAtLeast(Fork.CANCUN)) {
                m.put(address(0x0a), PointEvaluation.INSTANCE);
            }
            BY_FORK.put(fork, Collections.unmodifiableMap(m));
        }
    }

    private Precompiles() {
    }

    /** The precompile at the address for the fork, or null. */
    public static Precompile get(Address a, Fork fork) {
        return BY_FORK.get(fork).get(a);
    }

    /** The precompile addresses of a fork in ascending order: EIP-2929 treats them as always warm. */
    public static Set<Address> addresses(Fork fork) {
        return BY_FORK.get(fork).keySet();
    }

    private static Address address(int n) {
        byte[] b = new byte[20];
        b[19] = (byte) n;
        return Address.of(b);
    }
}
