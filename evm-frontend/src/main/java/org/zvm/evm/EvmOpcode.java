// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm;

/**
 * The EVM instruction set, Istanbul to Cancun: the single source of truth the code model, node factory,
 * disassembler, validator and documentation read. Static gas is given for Istanbul and for Berlin
 * onwards (EIP-2929 turned the account and storage reads into a warm base plus a cold surcharge, which
 * the nodes charge from the fork's {@link org.zvm.opcode.Revision}).
 */
public enum EvmOpcode {
    //             byte  imm  in  out  Istanbul Berlin+ since
    STOP          (0x00,  0,  0,  0,     0,     0, Fork.ISTANBUL, "halt successfully"),
    ADD           (0x01,  0,  2,  1,     3,     3, Fork.ISTANBUL, "a + b"),
    MUL           (0x02,  0,  2,  1,     5,     5, Fork.ISTANBUL, "a * b"),
    SUB           (0x03,  0,  2,  1,     3,     3, Fork.ISTANBUL, "a - b"),
    DIV           (0x04,  0,  2,  1,     5,     5, Fork.ISTANBUL, "a / b, 0 when b = 0"),
    SDIV          (0x05,  0,  2,  1,     5,     5, Fork.ISTANBUL, "signed a / b"),
    MOD           (0x06,  0,  2,  1,     5,     5, Fork.ISTANBUL, "a % b, 0 when b = 0"),
    SMOD          (0x07,  0,  2,  1,     5,     5, Fork.ISTANBUL, "signed a % b"),
    ADDMOD        (0x08,  0,  3,  1,     8,     8, Fork.ISTANBUL, "(a + b) % n"),
    MULMOD        (0x09,  0,  3,  1,     8,     8, Fork.ISTANBUL, "(a * b) % n"),
    EXP           (0x0A,  0,  2,  1,    10,    10, Fork.ISTANBUL, "a ** b; +50 gas per exponent byte"),
    SIGNEXTEND    (0x0B,  0,  2,  1,     5,     5, Fork.ISTANBUL, "sign-extend b from byte a"),
    LT            (0x10,  0,  2,  1,     3,     3, Fork.ISTANBUL, "a < b"),
    GT            (0x11,  0,  2,  1,     3,     3, Fork.ISTANBUL, "a > b"),
    SLT           (0x12,  0,  2,  1,     3,     3, Fork.ISTANBUL, "signed a < b"),
    SGT           (0x13,  0,  2,  1,     3,     3, Fork.ISTANBUL, "signed a > b"),
    EQ            (0x14,  0,  2,  1,     3,     3, Fork.ISTANBUL, "a == b"),
    ISZERO        (0x15,  0,  1,  1,     3,     3, Fork.ISTANBUL, "a == 0"),
    AND           (0x16,  0,  2,  1,     3,     3, Fork.ISTANBUL, "a & b"),
    OR            (0x17,  0,  2,  1,     3,     3, Fork.ISTANBUL, "a | b"),
    XOR           (0x18,  0,  2,  1,     3,     3, Fork.ISTANBUL, "a ^ b"),
    NOT           (0x19,  0,  1,  1,     3,     3, Fork.ISTANBUL, "~a"),
    BYTE          (0x1A,  0,  2,  1,     3,     3, Fork.ISTANBUL, "byte a of b (0 = most significant)"),
    SHL           (0x1B,  0,  2,  1,     3,     3, Fork.ISTANBUL, "b << a"),
    SHR           (0x1C,  0,  2,  1,     3,     3, Fork.ISTANBUL, "b >> a"),
    SAR           (0x1D,  0,  2,  1,     3,     3, Fork.ISTANBUL, "signed b >> a"),
    KECCAK256     (0x20,  0,  2,  1,    30,    30, Fork.ISTANBUL, "keccak256 of memory[offset, len); +6 gas per word"),
    ADDRESS       (0x30,  0,  0,  1,     2,     2, Fork.ISTANBUL, "executing account"),
    BALANCE       (0x31,  0,  1,  1,   700,   100, Fork.ISTANBUL, "balance of account a; cold +2500 (Berlin)"),
    ORIGIN        (0x32,  0,  0,  1,     2,     2, Fork.ISTANBUL, "transaction sender"),
    CALLER        (0x33,  0,  0,  1,     2,     2, Fork.ISTANBUL, "message caller"),
    CALLVALUE     (0x34,  0,  0,  1,     2,     2, Fork.ISTANBUL, "value sent with the call"),
    CALLDATALOAD  (0x35,  0,  1,  1,     3,     3, Fork.ISTANBUL, "32 bytes of calldata at offset a"),
    CALLDATASIZE  (0x36,  0,  0,  1,     2,     2, Fork.ISTANBUL, "calldata length"),
    CALLDATACOPY  (0x37,  0,  3,  0,     3,     3, Fork.ISTANBUL, "copy calldata to memory; +3 gas per word"),
    CODESIZE      (0x38,  0,  0,  1,     2,     2, Fork.ISTANBUL, "executing code's length"),
    CODECOPY      (0x39,  0,  3,  0,     3,     3, Fork.ISTANBUL, "copy code to memory; +3 gas per word"),
    GASPRICE      (0x3A,  0,  0,  1,     2,     2, Fork.ISTANBUL, "effective gas price"),
    EXTCODESIZE   (0x3B,  0,  1,  1,   700,   100, Fork.ISTANBUL, "code length of account a; cold +2500 (Berlin)"),
    EXTCODECOPY   (0x3C,  0,  4,  0,   700,   100, Fork.ISTANBUL, "copy account a's code to memory; +3 gas per word, cold +2500"),
    RETURNDATASIZE(0x3D,  0,  0,  1,     2,     2, Fork.ISTANBUL, "last sub-call's output length"),
    RETURNDATACOPY(0x3E,  0,  3,  0,     3,     3, Fork.ISTANBUL, "copy return data to memory; +3 gas per word"),
    EXTCODEHASH   (0x3F,  0,  1,  1,   700,   100, Fork.ISTANBUL, "keccak256 of account a's code; cold +2500 (Berlin)"),
    BLOCKHASH     (0x40,  0,  1,  1,    20,    20, Fork.ISTANBUL, "hash of one of the 256 latest blocks"),
    COINBASE      (0x41,  0,  0,  1,     2,     2, Fork.ISTANBUL, "block beneficiary"),
    TIMESTAMP     (0x42,  0,  0,  1,     2,     2, Fork.ISTANBUL, "block timestamp"),
    NUMBER        (0x43,  0,  0,  1,     2,     2, Fork.ISTANBUL, "block number"),
    PREVRANDAO    (0x44,  0,  0,  1,     2,     2, Fork.ISTANBUL, "previous RANDAO (DIFFICULTY before the merge)"),
    GASLIMIT      (0x45,  0,  0,  1,     2,     2, Fork.ISTANBUL, "block gas limit"),
    CHAINID       (0x46,  0,  0,  1,     2,     2, Fork.ISTANBUL, "chain id (EIP-1344)"),
    SELFBALANCE   (0x47,  0,  0,  1,     5,     5, Fork.ISTANBUL, "executing account's balance (EIP-1884)"),
    BASEFEE       (0x48,  0,  0,  1,     2,     2, Fork.LONDON,  "block base fee (EIP-3198)"),
    BLOBHASH      (0x49,  0,  1,  1,     3,     3, Fork.CANCUN,  "versioned hash of the transaction's blob a (EIP-4844)"),
    BLOBBASEFEE   (0x4A,  0,  0,  1,     2,     2, Fork.CANCUN,  "blob base fee (EIP-7516)"),
    POP           (0x50,  0,  1,  0,     2,     2, Fork.ISTANBUL, "drop the top"),
    MLOAD         (0x51,  0,  1,  1,     3,     3, Fork.ISTANBUL, "memory word at a"),
    MSTORE        (0x52,  0,  2,  0,     3,     3, Fork.ISTANBUL, "memory[a] = b (32 bytes)"),
    MSTORE8       (0x53,  0,  2,  0,     3,     3, Fork.ISTANBUL, "memory[a] = b & 0xff"),
    SLOAD         (0x54,  0,  1,  1,   800,   100, Fork.ISTANBUL, "storage[a]; cold +2000 (Berlin)"),
    SSTORE        (0x55,  0,  2,  0,   800,   100, Fork.ISTANBUL, "storage[a] = b; EIP-2200 net metering, EIP-2929/3529"),
    JUMP          (0x56,  0,  1,  0,     8,     8, Fork.ISTANBUL, "jump to a JUMPDEST"),
    JUMPI         (0x57,  0,  2,  0,    10,    10, Fork.ISTANBUL, "jump to a if b != 0"),
    PC            (0x58,  0,  0,  1,     2,     2, Fork.ISTANBUL, "this instruction's offset"),
    MSIZE         (0x59,  0,  0,  1,     2,     2, Fork.ISTANBUL, "memory size in bytes"),
    GAS           (0x5A,  0,  0,  1,     2,     2, Fork.ISTANBUL, "gas left after this instruction"),
    JUMPDEST      (0x5B,  0,  0,  0,     1,     1, Fork.ISTANBUL, "jump destination"),
    TLOAD         (0x5C,  0,  1,  1,   100,   100, Fork.CANCUN,  "transient storage[a] (EIP-1153)"),
    TSTORE        (0x5D,  0,  2,  0,   100,   100, Fork.CANCUN,  "transient storage[a] = b (EIP-1153)"),
    MCOPY         (0x5E,  0,  3,  0,     3,     3, Fork.CANCUN,  "copy memory (EIP-5656); +3 gas per word"),
    PUSH0         (0x5F,  0,  0,  1,     2,     2, Fork.SHANGHAI, "push 0 (EIP-3855)"),
    PUSH1         (0x60,  1,  0,  1,     3,     3, Fork.ISTANBUL, "push a 1-byte immediate"),
    PUSH2         (0x61,  2,  0,  1,     3,     3, Fork.ISTANBUL, "push a 2-byte immediate"),
    PUSH3         (0x62,  3,  0,  1,     3,     3, Fork.ISTANBUL, "push a 3-byte immediate"),
    PUSH4         (0x63,  4,  0,  1,     3,     3, Fork.ISTANBUL, "push a 4-byte immediate"),
    PUSH5         (0x64,  5,  0,  1,     3,     3, Fork.ISTANBUL, "push a 5-byte immediate"),
    PUSH6         (0x65,  6,  0,  1,     3,     3, Fork.ISTANBUL, "push a 6-byte immediate"),
    PUSH7         (0x66,  7,  0,  1,     3,     3, Fork.ISTANBUL, "push a 7-byte immediate"),
    PUSH8         (0x67,  8,  0,  1,     3,     3, Fork.ISTANBUL, "push a 8-byte immediate"),
    PUSH9         (0x68,  9,  0,  1,     3,     3, Fork.ISTANBUL, "push a 9-byte immediate"),
    PUSH10        (0x69, 10,  0,  1,     3,     3, Fork.ISTANBUL, "push a 10-byte immediate"),
    PUSH11        (0x6A, 11,  0,  1,     3,     3, Fork.ISTANBUL, "push a 11-byte immediate"),
    PUSH12        (0x6B, 12,  0,  1,     3,     3, Fork.ISTANBUL, "push a 12-byte immediate"),
    PUSH13        (0x6C, 13,  0,  1,     3,     3, Fork.ISTANBUL, "push a 13-byte immediate"),
    PUSH14        (0x6D, 14,  0,  1,     3,     3, Fork.ISTANBUL, "push a 14-byte immediate"),
    PUSH15        (0x6E, 15,  0,  1,     3,     3, Fork.ISTANBUL, "push a 15-byte immediate"),
    PUSH16        (0x6F, 16,  0,  1,     3,     3, Fork.ISTANBUL, "push a 16-byte immediate"),
    PUSH17        (0x70, 17,  0,  1,     3,     3, Fork.ISTANBUL, "push a 17-byte immediate"),
    PUSH18        (0x71, 18,  0,  1,     3,     3, Fork.ISTANBUL, "push a 18-byte immediate"),
    PUSH19        (0x72, 19,  0,  1,     3,     3, Fork.ISTANBUL, "push a 19-byte immediate"),
    PUSH20        (0x73, 20,  0,  1,     3,     3, Fork.ISTANBUL, "push a 20-byte immediate"),
    PUSH21        (0x74, 21,  0,  1,     3,     3, Fork.ISTANBUL, "push a 21-byte immediate"),
    PUSH22        (0x75, 22,  0,  1,     3,     3, Fork.ISTANBUL, "push a 22-byte immediate"),
    PUSH23        (0x76, 23,  0,  1,     3,     3, Fork.ISTANBUL, "push a 23-byte immediate"),
    PUSH24        (0x77, 24,  0,  1,     3,     3, Fork.ISTANBUL, "push a 24-byte immediate"),
    PUSH25        (0x78, 25,  0,  1,     3,     3, Fork.ISTANBUL, "push a 25-byte immediate"),
    PUSH26        (0x79, 26,  0,  1,     3,     3, Fork.ISTANBUL, "push a 26-byte immediate"),
    PUSH27        (0x7A, 27,  0,  1,     3,     3, Fork.ISTANBUL, "push a 27-byte immediate"),
    PUSH28        (0x7B, 28,  0,  1,     3,     3, Fork.ISTANBUL, "push a 28-byte immediate"),
    PUSH29        (0x7C, 29,  0,  1,     3,     3, Fork.ISTANBUL, "push a 29-byte immediate"),
    PUSH30        (0x7D, 30,  0,  1,     3,     3, Fork.ISTANBUL, "push a 30-byte immediate"),
    PUSH31        (0x7E, 31,  0,  1,     3,     3, Fork.ISTANBUL, "push a 31-byte immediate"),
    PUSH32        (0x7F, 32,  0,  1,     3,     3, Fork.ISTANBUL, "push a 32-byte immediate"),
    DUP1          (0x80,  0,  1,  2,     3,     3, Fork.ISTANBUL, "copy the 1st word onto the top"),
    DUP2          (0x81,  0,  2,  3,     3,     3, Fork.ISTANBUL, "copy the 2nd word onto the top"),
    DUP3          (0x82,  0,  3,  4,     3,     3, Fork.ISTANBUL, "copy the 3rd word onto the top"),
    DUP4          (0x83,  0,  4,  5,     3,     3, Fork.ISTANBUL, "copy the 4th word onto the top"),
    DUP5          (0x84,  0,  5,  6,     3,     3, Fork.ISTANBUL, "copy the 5th word onto the top"),
    DUP6          (0x85,  0,  6,  7,     3,     3, Fork.ISTANBUL, "copy the 6th word onto the top"),
    DUP7          (0x86,  0,  7,  8,     3,     3, Fork.ISTANBUL, "copy the 7th word onto the top"),
    DUP8          (0x87,  0,  8,  9,     3,     3, Fork.ISTANBUL, "copy the 8th word onto the top"),
    DUP9          (0x88,  0,  9, 10,     3,     3, Fork.ISTANBUL, "copy the 9th word onto the top"),
    DUP10         (0x89,  0, 10, 11,     3,     3, Fork.ISTANBUL, "copy the 10th word onto the top"),
    DUP11         (0x8A,  0, 11, 12,     3,     3, Fork.ISTANBUL, "copy the 11th word onto the top"),
    DUP12         (0x8B,  0, 12, 13,     3,     3, Fork.ISTANBUL, "copy the 12th word onto the top"),
    DUP13         (0x8C,  0, 13, 14,     3,     3, Fork.ISTANBUL, "copy the 13th word onto the top"),
    DUP14         (0x8D,  0, 14, 15,     3,     3, Fork.ISTANBUL, "copy the 14th word onto the top"),
    DUP15         (0x8E,  0, 15, 16,     3,     3, Fork.ISTANBUL, "copy the 15th word onto the top"),
    DUP16         (0x8F,  0, 16, 17,     3,     3, Fork.ISTANBUL, "copy the 16th word onto the top"),
    SWAP1         (0x90,  0,  2,  2,     3,     3, Fork.ISTANBUL, "exchange the top with word 1 below it"),
    SWAP2         (0x91,  0,  3,  3,     3,     3, Fork.ISTANBUL, "exchange the top with word 2 below it"),
    SWAP3         (0x92,  0,  4,  4,     3,     3, Fork.ISTANBUL, "exchange the top with word 3 below it"),
    SWAP4         (0x93,  0,  5,  5,     3,     3, Fork.ISTANBUL, "exchange the top with word 4 below it"),
    SWAP5         (0x94,  0,  6,  6,     3,     3, Fork.ISTANBUL, "exchange the top with word 5 below it"),
    SWAP6         (0x95,  0,  7,  7,     3,     3, Fork.ISTANBUL, "exchange the top with word 6 below it"),
    SWAP7         (0x96,  0,  8,  8,     3,     3, Fork.ISTANBUL, "exchange the top with word 7 below it"),
    SWAP8         (0x97,  0,  9,  9,     3,     3, Fork.ISTANBUL, "exchange the top with word 8 below it"),
    SWAP9         (0x98,  0, 10, 10,     3,     3, Fork.ISTANBUL, "exchange the top with word 9 below it"),
    SWAP10        (0x99,  0, 11, 11,     3,     3, Fork.ISTANBUL, "exchange the top with word 10 below it"),
    SWAP11        (0x9A,  0, 12, 12,     3,     3, Fork.ISTANBUL, "exchange the top with word 11 below it"),
    SWAP12        (0x9B,  0, 13, 13,     3,     3, Fork.ISTANBUL, "exchange the top with word 12 below it"),
    SWAP13        (0x9C,  0, 14, 14,     3,     3, Fork.ISTANBUL, "exchange the top with word 13 below it"),
    SWAP14        (0x9D,  0, 15, 15,     3,     3, Fork.ISTANBUL, "exchange the top with word 14 below it"),
    SWAP15        (0x9E,  0, 16, 16,     3,     3, Fork.ISTANBUL, "exchange the top with word 15 below it"),
    SWAP16        (0x9F,  0, 17, 17,     3,     3, Fork.ISTANBUL, "exchange the top with word 16 below it"),
    LOG0          (0xA0,  0,  2,  0,   375,   375, Fork.ISTANBUL, "log memory[offset, len) with 0 topics; +8 gas per byte"),
    LOG1          (0xA1,  0,  3,  0,   750,   750, Fork.ISTANBUL, "log memory[offset, len) with 1 topic; +8 gas per byte"),
    LOG2          (0xA2,  0,  4,  0,  1125,  1125, Fork.ISTANBUL, "log memory[offset, len) with 2 topics; +8 gas per byte"),
    LOG3          (0xA3,  0,  5,  0,  1500,  1500, Fork.ISTANBUL, "log memory[offset, len) with 3 topics; +8 gas per byte"),
    LOG4          (0xA4,  0,  6,  0,  1875,  1875, Fork.ISTANBUL, "log memory[offset, len) with 4 topics; +8 gas per byte"),
    CREATE        (0xF0,  0,  3,  1, 32000, 32000, Fork.ISTANBUL, "create from init code: value, offset, len"),
    CALL          (0xF1,  0,  7,  1,   700,   100, Fork.ISTANBUL, "call: gas, to, value, in offset, in len, out offset, out len"),
    CALLCODE      (0xF2,  0,  7,  1,   700,   100, Fork.ISTANBUL, "call another account's code in this account"),
    RETURN        (0xF3,  0,  2,  0,     0,     0, Fork.ISTANBUL, "return memory[offset, len)"),
    DELEGATECALL  (0xF4,  0,  6,  1,   700,   100, Fork.ISTANBUL, "call keeping caller and value"),
    CREATE2       (0xF5,  0,  4,  1, 32000, 32000, Fork.ISTANBUL, "create at a salted address (EIP-1014); +6 gas per word"),
    STATICCALL    (0xFA,  0,  6,  1,   700,   100, Fork.ISTANBUL, "call without state changes (EIP-214)"),
    REVERT        (0xFD,  0,  2,  0,     0,     0, Fork.ISTANBUL, "revert with memory[offset, len)"),
    INVALID       (0xFE,  0,  0,  0,     0,     0, Fork.ISTANBUL, "designated invalid instruction (EIP-141)"),
    SELFDESTRUCT  (0xFF,  0,  1,  0,  5000,  5000, Fork.ISTANBUL, "send the balance to a and delete the account (EIP-6780 from Cancun)");

