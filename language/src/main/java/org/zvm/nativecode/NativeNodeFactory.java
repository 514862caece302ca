// SPDX-License-Identifier: Apache-2.0
package org.zvm.nativecode;

import org.zvm.crypto.SignatureAlgorithm;
import org.zvm.hedera.HederaNodes;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.nodes.arith.ArithmeticNodes;
import org.zvm.nodes.arith.BitwiseNodes;
import org.zvm.nodes.arith.BitwiseNodes.Shift;
import org.zvm.nodes.call.CallNodes;
import org.zvm.nodes.control.ControlNodes;
import org.zvm.nodes.crypto.HashNodes;
import org.zvm.nodes.crypto.HashNodes.MemoryHash;
import org.zvm.nodes.crypto.PostQuantumNodes;
import org.zvm.nodes.env.EnvironmentNodes;
import org.zvm.nodes.env.EnvironmentNodes.AccountQuery;
import org.zvm.nodes.env.EnvironmentNodes.Copy;
import org.zvm.nodes.env.EnvironmentNodes.Value;
import org.zvm.nodes.env.LogNode;
import org.zvm.nodes.memory.MemoryNodes;
import org.zvm.nodes.stack.StackNodes;
import org.zvm.nodes.storage.StorageNodes;
import org.zvm.opcode.Opcode;
import org.zvm.opcode.Revision;
import org.zvm.runtime.UInt256;

/**
 * The native instruction set's node factory: one exhaustive switch over the {@link Opcode} table, so the
 * compiler reports any opcode left without semantics.
 */
final class NativeNodeFactory {
    /** Native code follows the EVM's Cancun rules. */
    private static final Revision REV = Revision.CANCUN;

    private NativeNodeFactory() {
    }

