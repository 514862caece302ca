#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# solc.sh: the Solidity compiler (solc-js from npm, a pinned version) for tests and examples. Installs it on
# first use under $XDG_CACHE_HOME/zvm/solc (default ~/.cache), then runs it with the given arguments, e.g.
#   scripts/solc.sh --bin --abi --optimize -o OUT Token.sol
# Exit status 3 means solc cannot be installed here (no node/npm or no registry): callers skip, not fail.
set -euo pipefail

version=${ZVM_SOLC_VERSION:-0.8.28}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/zvm/solc
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
    echo "solc.sh: needs node and npm (Debian: apt-get install nodejs npm)" >&2
    exit 3
fi
manifest="$cache/node_modules/solc/package.json"
installed=$(MANIFEST="$manifest" node -p "try { require(process.env.MANIFEST).version } catch { '' }")
if [[ "$installed" != "$version" ]]; then
    mkdir -p "$cache"
    [[ -f "$cache/package.json" ]] || echo '{"private": true}' > "$cache/package.json"
    echo "solc.sh: installing solc $version into $cache" >&2
    if ! npm install --prefix "$cache" --no-audit --no-fund --save-exact --loglevel=error "solc@$version" >&2; then
        echo "solc.sh: npm could not install solc@$version" >&2
        exit 3
    fi
fi
exec node "$cache/node_modules/solc/solc.js" "$@"
