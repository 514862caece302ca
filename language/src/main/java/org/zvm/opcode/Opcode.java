// SPDX-License-Identifier: Apache-2.0
package org.zvm.opcode;

import static org.zvm.opcode.Opcode.Category.*;
import static org.zvm.opcode.Opcode.Flag.*;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;

/**
 * The native ZVM instruction set: the one table that the parser, validator, node factory, assembler,
 * disassembler, generated docs and exported gas schedule all read (numbering and gas from
 * {@code shared/reference/zvm-native.md}). Everything derivable (length, stack delta, byte lookup) is
 * computed from the rows, never written twice.
 */
public enum Opcode {
    // @formatter:off
    //           byte  imm in out gas   category     flags                          summary
    HALT        (0x00, 0, 0, 0, 0,     CONTROL,     of(TERMINATOR),                "stop successfully with empty output"),
    NOP         (0x01, 0, 0, 0, 0,     CONTROL,     of(),                          "do nothing"),

    POP         (0x10, 0, 1, 0, 2,     STACK,       of(),                          "drop the top word"),
    PUSH1       (0x11, 1, 0, 1, 3,     STACK,       of(),                          "push a 1-byte big-endian immediate"),
    PUSH2       (0x12, 2, 0, 1, 3,     STACK,       of(),                          "push a 2-byte big-endian immediate"),
    PUSH4       (0x13, 4, 0, 1, 3,     STACK,       of(),                          "push a 4-byte big-endian immediate"),
    PUSH8       (0x14, 8, 0, 1, 3,     STACK,       of(),                          "push an 8-byte big-endian immediate"),
    PUSH16      (0x15, 16, 0, 1, 3,    STACK,       of(),                          "push a 16-byte big-endian immediate"),
    PUSH32      (0x16, 32, 0, 1, 3,    STACK,       of(),                          "push a 32-byte big-endian immediate"),
    DUP1        (0x17, 0, 1, 2, 3,     STACK,       of(),                          "duplicate the 1st word"),
    DUP2        (0x18, 0, 2, 3, 3,     STACK,       of(),                          "duplicate the 2nd word"),
    DUP3        (0x19, 0, 3, 4, 3,     STACK,       of(),                          "duplicate the 3rd word"),
    DUP4        (0x1A, 0, 4, 5, 3,     STACK,       of(),                          "duplicate the 4th word"),
    SWAP1       (0x1B, 0, 2, 2, 3,     STACK,       of(),                          "swap the top with the 2nd word"),
    SWAP2       (0x1C, 0, 3, 3, 3,     STACK,       of(),                          "swap the top with the 3rd word"),
    SWAP3       (0x1D, 0, 4, 4, 3,     STACK,       of(),                          "swap the top with the 4th word"),
    SWAP4       (0x1E, 0, 5, 5, 3,     STACK,       of(),                          "swap the top with the 5th word"),

    ADD         (0x30, 0, 2, 1, 3,     ARITHMETIC,  of(),                          "a + b mod 2^256"),
    SUB         (0x31, 0, 2, 1, 3,     ARITHMETIC,  of(),                          "a - b mod 2^256"),
    MUL         (0x32, 0, 2, 1, 5,     ARITHMETIC,  of(),                          "a * b mod 2^256"),
    DIV         (0x33, 0, 2, 1, 5,     ARITHMETIC,  of(),                          "a / b unsigned, 0 if b = 0"),
    SDIV        (0x34, 0, 2, 1, 5,     ARITHMETIC,  of(),                          "a / b signed, 0 if b = 0"),
    MOD         (0x35, 0, 2, 1, 5,     ARITHMETIC,  of(),                          "a % b unsigned, 0 if b = 0"),
    SMOD        (0x36, 0, 2, 1, 5,     ARITHMETIC,  of(),                          "a % b signed (sign of a), 0 if b = 0"),
    ADDMOD      (0x37, 0, 3, 1, 8,     ARITHMETIC,  of(),                          "(a + b) % n with a 257-bit sum, 0 if n = 0"),
    MULMOD      (0x38, 0, 3, 1, 8,     ARITHMETIC,  of(),                          "(a * b) % n with a 512-bit product, 0 if n = 0"),
    EXP         (0x39, 0, 2, 1, 10,    ARITHMETIC,  of(DYNAMIC_GAS),               "a ** b mod 2^256; +50 gas per exponent byte"),
    SIGNEXTEND  (0x3A, 0, 2, 1, 5,     ARITHMETIC,  of(),                          "sign-extend b from byte a (0 = lowest)"),

