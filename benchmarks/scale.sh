#!/usr/bin/env bash
# The operator scale benchmark (issue 14; docs/performance.md, "Operator at scale"). Not part of ./test.
#
#   benchmarks/scale.sh [N] [operator jar]
#
# Starts kube-apiserver + etcd (kube-api-test, binaries from test-cluster/build.sh in
# ~/.kubeapitest), installs the CRDs and deploy/'s RBAC, runs the operator jar as its own JVM with
# the Deployment's JAVA_TOOL_OPTIONS and its memory limit as -XX:MaxRAM, creates N secured Apis in
# 20 namespaces 8 at a time (server-side apply), and prints convergence, latency, memory, writes,
# reconciles by trigger, and restart figures (lines starting with SCALE). MEMORY=1g overrides the
# limit; SKIP_BUILD=1 reuses the last build; OPERATOR_JAVA_OPTIONS adds JVM flags to the operator
# for a measurement: -XX:NativeMemoryTracking=summary (native memory by area, saved and printed) or
# a profile, -XX:StartFlightRecording=filename=target/scale/operator-{start}.jfr,settings=profile
# ({start} is 0, then 1 after the restart).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"
DEPLOYMENT=operator-app/deploy/deployment.yaml

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  # package builds the operator jar and compiles the benchmark (a test-scope class); the class path
  # is written by the same reactor run, so sibling modules come from their fresh target/ folders.
  ./mvnw -B -o -q -pl operator-app -am package dependency:build-classpath \
    -DskipTests -Djib.skip -Dmdep.includeScope=test -Dmdep.outputFile=target/scale.classpath
fi
JAR="$(realpath -m "${2:-operator-app/target/api-controller-operator.jar}")"

# The Deployment's own JVM flags and memory limit (Mi/Gi -> the JVM's m/g).
FLAGS="$(grep -A1 'name: JAVA_TOOL_OPTIONS' "$DEPLOYMENT" | sed -n 's/^ *value: *//p')"
# The Deployment's MALLOC_ARENA_MAX, if it sets one (the environment's own wins).
ARENAS="$(grep -A1 'name: MALLOC_ARENA_MAX' "$DEPLOYMENT" | sed -n 's/^ *value: *"\{0,1\}\([0-9]*\)"\{0,1\}/\1/p' || true)"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX-$ARENAS}"
LIMIT="$(awk '/limits:/{l=1} l && /memory:/{print $2; exit}' "$DEPLOYMENT")"
MEMORY="${MEMORY:-$(sed -e 's/Mi$/m/' -e 's/Gi$/g/' <<<"$LIMIT")}"

echo "SCALE $(date -u +%FT%TZ) N=$N memory limit $MEMORY (Deployment: $LIMIT) flags '$FLAGS' MALLOC_ARENA_MAX='$MALLOC_ARENA_MAX'; $(uptime)"
cd operator-app
# A snapshot of this module's classes and of the sibling modules' jars, so that a build running
# meanwhile (they take minutes at large N) cannot change them under the driver.
SNAPSHOT="target/scale/classpath"
rm -rf "$SNAPSHOT" && mkdir -p "$SNAPSHOT"
cp -r target/test-classes target/classes "$SNAPSHOT/"
CP="$SNAPSHOT/test-classes:$SNAPSHOT/classes"
IFS=: read -ra ENTRIES < target/scale.classpath || true  # no newline at its end
for entry in "${ENTRIES[@]}"; do
  if [[ "$entry" == "$(cd .. && pwd)"/* ]]; then cp "$entry" "$SNAPSHOT/"; entry="$SNAPSHOT/$(basename "$entry")"; fi
  CP="$CP:$entry"
done
# The driver shares the two cores with what it measures: the serial collector costs it the least CPU.
java -Xmx2g -XX:+UseSerialGC -cp "$CP" \
  dev.apicontroller.operator.ScaleBenchmark "$N" "$MEMORY" "$JAR" "$FLAGS" "${OPERATOR_JAVA_OPTIONS:-}"
echo "SCALE done $(date -u +%FT%TZ); $(uptime)"
