// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.zvm.wasm.WasmException;
import org.zvm.wasm.parser.BinaryParser;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The WASM decoder and validator on arbitrary bytes: a module is either accepted or refused as the spec
 * classes it, malformed (decoding) or invalid (validation); nothing else escapes.
 */
class WasmDecoderFuzzTest {
    @FuzzTest
    void wasmDecoder(byte[] input) {
        try {
            BinaryParser.parse(null, input, "fuzz");
        } catch (WasmException e) {
            assertTrue(e.kind() == WasmException.Kind.MALFORMED || e.kind() == WasmException.Kind.INVALID, e.kind() + ": " + e.getMessage());
        }
    }
}
