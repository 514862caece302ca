// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

/**
 * The formats code can be in. Account code in the world state tells its format by its bytes: native code
 * is stored as a ZVMC container (magic "ZVMC"), WASM starts with "\0asm", anything else is EVM code.
 */
public enum CodeFormat {
    NATIVE, EVM, WASM
}