    LT          (0x50, 0, 2, 1, 3,     COMPARE,     of(),                          "1 if a < b unsigned, else 0"),
    GT          (0x51, 0, 2, 1, 3,     COMPARE,     of(),                          "1 if a > b unsigned, else 0"),
    SLT         (0x52, 0, 2, 1, 3,     COMPARE,     of(),                          "1 if a < b signed, else 0"),
    SGT         (0x53, 0, 2, 1, 3,     COMPARE,     of(),                          "1 if a > b signed, else 0"),
    EQ          (0x54, 0, 2, 1, 3,     COMPARE,     of(),                          "1 if a = b, else 0"),
    ISZERO      (0x55, 0, 1, 1, 3,     COMPARE,     of(),                          "1 if a = 0, else 0"),
    AND         (0x56, 0, 2, 1, 3,     COMPARE,     of(),                          "bitwise a & b"),
    OR          (0x57, 0, 2, 1, 3,     COMPARE,     of(),                          "bitwise a | b"),
    XOR         (0x58, 0, 2, 1, 3,     COMPARE,     of(),                          "bitwise a ^ b"),
    NOT         (0x59, 0, 1, 1, 3,     COMPARE,     of(),                          "bitwise ~a"),
    BYTE        (0x5A, 0, 2, 1, 3,     COMPARE,     of(),                          "byte a of b, 0 = most significant"),
    SHL         (0x5B, 0, 2, 1, 8,     COMPARE,     of(),                          "b << a"),
    SHR         (0x5C, 0, 2, 1, 8,     COMPARE,     of(),                          "b >> a, logical"),
    SAR         (0x5D, 0, 2, 1, 8,     COMPARE,     of(),                          "b >> a, arithmetic"),

    KECCAK256   (0x70, 0, 2, 1, 30,    CRYPTO,      of(DYNAMIC_GAS, MEMORY),       "keccak256(memory[offset, len]); +6 gas per word"),
    SHA256      (0x71, 0, 2, 1, 60,    CRYPTO,      of(DYNAMIC_GAS, MEMORY),       "sha256(memory[offset, len]); +12 gas per word"),
    RIPEMD160   (0x72, 0, 2, 1, 600,   CRYPTO,      of(DYNAMIC_GAS, MEMORY),       "ripemd160(memory[offset, len]), right-aligned; +120 gas per word"),
    BLAKE2B     (0x73, 0, 2, 1, 30,    CRYPTO,      of(DYNAMIC_GAS, MEMORY),       "BLAKE2b-256(memory[offset, len]); +6 gas per word"),

    MLOAD       (0x80, 0, 1, 1, 3,     MEMORY_OPS,  of(DYNAMIC_GAS, MEMORY),       "load the 32-byte word at memory[offset]"),
    MSTORE      (0x81, 0, 2, 0, 3,     MEMORY_OPS,  of(DYNAMIC_GAS, MEMORY),       "store word b at memory[offset a]"),
    MSTORE8     (0x82, 0, 2, 0, 3,     MEMORY_OPS,  of(DYNAMIC_GAS, MEMORY),       "store the low byte of b at memory[offset a]"),
    MSIZE       (0x83, 0, 0, 1, 3,     MEMORY_OPS,  of(),                          "memory size in bytes (a multiple of 32)"),

