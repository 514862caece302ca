// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm;

import java.util.Locale;

import org.zvm.opcode.Revision;

/** The EVM forks zvm runs, oldest first; each carries its {@link Revision} (the rules nodes consult). */
public enum Fork {
    ISTANBUL(Revision.ISTANBUL),
    BERLIN(Revision.BERLIN),
    LONDON(Revision.LONDON),
    SHANGHAI(Revision.SHANGHAI),
    CANCUN(Revision.CANCUN);

    public final Revision revision;

    Fork(Revision revision) {
        this.revision = revision;
    }

    public boolean isAtLeast(Fork other) {
        return compareTo(other) >= 0;
    }

    /** The fork named as state tests and {@code --fork} spell it, in any case. */
    public static Fork named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fork '" + name + "' (known: Istanbul, Berlin, London, Shanghai, Cancun)");
        }
    }

    public static Fork of(Revision revision) {
        for (Fork f : values()) {
            if (f.revision.equals(revision)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no EVM fork has the rules " + revision.name());
    }

    /** The name as written in state tests: {@code Cancun}. */
    public String displayName() {
        return revision.name();
    }
}
