;; A Soroban vote tally, written by hand against the Soroban ABI (no Rust toolchain needed):
;;   vote(candidate: Symbol) -> u32    adds one vote (persistent storage keyed by the symbol), emits the
;;                                     event topics [Symbol("vote"), candidate], data u32 count
;;   votes(candidate: Symbol) -> u32   the count so far (0 when none)
;; A candidate that is not a symbol is Error(Contract, 1); a 2^32nd vote is Error(Contract, 2).
;; Val encodings (docs/soroban.md): U32Val = (n << 32) | 4; SymbolSmall tag 14, SymbolObject tag 74;
;; Error(Contract, c) = (c << 32) | 3; Bool true = 1; StorageType Persistent = 1 (raw i64).
;; SymbolSmall("vote") = 0xef4e6a0e. Assemble: wat2wasm tally.wat -o tally.wasm
(module
  (import "l" "0" (func $has_contract_data (param i64 i64) (result i64)))
  (import "l" "1" (func $get_contract_data (param i64 i64) (result i64)))
  (import "l" "_" (func $put_contract_data (param i64 i64 i64) (result i64)))
  (import "v" "_" (func $vec_new (result i64)))
  (import "v" "6" (func $vec_push_back (param i64 i64) (result i64)))
  (import "x" "1" (func $contract_event (param i64 i64) (result i64)))
  (memory (export "memory") 1)

  ;; True when the Val is a symbol (small or host object).
  (func $is_symbol (param $v i64) (result i32)
    (i32.or (i64.eq (i64.and (local.get $v) (i64.const 0xff)) (i64.const 14))
            (i64.eq (i64.and (local.get $v) (i64.const 0xff)) (i64.const 74))))

  ;; The stored U32Val count of a candidate, U32Val(0) when there is none.
  (func $count (param $candidate i64) (result i64)
    (if (result i64) (i64.eq (call $has_contract_data (local.get $candidate) (i64.const 1)) (i64.const 1))
      (then (call $get_contract_data (local.get $candidate) (i64.const 1)))
      (else (i64.const 4))))

  (func (export "vote") (param $candidate i64) (result i64)
    (local $n i64)
    (if (i32.eqz (call $is_symbol (local.get $candidate))) (then (return (i64.const 0x100000003))))
    (local.set $n (call $count (local.get $candidate)))
    (if (i64.eq (i64.shr_u (local.get $n) (i64.const 32)) (i64.const 0xffffffff)) (then (return (i64.const 0x200000003))))
    (local.set $n (i64.add (local.get $n) (i64.const 0x100000000)))
    (drop (call $put_contract_data (local.get $candidate) (local.get $n) (i64.const 1)))
    (drop (call $contract_event
            (call $vec_push_back (call $vec_push_back (call $vec_new) (i64.const 0xef4e6a0e)) (local.get $candidate))
            (local.get $n)))
    (local.get $n))

  (func (export "votes") (param $candidate i64) (result i64)
    (if (i32.eqz (call $is_symbol (local.get $candidate))) (then (return (i64.const 0x100000003))))
    (call $count (local.get $candidate))))
