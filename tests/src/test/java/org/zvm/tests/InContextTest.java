// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.zvm.ZvmContext;
import org.zvm.container.ZvmContainer;
import org.zvm.runtime.Address;
import org.zvm.state.WorldState;
import org.zvm.tools.Assembler;

/**
 * Base of tests that drive the runtime from Java: each test runs inside an entered zvm context, so it
 * can reach {@link ZvmContext} and its world state directly and deploy code without a transaction.
 */
abstract class InContextTest {
    private Context polyglot;
    ZvmContext context;

    @BeforeEach
    void enter() {
        polyglot = Context.create("zvm");
        polyglot.initialize("zvm");
        polyglot.enter();
        context = ZvmContext.get(null);
    }

    @AfterEach
    void leave() {
        polyglot.leave();
        polyglot.close();
    }

    /** Puts {@code accountCode} at {@code a} (nonce 1) and commits it. */
    void deploy(Address a, byte[] accountCode) {
        WorldState s = context.state();
        s.beginTransaction();
        s.setCode(a, accountCode);
        s.setNonce(a, 1);
        context.backend().apply(s.finishTransaction());
    }

    /** Native code in a ZVMC container, as accounts hold it. */
    static byte[] nativeContainer(String zasm) {
        return ZvmContainer.of(ZvmContainer.Target.NATIVE, Assembler.assemble(zasm).code(), "").write();
    }
}
