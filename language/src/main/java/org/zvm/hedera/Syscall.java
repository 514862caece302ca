// SPDX-License-Identifier: Apache-2.0
package org.zvm.hedera;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.zvm.abi.AbiFunction;
import org.zvm.abi.AbiType;
import org.zvm.crypto.Hashes;
import org.zvm.runtime.Address;
import org.zvm.runtime.UInt256;

/**
 * The ledger operations that change state, each reported as an event (a log of the ledger account
 * {@link HederaLedger#ADDRESS}) so a host can replay it on a network: topic 0 is the keccak-256 of the
 * event's signature, the data its ABI encoding. Every event starts with the operator (the executing
 * account), then the operation's arguments, the response code and the operation's results (zeros when
 * it failed).
 */
public enum Syscall {
    HTS_CREATE("HtsCreate", "string name,string symbol,string memo,address treasury,int32 decimals,int64 initialSupply,int64 maxSupply,"
                    + "bool nonFungible,bool freezeDefault,address adminKey,address kycKey,address freezeKey,address wipeKey,address supplyKey,address pauseKey",
                    "address token"),
    HTS_ASSOCIATE("HtsAssociate", "address account,address token", ""),
    HTS_DISSOCIATE("HtsDissociate", "address account,address token", ""),
    HTS_TRANSFER("HtsTransfer", "address token,address from,address to,int64 amountOrSerial", ""),
    HTS_MINT("HtsMint", "address token,int64 amount,bytes[] metadata", "int64 newTotalSupply,int64[] serialNumbers"),
    HTS_BURN("HtsBurn", "address token,int64 amount,int64[] serialNumbers", "int64 newTotalSupply"),
    HTS_APPROVE("HtsApprove", "address token,address spender,int64 amountOrSerial", ""),
    HTS_APPROVE_FOR_ALL("HtsApproveForAll", "address token,address spender,bool approved", ""),
    HBAR_TRANSFER("HbarTransfer", "address from,address to,int64 tinybars", ""),
    HTS_FREEZE("HtsFreeze", "address token,address account,bool frozen", ""),
    HTS_KYC("HtsKyc", "address token,address account,bool granted", ""),
    HTS_PAUSE("HtsPause", "address token,bool paused", ""),
    HCS_CREATE_TOPIC("HcsCreateTopic", "address adminKey,address submitKey", "address topic"),
    HCS_SUBMIT("HcsSubmit", "address topic,bytes message", "int64 sequenceNumber,bytes runningHash"),
    HCS_UPDATE_TOPIC("HcsUpdateTopic", "address topic,address submitKey", ""),
    HCS_DELETE_TOPIC("HcsDeleteTopic", "address topic", "");

    /** The event: operator, arguments, response code, results. */
    public final AbiFunction event;
    /** Topic 0 of the event's log. */
    public final UInt256 topic;
    private final int resultCount;

    Syscall(String name, String arguments, String results) {
        String all = "address operator," + arguments + ",int64 responseCode" + (results.isEmpty() ? "" : "," + results);
        this.event = AbiFunction.parse(name + "(" + all + ")");
        this.topic = UInt256.fromBytes(Hashes.keccak256(event.signature().getBytes(StandardCharsets.UTF_8)));
        this.resultCount = results.isEmpty() ? 0 : results.split(",").length;
    }

    /** The results a failed operation reports: zero of each result type. */
    public List<Object> zeroResults() {
        List<AbiType> types = event.inputs().types();
        List<Object> zeros = new ArrayList<>(resultCount);
        for (AbiType t : types.subList(types.size() - resultCount, types.size())) {
            zeros.add(switch (t) {
                case AbiType.Address a -> Address.of(new byte[20]);
                case AbiType.Bytes b -> new byte[0];
                case AbiType.Array a -> List.of();
                default -> 0L;
            });
        }
        return zeros;
    }
}
