#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the live tests.
#   engine_postgresql.sh start  -> initdb + pg_ctl start in $RETORT_ENGINES_DIR/postgresql,
#                                  loopback only, trust auth; prints the
#                                  `export RETORT_PG_...` lines (and nothing else) on stdout
#   engine_postgresql.sh stop   -> stops that cluster by its pid
# PostgreSQL refuses to run as root, so the server runs as the `postgres` user.
set -euo pipefail
cmd=${1:-}
base=${RETORT_ENGINES_DIR:-/tmp/retort-engines}
dir=$base/postgresql

log() { echo "engine_postgresql: $*" >&2; }

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
    log "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)"
    return 1
  fi
  echo "$d"
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local p
  for p in $(seq 25432 25532); do
    if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

case "$cmd" in
  start)
    bin=$(pg_bin)
    mkdir -p "$dir"
    chmod 755 "$base" 2>/dev/null || true
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
    port=$(free_port) || { log "no free port"; exit 1; }
    as_postgres "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale -N >"$dir/initdb.log" 2>&1 \
      || { log "initdb failed:"; cat "$dir/initdb.log" >&2; exit 1; }
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >&2 \
      || { log "pg_ctl start failed:"; cat "$dir/server.log" >&2; exit 1; }
    head -1 "$dir/data/postmaster.pid" >"$dir/pid"
    echo "$bin" >"$dir/bin"
    echo "export RETORT_PG_HOST=127.0.0.1 RETORT_PG_PORT=$port RETORT_PG_USER=postgres"
    ;;
  stop)
    [ -e "$dir/pid" ] || exit 0
    pid=$(cat "$dir/pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill -INT "$pid" 2>/dev/null || true   # fast shutdown
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/pid"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
