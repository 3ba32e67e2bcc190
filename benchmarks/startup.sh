#!/usr/bin/env bash
# apictl start-up as users get it: the bin/apictl launcher of the distribution tarball, side by
# side with a JVM printing "hello" (class-data sharing as the JDK ships it) on the same JDK, in
# interleaved rounds. Prints the median wall time of each and its ratio to hello.
#
#   benchmarks/startup.sh [ROUNDS]          (default 20)
#
# Builds nothing but Hello.class. Build the two tarballs first (from the repository root):
#   ./mvnw -B -o -q -pl cli-app -am package -DskipTests
#   v=0.1.0-SNAPSHOT; jar=cli-app/target/apictl.jar
#   cli-app/src/dist/build-dist.sh /usr/lib/jvm/java-17-openjdk-amd64 $jar . $v cli-app/target/dist-17
#   cli-app/src/dist/build-dist.sh /usr/lib/jvm/temurin-25-jdk-amd64 $jar . $v cli-app/target/dist-25
# (or ./mvnw -B -o -pl cli-app -am package -Pdist -DskipTests -Dapictl.dist.jdk=JDK_HOME, which
# writes cli-app/target/dist). Other places: JDK17_HOME, JDK25_HOME, TARBALL17, TARBALL25.
set -euo pipefail
rounds="${1:-20}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
small="$root/examples/sample-api.yaml"
declare -A jdk=(
  [17]="${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
  [25]="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}")
declare -A tarball=(
  [17]="${TARBALL17:-$(ls "$root"/cli-app/target/dist-17/apictl-*.tar.gz)}"
  [25]="${TARBALL25:-$(ls "$root"/cli-app/target/dist-25/apictl-*.tar.gz)}")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  >"$work/Hello.java"
"${jdk[17]}/bin/javac" --release 17 -d "$work" "$work/Hello.java"

# One run, wall time in microseconds; stdout discarded, a failure stops the benchmark.
micros() {
  local start=$EPOCHREALTIME
  "$@" >/dev/null || { echo "failed: $*" >&2; exit 1; }
  local end=$EPOCHREALTIME
  echo $(((${end/./} - ${start/./})))
}

# children_cpu sets $cpu_ms: CPU time (user + system, ms) of every child process waited for so far,
# from `times`, parsed with builtins only (run in this shell: a subshell reports its own children).
children_cpu() {
  local user sys
  times >"$work/times"
  { read -r _ && read -r user sys; } <"$work/times"
  cpu_ms=$(($(to_ms "$user") + $(to_ms "$sys")))
}
to_ms() { # 1m2.345s -> 62345
  local minutes="${1%%m*}" seconds="${1#*m}"
  seconds="${seconds%s}"
  echo $((10#$minutes * 60000 + 10#${seconds/./}))
}

declare -A cmd
for v in 17 25; do
  mkdir -p "$work/$v/install"
  tar -xzf "${tarball[$v]}" -C "$work/$v/install"
  apictl="$(ls -d "$work/$v"/install/*/bin/apictl)"
  cmd[$v/hello]="${jdk[$v]}/bin/java -Xshare:auto -cp $work Hello"
  cmd[$v/version]="$apictl version"
  cmd[$v/render]="$apictl render $small"
  # The first run records the class archive (once per install); it is reported, not counted.
  export XDG_CACHE_HOME="$work/$v/cache"
  first="$(micros ${cmd[$v/render]})"
  echo "JDK $v: $("${jdk[$v]}/bin/java" -version 2>&1 | head -1); first run (records the archive): $((first / 1000)) ms"
done

echo "load before: $(uptime)"
declare -A times cpu
for ((r = 0; r < rounds; r++)); do
  for v in 17 25; do
    export XDG_CACHE_HOME="$work/$v/cache"
    for what in hello version render; do
      children_cpu
      before=$cpu_ms
      times[$v/$what]+="$(micros ${cmd[$v/$what]}) "
      children_cpu
      cpu[$v/$what]+="$((cpu_ms - before)) "
    done
  done
done
echo "load after:  $(uptime)"

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo
echo "$rounds interleaved rounds: median wall time (ms), its ratio to hello, median CPU time (ms,"
echo "user + system, all threads; includes a few ms of the launcher's shell tools):"
printf '%-4s %-64s %8s %7s %8s\n' JDK command wall ratio cpu
for v in 17 25; do
  hello="$(median <<<"${times[$v/hello]}")"
  for what in hello version render; do
    m="$(median <<<"${times[$v/$what]}")"
    shown="${cmd[$v/$what]/#$work\/$v\/install\/*\/bin\//}"
    shown="${shown//$work/\$TMP}"
    c="$(median <<<"${cpu[$v/$what]}")"
    awk -v v="$v" -v s="${shown//$root\//}" -v m="$m" -v h="$hello" -v c="$c" \
      'BEGIN {printf "%-4s %-64s %8.1f %6.1fx %8.0f\n", v, s, m / 1000, m / h, c}'
  done
done
