// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

/**
 * An event an invocation emitted: {@code contract_event} ({@code diagnostic} false), or a
 * {@code log_from_linear_memory} message ({@code diagnostic} true, topics {@code [sym:log]}, data the
 * message and its values). Kept only when the invocation succeeds, as the ledger keeps them.
 */
public record SorobanEvent(ScVal.Address contract, ScVal.Vec topics, ScVal data, boolean diagnostic) {
    @Override
    public String toString() {
        return (diagnostic ? "diagnostic " : "event ") + StrKey.encode(contract) + " topics " + topics.toString().substring("vec:".length()) + " data " + data;
    }
}
