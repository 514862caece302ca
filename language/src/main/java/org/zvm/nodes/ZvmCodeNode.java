// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

/** What runs a contract's code from its first block: the dispatch itself, or for large code the region driver. */
public abstract class ZvmCodeNode extends Node {
    /** Returns the {@link org.zvm.error.HaltReason} of a normal end; halts throw. */
    public abstract Object execute(VirtualFrame frame);
}
