// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.runtime;

import java.util.Arrays;

import org.zvm.wasm.WasmException;

/** A table of references; {@code max} is -1 when unbounded. */
public final class WasmTable {
    public final byte elementType;
    public final long max;
    public Object[] elements;

    public WasmTable(byte elementType, int min, long max) {
        this.elementType = elementType;
        this.max = max;
        this.elements = new Object[min];
        Arrays.fill(elements, RefNull.INSTANCE);
    }

    public int size() {
        return elements.length;
    }

    /** Grows by {@code delta} entries of {@code init}; the old size, or -1 when the limit forbids it. */
    public int grow(int delta, Object init) {
        int old = elements.length;
        long size = (long) old + Integer.toUnsignedLong(delta);
        if (size > (max < 0 ? 10_000_000L : max)) {
            return -1;
        }
        Object[] bigger = Arrays.copyOf(elements, (int) size);
        Arrays.fill(bigger, old, (int) size, init);
        elements = bigger;
        return old;
    }

    public Object get(int index) {
        if (Integer.compareUnsigned(index, elements.length) >= 0) {
            throw WasmException.trap("out of bounds table access");
        }
        return elements[index];
    }

    public void set(int index, Object value) {
        if (Integer.compareUnsigned(index, elements.length) >= 0) {
            throw WasmException.trap("out of bounds table access");
        }
        elements[index] = value;
    }
}
