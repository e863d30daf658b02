#!/usr/bin/env bash
# The issue-11 matrix, in one run so every figure shares the machine's conditions:
#   1. old build vs new, uncached, 10 connections, Q1-Q5 (throughput comparison; OLD=<old iamgraph.dll>, skipped when unset)
#   2. new, uncached, 64 connections for 60 s: Q1 and Q2 (targets: Q1 p99 <= 1 s, RSS <= 300 MB; Q2 p99 <= 50 ms)
#   3. new, uncached, 256 connections: Q1 (target: only 200s and 503s, /healthz answering throughout and after)
#   4. new, cached (response cache on), 64 connections: Q1-Q5
# Usage: OLD=/path/to/old/iamgraph.dll tests/load/suite.sh [--docs <docs dir>]   (all output also goes to stdout)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
echo "# $(date -u '+%F %T') UTC, $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${OLD:-}" ]; then
  "$here/run.sh" "$@" --server "$OLD" --label old --connections 10
fi
"$here/run.sh" "$@" --label new --connections 10
"$here/run.sh" "$@" --label new --connections 64 --duration "${LONG_DURATION:-60}" --queries "Q1 Q2"
"$here/run.sh" "$@" --label new --connections 256 --duration 30 --queries "Q1"
"$here/run.sh" "$@" --label new --connections 64 --cached
echo "# done $(date -u '+%F %T') UTC, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
