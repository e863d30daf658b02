#!/usr/bin/env bash
# Load benchmark of the GraphQL server (issues 3 and 11): imports the shared docs, starts the Release server on loopback,
# and drives queries from queries.txt with wrk: a warm-up, then DURATION seconds, per query.
# Usage: tests/load/run.sh [--db <sqlite file or PostgreSQL connection string>] [--docs <docs dir>]
#                          [--connections N] [--duration S] [--queries "Q1 Q2"] [--cached] [--server <iamgraph.dll>] [--label L]
#   --cached     keeps the response cache on (default: off, so every request executes; the document cache stays on)
#   --server     another build's iamgraph.dll (e.g. an old build to compare against); it imports into its own database
# Prints, per query: req/s, p50/p99 latency, non-200 answers, 503s, socket errors, the server's peak RSS during the run,
# /healthz failures polled during the run, and the machine's 1-minute load average (the machine may be shared).
# Needs: wrk (apt-get install wrk). Sends traffic to 127.0.0.1 only, and stops by itself.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; root="$(cd "$here/../.." && pwd)"
docs="${IAMGRAPH_DOCS:-$root/../shared/data/aws-policies-analyzer-docs}"
db=""; port="${PORT:-5199}"; duration="${DURATION:-15}"; warmup="${WARMUP:-5}"; connections="${CONNECTIONS:-10}"
queries=""; cached=0; exe=""; label="new"
while [ $# -gt 0 ]; do case "$1" in
  --db) db="$2"; shift 2;; --docs) docs="$2"; shift 2;;
  --connections) connections="$2"; shift 2;; --duration) duration="$2"; shift 2;;
  --queries) queries="$2"; shift 2;; --cached) cached=1; shift;;
  --server) exe="$2"; shift 2;; --label) label="$2"; shift 2;;
  *) echo "unknown option $1" >&2; exit 2;; esac; done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
work="$(mktemp -d)"; server=""; trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
[ -n "$db" ] || db="$work/catalog.db"

if [ -z "$exe" ]; then
  dotnet build "$root/src/IamGraph" -c Release -v q -nologo >/dev/null
  exe="$root/src/IamGraph/bin/Release/net10.0/iamgraph.dll"
fi
dotnet "$exe" import "$docs" --db "$db" | tail -n 1
cache_env=(GraphQL__Caching__ResponseCache=false GraphQL__Caching__HttpCaching=false)
[ "$cached" = 1 ] && cache_env=()
env Logging__LogLevel__Default=Warning "${cache_env[@]}" dotnet "$exe" serve --db "$db" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
pid=$(pgrep -P "$server" -f iamgraph || echo "$server")  # dotnet runs the dll in the same process; fall back to it

mode=$([ "$cached" = 1 ] && echo cached || echo uncached)
printf '%-6s %-4s %-8s %5s %9s %9s %9s %7s %6s %6s %7s %6s %5s\n' build query mode conns req/s p50_ms p99_ms non200 n503 sockerr rss_mb hfail load1
while IFS=$'\t' read -r name query; do
  case "$name" in ''|\#*) continue;; esac
  if [ -n "$queries" ] && [[ " $queries " != *" $name "* ]]; then continue; fi
  python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "$query" >"$work/$name.json"
  BODY_FILE="$work/$name.json" wrk -t2 -c"$connections" -d"${warmup}s" -s "$here/post.lua" "http://127.0.0.1:$port/graphql" >/dev/null
  # Peak RSS of this run alone: reset the kernel's high-water mark, read it afterwards.
  echo 5 >"/proc/$pid/clear_refs" 2>/dev/null || true
  ( fails=0; while [ ! -e "$work/stop" ]; do curl -sf --max-time 2 "http://127.0.0.1:$port/healthz" >/dev/null || fails=$((fails+1)); sleep 0.5; done; echo "$fails" >"$work/hfail" ) &
  poller=$!
  line=$(BODY_FILE="$work/$name.json" wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s "$here/post.lua" "http://127.0.0.1:$port/graphql" | grep '^RESULT')
  touch "$work/stop"; wait "$poller"; rm -f "$work/stop"
  rss=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$pid/status")
  eval "${line#RESULT }"
  printf '%-6s %-4s %-8s %5s %9s %9s %9s %7s %6s %6s %7s %6s %5s\n' "$label" "$name" "$mode" "$connections" "$req_per_s" "$p50_ms" "$p99_ms" \
    "$non200" "$n503" "$errors" "$rss" "$(cat "$work/hfail")" "$(cut -d' ' -f1 /proc/loadavg)"
done <"$here/queries.txt"
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && echo "healthz after: ok" || echo "healthz after: FAILED"
