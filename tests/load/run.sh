#!/usr/bin/env bash
# Load benchmark of the GraphQL server (issue 3): imports the shared docs, starts the Release server on loopback,
# and drives each query in queries.txt with wrk (10 connections, 2 threads): a warm-up, then DURATION seconds.
# Usage: tests/load/run.sh [--db <sqlite file or PostgreSQL connection string>] [--docs <docs dir>]
# Needs: wrk (apt-get install wrk). Sends traffic to 127.0.0.1 only, and stops by itself.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; root="$(cd "$here/../.." && pwd)"
docs="${IAMGRAPH_DOCS:-$root/../shared/data/aws-policies-analyzer-docs}"
db=""; port="${PORT:-5199}"; duration="${DURATION:-15}"; warmup="${WARMUP:-5}"; connections="${CONNECTIONS:-10}"
while [ $# -gt 0 ]; do case "$1" in --db) db="$2"; shift 2;; --docs) docs="$2"; shift 2;; *) echo "unknown option $1" >&2; exit 2;; esac; done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
work="$(mktemp -d)"; trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
[ -n "$db" ] || db="$work/catalog.db"

dotnet build "$root/src/IamGraph" -c Release -v q -nologo >/dev/null
exe="$root/src/IamGraph/bin/Release/net10.0/iamgraph.dll"
dotnet "$exe" import "$docs" --db "$db" | tail -n 1
Logging__LogLevel__Default=Warning dotnet "$exe" serve --db "$db" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done

printf '%-4s %10s %9s %9s %9s\n' query req/s p50_ms p99_ms non200
while IFS=$'\t' read -r name query; do
  case "$name" in ''|\#*) continue;; esac
  python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "$query" >"$work/$name.json"
  BODY_FILE="$work/$name.json" wrk -t2 -c"$connections" -d"${warmup}s" -s "$here/post.lua" "http://127.0.0.1:$port/graphql" >/dev/null
  line=$(BODY_FILE="$work/$name.json" wrk -t2 -c"$connections" -d"${duration}s" -s "$here/post.lua" "http://127.0.0.1:$port/graphql" | grep '^RESULT')
  eval "${line#RESULT }"
  printf '%-4s %10s %9s %9s %9s\n' "$name" "$req_per_s" "$p50_ms" "$p99_ms" "$non200"
done <"$here/queries.txt"