    SLOAD       (0x90, 0, 1, 1, 100,   STORAGE,     of(DYNAMIC_GAS),               "load storage[key]; +2000 gas when cold (EIP-2929)"),
    SSTORE      (0x91, 0, 2, 0, 100,   STORAGE,     of(DYNAMIC_GAS, WRITES_STATE), "storage[key a] = b; EIP-2200/2929/3529 gas and refunds"),
    TLOAD       (0x92, 0, 1, 1, 100,   STORAGE,     of(),                          "load transient[key] (EIP-1153)"),
    TSTORE      (0x93, 0, 2, 0, 100,   STORAGE,     of(WRITES_STATE),              "transient[key a] = b (EIP-1153)"),

    JUMP        (0xA0, 0, 1, 0, 8,     FLOW,        of(TERMINATOR, BRANCH),        "continue at the instruction at offset a"),
    JUMPI       (0xA1, 0, 2, 0, 10,    FLOW,        of(BRANCH),                    "continue at offset a if b != 0"),
    PC          (0xA2, 0, 0, 1, 3,     FLOW,        of(),                          "offset of this instruction"),
    JUMPDEST    (0xA3, 0, 0, 0, 1,     FLOW,        of(),                          "jump target marker (optional in native code)"),
    CALL        (0xA4, 0, 7, 1, 100,   FLOW,        of(DYNAMIC_GAS, MEMORY, CALLS, WRITES_STATE), "message call: gas, to, value, in offset, in len, out offset, out len"),
    CALLCODE    (0xA5, 0, 7, 1, 100,   FLOW,        of(DYNAMIC_GAS, MEMORY, CALLS, WRITES_STATE), "call the code of another account in this account's context"),
    DELEGATECALL(0xA6, 0, 6, 1, 100,   FLOW,        of(DYNAMIC_GAS, MEMORY, CALLS),               "call keeping caller and value: gas, to, in offset, in len, out offset, out len"),
    STATICCALL  (0xA7, 0, 6, 1, 100,   FLOW,        of(DYNAMIC_GAS, MEMORY, CALLS),               "call that may not modify state"),
    RETURN      (0xA8, 0, 2, 0, 0,     FLOW,        of(TERMINATOR, DYNAMIC_GAS, MEMORY),          "stop successfully with output memory[offset, len]"),
    REVERT      (0xA9, 0, 2, 0, 0,     FLOW,        of(TERMINATOR, DYNAMIC_GAS, MEMORY),          "undo this frame and return memory[offset, len]"),
    SELFDESTRUCT(0xAA, 0, 1, 0, 5000,  FLOW,        of(TERMINATOR, DYNAMIC_GAS, WRITES_STATE),    "send the balance to a; delete only if created in this transaction (EIP-6780)"),
    CREATE      (0xAB, 0, 3, 1, 32000, FLOW,        of(DYNAMIC_GAS, MEMORY, CALLS, WRITES_STATE), "create a contract: value, offset, len"),
    CREATE2     (0xAC, 0, 4, 1, 32000, FLOW,        of(DYNAMIC_GAS, MEMORY, CALLS, WRITES_STATE), "create at a salted address (EIP-1014): value, offset, len, salt"),

