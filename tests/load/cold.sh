#!/usr/bin/env bash
# Issue 11's cold paths on the Dockerfile's publish (self-contained, composite ReadyToRun): a cold `iamgraph import` of the docs, and the
# time from `serve` starting to its first GraphQL answer with that catalogue present. Each is a fresh process, N runs.
# Usage: tests/load/cold.sh [--dll <published iamgraph.dll>] [--docs <dir>] [--runs N]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; root="$(cd "$here/../.." && pwd)"
docs="${IAMGRAPH_DOCS:-$root/../shared/data/aws-policies-analyzer-docs}"
dll=""; runs=3; port=5231
while [ $# -gt 0 ]; do case "$1" in
  --dll) dll="$2"; shift 2;; --docs) docs="$2"; shift 2;; --runs) runs="$2"; shift 2;;
  *) echo "unknown option $1" >&2; exit 2;; esac; done
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
if [ -z "$dll" ]; then
  # As the Dockerfile publishes (a few minutes: the runtime is compiled with the app). `dotnet <dll>` runs it on its own runtime.
  dotnet publish "$root/src/IamGraph/IamGraph.csproj" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true \
    -p:PublishReadyToRunComposite=true -o "$work/publish" -v q -nologo >/dev/null
  dll="$work/publish/iamgraph.dll"
fi
query='{"query":"{ policies(first: 5) { nodes { name actions(first: 5) { nodes { name service { name } } } } } }"}'
echo "# $(date -u '+%F %T') UTC, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$runs"); do
  rm -f "$work/cold.db"
  /usr/bin/time -f "cold import: %e s wall, %U s user, %S s sys, peak RSS %M KB" dotnet "$dll" import "$docs" --db "$work/cold.db" 2>&1 >/dev/null | tail -1
done
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  dotnet "$dll" serve --db "$work/cold.db" --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null -H 'content-type: application/json' -d "$query" "http://127.0.0.1:$port/graphql"; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.01
  done
  echo "first answer: $(( ($(date +%s%N) - start) / 1000000 )) ms after serve started"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
