#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# wasm-bench-compare.sh [--warmup S] [--seconds S]: the WASM benchmark comparison (docs/benchmarks.md). For
# each case of bench/wasm/cases.tsv it times the export of bench/wasm/kernels.wasm under zvm
# (`zvm bench --invoke --json`), GraalWasm (bench/graalwasm/run.sh, its own JVM) and V8
# (bench/node/wasm-bench.mjs), one engine after the other, each after its own warm-up; then prints one
# Markdown table (wasm-bench-table.mjs) with the time per call, the ratios and whether every engine returned
# the expected result. The machine's load average is printed before and after: the runs share the cores.
# Exit 1 if an engine got a result wrong or failed.
set -euo pipefail

die() {
    echo "wasm-bench-compare: $*" >&2
    exit 2
}

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
timing=(--warmup 5 --seconds 5)
while (( $# > 0 )); do
    case "$1" in
        --warmup | --seconds)
            (( $# >= 2 )) || die "$1: missing S"
            timing+=("$1" "$2")
            shift 2
            ;;
        *) die "$1: unknown argument (takes --warmup S and --seconds S)" ;;
    esac
done
command -v node > /dev/null || die "needs node (Node.js 20 or later; Debian: apt-get install nodejs)"

module=$root/bench/wasm/kernels.wasm
cases=$root/bench/wasm/cases.tsv
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "wasm-bench-compare: load before: $(uptime)" >&2
status=0
while IFS=$'\t' read -r export argument expected; do
    [[ -z "$export" || "$export" == \#* ]] && continue
    echo "$export"$'\t'"$argument"$'\t'"$expected" >> "$out/cases"
    for engine in zvm graalwasm node; do
        echo "wasm-bench-compare: $export $argument on $engine" >&2
        case $engine in
            zvm) cmd=("$root/zvm" bench "$module" --invoke "$export" "$argument" --json "${timing[@]}") ;;
            graalwasm) cmd=("$root/bench/graalwasm/run.sh" "$module" "$export" "$argument" "${timing[@]}") ;;
            node) cmd=(node "$root/bench/node/wasm-bench.mjs" "$module" "$export" "$argument" "${timing[@]}") ;;
        esac
        if ! "${cmd[@]}" < /dev/null > "$out/$export.$engine.json"; then
            echo "wasm-bench-compare: $export on $engine failed" >&2
            status=1
        fi
    done
done < "$cases"
echo "wasm-bench-compare: load after: $(uptime)" >&2
node "$root/scripts/wasm-bench-table.mjs" "$out" || status=1
exit "$status"
