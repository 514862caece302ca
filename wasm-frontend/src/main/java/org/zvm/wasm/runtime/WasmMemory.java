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
 * {@link #address} checks an access with {@link ByteArraySupport#inBounds}, the very test the accessors
 * repeat on the same array and address, so compiled code keeps one bounds check per access (the array
 * access of a VarHandle view or an index added a second). No exception is caught: with GraalWasm's way
 * (catching the accessor's exception, every access with its own handler) WasmSpecTestSuite's
 * skip-stack-guard-page grew the test JVM past 13 GB of native heap (docs/benchmarks.md).
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

    /** The checked effective address of an access of {@code size} bytes at {@code base + offset} (unsigned). */
    public long address(int base, long offset, int size) {
        long ea = Integer.toUnsignedLong(base) + offset;
        if (!LITTLE_ENDIAN.inBounds(data, ea, size)) {
            CompilerDirectives.transferToInterpreter();
            throw WasmException.trap("out of bounds memory access");
        }
        return ea;
    }

    public byte getByte(long address) {
        return LITTLE_ENDIAN.getByte(data, address);
    }

    public short getShort(long address) {
        return LITTLE_ENDIAN.getShort(data, address);
    }

    public int getInt(long address) {
        return LITTLE_ENDIAN.getInt(data, address);
    }

    public long getLong(long address) {
        return LITTLE_ENDIAN.getLong(data, address);
    }

    public void putByte(long address, byte v) {
        LITTLE_ENDIAN.putByte(data, address, v);
    }

    public void putShort(long address, short v) {
        LITTLE_ENDIAN.putShort(data, address, v);
    }

    public void putInt(long address, int v) {
        LITTLE_ENDIAN.putInt(data, address, v);
    }

    public void putLong(long address, long v) {
        LITTLE_ENDIAN.putLong(data, address, v);
    }

    /** Checks that {@code [address, address + length)} lies inside the memory (unsigned i32 operands). */
    public void checkRange(int address, int length) {
        if (Integer.toUnsignedLong(address) + Integer.toUnsignedLong(length) > data.length) {
            throw WasmException.trap("out of bounds memory access");
        }
    }
}
