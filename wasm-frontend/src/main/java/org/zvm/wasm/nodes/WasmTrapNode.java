// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import org.zvm.wasm.WasmException;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;

/** {@code unreachable}. */
public final class WasmTrapNode extends WasmNode {
    @Override
    public int execute(VirtualFrame frame) {
        CompilerDirectives.transferToInterpreter();
        throw WasmException.trap("unreachable");
    }
}
