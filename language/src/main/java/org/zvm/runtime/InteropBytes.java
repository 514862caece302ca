// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.zvm.util.Hex;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidBufferOffsetException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * Bytes a contract produced (return data, memory) as a read-only interop byte buffer: JavaScript sees an
 * object it can read as bytes ({@code new Uint8Array(...)} of it via {@code Polyglot}, or element by
 * element), Java a {@code Value} with {@code readBufferByte}, Python a {@code bytes}-like view. Reading
 * never exposes the VM's own arrays: the bytes are copied in.
 */
@ExportLibrary(InteropLibrary.class)
public final class InteropBytes implements TruffleObject {
    private final byte[] bytes;

    public InteropBytes(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    @ExportMessage
    boolean hasBufferElements() {
        return true;
    }

    @ExportMessage
    boolean isBufferWritable() {
        return false;
    }

    @ExportMessage
    long getBufferSize() {
        return bytes.length;
    }

    @ExportMessage
    byte readBufferByte(long offset) throws InvalidBufferOffsetException {
        check(offset, 1);
        return bytes[(int) offset];
    }

    @ExportMessage
    void readBuffer(long offset, byte[] destination, int destinationOffset, int length) throws InvalidBufferOffsetException {
        check(offset, length);
        System.arraycopy(bytes, (int) offset, destination, destinationOffset, length);
    }

    @ExportMessage
    @TruffleBoundary
    short readBufferShort(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        return view(order, offset, Short.BYTES).getShort((int) offset);
    }

    @ExportMessage
    @TruffleBoundary
    int readBufferInt(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        return view(order, offset, Integer.BYTES).getInt((int) offset);
    }

    @ExportMessage
    @TruffleBoundary
    long readBufferLong(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        return view(order, offset, Long.BYTES).getLong((int) offset);
    }

    @ExportMessage
    @TruffleBoundary
    float readBufferFloat(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        return view(order, offset, Float.BYTES).getFloat((int) offset);
    }

    @ExportMessage
    @TruffleBoundary
    double readBufferDouble(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        return view(order, offset, Double.BYTES).getDouble((int) offset);
    }

    @ExportMessage
    @SuppressWarnings("unused")
    void writeBufferByte(long offset, byte value) throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    @SuppressWarnings("unused")
    void writeBufferShort(ByteOrder order, long offset, short value) throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    @SuppressWarnings("unused")
    void writeBufferInt(ByteOrder order, long offset, int value) throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    @SuppressWarnings("unused")
    void writeBufferLong(ByteOrder order, long offset, long value) throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    @SuppressWarnings("unused")
    void writeBufferFloat(ByteOrder order, long offset, float value) throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    @SuppressWarnings("unused")
    void writeBufferDouble(ByteOrder order, long offset, double value) throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Hex.of(bytes);
    }

    private void check(long offset, int length) throws InvalidBufferOffsetException {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw InvalidBufferOffsetException.create(offset, length);
        }
    }

    private ByteBuffer view(ByteOrder order, long offset, int length) throws InvalidBufferOffsetException {
        check(offset, length);
        return ByteBuffer.wrap(bytes).order(order);
    }
}
