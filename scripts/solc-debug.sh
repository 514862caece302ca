#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# solc-debug.sh FILE.sol CONTRACT OUTDIR: compiles FILE.sol with scripts/solc.sh (standard JSON, no
# optimizer, so lines map one to one) and writes what zvm's debuggers need:
#   OUTDIR/CONTRACT.bin     the runtime code as hex    (zvm run / zvm step FILE)
#   OUTDIR/CONTRACT.srcmap  its solc source map        (--source-map, with --sources FILE.sol)
#   OUTDIR/CONTRACT.abi     the ABI as JSON            (--abi, for --trace=calls)
# Exit status 3 (from solc.sh) means solc cannot be installed here; 1 a compile error (printed).
set -euo pipefail

[[ $# -eq 3 ]] || { echo "usage: solc-debug.sh FILE.sol CONTRACT OUTDIR" >&2; exit 2; }
file=$1 contract=$2 out=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mkdir -p "$out"
name=$(basename "$file")
input=$(FILE="$file" NAME="$name" node -e '
const fs = require("fs");
process.stdout.write(JSON.stringify({
  language: "Solidity",
  sources: { [process.env.NAME]: { content: fs.readFileSync(process.env.FILE, "utf8") } },
  settings: { outputSelection: { "*": { "*": ["abi", "evm.deployedBytecode.object", "evm.deployedBytecode.sourceMap"] } } }
}));')
status=0
output=$(printf '%s' "$input" | "$here/solc.sh" --standard-json) || status=$?
[[ $status -eq 0 ]] || exit $status
OUTPUT="$output" NAME="$name" CONTRACT="$contract" OUT="$out" node -e '
const fs = require("fs");
// solc-js prints notices (">>> Cannot retry compilation with SMT ...") before the JSON.
const text = process.env.OUTPUT;
const result = JSON.parse(text.slice(text.indexOf("{")));
const errors = (result.errors || []).filter(e => e.severity === "error");
if (errors.length) { for (const e of errors) console.error(e.formattedMessage); process.exit(1); }
const c = (result.contracts[process.env.NAME] || {})[process.env.CONTRACT];
if (!c) { console.error(`solc-debug.sh: no contract ${process.env.CONTRACT} in ${process.env.NAME}`); process.exit(1); }
const base = `${process.env.OUT}/${process.env.CONTRACT}`;
fs.writeFileSync(`${base}.bin`, c.evm.deployedBytecode.object + "\n");
fs.writeFileSync(`${base}.srcmap`, c.evm.deployedBytecode.sourceMap + "\n");
fs.writeFileSync(`${base}.abi`, JSON.stringify(c.abi) + "\n");'
