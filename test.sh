#!/usr/bin/env bash
# Runs the zvm test suite: `./test.sh` (extra arguments go to Maven, e.g. `./test.sh -Dtest=NativeExecutionTest`).
# Finds a JDK 25 on its own: the machine's default java may be older.
set -euo pipefail
cd "$(dirname "$0")"
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"25'; then
  JAVA_HOME=""
  for jdk in /usr/lib/jvm/*25*; do
    if [ -x "$jdk/bin/java" ]; then JAVA_HOME="$jdk"; break; fi
  done
  if [ -z "$JAVA_HOME" ]; then
    echo "test.sh: no JDK 25 found (set JAVA_HOME to one)" >&2
    exit 2
  fi
fi
export JAVA_HOME
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
exec mvn -B verify "$@"
