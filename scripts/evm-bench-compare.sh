#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# evm-bench-compare.sh [zvm bench options]: the EVM benchmark comparison. Runs every case of
# evm-benchmarks/flat/cases.tsv under @ethereumjs/evm (ethereumjs-bench.mjs) and under
# `zvm bench --suite --fork Istanbul --json`, both checking outputs against expected.tsv, one after the
# other on this machine, and prints one Markdown table (evm-bench-table.mjs) with the geomeans. Extra
# arguments go to zvm bench (e.g. --warmup 10). Exit 1 if either engine got a case wrong.
#
# It also writes the warm-up curve of every zvm case as an SVG plot (evm-bench-curve.mjs) and prints
# from when on each case ran at 90% of its steady speed or better.
#
# Environment: EVM_BENCH_PLOT (the plot's path, default: evm-bench-warmup.svg in the current directory),
# ZVM_DATA_DIR (default: ../shared/data beside the checkout), XDG_CACHE_HOME (@ethereumjs/evm
# is installed with npm under $XDG_CACHE_HOME/zvm/ethereumjs on first use, default ~/.cache). Needs Node.js
# 20 or later with npm (Debian: apt-get install nodejs npm).
set -euo pipefail

die() {
    echo "evm-bench-compare: $*" >&2
    exit 2
}

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
data=${ZVM_DATA_DIR:-$root/../shared/data}
suite=$data/evm-benchmarks/flat/cases.tsv
[[ -f "$suite" ]] || die "no benchmark suite at $suite: set ZVM_DATA_DIR to the directory that holds evm-benchmarks/"

# shellcheck source=ethereumjs-install.sh
source "$root/scripts/ethereumjs-install.sh"
ethereumjs_install evm-bench-compare || exit 2
cache=$ethereumjs_modules

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
echo "evm-bench-compare: zvm bench --suite $suite --fork Istanbul $*" >&2
SECONDS=0
"$root/zvm" bench --suite "$suite" --fork Istanbul --json "$@" > "$out/zvm.jsonl" || status=$?
(( status <= 1 )) || die "zvm bench failed (exit $status)"
echo "evm-bench-compare: zvm took $SECONDS s; now @ethereumjs/evm $ethereumjs_version on the same cases" >&2
SECONDS=0
node "$root/scripts/ethereumjs-bench.mjs" --modules "$cache" "$suite" > "$out/ethereumjs.jsonl" || status=$?
(( status <= 1 )) || die "ethereumjs-bench failed (exit $status)"
echo "evm-bench-compare: ethereumjs took $SECONDS s" >&2
node "$root/scripts/evm-bench-table.mjs" "$out/zvm.jsonl" "$out/ethereumjs.jsonl"
echo
node "$root/scripts/evm-bench-curve.mjs" "$out/zvm.jsonl" "${EVM_BENCH_PLOT:-evm-bench-warmup.svg}"
exit "$status"
