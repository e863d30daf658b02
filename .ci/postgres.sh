# Starts a throwaway PostgreSQL 15 cluster on 127.0.0.1 for the tests and exports IAMGRAPH_TEST_POSTGRES.
# Sourced by .ci/run; usable by hand: `source .ci/postgres.sh && pg_start`, later `pg_stop`.
PG_PORT="${PG_PORT:-55432}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_ROOT="${PG_ROOT:-/tmp/iamgraph-ci-pg}"

pg_start() {
  local data="$PG_ROOT/data" sock="$PG_ROOT/sock" log="$PG_ROOT/log/pg.log"
  if [ ! -x "$PG_BIN/postgres" ]; then
    echo "PostgreSQL binaries not found in $PG_BIN" >&2
    return 1
  fi
  # Stop a cluster a previous run may have left, then start clean.
  [ -f "$data/postmaster.pid" ] && su postgres -c "$PG_BIN/pg_ctl -D $data -m immediate stop" >/dev/null 2>&1
  rm -rf "$PG_ROOT" && mkdir -p "$data" "$sock" "$PG_ROOT/log" && chmod 755 "$PG_ROOT" && chown postgres:postgres "$data" "$sock" "$PG_ROOT/log"
  su postgres -c "$PG_BIN/initdb -D $data -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8" >/dev/null || return 1
  su postgres -c "$PG_BIN/pg_ctl -D $data -l $log -w -o '-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off' start" >/dev/null || { cat "$log" >&2; return 1; }
  export IAMGRAPH_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=postgres"
  echo "PostgreSQL on 127.0.0.1:$PG_PORT"
}

pg_stop() {
  [ -f "$PG_ROOT/data/postmaster.pid" ] && su postgres -c "$PG_BIN/pg_ctl -D $PG_ROOT/data -m fast stop" >/dev/null 2>&1
  return 0
}
