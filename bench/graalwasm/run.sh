#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# run.sh FILE.wasm EXPORT [ARG...] [--warmup S] [--seconds S]: times EXPORT on GraalWasm (GraalWasmBench), in a
# JVM of its own with the optimizing runtime: Graal as the JVMCI compiler, class-path mode, the same flags as
# ./zvm (platform.md section 2b). Builds the harness first when its sources changed. Prints one JSON line.
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
jdk=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
lib=$here/target/lib
stamp=$here/target/.built

if [[ ! -f "$stamp" || -n "$(find "$here/pom.xml" "$here/src" "$here/../../launcher/src/main/java/org/zvm/launcher/Bench.java" -newer "$stamp" -print -quit)" ]]; then
    (cd "$here" && JAVA_HOME="$jdk" MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow ${MAVEN_OPTS:-}" mvn -B -q process-classes >&2)
    touch "$stamp"
fi

jar() {
    local found=("$lib"/$1-[0-9]*.jar)
    [[ -f "${found[0]}" ]] || { echo "run.sh: $1 jar missing in $lib; delete $here/target and try again" >&2; exit 2; }
    echo "${found[0]}"
}

exec "$jdk/bin/java" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI \
    "--upgrade-module-path=$(jar compiler)" \
    "--module-path=$(jar collections):$(jar word):$(jar truffle-compiler)" \
    --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xss8m \
    -cp "$lib/*:$here/target/classes" org.zvm.launcher.GraalWasmBench "$@"
