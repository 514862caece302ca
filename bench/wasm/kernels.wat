;; The three compute kernels of the WASM benchmark (docs/benchmarks.md), run unchanged by zvm, GraalWasm
;; and node (V8). kernels.wasm is this file assembled by `wat2wasm kernels.wat` (wabt); cases.tsv gives each
;; kernel's argument and the result every engine must return.
;;
;;   fib n      recursive Fibonacci: calls and returns
;;   sieve n    primes below n (n <= 1048576) with a byte array in linear memory: loads, stores, branches
;;   keccak n   n keccak-f[1600] permutations of the all-zero state, kept in linear memory; returns lane 0
;;              (after one permutation 0xf1258f7940e1dde7, the standard test vector): 64-bit logic
;;
;; Memory layout: the keccak state A (25 lanes of 8 bytes, lane x + 5y) at 0, the column parities C at 256,
;; the rho-pi output B at 512, the round constants at 768, the rotation offsets (one byte per lane) at 960;
;; the sieve's bytes from 65536 on.
(module
  (memory 17)
  (data (i32.const 768)
    "\01\00\00\00\00\00\00\00" "\82\80\00\00\00\00\00\00" "\8a\80\00\00\00\00\00\80" "\00\80\00\80\00\00\00\80"
    "\8b\80\00\00\00\00\00\00" "\01\00\00\80\00\00\00\00" "\81\80\00\80\00\00\00\80" "\09\80\00\00\00\00\00\80"
    "\8a\00\00\00\00\00\00\00" "\88\00\00\00\00\00\00\00" "\09\80\00\80\00\00\00\00" "\0a\00\00\80\00\00\00\00"
    "\8b\80\00\80\00\00\00\00" "\8b\00\00\00\00\00\00\80" "\89\80\00\00\00\00\00\80" "\03\80\00\00\00\00\00\80"
    "\02\80\00\00\00\00\00\80" "\80\00\00\00\00\00\00\80" "\0a\80\00\00\00\00\00\00" "\0a\00\00\80\00\00\00\80"
    "\81\80\00\80\00\00\00\80" "\80\80\00\00\00\00\00\80" "\01\00\00\80\00\00\00\00" "\08\80\00\80\00\00\00\80")
  (data (i32.const 960)
    "\00\01\3e\1c\1b" "\24\2c\06\37\14" "\03\0a\2b\19\27" "\29\2d\0f\15\08" "\12\02\3d\38\0e")

  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))

  (func (export "sieve") (param $n i32) (result i32) (local $i i32) (local $j i32) (local $count i32)
    (memory.fill (i32.const 65536) (i32.const 0) (local.get $n))
    (local.set $i (i32.const 2))
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (if (i32.eqz (i32.load8_u offset=65536 (local.get $i)))
          (then
            (local.set $count (i32.add (local.get $count) (i32.const 1)))
            ;; below 65536, i * i does not wrap around 2^32
            (local.set $j (select (i32.mul (local.get $i) (local.get $i)) (local.get $n) (i32.lt_u (local.get $i) (i32.const 65536))))
            (block $b
              (loop $inner
                (br_if $b (i32.ge_u (local.get $j) (local.get $n)))
                (i32.store8 offset=65536 (local.get $j) (i32.const 1))
                (local.set $j (i32.add (local.get $j) (local.get $i)))
                (br $inner)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $outer)))
    (local.get $count))

  ;; (x mod 5) for x < 10, as a byte address of a lane: the column index arithmetic of every step.
  (func $mod5 (param $x i32) (result i32)
    (select (i32.sub (local.get $x) (i32.const 5)) (local.get $x) (i32.ge_u (local.get $x) (i32.const 5))))

  ;; One keccak-f[1600] permutation of the state at 0.
  (func $keccakf (local $round i32) (local $x i32) (local $y i32) (local $a i32) (local $d i64)
    (loop $rounds
      ;; theta: C[x] = A[x,0] ^ ... ^ A[x,4]; A[x,y] ^= C[x-1] ^ rotl(C[x+1], 1)
      (local.set $x (i32.const 0))
      (loop $columns
        (local.set $a (i32.shl (local.get $x) (i32.const 3)))
        (i64.store offset=256 (local.get $a)
          (i64.xor (i64.xor (i64.xor (i64.load (local.get $a)) (i64.load offset=40 (local.get $a)))
                            (i64.xor (i64.load offset=80 (local.get $a)) (i64.load offset=120 (local.get $a))))
                   (i64.load offset=160 (local.get $a))))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (br_if $columns (i32.lt_u (local.get $x) (i32.const 5))))
      (local.set $x (i32.const 0))
      (loop $theta
        (local.set $d
          (i64.xor (i64.load offset=256 (i32.shl (call $mod5 (i32.add (local.get $x) (i32.const 4))) (i32.const 3)))
                   (i64.rotl (i64.load offset=256 (i32.shl (call $mod5 (i32.add (local.get $x) (i32.const 1))) (i32.const 3)))
                             (i64.const 1))))
        (local.set $a (i32.shl (local.get $x) (i32.const 3)))
        (i64.store (local.get $a) (i64.xor (i64.load (local.get $a)) (local.get $d)))
        (i64.store offset=40 (local.get $a) (i64.xor (i64.load offset=40 (local.get $a)) (local.get $d)))
        (i64.store offset=80 (local.get $a) (i64.xor (i64.load offset=80 (local.get $a)) (local.get $d)))
        (i64.store offset=120 (local.get $a) (i64.xor (i64.load offset=120 (local.get $a)) (local.get $d)))
        (i64.store offset=160 (local.get $a) (i64.xor (i64.load offset=160 (local.get $a)) (local.get $d)))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (br_if $theta (i32.lt_u (local.get $x) (i32.const 5))))
      ;; rho and pi: B[y, 2x + 3y] = rotl(A[x,y], r[x,y])
      (local.set $y (i32.const 0))
      (loop $rows
        (local.set $x (i32.const 0))
        (loop $lanes
          (local.set $a (i32.add (local.get $x) (i32.mul (local.get $y) (i32.const 5))))
          (i64.store offset=512
            (i32.shl
              (i32.add (local.get $y)
                       (i32.mul (i32.rem_u (i32.add (i32.shl (local.get $x) (i32.const 1)) (i32.mul (local.get $y) (i32.const 3)))
                                           (i32.const 5))
                                (i32.const 5)))
              (i32.const 3))
            (i64.rotl (i64.load (i32.shl (local.get $a) (i32.const 3)))
                      (i64.load8_u offset=960 (local.get $a))))
          (local.set $x (i32.add (local.get $x) (i32.const 1)))
          (br_if $lanes (i32.lt_u (local.get $x) (i32.const 5))))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br_if $rows (i32.lt_u (local.get $y) (i32.const 5))))
      ;; chi: A[x,y] = B[x,y] ^ (~B[x+1,y] & B[x+2,y])
      (local.set $y (i32.const 0))
      (loop $chiRows
        (local.set $x (i32.const 0))
        (loop $chiLanes
          (i64.store (i32.shl (i32.add (local.get $x) (local.get $y)) (i32.const 3))
            (i64.xor (i64.load offset=512 (i32.shl (i32.add (local.get $x) (local.get $y)) (i32.const 3)))
                     (i64.and (i64.xor (i64.load offset=512 (i32.shl (i32.add (call $mod5 (i32.add (local.get $x) (i32.const 1))) (local.get $y)) (i32.const 3)))
                                       (i64.const -1))
                              (i64.load offset=512 (i32.shl (i32.add (call $mod5 (i32.add (local.get $x) (i32.const 2))) (local.get $y)) (i32.const 3))))))
          (local.set $x (i32.add (local.get $x) (i32.const 1)))
          (br_if $chiLanes (i32.lt_u (local.get $x) (i32.const 5))))
        (local.set $y (i32.add (local.get $y) (i32.const 5)))
        (br_if $chiRows (i32.lt_u (local.get $y) (i32.const 25))))
      ;; iota
      (i64.store (i32.const 0)
        (i64.xor (i64.load (i32.const 0)) (i64.load offset=768 (i32.shl (local.get $round) (i32.const 3)))))
      (local.set $round (i32.add (local.get $round) (i32.const 1)))
      (br_if $rounds (i32.lt_u (local.get $round) (i32.const 24)))))

  (func (export "keccak") (param $n i32) (result i64)
    (memory.fill (i32.const 0) (i32.const 0) (i32.const 200))
    (block $done
      (loop $perms
        (br_if $done (i32.eqz (local.get $n)))
        (call $keccakf)
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $perms)))
    (i64.load (i32.const 0))))
