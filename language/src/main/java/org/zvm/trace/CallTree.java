// SPDX-License-Identifier: Apache-2.0
package org.zvm.trace;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.zvm.error.HaltReason;
import org.zvm.runtime.Message;
import org.zvm.state.Log;

/**
 * The calls of one transaction as a tree, printed when its entry frame ends, as {@code forge test -vvvv}
 * prints traces: each call with the gas it used, its contract and function, and how it ended.
 *
 * <pre>
 * Traces:
 *   [22902] 0x…c0de::increment(5)
 *     ├─ [2400] 0x…beef::balanceOf(0x…c0) [staticcall]
 *     │   └─ ← [Return] 7
 *     ├─ emit Incremented(by: 5)
 *     └─ ← [Return] 5
 * </pre>
 *
 * A creation frame is one whose calldata is {@link Message#EMPTY} itself: only {@code Calls.enterCreate}
 * passes that array, so it tells creation apart from a call without input.
 */
final class CallTree {
    private static final class Call {
        final String header;
        /** Nested calls ({@link Call}) and the logs this frame emitted (their text), in order. */
        final List<Object> children = new ArrayList<>();
        long gasUsed;
        String outcome;

        Call(String header) {
            this.header = header;
        }
    }

    private final PrintStream out;
    private final Abi abi;
    private final ArrayDeque<Call> open = new ArrayDeque<>();
    /** How many of the transaction's logs the tree has placed; a reverted frame's logs are rolled back, so it can shrink. */
    private int logsSeen;

    CallTree(PrintStream out, Abi abi) {
        this.out = out;
        this.abi = abi;
    }

    void enter(Message m) {
        Call call = new Call(header(m));
        if (open.isEmpty()) {
            logsSeen = m.state.logs().size();
        } else {
            placeLogs(m, open.peek());
            open.peek().children.add(call);
        }
        open.push(call);
    }

    void exit(Message m, HaltReason reason, long gasLeft) {
        placeLogs(m, open.peek());
        Call call = open.pop();
        call.gasUsed = m.gas - gasLeft;
        call.outcome = outcome(m, reason);
        if (open.isEmpty()) {
            StringBuilder sb = new StringBuilder("Traces:\n");
            print(sb, call, "  ", "    ");
            out.print(sb);
            out.flush();
        }
    }

    /** The logs emitted since the last call boundary belong to {@code frame}, the innermost one open. */
    private void placeLogs(Message m, Call frame) {
        List<Log> logs = m.state.logs();
        for (int i = logsSeen; i < logs.size(); i++) {
            frame.children.add(abi.describeLog(logs.get(i)));
        }
        logsSeen = logs.size();
    }

    private String header(Message m) {
        StringBuilder sb = new StringBuilder();
        if (m.calldata == Message.EMPTY) {
            sb.append("→ new @").append(m.address.toHex());
        } else {
            sb.append(m.address.toHex()).append("::").append(abi.describeCall(m.calldata));
        }
        if (m.isStatic) {
            sb.append(" [staticcall]");
        }
        if (!m.codeAddress.equals(m.address)) {
            sb.append(" [delegatecall to ").append(m.codeAddress.toHex()).append(']');
        }
        if (!m.value.isZero()) {
            sb.append(" {value: ").append(m.value.toBigInteger()).append('}');
        }
        return sb.toString();
    }

    private String outcome(Message m, HaltReason reason) {
        return switch (reason.kind) {
            case SUCCESS -> reason == HaltReason.RETURN ? "[Return] " + (m.calldata == Message.EMPTY ? m.output.length + " bytes of code" : abi.describeOutput(m.calldata, m.output))
                            : "[" + capitalized(reason.id()) + "]";
            case REVERT -> "[Revert] " + abi.describeRevert(m.output);
            default -> "[Halt] " + reason.message;
        };
    }

    private static String capitalized(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    private static void print(StringBuilder sb, Call call, String first, String rest) {
        sb.append(first).append('[').append(call.gasUsed).append("] ").append(call.header).append('\n');
        for (Object child : call.children) {
            if (child instanceof Call c) {
                print(sb, c, rest + "├─ ", rest + "│   ");
            } else {
                sb.append(rest).append("├─ ").append(child).append('\n');
            }
        }
        sb.append(rest).append("└─ ← ").append(call.outcome).append('\n');
    }
}