    ADDRESS     (0xB0, 0, 0, 1, 2,     CONTEXT,     of(),                          "address of the executing account"),
    BALANCE     (0xB1, 0, 1, 1, 100,   CONTEXT,     of(DYNAMIC_GAS),               "balance of account a; +2500 gas when cold"),
    ORIGIN      (0xB2, 0, 0, 1, 2,     CONTEXT,     of(),                          "transaction origin"),
    CALLER      (0xB3, 0, 0, 1, 2,     CONTEXT,     of(),                          "direct caller"),
    CALLVALUE   (0xB4, 0, 0, 1, 2,     CONTEXT,     of(),                          "value sent with this call"),
    CALLDATALOAD(0xB5, 0, 1, 1, 3,     CONTEXT,     of(),                          "32 bytes of calldata from offset a, zero-padded"),
    CALLDATASIZE(0xB6, 0, 0, 1, 2,     CONTEXT,     of(),                          "calldata size in bytes"),
    CALLDATACOPY(0xB7, 0, 3, 0, 3,     CONTEXT,     of(DYNAMIC_GAS, MEMORY),       "copy calldata: dest offset, offset, len; +3 gas per word"),
    CODESIZE    (0xB8, 0, 0, 1, 2,     CONTEXT,     of(),                          "size of the executing code"),
    CODECOPY    (0xB9, 0, 3, 0, 3,     CONTEXT,     of(DYNAMIC_GAS, MEMORY),       "copy code: dest offset, offset, len; +3 gas per word"),
    GASPRICE    (0xBA, 0, 0, 1, 2,     CONTEXT,     of(),                          "gas price of the transaction"),
    EXTCODESIZE (0xBB, 0, 1, 1, 100,   CONTEXT,     of(DYNAMIC_GAS),               "code size of account a; +2500 gas when cold"),
    EXTCODECOPY (0xBC, 0, 4, 0, 100,   CONTEXT,     of(DYNAMIC_GAS, MEMORY),       "copy code of account a: address, dest, offset, len; +3 gas per word, +2500 cold"),
    RETURNDATASIZE(0xBD, 0, 0, 1, 2,   CONTEXT,     of(),                          "size of the last call's output"),
    RETURNDATACOPY(0xBE, 0, 3, 0, 3,   CONTEXT,     of(DYNAMIC_GAS, MEMORY),       "copy the last call's output: dest, offset, len; +3 gas per word"),
    EXTCODEHASH (0xBF, 0, 1, 1, 100,   CONTEXT,     of(DYNAMIC_GAS),               "keccak256 of account a's code, 0 if empty; +2500 gas when cold"),

    BLOCKHASH   (0xC0, 0, 1, 1, 20,    BLOCK,       of(),                          "hash of one of the 256 most recent blocks, else 0"),
    COINBASE    (0xC1, 0, 0, 1, 2,     BLOCK,       of(),                          "block beneficiary"),
    TIMESTAMP   (0xC2, 0, 0, 1, 2,     BLOCK,       of(),                          "block timestamp"),
    NUMBER      (0xC3, 0, 0, 1, 2,     BLOCK,       of(),                          "block number"),
    DIFFICULTY  (0xC4, 0, 0, 1, 2,     BLOCK,       of(),                          "block difficulty (equals PREVRANDAO after the merge)"),
    PREVRANDAO  (0xC5, 0, 0, 1, 2,     BLOCK,       of(),                          "previous block's RANDAO mix"),
    GASLIMIT    (0xC6, 0, 0, 1, 2,     BLOCK,       of(),                          "block gas limit"),
    CHAINID     (0xC7, 0, 0, 1, 2,     BLOCK,       of(),                          "chain id"),
    SELFBALANCE (0xC8, 0, 0, 1, 2,     BLOCK,       of(),                          "balance of the executing account"),
    BASEFEE     (0xC9, 0, 0, 1, 2,     BLOCK,       of(),                          "block base fee"),
    GAS         (0xCA, 0, 0, 1, 2,     BLOCK,       of(READS_GAS),                 "gas left after this instruction (a zvm addition)"),

    TABLEHASH   (0xD2, 0, 2, 1, 30,    TABLES,      of(),                          "keccak256(slot ‖ key): key a, slot b, both as 32 bytes"),