    private static final EvmOpcode[] BY_BYTE = new EvmOpcode[256];

    static {
        for (EvmOpcode op : values()) {
            BY_BYTE[op.code] = op;
        }
    }

    public final int code;
    /** Bytes of immediate data (PUSH1..PUSH32). */
    public final int immediateSize;
    public final int inputs;
    public final int outputs;
    private final int gasIstanbul;
    private final int gasBerlin;
    /** The fork that introduced the instruction. */
    public final Fork since;
    public final String description;

    EvmOpcode(int code, int immediateSize, int inputs, int outputs, int gasIstanbul, int gasBerlin, Fork since, String description) {
        this.code = code;
        this.immediateSize = immediateSize;
        this.inputs = inputs;
        this.outputs = outputs;
        this.gasIstanbul = gasIstanbul;
        this.gasBerlin = gasBerlin;
        this.since = since;
        this.description = description;
    }

    /** The instruction of {@code b} under {@code fork}, or null when the byte is undefined there. */
    public static EvmOpcode of(int b, Fork fork) {
        EvmOpcode op = BY_BYTE[b & 0xFF];
        return op != null && fork.isAtLeast(op.since) ? op : null;
    }

    /** Static gas under {@code fork}. */
    public int baseGas(Fork fork) {
        return fork.isAtLeast(Fork.BERLIN) ? gasBerlin : gasIstanbul;
    }

    public String mnemonic() {
        return name();
    }

    public int length() {
        return 1 + immediateSize;
    }

    public boolean isPush() {
        return immediateSize > 0;
    }
}
