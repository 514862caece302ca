// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.soroban;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Soroban host interface, one row per function of {@code soroban-env-common/env.json} (rs-soroban-env
 * 30c9c36, 199 functions): the import module and short name a contract links against, the function's
 * name, its number of {@code i64} arguments (it returns one {@code i64}) and the protocol that introduced
 * it. {@link SorobanHost} implements them by name; a row without an implementation still links, and
 * traps when called.
 */
public final class HostEnv {
    /** One host function: {@code module}.{@code code} as imported, {@code name} as env.json calls it. */
    public record Entry(String module, String code, String name, int arity, int protocol) {
    }

    // @formatter:off
    public static final List<Entry> ENTRIES = List.of(
        // context
        new Entry("x", "_", "log_from_linear_memory", 4, 20),
        new Entry("x", "0", "obj_cmp", 2, 20),
        new Entry("x", "1", "contract_event", 2, 20),
        new Entry("x", "2", "get_ledger_version", 0, 20),
        new Entry("x", "3", "get_ledger_sequence", 0, 20),
        new Entry("x", "4", "get_ledger_timestamp", 0, 20),
        new Entry("x", "5", "fail_with_error", 1, 20),
        new Entry("x", "6", "get_ledger_network_id", 0, 20),
        new Entry("x", "7", "get_current_contract_address", 0, 20),
        new Entry("x", "8", "get_max_live_until_ledger", 0, 20),
        // int
        new Entry("i", "_", "obj_from_u64", 1, 20),
        new Entry("i", "0", "obj_to_u64", 1, 20),
        new Entry("i", "1", "obj_from_i64", 1, 20),
        new Entry("i", "2", "obj_to_i64", 1, 20),
        new Entry("i", "3", "obj_from_u128_pieces", 2, 20),
        new Entry("i", "4", "obj_to_u128_lo64", 1, 20),
        new Entry("i", "5", "obj_to_u128_hi64", 1, 20),
        new Entry("i", "6", "obj_from_i128_pieces", 2, 20),
        new Entry("i", "7", "obj_to_i128_lo64", 1, 20),
        new Entry("i", "8", "obj_to_i128_hi64", 1, 20),
        new Entry("i", "9", "obj_from_u256_pieces", 4, 20),
        new Entry("i", "a", "u256_val_from_be_bytes", 1, 20),
        new Entry("i", "b", "u256_val_to_be_bytes", 1, 20),
        new Entry("i", "c", "obj_to_u256_hi_hi", 1, 20),
        new Entry("i", "d", "obj_to_u256_hi_lo", 1, 20),
        new Entry("i", "e", "obj_to_u256_lo_hi", 1, 20),
        new Entry("i", "f", "obj_to_u256_lo_lo", 1, 20),
        new Entry("i", "g", "obj_from_i256_pieces", 4, 20),
        new Entry("i", "h", "i256_val_from_be_bytes", 1, 20),
        new Entry("i", "i", "i256_val_to_be_bytes", 1, 20),
        new Entry("i", "j", "obj_to_i256_hi_hi", 1, 20),
        new Entry("i", "k", "obj_to_i256_hi_lo", 1, 20),
        new Entry("i", "l", "obj_to_i256_lo_hi", 1, 20),
        new Entry("i", "m", "obj_to_i256_lo_lo", 1, 20),
        new Entry("i", "n", "u256_add", 2, 20),
        new Entry("i", "o", "u256_sub", 2, 20),
        new Entry("i", "p", "u256_mul", 2, 20),
        new Entry("i", "q", "u256_div", 2, 20),
        new Entry("i", "r", "u256_rem_euclid", 2, 20),
        new Entry("i", "s", "u256_pow", 2, 20),
        new Entry("i", "t", "u256_shl", 2, 20),
        new Entry("i", "u", "u256_shr", 2, 20),
        new Entry("i", "v", "i256_add", 2, 20),
        new Entry("i", "w", "i256_sub", 2, 20),
        new Entry("i", "x", "i256_mul", 2, 20),
        new Entry("i", "y", "i256_div", 2, 20),
        new Entry("i", "z", "i256_rem_euclid", 2, 20),
        new Entry("i", "A", "i256_pow", 2, 20),
        new Entry("i", "B", "i256_shl", 2, 20),
        new Entry("i", "C", "i256_shr", 2, 20),
        new Entry("i", "D", "timepoint_obj_from_u64", 1, 20),
        new Entry("i", "E", "timepoint_obj_to_u64", 1, 20),
        new Entry("i", "F", "duration_obj_from_u64", 1, 20),
        new Entry("i", "G", "duration_obj_to_u64", 1, 20),
        new Entry("i", "H", "u256_checked_add", 2, 26),
        new Entry("i", "I", "u256_checked_sub", 2, 26),
        new Entry("i", "J", "u256_checked_mul", 2, 26),
        new Entry("i", "K", "u256_checked_pow", 2, 26),
        new Entry("i", "L", "i256_checked_add", 2, 26),
        new Entry("i", "M", "i256_checked_sub", 2, 26),
        new Entry("i", "N", "i256_checked_mul", 2, 26),
        new Entry("i", "O", "i256_checked_pow", 2, 26),
        // map
        new Entry("m", "_", "map_new", 0, 20),
        new Entry("m", "0", "map_put", 3, 20),
        new Entry("m", "1", "map_get", 2, 20),
        new Entry("m", "2", "map_del", 2, 20),
        new Entry("m", "3", "map_len", 1, 20),
        new Entry("m", "4", "map_has", 2, 20),
        new Entry("m", "5", "map_key_by_pos", 2, 20),
        new Entry("m", "6", "map_val_by_pos", 2, 20),
        new Entry("m", "7", "map_keys", 1, 20),
        new Entry("m", "8", "map_values", 1, 20),
        new Entry("m", "9", "map_new_from_linear_memory", 3, 20),
        new Entry("m", "a", "map_unpack_to_linear_memory", 4, 20),
        new Entry("m", "b", "sparse_map_new_from_linear_memory", 3, 28),
        new Entry("m", "c", "sparse_map_unpack_to_linear_memory", 4, 28),
        // vec
        new Entry("v", "_", "vec_new", 0, 20),
        new Entry("v", "0", "vec_put", 3, 20),
        new Entry("v", "1", "vec_get", 2, 20),
        new Entry("v", "2", "vec_del", 2, 20),
        new Entry("v", "3", "vec_len", 1, 20),
        new Entry("v", "4", "vec_push_front", 2, 20),
        new Entry("v", "5", "vec_pop_front", 1, 20),
        new Entry("v", "6", "vec_push_back", 2, 20),
        new Entry("v", "7", "vec_pop_back", 1, 20),
        new Entry("v", "8", "vec_front", 1, 20),
        new Entry("v", "9", "vec_back", 1, 20),
        new Entry("v", "a", "vec_insert", 3, 20),
        new Entry("v", "b", "vec_append", 2, 20),
        new Entry("v", "c", "vec_slice", 3, 20),
        new Entry("v", "d", "vec_first_index_of", 2, 20),
        new Entry("v", "e", "vec_last_index_of", 2, 20),
        new Entry("v", "f", "vec_binary_search", 2, 20),
        new Entry("v", "g", "vec_new_from_linear_memory", 2, 20),
        new Entry("v", "h", "vec_unpack_to_linear_memory", 3, 20),
        // ledger
        new Entry("l", "_", "put_contract_data", 3, 20),
        new Entry("l", "0", "has_contract_data", 2, 20),
        new Entry("l", "1", "get_contract_data", 2, 20),
        new Entry("l", "2", "del_contract_data", 2, 20),
        new Entry("l", "3", "create_contract", 3, 20),
        new Entry("l", "4", "create_asset_contract", 1, 20),
        new Entry("l", "5", "upload_wasm", 1, 20),
        new Entry("l", "6", "update_current_contract_wasm", 1, 20),
        new Entry("l", "7", "extend_contract_data_ttl", 4, 20),
        new Entry("l", "8", "extend_current_contract_instance_and_code_ttl", 2, 20),
        new Entry("l", "9", "extend_contract_instance_and_code_ttl", 3, 20),
        new Entry("l", "a", "get_contract_id", 2, 20),
        new Entry("l", "b", "get_asset_contract_id", 1, 20),
        new Entry("l", "c", "extend_contract_instance_ttl", 3, 21),
        new Entry("l", "d", "extend_contract_code_ttl", 3, 21),
        new Entry("l", "e", "create_contract_with_constructor", 4, 22),
        new Entry("l", "f", "extend_contract_data_ttl_v2", 5, 26),
        new Entry("l", "g", "extend_contract_instance_and_code_ttl_v2", 5, 26),
        new Entry("l", "h", "create_executable_tag", 1, 28),
        new Entry("l", "i", "create_external_ref_contract", 5, 28),
        new Entry("l", "j", "update_current_contract_executable_ref", 2, 28),
        // call
        new Entry("d", "_", "call", 3, 20),
        new Entry("d", "0", "try_call", 3, 20),
        // buf
        new Entry("b", "_", "serialize_to_bytes", 1, 20),
        new Entry("b", "0", "deserialize_from_bytes", 1, 20),
        new Entry("b", "1", "bytes_copy_to_linear_memory", 4, 20),
        new Entry("b", "2", "bytes_copy_from_linear_memory", 4, 20),
        new Entry("b", "3", "bytes_new_from_linear_memory", 2, 20),
        new Entry("b", "4", "bytes_new", 0, 20),
        new Entry("b", "5", "bytes_put", 3, 20),
        new Entry("b", "6", "bytes_get", 2, 20),
        new Entry("b", "7", "bytes_del", 2, 20),
        new Entry("b", "8", "bytes_len", 1, 20),
        new Entry("b", "9", "bytes_push", 2, 20),
        new Entry("b", "a", "bytes_pop", 1, 20),
        new Entry("b", "b", "bytes_front", 1, 20),
        new Entry("b", "c", "bytes_back", 1, 20),
        new Entry("b", "d", "bytes_insert", 3, 20),
        new Entry("b", "e", "bytes_append", 2, 20),
        new Entry("b", "f", "bytes_slice", 3, 20),
        new Entry("b", "g", "string_copy_to_linear_memory", 4, 20),
        new Entry("b", "h", "symbol_copy_to_linear_memory", 4, 20),
        new Entry("b", "i", "string_new_from_linear_memory", 2, 20),
        new Entry("b", "j", "symbol_new_from_linear_memory", 2, 20),
        new Entry("b", "k", "string_len", 1, 20),
        new Entry("b", "l", "symbol_len", 1, 20),
        new Entry("b", "m", "symbol_index_in_linear_memory", 3, 20),
        new Entry("b", "n", "string_to_bytes", 1, 23),
        new Entry("b", "o", "bytes_to_string", 1, 23),
        // crypto
        new Entry("c", "_", "compute_hash_sha256", 1, 20),
        new Entry("c", "0", "verify_sig_ed25519", 3, 20),
        new Entry("c", "1", "compute_hash_keccak256", 1, 20),
        new Entry("c", "2", "recover_key_ecdsa_secp256k1", 3, 20),
        new Entry("c", "3", "verify_sig_ecdsa_secp256r1", 3, 21),
        new Entry("c", "4", "bls12_381_check_g1_is_in_subgroup", 1, 22),
        new Entry("c", "5", "bls12_381_g1_add", 2, 22),
        new Entry("c", "6", "bls12_381_g1_mul", 2, 22),
        new Entry("c", "7", "bls12_381_g1_msm", 2, 22),
        new Entry("c", "8", "bls12_381_map_fp_to_g1", 1, 22),
        new Entry("c", "9", "bls12_381_hash_to_g1", 2, 22),
        new Entry("c", "a", "bls12_381_check_g2_is_in_subgroup", 1, 22),
        new Entry("c", "b", "bls12_381_g2_add", 2, 22),
        new Entry("c", "c", "bls12_381_g2_mul", 2, 22),
        new Entry("c", "d", "bls12_381_g2_msm", 2, 22),
        new Entry("c", "e", "bls12_381_map_fp2_to_g2", 1, 22),
        new Entry("c", "f", "bls12_381_hash_to_g2", 2, 22),
        new Entry("c", "g", "bls12_381_multi_pairing_check", 2, 22),
        new Entry("c", "h", "bls12_381_fr_add", 2, 22),
        new Entry("c", "i", "bls12_381_fr_sub", 2, 22),
        new Entry("c", "j", "bls12_381_fr_mul", 2, 22),
        new Entry("c", "k", "bls12_381_fr_pow", 2, 22),
        new Entry("c", "l", "bls12_381_fr_inv", 1, 22),
        new Entry("c", "m", "bn254_g1_add", 2, 25),
        new Entry("c", "n", "bn254_g1_mul", 2, 25),
        new Entry("c", "o", "bn254_multi_pairing_check", 2, 25),
        new Entry("c", "p", "poseidon_permutation", 8, 25),
        new Entry("c", "q", "poseidon2_permutation", 8, 25),
        new Entry("c", "r", "bn254_g1_msm", 2, 26),
        new Entry("c", "s", "bn254_fr_add", 2, 26),
        new Entry("c", "t", "bn254_fr_sub", 2, 26),
        new Entry("c", "u", "bn254_fr_mul", 2, 26),
        new Entry("c", "v", "bn254_fr_pow", 2, 26),
        new Entry("c", "w", "bn254_fr_inv", 1, 26),
        new Entry("c", "x", "bls12_381_g1_is_on_curve", 1, 26),
        new Entry("c", "y", "bls12_381_g2_is_on_curve", 1, 26),
        new Entry("c", "z", "bn254_g1_is_on_curve", 1, 26),
        // address
        new Entry("a", "_", "require_auth_for_args", 2, 20),
        new Entry("a", "0", "require_auth", 1, 20),
        new Entry("a", "1", "strkey_to_address", 1, 20),
        new Entry("a", "2", "address_to_strkey", 1, 20),
        new Entry("a", "3", "authorize_as_curr_contract", 1, 20),
        new Entry("a", "4", "get_address_from_muxed_address", 1, 23),
        new Entry("a", "5", "get_id_from_muxed_address", 1, 23),
        new Entry("a", "6", "get_address_executable", 1, 23),
        new Entry("a", "7", "strkey_to_muxed_address", 1, 26),
        new Entry("a", "8", "muxed_address_to_strkey", 1, 26),
        new Entry("a", "9", "get_delegated_signers_for_current_auth_check", 0, 27),
        new Entry("a", "a", "delegate_account_auth", 1, 27),
        // test
        new Entry("t", "_", "dummy0", 0, 20),
        new Entry("t", "0", "protocol_gated_dummy", 0, 19),
        // prng
        new Entry("p", "_", "prng_reseed", 1, 20),
        new Entry("p", "0", "prng_bytes_new", 1, 20),
        new Entry("p", "1", "prng_u64_in_inclusive_range", 2, 20),
        new Entry("p", "2", "prng_vec_shuffle", 1, 20));
    // @formatter:on

    private static final Map<String, Entry> BY_IMPORT = new HashMap<>();

    static {
        for (Entry e : ENTRIES) {
            if (BY_IMPORT.put(e.module() + "." + e.code(), e) != null) {
                throw new IllegalStateException("duplicate host function import " + e.module() + "." + e.code());
            }
        }
    }

    private HostEnv() {
    }

    /** The function a contract imports as {@code module}.{@code code}, or null. */
    public static Entry byImport(String module, String code) {
        return BY_IMPORT.get(module + "." + code);
    }
}
