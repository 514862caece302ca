// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.runtime;

import java.util.Arrays;

import org.zvm.wasm.WasmException;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.memory.ByteArraySupport;

/**
 * A linear memory: one Java array, little-endian views over it. An address is an unsigned i32 plus the
 * instruction's unsigned offset, checked against the current length; growing swaps in a larger array.
 * A Java array caps a memory at {@link #MAX_PAGES} pages (2 GiB), which growing reports as a failed grow.
 * <p>
 * The scalar loads and stores take the effective address (a {@code long}: unsigned i32 plus offset) and
 * leave the bounds check to {@link ByteArraySupport}, whose exception becomes the trap: one check per access,
 * where checking the address first and then indexing the array made compiled code check twice.
 */
public final class WasmMemory {
    public static final int PAGE = 65536;
    /** The most pages one Java byte array can hold. */
    public static final int MAX_PAGES = 32767;

    private static final ByteArraySupport LITTLE_ENDIAN = ByteArraySupport.littleEndian();

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

    public byte getByte(long address) {
        try {
            return LITTLE_ENDIAN.getByte(data, address);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public short getShort(long address) {
        try {
            return LITTLE_ENDIAN.getShort(data, address);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public int getInt(long address) {
        try {
            return LITTLE_ENDIAN.getInt(data, address);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public long getLong(long address) {
        try {
            return LITTLE_ENDIAN.getLong(data, address);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public void putByte(long address, byte v) {
        try {
            LITTLE_ENDIAN.putByte(data, address, v);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public void putShort(long address, short v) {
        try {
            LITTLE_ENDIAN.putShort(data, address, v);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public void putInt(long address, int v) {
        try {
            LITTLE_ENDIAN.putInt(data, address, v);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public void putLong(long address, long v) {
        try {
            LITTLE_ENDIAN.putLong(data, address, v);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    private static WasmException outOfBounds() {
        CompilerDirectives.transferToInterpreter();
        return WasmException.trap("out of bounds memory access");
    }

    /** Checks that {@code [address, address + length)} lies inside the memory (unsigned i32 operands). */
    public void checkRange(int address, int length) {
        if (Integer.toUnsignedLong(address) + Integer.toUnsignedLong(length) > data.length) {
            throw WasmException.trap("out of bounds memory access");
        }
    }
}
