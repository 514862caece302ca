// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.host;

import java.io.Serial;

/**
 * Thrown by a {@link HostFunction} to stop the guest: the engine turns it into a trap with {@link #getMessage()}
 * and keeps {@link #detail()} (a Soroban error value, say) for whoever runs the module.
 */
public final class HostTrap extends RuntimeException {
    @Serial private static final long serialVersionUID = 1L;
    private final transient Object detail;

    public HostTrap(String message, Object detail) {
        super(message, null, false, false);
        this.detail = detail;
    }

    public Object detail() {
        return detail;
    }
}