    HTS_TRANSFER     (0xE0, 0, 4, 1, 50,  HEDERA,   of(WRITES_STATE),              "token, from, to, amount (or NFT serial): move it; pushes the response code"),
    HTS_MINT         (0xE1, 0, 4, 2, 100, HEDERA,   of(DYNAMIC_GAS, MEMORY, WRITES_STATE), "token, amount, metadata offset, length: mint to the treasury; pushes the new supply (or NFT serial), then the code"),
    HTS_BURN         (0xE2, 0, 2, 2, 100, HEDERA,   of(WRITES_STATE),              "token, amount (or NFT serial): burn from the treasury; pushes the new supply, then the code"),
    HTS_ASSOCIATE    (0xE3, 0, 2, 1, 50,  HEDERA,   of(WRITES_STATE),              "account, token: let the account hold the token; pushes the code"),
    HTS_DISSOCIATE   (0xE4, 0, 2, 1, 50,  HEDERA,   of(WRITES_STATE),              "account, token: end an association (zero balance); pushes the code"),
    HTS_APPROVE      (0xE5, 0, 3, 1, 50,  HEDERA,   of(WRITES_STATE),              "token, spender, amount (or NFT serial): allow the spender; pushes the code"),
    HTS_CREATE       (0xE6, 0, 8, 2, 500, HEDERA,   of(DYNAMIC_GAS, MEMORY, WRITES_STATE), "name offset, length, symbol offset, length, initial supply, decimals, max supply, flags: pushes the token, then the code"),
    HCS_SUBMIT       (0xE7, 0, 3, 2, 50,  HEDERA,   of(DYNAMIC_GAS, MEMORY, WRITES_STATE), "topic, message offset, length: append it; pushes the sequence number, then the code"),
    HCS_CREATE_TOPIC (0xE8, 0, 1, 2, 200, HEDERA,   of(WRITES_STATE),              "submit key (0 for none): pushes the topic, then the code"),
    HCS_UPDATE_TOPIC (0xE9, 0, 2, 1, 100, HEDERA,   of(WRITES_STATE),              "topic, submit key: replace the submit key; pushes the code"),
    HCS_DELETE_TOPIC (0xEA, 0, 1, 1, 100, HEDERA,   of(WRITES_STATE),              "topic: delete it; pushes the code"),
    HEDERA_ACCOUNT_ID(0xEB, 0, 0, 1, 2,   HEDERA,   of(),                          "entity number of the executing account (0.0.num), 0 if its address is not long-zero"),
    HEDERA_TIMESTAMP (0xEC, 0, 0, 1, 2,   HEDERA,   of(),                          "consensus time in nanoseconds since the epoch"),

    PQ_VERIFY_DILITHIUM(0xF0, 0, 6, 1, 1000, POST_QUANTUM, of(DYNAMIC_GAS, MEMORY), "1 if an ML-DSA-65 signature is valid, else 0: key, message, signature as offset/length pairs (key offset on top); +1 gas per message byte"),
    PQ_VERIFY_FALCON   (0xF1, 0, 6, 1, 800,  POST_QUANTUM, of(DYNAMIC_GAS, MEMORY), "1 if a Falcon-512 signature is valid, else 0: operands as PQ_VERIFY_DILITHIUM; +1 gas per message byte"),
    PQ_VERIFY_SPHINCS  (0xF2, 0, 6, 1, 2000, POST_QUANTUM, of(DYNAMIC_GAS, MEMORY), "1 if an SLH-DSA-SHA2-128s signature is valid, else 0: operands as PQ_VERIFY_DILITHIUM; +1 gas per message byte"),
    PQ_KEYGEN          (0xF3, 0, 3, 1, 5000, POST_QUANTUM, of(DYNAMIC_GAS, MEMORY), "algorithm (a PQ_VERIFY byte, top), seed offset, out offset: writes public ‖ private key, pushes the public key length (0 if unknown); +250000 Falcon, +1000000 SLH-DSA"),

    LOG0        (0xF8, 0, 2, 0, 375,   LOGS,        of(DYNAMIC_GAS, MEMORY, WRITES_STATE), "log memory[offset, len]; +8 gas per byte"),
    LOG1        (0xF9, 0, 3, 0, 750,   LOGS,        of(DYNAMIC_GAS, MEMORY, WRITES_STATE), "log with 1 topic"),
    LOG2        (0xFA, 0, 4, 0, 1125,  LOGS,        of(DYNAMIC_GAS, MEMORY, WRITES_STATE), "log with 2 topics"),
    LOG3        (0xFB, 0, 5, 0, 1500,  LOGS,        of(DYNAMIC_GAS, MEMORY, WRITES_STATE), "log with 3 topics"),
    LOG4        (0xFC, 0, 6, 0, 1875,  LOGS,        of(DYNAMIC_GAS, MEMORY, WRITES_STATE), "log with 4 topics");
    // @formatter:on

