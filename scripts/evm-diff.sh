#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# evm-diff.sh N [SEED] | evm-diff.sh --corpus [PATH...] | evm-diff.sh --expect OUT.json N [SEED]:
# differential testing of zvm's EVM against @ethereumjs/vm (Cancun), see docs/differential.md. The first
# form runs N generated programs (seed default 1) and prints each disagreement with a minimised
# reproducer (a state test under $work/repro); the second runs every Cancun case of the state tests
# under the paths (default: the whole GeneralStateTests corpus) in both and compares their post-states;
# the third only writes the generated programs as one state test file with ethereumjs's results as the
# expectations (for EvmDifferentialTest). Exit 0 when they agree, 1 when not, 2 bad usage, 3 when
# @ethereumjs cannot be installed here (no node/npm or no registry): callers skip, not fail.
#
# Environment: EVM_DIFF_WORK (the work directory, default a fresh one under /tmp, kept so the
# reproducers stay), EVM_DIFF_BATCH (programs per zvm run, default 2000), ZVM_DATA_DIR (default
# ../shared/data beside the checkout), XDG_CACHE_HOME (where @ethereumjs is installed on first use).
set -euo pipefail

die() {
    echo "evm-diff: $*" >&2
    exit 2
}

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
# shellcheck source=ethereumjs-install.sh
source "$root/scripts/ethereumjs-install.sh"
ethereumjs_install evm-diff || exit 3
usage="usage: evm-diff.sh N [SEED] | evm-diff.sh --corpus [PATH...] | evm-diff.sh --expect OUT.json N [SEED]"
number='^[0-9]+$'

if [[ "${1:-}" == "--expect" ]]; then
    [[ $# -ge 3 && $# -le 4 && "$3" =~ $number && "${4:-1}" =~ $number ]] || die "$usage"
    exec node "$root/scripts/evm-diff.mjs" --modules "$ethereumjs_modules" --work "$(dirname "$2")" expect "$2" generate "$3" "${4:-1}"
fi
[[ "${1:-}" == "--corpus" || ( $# -ge 1 && $# -le 2 && "$1" =~ $number && "${2:-1}" =~ $number ) ]] || die "$usage"
work=${EVM_DIFF_WORK:-$(mktemp -d /tmp/evm-diff.XXXXXX)}
mkdir -p "$work"
echo "evm-diff: work directory $work" >&2
common=(--modules "$ethereumjs_modules" --zvm "$root/zvm" --work "$work" --batch "${EVM_DIFF_BATCH:-2000}")

if [[ "${1:-}" == "--corpus" ]]; then
    shift
    if (( $# == 0 )); then
        data=${ZVM_DATA_DIR:-$root/../shared/data}
        set -- "$data/ethereum-tests/GeneralStateTests"
    fi
    exec node "$root/scripts/evm-diff.mjs" "${common[@]}" corpus "$@"
fi
exec node "$root/scripts/evm-diff.mjs" "${common[@]}" generate "$@"
