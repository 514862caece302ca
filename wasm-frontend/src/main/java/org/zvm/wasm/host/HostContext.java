// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.host;

/** What a {@link HostFunction} may touch of the instance that called it. */
public interface HostContext {
    /** Whether the calling instance has a linear memory (index 0). */
    boolean hasMemory();

    /** Reads {@code length} bytes of memory 0 at {@code address}; traps (out of bounds) like a guest load would. */
    byte[] read(long address, int length);

    /** Writes {@code bytes} to memory 0 at {@code address}; traps (out of bounds) like a guest store would. */
    void write(long address, byte[] bytes);

    /** Charges {@code gas} to the ZVM gas meter of the running call; halts it out of gas when too little is left. */
    void charge(long gas);

    /** The gas the running call has left: what a host may hand on to a call it makes. */
    long gasLeft();
}
