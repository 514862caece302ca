// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes;

import com.oracle.truffle.api.nodes.Node;

/**
 * The blocks of one contract, as children so instrumentation finds every instruction. Replaced as a
 * whole when a dynamic jump lands where no block starts yet (see {@link ZvmDispatchNode}).
 */
final class BlockTable extends Node {
    @Children final ZvmBlockNode[] blocks;

    BlockTable(ZvmBlockNode[] blocks) {
        this.blocks = blocks;
    }
}
