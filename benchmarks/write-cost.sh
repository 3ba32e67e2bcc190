#!/usr/bin/env bash
# What one write costs kube-apiserver, by kind of write (docs/performance.md, "Where
# kube-apiserver's CPU goes"). Not part of ./test.
#
#   benchmarks/write-cost.sh [M]      (default 2000 Apis per set)
#
# Starts kube-apiserver + etcd as benchmarks/scale.sh does and prints lines starting with
# WRITE-COST: kube-apiserver's CPU per request of each step. SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  ./mvnw -B -o -q -pl operator-app -am test-compile dependency:build-classpath \
    -Djib.skip -Dmdep.includeScope=test -Dmdep.outputFile=target/write-cost.classpath
fi
cd operator-app
java -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/write-cost.classpath)" \
  dev.apicontroller.operator.WriteCostBenchmark "${1:-2000}"
