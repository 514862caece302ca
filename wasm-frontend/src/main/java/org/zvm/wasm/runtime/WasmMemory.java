// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.zvm.wasm.WasmException;

import com.oracle.truffle.api.CompilerDirectives;

/**
 * A linear memory: one Java array, little-endian views over it. An address is an unsigned i32 plus the
 * instruction's unsigned offset, checked against the current length; growing swaps in a larger array.
 * A Java array caps a memory at {@link #MAX_PAGES} pages (2 GiB), which growing reports as a failed grow.
 */
public final class WasmMemory {
    public static final int PAGE = 65536;
    /** The most pages one Java byte array can hold. */
    public static final int MAX_PAGES = 32767;

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** -1 when unbounded. */
    public final long max;
    private byte[] data;

    public WasmMemory(long minPages, long max) {
        this.max = max;
        if (minPages > MAX_PAGES) {
            throw WasmException.trap("memory of " + minPages + " pages is larger than zvm supports (" + MAX_PAGES + ")");
        }
        this.data = new byte[(int) minPages * PAGE];
    }

    public byte[] data() {
        return data;
    }

    public int pages() {
        return data.length / PAGE;
    }

    public long byteSize() {
        return data.length;
    }

    /** Grows by {@code delta} pages; the old size in pages, or -1 when the limit (or Java) forbids it. */
    public int grow(int delta) {
        int old = pages();
        long pages = old + Integer.toUnsignedLong(delta);
        if (pages > (max < 0 ? 65536 : max) || pages > MAX_PAGES) {
            return -1;
        }
        data = Arrays.copyOf(data, (int) pages * PAGE);
        return old;
    }

    /** The checked array index of an access of {@code size} bytes at {@code base + offset}. */
    public int index(int base, long offset, int size) {
        long ea = Integer.toUnsignedLong(base) + offset;
        if (ea + size > data.length) {
            CompilerDirectives.transferToInterpreter();
            throw WasmException.trap("out of bounds memory access");
        }
        return (int) ea;
    }

    public byte getByte(int i) {
        return data[i];
    }

    public short getShort(int i) {
        return (short) SHORT.get(data, i);
    }

    public int getInt(int i) {
        return (int) INT.get(data, i);
    }

    public long getLong(int i) {
        return (long) LONG.get(data, i);
    }

    public void putByte(int i, byte v) {
        data[i] = v;
    }

    public void putShort(int i, short v) {
        SHORT.set(data, i, v);
    }

    public void putInt(int i, int v) {
        INT.set(data, i, v);
    }

    public void putLong(int i, long v) {
        LONG.set(data, i, v);
    }

    /** Checks that {@code [address, address + length)} lies inside the memory (unsigned i32 operands). */
    public void checkRange(int address, int length) {
        if (Integer.toUnsignedLong(address) + Integer.toUnsignedLong(length) > data.length) {
            throw WasmException.trap("out of bounds memory access");
        }
    }
}
