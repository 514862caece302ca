// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.runtime;

/** The null reference (of either reference type): one object, so a null check is an identity test. */
public final class RefNull {
    public static final RefNull INSTANCE = new RefNull();

    private RefNull() {
    }

    @Override
    public String toString() {
        return "null";
    }
}
