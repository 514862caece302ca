// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.nodes;

import org.zvm.wasm.runtime.Instance;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RepeatingNode;

/**
 * {@code loop}: a branch to it starts it again, and each start charges its instructions' gas as a
 * {@link WasmBlockNode} does. Built on Truffle's {@link LoopNode}, so a long-running loop is compiled on
 * its own (on-stack replacement) while it runs.
 */
public final class WasmLoopNode extends WasmNode {
    @Child private LoopNode loop;
    /** The one value the loop returns (it leaves to one label), or {@link #MANY}. */
    private final int result;

    public WasmLoopNode(WasmNode[] body, Instance instance, int result) {
        this.loop = Truffle.getRuntime().createLoopNode(new Body(body, instance, result != MANY));
        this.result = result;
    }

    @Override
    public int execute(VirtualFrame frame) {
        Object status = loop.execute(frame);
        return result != MANY ? result : (Integer) status;
    }

    private static final class Body extends Node implements RepeatingNode {
        private static final Integer FALL_THROUGH = NEXT;
        @Children private final WasmNode[] body;
        private final Instance instance;
        /**
         * Whether the loop returns one value, which {@link WasmLoopNode#execute} then returns without reading
         * the status: every exit returns {@link #FALL_THROUGH}, so compiled code boxes no branch depth into an
         * {@code Integer}.
         */
        private final boolean oneResult;

        Body(WasmNode[] body, Instance instance, boolean oneResult) {
            this.body = body;
            this.instance = instance;
            this.oneResult = oneResult;
        }

        @Override
        public boolean executeRepeating(VirtualFrame frame) {
            return executeRepeatingWithValue(frame) == CONTINUE_LOOP_STATUS;
        }

        @Override
        @ExplodeLoop
        public Object executeRepeatingWithValue(VirtualFrame frame) {
            instance.charge(body.length);
            for (WasmNode n : body) {
                int r = n.execute(frame);
                if (r != NEXT) {
                    return r == 0 ? CONTINUE_LOOP_STATUS : oneResult ? FALL_THROUGH : Integer.valueOf(r - 1);
                }
                n.drop(frame);
            }
            return FALL_THROUGH;
        }
    }
}