    static ZvmInstructionNode create(Opcode op, UInt256 immediate) {
        return switch (op) {
            case HALT -> new ControlNodes.Halt();
            case NOP, JUMPDEST -> new StackNodes.Nop();
            case POP -> new StackNodes.Pop();
            case PUSH1, PUSH2, PUSH4, PUSH8, PUSH16, PUSH32 -> new StackNodes.Push(immediate);
            case DUP1, DUP2, DUP3, DUP4 -> new StackNodes.Dup(op.inputs);
            case SWAP1, SWAP2, SWAP3, SWAP4 -> new StackNodes.Swap(op.inputs - 1);
            case ADD -> new ArithmeticNodes.Add();
            case SUB -> new ArithmeticNodes.Sub();
            case MUL -> new ArithmeticNodes.Mul();
            case DIV -> new ArithmeticNodes.Div();
            case SDIV -> new ArithmeticNodes.SDiv();
            case MOD -> new ArithmeticNodes.Mod();
            case SMOD -> new ArithmeticNodes.SMod();
            case ADDMOD -> new ArithmeticNodes.ModArith(false);
            case MULMOD -> new ArithmeticNodes.ModArith(true);
            case EXP -> new ArithmeticNodes.Exp();
            case SIGNEXTEND -> new ArithmeticNodes.SignExtend();
            case LT -> new BitwiseNodes.Lt();
            case GT -> new BitwiseNodes.Gt();
            case SLT -> new BitwiseNodes.SignedCompare(false);
            case SGT -> new BitwiseNodes.SignedCompare(true);
            case EQ -> new BitwiseNodes.Eq();
            case ISZERO -> new BitwiseNodes.IsZero();
            case AND -> new BitwiseNodes.And();
            case OR -> new BitwiseNodes.Or();
            case XOR -> new BitwiseNodes.Xor();
            case NOT -> new BitwiseNodes.Not();
            case BYTE -> new BitwiseNodes.Byte();
            case SHL -> new Shift(Shift.Kind.SHL);
            case SHR -> new Shift(Shift.Kind.SHR);
            case SAR -> new Shift(Shift.Kind.SAR);
            case KECCAK256 -> new MemoryHash(MemoryHash.Kind.KECCAK256);
            case SHA256 -> new MemoryHash(MemoryHash.Kind.SHA256);
            case RIPEMD160 -> new MemoryHash(MemoryHash.Kind.RIPEMD160);
            case BLAKE2B -> new MemoryHash(MemoryHash.Kind.BLAKE2B);
            case MLOAD -> new MemoryNodes.MLoad();
            case MSTORE -> new MemoryNodes.MStore();
            case MSTORE8 -> new MemoryNodes.MStore8();
            case MSIZE -> new MemoryNodes.MSize();
            case SLOAD -> new StorageNodes.SLoad(REV);
            case SSTORE -> new StorageNodes.SStore(REV);
            case TLOAD -> new StorageNodes.TLoad();
            case TSTORE -> new StorageNodes.TStore();
            case JUMP -> new ControlNodes.Jump();
            case JUMPI -> new ControlNodes.JumpI();
            case PC -> new ControlNodes.Pc();
            case CALL -> new CallNodes.Call(CallNodes.Call.Kind.CALL, REV);
            case CALLCODE -> new CallNodes.Call(CallNodes.Call.Kind.CALLCODE, REV);
            case DELEGATECALL -> new CallNodes.Call(CallNodes.Call.Kind.DELEGATECALL, REV);
            case STATICCALL -> new CallNodes.Call(CallNodes.Call.Kind.STATICCALL, REV);
            case RETURN, REVERT -> new ControlNodes.Output();
            case SELFDESTRUCT -> new CallNodes.SelfDestruct(REV);
            case CREATE -> new CallNodes.Create(false, REV);
            case CREATE2 -> new CallNodes.Create(true, REV);
            case ADDRESS -> new Value(Value.Kind.ADDRESS);
            case BALANCE -> new AccountQuery(AccountQuery.Kind.BALANCE, REV);
            case ORIGIN -> new Value(Value.Kind.ORIGIN);
            case CALLER -> new Value(Value.Kind.CALLER);
            case CALLVALUE -> new Value(Value.Kind.CALLVALUE);
            case CALLDATALOAD -> new EnvironmentNodes.CallDataLoad();
            case CALLDATASIZE -> new Value(Value.Kind.CALLDATASIZE);
            case CALLDATACOPY -> new Copy(Copy.Kind.CALLDATA);
            case CODESIZE -> new Value(Value.Kind.CODESIZE);
            case CODECOPY -> new Copy(Copy.Kind.CODE);
            case GASPRICE -> new Value(Value.Kind.GASPRICE);
            case EXTCODESIZE -> new AccountQuery(AccountQuery.Kind.EXTCODESIZE, REV);
            case EXTCODECOPY -> new EnvironmentNodes.ExtCodeCopy(REV);
            case RETURNDATASIZE -> new Value(Value.Kind.RETURNDATASIZE);
            case RETURNDATACOPY -> new Copy(Copy.Kind.RETURNDATA);
            case EXTCODEHASH -> new AccountQuery(AccountQuery.Kind.EXTCODEHASH, REV);
            case BLOCKHASH -> new EnvironmentNodes.HashLookup(EnvironmentNodes.HashLookup.Kind.BLOCKHASH);
            case COINBASE -> new Value(Value.Kind.COINBASE);
            case TIMESTAMP -> new Value(Value.Kind.TIMESTAMP);
            case NUMBER -> new Value(Value.Kind.NUMBER);
            case DIFFICULTY, PREVRANDAO -> new Value(Value.Kind.PREVRANDAO);
            case GASLIMIT -> new Value(Value.Kind.GASLIMIT);
            case CHAINID -> new Value(Value.Kind.CHAINID);
            case SELFBALANCE -> new Value(Value.Kind.SELFBALANCE);
            case BASEFEE -> new Value(Value.Kind.BASEFEE);
            case GAS -> new Value(Value.Kind.GAS);
            case TABLEHASH -> new HashNodes.TableHash();
            case HTS_TRANSFER, HTS_MINT, HTS_BURN, HTS_ASSOCIATE, HTS_DISSOCIATE, HTS_APPROVE, HTS_CREATE, HCS_SUBMIT, HCS_CREATE_TOPIC,
                            HCS_UPDATE_TOPIC, HCS_DELETE_TOPIC ->
                new HederaNodes.LedgerCall(op);
            case HEDERA_ACCOUNT_ID -> new HederaNodes.AccountId();
            case HEDERA_TIMESTAMP -> new HederaNodes.Timestamp();
            case PQ_VERIFY_DILITHIUM -> new PostQuantumNodes.Verify(SignatureAlgorithm.ML_DSA_65);
            case PQ_VERIFY_FALCON -> new PostQuantumNodes.Verify(SignatureAlgorithm.FALCON_512);
            case PQ_VERIFY_SPHINCS -> new PostQuantumNodes.Verify(SignatureAlgorithm.SLH_DSA_SHA2_128S);
            case PQ_KEYGEN -> new PostQuantumNodes.Keygen();
            case LOG0, LOG1, LOG2, LOG3, LOG4 -> new LogNode(op.inputs - 2);
        };
    }
}