    /** Section of the generated reference, in the order the docs list them. */
    public enum Category {
        CONTROL("Control"), STACK("Stack"), ARITHMETIC("Arithmetic"), COMPARE("Comparison and bitwise"),
        CRYPTO("Hashing"), MEMORY_OPS("Memory"), STORAGE("Storage"), FLOW("Flow and calls"), CONTEXT("Call context"),
        BLOCK("Block"), TABLES("Tables"), HEDERA("Hedera"), POST_QUANTUM("Post-quantum"), LOGS("Logs");

        public final String title;

        Category(String title) {
            this.title = title;
        }
    }

    /** Properties the generic machinery acts on; semantics live in the nodes. */
    public enum Flag {
        /** Control never falls through to the next instruction. */
        TERMINATOR,
        /** Transfers control to a destination popped from the stack. */
        BRANCH,
        /** Charges gas beyond the base cost (memory, cold access, per word...). */
        DYNAMIC_GAS,
        /** Reads or expands memory, so it may charge memory expansion. */
        MEMORY,
        /** Must not run in a static (STATICCALL) context. */
        WRITES_STATE,
        /** Runs other code; needs the exact gas left, so it ends a gas block. */
        CALLS,
        /** Observes the exact gas left, so it ends a gas block. */
        READS_GAS
    }

    private static Set<Flag> of(Flag... flags) {
        EnumSet<Flag> set = EnumSet.noneOf(Flag.class);
        Collections.addAll(set, flags);
        return Collections.unmodifiableSet(set);
    }

    public final int code;
    public final int immediateSize;
    public final int inputs;
    public final int outputs;
    public final int baseGas;
    public final Category category;
    public final Set<Flag> flags;
    public final String summary;

    Opcode(int code, int immediateSize, int inputs, int outputs, int baseGas, Category category, Set<Flag> flags, String summary) {
        this.code = code;
        this.immediateSize = immediateSize;
        this.inputs = inputs;
        this.outputs = outputs;
        this.baseGas = baseGas;
        this.category = category;
        this.flags = flags;
        this.summary = summary;
    }

    @CompilationFinal(dimensions = 1) private static final Opcode[] BY_BYTE = new Opcode[256];
    private static final Map<String, Opcode> BY_MNEMONIC = new LinkedHashMap<>();

    static {
        for (Opcode op : values()) {
            if (op.code < 0 || op.code > 0xFF || BY_BYTE[op.code] != null) {
                throw new AssertionError("duplicate or out-of-range opcode byte for " + op);
            }
            if (op.ordinal() > 0 && values()[op.ordinal() - 1].code >= op.code) {
                throw new AssertionError("opcode rows must be in ascending byte order: " + op);
            }
            BY_BYTE[op.code] = op;
            BY_MNEMONIC.put(op.name(), op);
        }
        if (PUSH1.immediateSize != 1 || PUSH32.immediateSize != 32) {
            throw new AssertionError("PUSH immediate widths");
        }
    }

    /** The opcode with this byte, or {@code null} when the byte is not an instruction. */
    public static Opcode fromByte(int b) {
        return BY_BYTE[b & 0xFF];
    }

    /** The opcode with this mnemonic (case-insensitive), or {@code null}. */
    public static Opcode fromMnemonic(String mnemonic) {
        return BY_MNEMONIC.get(mnemonic.toUpperCase(java.util.Locale.ROOT));
    }

    public String mnemonic() {
        return name();
    }

    /** Instruction length in bytes: the opcode plus its immediate. */
    public int length() {
        return 1 + immediateSize;
    }

    /** Net change of the stack height. */
    public int stackDelta() {
        return outputs - inputs;
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    public boolean isPush() {
        return immediateSize > 0;
    }
}
