# The MariaDB/MySQL adapter of the live-engine harness (tests/live/lib.sh).
# Sourced, not run. Reads the server that scripts/engine_mariadb.sh started:
#   RETORT_MYSQL_SOCKET   unix socket (preferred), or
#   RETORT_MYSQL_PORT     TCP port on 127.0.0.1 (RETORT_MYSQL_HOST to change)
#   RETORT_MYSQL_USER     default: retort (no password)
#
#   engine_check          0 when the server answers, else prints why
#   engine_available      true when the settings are there
#   engine_fresh DB       drop and create database DB (utf8mb4)
#   engine_apply DB FILE  run a script; stops at the first error, non-zero exit
#   engine_dump DB        the schema, normalized: mysqldump --no-data without
#                         comments, dates, AUTO_INCREMENT counters or
#                         version-dependent /*!...*/ settings
#   engine_query DB SQL   rows tab-separated, no header (batch mode: \t \n \\ \0
#                         inside values are escaped as mysql -B does)
#   engine_tables DB      the table names, one a line, sorted
#   engine_drop DB        drop database DB
#   engine_text_hex COL / engine_blob_hex COL   SQL: lower-case hex of the bytes
#
# The server is MariaDB, so scripts are generated with `-d mariadb` (the MySQL
# back end for MariaDB: a CHECK is dropped with DROP CONSTRAINT, which MariaDB
# takes, not MySQL's DROP CHECK).
ENGINE_DIALECT=mariadb

retort_mysql_connect() {
  local args=(--no-defaults --default-character-set=utf8mb4 --user="${RETORT_MYSQL_USER:-retort}")
  if [ -n "${RETORT_MYSQL_SOCKET:-}" ]; then
    args+=(--protocol=socket --socket="$RETORT_MYSQL_SOCKET")
  else
    args+=(--protocol=tcp --host="${RETORT_MYSQL_HOST:-127.0.0.1}" --port="${RETORT_MYSQL_PORT:-3306}")
  fi
  printf '%s\n' "${args[@]}"
}

retort_mysql_client() {
  local cli
  cli=$(command -v mariadb || command -v mysql) || { echo "engine_mariadb: no mariadb client" >&2; return 1; }
  local conn
  mapfile -t conn < <(retort_mysql_connect)
  "$cli" "${conn[@]}" "$@"
}

retort_mysql_dump_bin() {
  command -v mariadb-dump || command -v mysqldump
}

engine_available() {
  [ -n "${RETORT_MYSQL_SOCKET:-}" ] || [ -n "${RETORT_MYSQL_PORT:-}" ]
}

engine_check() {
  engine_available || { echo "RETORT_MYSQL_SOCKET / RETORT_MYSQL_PORT are not set"; return 1; }
  command -v mariadb >/dev/null || command -v mysql >/dev/null || { echo "no mariadb client installed"; return 1; }
  retort_mysql_client -e "SELECT 1" >/dev/null 2>&1 ||
    { echo "cannot connect to MariaDB at ${RETORT_MYSQL_SOCKET:-127.0.0.1:${RETORT_MYSQL_PORT:-}}"; return 1; }
}

engine_text_hex() { echo "LOWER(HEX($1))"; }
engine_blob_hex() { echo "LOWER(HEX($1))"; }

engine_fresh() {
  local db=$1
  retort_mysql_client -e "DROP DATABASE IF EXISTS \`$db\`; CREATE DATABASE \`$db\` CHARACTER SET utf8mb4"
}

engine_drop() {
  retort_mysql_client -e "DROP DATABASE IF EXISTS \`$1\`"
}

engine_apply() {
  local db=$1 file=$2
  # Batch mode from stdin: the client stops at the first error and exits 1.
  retort_mysql_client --batch "$db" <"$file"
}

engine_dump() {
  local db=$1 dump conn
  dump=$(retort_mysql_dump_bin) || { echo "engine_mariadb: no mysqldump" >&2; return 1; }
  mapfile -t conn < <(retort_mysql_connect)
  "$dump" "${conn[@]}" --no-data --skip-comments --skip-dump-date --skip-add-drop-table \
    --skip-set-charset --no-tablespaces --compact "$db" |
    sed -E -e 's/ AUTO_INCREMENT=[0-9]+//' -e '/^\/\*[!M]/d'
  return "${PIPESTATUS[0]}"
}

engine_query() {
  local db=$1 sql=$2
  retort_mysql_client --batch --skip-column-names "$db" -e "$sql"
}

engine_tables() {
  engine_query "$1" "SELECT table_name FROM information_schema.tables WHERE table_schema = '$1' ORDER BY table_name"
}
