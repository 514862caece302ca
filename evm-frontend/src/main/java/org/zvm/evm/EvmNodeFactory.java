// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm;

import org.zvm.error.HaltReason;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.nodes.arith.ArithmeticNodes;
import org.zvm.nodes.arith.BitwiseNodes;
import org.zvm.nodes.arith.BitwiseNodes.Shift;
import org.zvm.nodes.call.CallNodes;
import org.zvm.nodes.control.ControlNodes;
import org.zvm.nodes.crypto.HashNodes.MemoryHash;
import org.zvm.nodes.env.EnvironmentNodes;
import org.zvm.nodes.env.EnvironmentNodes.AccountQuery;
import org.zvm.nodes.env.EnvironmentNodes.Copy;
import org.zvm.nodes.env.EnvironmentNodes.HashLookup;
import org.zvm.nodes.env.EnvironmentNodes.Value;
import org.zvm.nodes.env.LogNode;
import org.zvm.nodes.memory.MemoryNodes;
import org.zvm.nodes.stack.StackNodes;
import org.zvm.nodes.storage.StorageNodes;
import org.zvm.opcode.Revision;
import org.zvm.runtime.UInt256;

/**
 * The EVM's node factory: one exhaustive switch over {@link EvmOpcode} onto the shared nodes of
 * {@code language/}, so the compiler reports any instruction left without semantics. Nodes whose gas or
 * semantics change between forks get the fork's {@link Revision}.
 */
final class EvmNodeFactory {
    private EvmNodeFactory() {
    }

    /** The node of {@code op} (null: a byte undefined in the fork), with {@code immediate} for pushes. */
    static ZvmInstructionNode create(EvmOpcode op, UInt256 immediate, Fork fork) {
        if (op == null) {
            return new ControlNodes.Invalid(HaltReason.INVALID_OPCODE);
        }
        Revision rev = fork.revision;
        return switch (op) {
            case STOP -> new ControlNodes.Halt();
            case ADD -> new ArithmeticNodes.Add();
            case MUL -> new ArithmeticNodes.Mul();
            case SUB -> new ArithmeticNodes.Sub();
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
            case ADDRESS -> new Value(Value.Kind.ADDRESS);
            case BALANCE -> new AccountQuery(AccountQuery.Kind.BALANCE, rev);
            case ORIGIN -> new Value(Value.Kind.ORIGIN);
            case CALLER -> new Value(Value.Kind.CALLER);
            case CALLVALUE -> new Value(Value.Kind.CALLVALUE);
            case CALLDATALOAD -> new EnvironmentNodes.CallDataLoad();
            case CALLDATASIZE -> new Value(Value.Kind.CALLDATASIZE);
            case CALLDATACOPY -> new Copy(Copy.Kind.CALLDATA);
            case CODESIZE -> new Value(Value.Kind.CODESIZE);
            case CODECOPY -> new Copy(Copy.Kind.CODE);
            case GASPRICE -> new Value(Value.Kind.GASPRICE);
            case EXTCODESIZE -> new AccountQuery(AccountQuery.Kind.EXTCODESIZE, rev);
            case EXTCODECOPY -> new EnvironmentNodes.ExtCodeCopy(rev);
            case RETURNDATASIZE -> new Value(Value.Kind.RETURNDATASIZE);
            case RETURNDATACOPY -> new Copy(Copy.Kind.RETURNDATA);
            case EXTCODEHASH -> new AccountQuery(AccountQuery.Kind.EXTCODEHASH, rev);
            case BLOCKHASH -> new HashLookup(HashLookup.Kind.BLOCKHASH);
            case COINBASE -> new Value(Value.Kind.COINBASE);
            case TIMESTAMP -> new Value(Value.Kind.TIMESTAMP);
            case NUMBER -> new Value(Value.Kind.NUMBER);
            case PREVRANDAO -> new Value(Value.Kind.PREVRANDAO);
            case GASLIMIT -> new Value(Value.Kind.GASLIMIT);
            case CHAINID -> new Value(Value.Kind.CHAINID);
            case SELFBALANCE -> new Value(Value.Kind.SELFBALANCE);
            case BASEFEE -> new Value(Value.Kind.BASEFEE);
            case BLOBHASH -> new HashLookup(HashLookup.Kind.BLOBHASH);
            case BLOBBASEFEE -> new Value(Value.Kind.BLOBBASEFEE);
            case POP -> new StackNodes.Pop();
            case MLOAD -> new MemoryNodes.MLoad();
            case MSTORE -> new MemoryNodes.MStore();
            case MSTORE8 -> new MemoryNodes.MStore8();
            case SLOAD -> new StorageNodes.SLoad(rev);
            case SSTORE -> new StorageNodes.SStore(rev);
            case JUMP -> new ControlNodes.Jump();
            case JUMPI -> new ControlNodes.JumpI();
            case PC -> new ControlNodes.Pc();
            case MSIZE -> new MemoryNodes.MSize();
            case GAS -> new Value(Value.Kind.GAS);
            case JUMPDEST -> new StackNodes.Nop();
            case TLOAD -> new StorageNodes.TLoad();
            case TSTORE -> new StorageNodes.TStore();
            case MCOPY -> new MemoryNodes.MCopy();
            case PUSH0, PUSH1, PUSH2, PUSH3, PUSH4, PUSH5, PUSH6, PUSH7, PUSH8, PUSH9, PUSH10, PUSH11, PUSH12, PUSH13, PUSH14, PUSH15, PUSH16,
                            PUSH17, PUSH18, PUSH19, PUSH20, PUSH21, PUSH22, PUSH23, PUSH24, PUSH25, PUSH26, PUSH27, PUSH28, PUSH29, PUSH30, PUSH31,
                            PUSH32 ->
                new StackNodes.Push(immediate);
            case DUP1, DUP2, DUP3, DUP4, DUP5, DUP6, DUP7, DUP8, DUP9, DUP10, DUP11, DUP12, DUP13, DUP14, DUP15, DUP16 -> new StackNodes.Dup(op.inputs);
            case SWAP1, SWAP2, SWAP3, SWAP4, SWAP5, SWAP6, SWAP7, SWAP8, SWAP9, SWAP10, SWAP11, SWAP12, SWAP13, SWAP14, SWAP15, SWAP16 ->
                new StackNodes.Swap(op.inputs - 1);
            case LOG0, LOG1, LOG2, LOG3, LOG4 -> new LogNode(op.inputs - 2);
            case CREATE -> new CallNodes.Create(false, rev);
            case CALL -> new CallNodes.Call(CallNodes.Call.Kind.CALL, rev);
            case CALLCODE -> new CallNodes.Call(CallNodes.Call.Kind.CALLCODE, rev);
            case RETURN, REVERT -> new ControlNodes.Output();
            case DELEGATECALL -> new CallNodes.Call(CallNodes.Call.Kind.DELEGATECALL, rev);
            case CREATE2 -> new CallNodes.Create(true, rev);
            case STATICCALL -> new CallNodes.Call(CallNodes.Call.Kind.STATICCALL, rev);
            case INVALID -> new ControlNodes.Invalid(HaltReason.INVALID_OPCODE);
            case SELFDESTRUCT -> new CallNodes.SelfDestruct(rev);
        };
    }
}
