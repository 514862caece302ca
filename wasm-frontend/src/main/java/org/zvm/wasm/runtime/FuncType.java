// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.runtime;

import java.util.Arrays;

import org.zvm.wasm.ValueTypes;

/** A function type; equal types are equal records, which is what call_indirect and linking compare. */
public record FuncType(byte[] params, byte[] results) {
    public static final FuncType EMPTY = new FuncType(new byte[0], new byte[0]);

    @Override
    public boolean equals(Object o) {
        return o instanceof FuncType t && Arrays.equals(t.params, params) && Arrays.equals(t.results, results);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(params) * 31 + Arrays.hashCode(results);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (byte p : params) {
            sb.append(sb.length() > 1 ? " " : "").append(ValueTypes.name(p));
        }
        sb.append(") -> (");
        int start = sb.length();
        for (byte r : results) {
            sb.append(sb.length() > start ? " " : "").append(ValueTypes.name(r));
        }
        return sb.append(')').toString();
    }
}
