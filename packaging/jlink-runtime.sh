#!/usr/bin/env bash
# Links a Java runtime that holds just the modules a jar needs, as jdeps reports them, and prints
# the module list. Used for the operator image's base and for apictl's distribution.
#   jlink-runtime.sh JDK_HOME JAR OUTPUT_DIR [extra jlink options...]
# JLINK_MODULES_FILE, if set, keeps the module list: jdeps (half the time) runs again only when
# the jar is newer than that file.
set -euo pipefail
jdk="$1" jar="$2" out="$3"
shift 3

cache="${JLINK_MODULES_FILE:-}"
if [[ -n "$cache" && -s "$cache" && "$cache" -nt "$jar" ]]; then
  modules="$(cat "$cache")"
else
  release="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = //p')"
  modules="$("$jdk/bin/jdeps" -q --multi-release "$release" --print-module-deps \
    --ignore-missing-deps "$jar")"
  # Security providers are found through ServiceLoader, which jdeps cannot see: without SunEC
  # (jdk.crypto.ec) a TLS handshake with an ECDHE cipher suite and an ES256 signature check fail.
  modules="$modules,jdk.crypto.ec"
  if [[ -n "$cache" ]]; then
    mkdir -p "$(dirname "$cache")"
    echo "$modules" >"$cache"
  fi
fi

rm -rf "$out"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  "$@" --output "$out" >&2
echo "$modules"
