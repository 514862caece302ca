// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import java.util.Arrays;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.memory.ByteArraySupport;

/**
 * A call frame's byte-addressed memory: a flat array grown in 32-byte words. Growth is paid for by the
 * caller through {@link org.zvm.nodes.Gas#chargeMemory} before any access, so an access here is in range.
 */
public final class Memory {
    /** EVM words are big-endian; Truffle's accessor compiles to a load and a byte swap. */
    private static final ByteArraySupport BYTES = ByteArraySupport.bigEndian();

    private byte[] data = new byte[0];
    private long size;

    /** Size in bytes, always a multiple of 32. */
    public long size() {
        return size;
    }

    public long words() {
        return size >>> 5;
    }

    /** Whether {@code [offset, offset + len)} lies inside the memory as it is, so touching it costs nothing. */
    public boolean holds(long offset, long len) {
        return offset >= 0 && offset <= size - len;
    }

    /** Grows to {@code words} words (already paid for). */
    public void growTo(long words) {
        long newSize = words << 5;
        if (newSize > size) {
            if (newSize > data.length) {
                grow(newSize);
            }
            size = newSize;
        }
    }

    /** Growth happens in most calls: a boundary, not a deoptimization. */
    @TruffleBoundary
    private void grow(long newSize) {
        data = Arrays.copyOf(data, (int) Math.max(newSize, Math.min(Integer.MAX_VALUE - 8, (long) data.length * 2)));
    }

    public byte get(long offset) {
        return data[(int) offset];
    }

    public void set(long offset, byte b) {
        data[(int) offset] = b;
    }

    public byte[] read(long offset, long len) {
        if (len == 0) {
            return new byte[0];
        }
        return Arrays.copyOfRange(data, (int) offset, (int) (offset + len));
    }

    /** Copies {@code len} bytes of {@code src} from {@code srcOff}, zero-filling past its end. */
    public void writePadded(long offset, byte[] src, long srcOff, long len) {
        int o = (int) offset;
        int n = (int) len;
        int available = srcOff >= src.length ? 0 : (int) Math.min(len, src.length - srcOff);
        if (available > 0) {
            System.arraycopy(src, (int) srcOff, data, o, available);
        }
        Arrays.fill(data, o + available, o + n, (byte) 0);
    }

    public void write(long offset, byte[] src) {
        System.arraycopy(src, 0, data, (int) offset, src.length);
    }

    /** The raw backing array: valid up to {@link #size()}. For hashing without a copy. */
    public byte[] array() {
        return data;
    }

    public void readWord(long offset, long[] out) {
        int o = (int) offset;
        for (int limb = 0; limb < 4; limb++) {
            long v = 0;
            int base = o + (3 - limb) * 8;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (data[base + i] & 0xFFL);
            }
            out[limb] = v;
        }
    }

    /** Limb {@code limb} (0 = least significant) of the big-endian word at {@code offset}: one 8-byte load. */
    public long readLimb(long offset, int limb) {
        return BYTES.getLong(data, (int) offset + (3 - limb) * 8);
    }

    public void writeLimb(long offset, int limb, long v) {
        BYTES.putLong(data, (int) offset + (3 - limb) * 8, v);
    }
}
