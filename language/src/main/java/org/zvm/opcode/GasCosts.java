// SPDX-License-Identifier: Apache-2.0
package org.zvm.opcode;

/**
 * Named constants and formulas for the dynamic part of gas (the static part is {@link Opcode#baseGas}).
 * Values are the EVM's Cancun ones, which native ZVM code follows; each cites its EIP.
 */
public final class GasCosts {
    private GasCosts() {
    }

    /** Linear memory cost per 32-byte word (yellow paper G_memory). */
    public static final long MEMORY_WORD = 3;
    /** Quadratic memory cost divisor: cost(words) = 3·words + words²/512. */
    public static final long MEMORY_QUAD_DIVISOR = 512;
    /** Per-word cost of CALLDATACOPY, CODECOPY, RETURNDATACOPY, EXTCODECOPY. */
    public static final long COPY_WORD = 3;
    /** Per-word cost of KECCAK256, TABLEHASH-free hashing and BLAKE2B. */
    public static final long KECCAK_WORD = 6;
    public static final long SHA256_WORD = 12;
    public static final long RIPEMD160_WORD = 120;
    public static final long BLAKE2B_WORD = 6;
    /** EXP cost per byte of the exponent (EIP-160). */
    public static final long EXP_BYTE = 50;
    /** LOGn's base gas is {@code LOG + n·LOG_TOPIC} (the {@link Opcode} table carries the sums). */
    public static final long LOG = 375;
    public static final long LOG_TOPIC = 375;
    /** LOG cost per data byte. */
    public static final long LOG_DATA_BYTE = 8;
    /** Warm storage or account access (EIP-2929). */
    public static final long WARM_ACCESS = 100;
    /** Cold SLOAD total (EIP-2929). */
    public static final long COLD_SLOAD = 2100;
    /** Cold account access total (EIP-2929). */
    public static final long COLD_ACCOUNT_ACCESS = 2600;
    /** SSTORE from zero to non-zero (EIP-2200). */
    public static final long SSTORE_SET = 20000;
    /** SSTORE from non-zero to another value, net of the cold surcharge (EIP-2929: 5000 - 2100). */
    public static final long SSTORE_RESET = 2900;
    /** Refund for clearing a slot (EIP-3529). */
    public static final long SSTORE_CLEARS_REFUND = 4800;
    /** EIP-2200: SSTORE fails if no more than the call stipend is left. */
    public static final long SSTORE_STIPEND_GUARD = 2300;
    /** Extra cost of a CALL that transfers value. */
    public static final long CALL_VALUE = 9000;
    /** Gas given free to the callee of a value-transferring CALL. */
    public static final long CALL_STIPEND = 2300;
    /** Extra cost of a CALL or SELFDESTRUCT that brings a new account into being. */
    public static final long NEW_ACCOUNT = 25000;
    /** Per-word cost of init code (EIP-3860) and of hashing it for CREATE2 (EIP-1014). */
    public static final long INITCODE_WORD = 2;
    public static final long CREATE2_HASH_WORD = 6;
    /** Per-byte cost of depositing created code. */
    public static final long CODE_DEPOSIT_BYTE = 200;
    /** Refunds are capped at gas used / 5 (EIP-3529). */
    public static final long MAX_REFUND_QUOTIENT = 5;
    /** PQ_VERIFY_*: per byte of the message, which each scheme hashes once (SHAKE256 or SHA-256). */
    public static final long PQ_MESSAGE_BYTE = 1;
    /**
     * PQ_KEYGEN surcharges on top of its base 5000 (which covers ML-DSA-65), in proportion to the measured
     * key-generation time: Falcon-512 is about 50 and SLH-DSA-SHA2-128s about 200 times ML-DSA-65's.
     */
    public static final long PQ_KEYGEN_FALCON = 250_000;
    public static final long PQ_KEYGEN_SPHINCS = 1_000_000;
    /** Maximum deployed code size (EIP-170) and init code size (EIP-3860). */
    public static final int MAX_CODE_SIZE = 24576;
    public static final int MAX_INITCODE_SIZE = 2 * MAX_CODE_SIZE;
    /** Maximum operand stack height and call depth. */
    public static final int STACK_LIMIT = 1024;
    public static final int CALL_DEPTH_LIMIT = 1024;

    /** Number of 32-byte words needed for {@code bytes} bytes. */
    public static long words(long bytes) {
        return (bytes + 31) >>> 5;
    }

    /** Total cost of a memory of {@code words} words; the charge for growth is the difference. */
    public static long memoryCost(long words) {
        return MEMORY_WORD * words + words * words / MEMORY_QUAD_DIVISOR;
    }

    /** All but one 64th of {@code gas} (EIP-150): the most a call may forward. */
    public static long allButOne64th(long gas) {
        return gas - gas / 64;
    }
}
