// SPDX-License-Identifier: Apache-2.0
package org.zvm.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.GenerateWrapper;
import com.oracle.truffle.api.instrumentation.InstrumentableNode;
import com.oracle.truffle.api.instrumentation.ProbeNode;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

/** The body of a contract invocation: tagged as the root so tools see contract entry and exit. */
@GenerateWrapper
public class ZvmBodyNode extends Node implements InstrumentableNode {
    @Child private ZvmCodeNode code;
    private final SourceSection section;

    public ZvmBodyNode(ZvmCodeNode code, SourceSection section) {
        this.code = code;
        this.section = section;
    }

    protected ZvmBodyNode(ZvmBodyNode copy) {
        this.section = copy.section;
    }

    /** Returns the {@link org.zvm.error.HaltReason} of a normal end; halts throw. */
    public Object execute(VirtualFrame frame) {
        return code.execute(frame);
    }

    @Override
    public SourceSection getSourceSection() {
        return section;
    }

    @Override
    public boolean isInstrumentable() {
        return section != null;
    }

    @Override
    public WrapperNode createWrapper(ProbeNode probe) {
        return new ZvmBodyNodeWrapper(this, this, probe);
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        return tag == StandardTags.RootTag.class || tag == StandardTags.RootBodyTag.class;
    }
}
