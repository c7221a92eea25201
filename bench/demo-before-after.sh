#!/usr/bin/env bash
# Runs the per-request demo without and with the agent, interleaved, and prints the latency ratio per transport.
# Not part of the test run: `mvn -B -q package -DskipTests` first, then `bench/demo-before-after.sh [rounds]`.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-2}"
java="${JAVA:-java}"
agent=agent/target/mcp-pool.jar
demo=demo-app/target/demo-app.jar

field() { # field <report> <name>: value of name=... in the demo's report, without a unit
  grep -o "$2=[0-9.]*" <<<"$1" | head -1 | cut -d= -f2
}

run() { # run <label> <requests> [java options...] -- <demo args...>
  local label=$1 requests=$2; shift 2
  local options=()
  while [[ $1 != -- ]]; do options+=("$1"); shift; done
  shift
  local report
  report=$("$java" "${options[@]}" -jar "$demo" --requests "$requests" "$@" 2>/dev/null)
  printf '%-28s requests=%-4s errors=%s p50=%9.3f ms  p99=%9.3f ms  %8.2f calls/s\n' "$label" "$requests" \
    "$(field "$report" errors)" "$(field "$report" p50)" "$(field "$report" p99)" "$(field "$report" throughput)" >&2
  field "$report" p50
}

echo "machine: $(nproc) cores, $(uname -sr), $("$java" -version 2>&1 | head -1); $(date -u +%Y-%m-%d)"
for transport in stdio http; do
  without_sum=0; with_sum=0
  for ((round = 1; round <= rounds; round++)); do
    unpooled_requests=$([[ $transport == stdio ]] && echo 20 || echo 200)
    without=$(run "$transport without agent" "$unpooled_requests" -- --transport "$transport")
    with=$(run "$transport with agent" 500 "-javaagent:$agent" -- --transport "$transport")
    without_sum=$(awk -v a="$without_sum" -v b="$without" 'BEGIN { print a + b }')
    with_sum=$(awk -v a="$with_sum" -v b="$with" 'BEGIN { print a + b }')
  done
  awk -v t="$transport" -v a="$without_sum" -v b="$with_sum" -v r="$rounds" \
    'BEGIN { printf "%s: p50 without %.1f ms, with %.3f ms -> %.0fx lower with the agent (mean of %d rounds)\n", t, a / r, b / r, a / b, r }'
done
