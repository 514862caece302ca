// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.zvm.ZvmContext;
import org.zvm.error.HaltReason;
import org.zvm.opcode.GasCosts;
import org.zvm.state.Log;
import org.zvm.state.WorldState;
import org.zvm.util.Hex;
import org.zvm.util.Json;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * Runs one call into a deployed contract as a transaction of its own and reports it as {@code zvm run}
 * does: status, halt reason, execution gas (no intrinsic gas, as evmone reports it), output, logs and the
 * non-zero storage of every account touched.
 */
public final class Transaction {
    private Transaction() {
    }

    @TruffleBoundary
    public static InteropRecord run(ZvmContext context, Address address, LoadedCode code, byte[] calldata, long gas, UInt256 value,
                    Address caller, boolean commit) {
        WorldState s = begin(context, caller);
        s.warmAccount(address);
        Message m = new Message(context, s, context.environment(), address, caller, address, value, calldata, code.code(), false, 0, gas);
        m.target = code.target();
        m.checkpoint = s.checkpoint();
        // The value is credited to the contract: like `evmc run`, a dev run does not model the sender's funds.
        s.addBalance(address, value);
        code.target().call(m);
        if (m.reason.isSuccess()) {
            s.commit(m.checkpoint);
        } else {
            s.revertTo(m.checkpoint);
        }
        InteropRecord result = report(s, m, null);
        if (!commit || !m.reason.isSuccess()) {
            s.revertTo(m.checkpoint);
        }
        context.backend().apply(s.finishTransaction());
        return result;
    }

    /**
     * Runs {@code initCode} as a creation by {@code caller} (at the address its nonce gives) and deploys
     * the code it returns; the report's {@code output} is that code and {@code address} the new account.
     */
    @TruffleBoundary
    public static InteropRecord create(ZvmContext context, LoadedCode initCode, long gas, UInt256 value, Address caller, boolean commit) {
        WorldState s = begin(context, caller);
        int start = s.checkpoint();
        long nonce = s.getNonce(caller);
        s.setNonce(caller, nonce + 1);
        Address address = ContractAddress.create(caller, nonce);
        // As in run: the dev caller is funded with the value it sends.
        s.addBalance(caller, value);
        Message m = Calls.enterCreate(context, s, context.environment(), caller, address, initCode.format(), value, initCode.code(), 0, gas);
        if (m.reason == null && context.revision().initcodeLimit() && initCode.code().length > GasCosts.MAX_INITCODE_SIZE) {
            // EIP-3860: a creating transaction would be invalid; a dev run reports it as the CREATE opcode does.
            m.reason = HaltReason.INITCODE_SIZE_EXCEEDED;
        }
        if (m.reason == null) {
            Calls.run(m);
            Calls.deploy(m, initCode.format(), context.revision());
        } else {
            m.gasLeft = 0;
        }
        InteropRecord result = report(s, m, m.reason.isSuccess() ? address : null);
        if (!commit || !m.reason.isSuccess()) {
            s.revertTo(start);
        }
        context.backend().apply(s.finishTransaction());
        return result;
    }

    /** Starts the transaction with the EIP-2929 warm set of its sender, the coinbase and the precompiles. */
    private static WorldState begin(ZvmContext context, Address caller) {
        WorldState s = context.state();
        s.beginTransaction();
        s.warmAccount(caller);
        s.warmAccount(context.environment().coinbase());
        for (Address p : context.precompiles()) {
            s.warmAccount(p);
        }
        return s;
    }

    /**
     * The call's result. What the call left behind is taken now, before the transaction is rolled back:
     * the logs and the non-zero storage of the accounts touched; formatting it (the {@code json} member)
     * and copying the memory wait until someone reads them.
     */
    private static InteropRecord report(WorldState s, Message m, Address created) {
        HaltReason r = m.reason;
        String status = r.isSuccess() ? "success" : r == HaltReason.REVERT ? "revert" : "halt";
        long gasUsed = m.gas - m.gasLeft;
        byte[] output = m.output;
        List<Log> logs = s.logs();
        Map<Address, SortedMap<UInt256, UInt256>> storage = new LinkedHashMap<>();
        for (Address a : s.touchedAccounts()) {
            SortedMap<UInt256, UInt256> slots = s.nonZeroStorage(a);
            if (!slots.isEmpty()) {
                storage.put(a, slots);
            }
        }
        Memory memory = m.memory;
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("status", status);
        members.put("reason", r.isSuccess() ? ZvmNull.INSTANCE : r.id());
        members.put("gasUsed", gasUsed);
        members.put("gasLeft", m.gasLeft);
        members.put("output", new InteropRecord.Deferred(() -> Hex.of(output)));
        members.put("returnData", new InteropBytes(output));
        members.put("memory", new InteropRecord.Deferred(() -> new InteropBytes(memory.read(0, memory.size()))));
        members.put("address", created == null ? ZvmNull.INSTANCE : created.toHex());
        members.put("json", new InteropRecord.Deferred(() -> json(r, status, gasUsed, output, logs, storage, created)));
        return new InteropRecord(members);
    }

    @TruffleBoundary
    private static String json(HaltReason r, String status, long gasUsed, byte[] output, List<Log> logs, Map<Address, SortedMap<UInt256, UInt256>> storage,
                    Address created) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status);
        json.put("reason", r.isSuccess() ? Json.NULL : r.id());
        json.put("gasUsed", gasUsed);
        json.put("output", Hex.of(output));
        List<Object> logList = new ArrayList<>();
        for (Log log : logs) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("address", log.address().toHex());
            List<Object> topics = new ArrayList<>();
            for (UInt256 t : log.topics()) {
                topics.add(t.toHex32());
            }
            l.put("topics", topics);
            l.put("data", Hex.of(log.data()));
            logList.add(l);
        }
        json.put("logs", logList);
        Map<String, Object> storageJson = new LinkedHashMap<>();
        storage.forEach((a, slots) -> {
            Map<String, Object> out = new LinkedHashMap<>();
            slots.forEach((k, v) -> out.put(k.toHexQuantity(), v.toHexQuantity()));
            storageJson.put(a.toHex(), out);
        });
        json.put("storage", storageJson);
        if (created != null) {
            json.put("address", created.toHex());
        }
        return Json.write(json);
    }
}
