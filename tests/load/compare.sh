#!/usr/bin/env bash
# Old build against new on the same machine in the same run, uncached, for a shared machine: both servers run side by
# side (each with its own import of the docs) and wrk drives one at a time in ABBA order per query (old, new, new, old),
# so slow drifts in the machine's load hit both builds alike. Prints each run and the per-build mean.
# Usage: tests/load/compare.sh --old <old iamgraph.dll> [--new <new iamgraph.dll>] [--docs <dir>] [--connections N] [--duration S] [--warmup S]
# Q1 keeps getting faster (tiered JIT) for ~20 s on a fresh server: give it --warmup 25 when comparing its throughput.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; root="$(cd "$here/../.." && pwd)"
docs="${IAMGRAPH_DOCS:-$root/../shared/data/aws-policies-analyzer-docs}"
old=""; new=""; connections=10; duration=10; warmup=3; port=5201
while [ $# -gt 0 ]; do case "$1" in
  --old) old="$2"; shift 2;; --new) new="$2"; shift 2;; --docs) docs="$2"; shift 2;;
  --connections) connections="$2"; shift 2;; --duration) duration="$2"; shift 2;; --warmup) warmup="$2"; shift 2;;
  *) echo "unknown option $1" >&2; exit 2;; esac; done
[ -n "$old" ] || { echo "--old <iamgraph.dll> is required" >&2; exit 2; }
if [ -z "$new" ]; then
  dotnet build "$root/src/IamGraph" -c Release -v q -nologo >/dev/null
  new="$root/src/IamGraph/bin/Release/net10.0/iamgraph.dll"
fi
work="$(mktemp -d)"; pids=(); trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$work"' EXIT
start() { # label dll port
  dotnet "$2" import "$docs" --db "$work/$1.db" >/dev/null
  env Logging__LogLevel__Default=Warning GraphQL__Caching__ResponseCache=false GraphQL__Caching__HttpCaching=false \
    dotnet "$2" serve --db "$work/$1.db" --urls "http://127.0.0.1:$3" >"$work/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$3/readyz" >/dev/null && return; sleep 0.2; done
  echo "$1 did not start" >&2; exit 1
}
start old "$old" "$port"; start new "$new" $((port + 1))
drive() { # port body seconds -> RESULT line
  BODY_FILE="$2" wrk -t2 -c"$connections" -d"${3}s" --timeout 10s -s "$here/post.lua" "http://127.0.0.1:$1/graphql" | grep '^RESULT'
}
echo "# $(date -u '+%F %T') UTC, $(nproc) cores, $connections connections, ${duration}s per run, ABBA per query"
printf '%-4s %-4s %9s %9s %7s %5s\n' query build req/s p99_ms non200 load1
while IFS=$'\t' read -r name query; do
  case "$name" in ''|\#*) continue;; esac
  python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "$query" >"$work/$name.json"
  drive "$port" "$work/$name.json" "$warmup" >/dev/null; drive $((port + 1)) "$work/$name.json" "$warmup" >/dev/null
  declare -A sum=([old]=0 [new]=0) p99=([old]=0 [new]=0)
  for build in old new new old; do
    p=$([ "$build" = old ] && echo "$port" || echo $((port + 1)))
    line=$(drive "$p" "$work/$name.json" "$duration"); eval "${line#RESULT }"
    printf '%-4s %-4s %9s %9s %7s %5s\n' "$name" "$build" "$req_per_s" "$p99_ms" "$non200" "$(cut -d' ' -f1 /proc/loadavg)"
    sum[$build]=$(python3 -c "print(${sum[$build]} + $req_per_s)")
  done
  python3 -c "o=${sum[old]}/2; n=${sum[new]}/2; print(f'{\"$name\":<4} mean old {o:.1f} req/s, new {n:.1f} req/s, new/old {n/o:.2f}')"
done <"$here/queries.txt"
