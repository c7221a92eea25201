#!/usr/bin/env bash
# The end-to-end benchmark: the demo's per-request app without and with the agent against the app rewritten with one
# client per thread, then startup, footprint and resource growth. Builds what it needs, then runs
# dev.mcppool.bench.endtoend.EndToEndBench, which writes bench/results/end-to-end.md, end-to-end.svg and
# startup-and-resources.md. Not part of `mvn verify`. The full run takes about 20 minutes on 2 cores.
#   bench/run-end-to-end.sh [--quick] [--rounds N] [--only e2e|startup|resources[,...]] [--results DIR]
# MAVEN_ARGS adds options to the build, e.g. MAVEN_ARGS=-o on a machine without network.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086 # MAVEN_ARGS is a list of options
mvn -B -q ${MAVEN_ARGS:-} package -DskipTests -pl agent,demo-app,bench -am
if [[ ! -f it-tests/npm/node_modules/@modelcontextprotocol/server-everything/dist/index.js ]]; then
  (cd it-tests/npm && npm ci --no-audit --no-fund)
fi
exec java -cp bench/target/microbench.jar dev.mcppool.bench.endtoend.EndToEndBench "$@"
