#!/usr/bin/env bash
# A throwaway MariaDB (or MySQL) server for the live tests.
#
#   bash scripts/engine_mariadb.sh start   # prints `export RETORT_MYSQL_...` lines
#   bash scripts/engine_mariadb.sh stop    # stops the server by its pid
#
# Everything lives in $RETORT_ENGINES_DIR/mariadb (scripts/test.sh exports it;
# default: /tmp/retort-engines): the datadir, the socket, the pid file and
# the error log. The server listens on 127.0.0.1 only, on the first free port
# from $RETORT_MYSQL_PORT (default 13306). The system's option files are not
# read (--no-defaults), so a MariaDB already installed on the machine is left
# alone. A user `retort` without a password (socket and loopback) owns every
# database the tests create. `start` twice reuses the running server.
set -euo pipefail

engines=${RETORT_ENGINES_DIR:-/tmp/retort-engines}
dir=$engines/mariadb
data=$dir/data
sock=$dir/mysqld.sock
pidf=$dir/mysqld.pid
log=$dir/error.log
portf=$dir/port

say() { echo "engine_mariadb: $*" >&2; }

find_bin() {
  local name
  for name in "$@"; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
    if [ -x "/usr/sbin/$name" ]; then echo "/usr/sbin/$name"; return 0; fi
  done
  return 1
}

running() {
  [ -f "$pidf" ] || return 1
  local pid
  pid=$(cat "$pidf" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

client() {
  local cli
  cli=$(find_bin mariadb mysql) || { say "no mariadb/mysql client installed"; return 1; }
  "$cli" --no-defaults --protocol=socket --socket="$sock" "$@"
}

port_free() {
  # true when nothing accepts connections on 127.0.0.1:$1
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

print_env() {
  echo "export RETORT_MYSQL_SOCKET=$sock RETORT_MYSQL_PORT=$(cat "$portf")"
}

start() {
  local server install
  server=$(find_bin mariadbd mysqld) || { say "no mariadbd/mysqld installed (apt-get install mariadb-server)"; exit 1; }
  install=$(find_bin mariadb-install-db mysql_install_db) || { say "no mariadb-install-db installed"; exit 1; }
  mkdir -p "$dir"

  if running; then
    say "already running (pid $(cat "$pidf"))"
    print_env
    return 0
  fi
  rm -f "$sock" "$pidf"

  local as_user=()
  if [ "$(id -u)" = 0 ]; then as_user=(--user=root); fi

  if [ ! -d "$data/mysql" ]; then
    rm -rf "$data"
    if ! "$install" --no-defaults "${as_user[@]}" --datadir="$data" --auth-root-authentication-method=socket \
        --skip-test-db >"$dir/install.log" 2>&1; then
      say "mariadb-install-db failed:"; cat "$dir/install.log" >&2; exit 1
    fi
  fi

  local port=${RETORT_MYSQL_PORT:-13306}
  local tries=0
  while ! port_free "$port"; do
    port=$((port + 1)); tries=$((tries + 1))
    if [ "$tries" -gt 50 ]; then say "no free port from ${RETORT_MYSQL_PORT:-13306}"; exit 1; fi
  done
  echo "$port" >"$portf"

  # setsid: the server must not die with the shell that started it.
  setsid "$server" --no-defaults "${as_user[@]}" --datadir="$data" --socket="$sock" --pid-file="$pidf" \
    --port="$port" --bind-address=127.0.0.1 --log-error="$log" --skip-log-bin \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
    --innodb-buffer-pool-size=64M --innodb-log-file-size=16M --max-connections=100 \
    --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
    </dev/null >/dev/null 2>&1 &
  local launched=$!

  local i
  for i in $(seq 1 120); do
    if client -uroot -e 'SELECT 1' >/dev/null 2>&1; then break; fi
    if ! kill -0 "$launched" 2>/dev/null && ! running; then
      say "the server exited while starting:"; tail -n 30 "$log" >&2 || true; exit 1
    fi
    sleep 0.5
  done
  if ! client -uroot -e 'SELECT 1' >/dev/null 2>&1; then
    say "the server did not answer within 60 s:"; tail -n 30 "$log" >&2 || true; exit 1
  fi

  client -uroot -e "
    CREATE USER IF NOT EXISTS 'retort'@'localhost' IDENTIFIED BY '';
    CREATE USER IF NOT EXISTS 'retort'@'127.0.0.1' IDENTIFIED BY '';
    GRANT ALL PRIVILEGES ON *.* TO 'retort'@'localhost' WITH GRANT OPTION;
    GRANT ALL PRIVILEGES ON *.* TO 'retort'@'127.0.0.1' WITH GRANT OPTION;" >&2
  say "started (pid $(cat "$pidf"), port $port, socket $sock)"
  print_env
}

stop() {
  if ! running; then
    rm -f "$pidf"
    return 0
  fi
  local pid
  pid=$(cat "$pidf")
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for i in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "pid $pid did not stop in 60 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidf" "$sock"
  say "stopped (pid $pid)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
