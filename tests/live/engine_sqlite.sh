# The SQLite adapter of the live-engine harness (tests/live/). Sourced, not
# run. A database is a file named DB.db in $RETORT_LIVE_TMP, else in the
# harness's scratch folder $WORK. Needs sqlite3 (Debian: 3.40); no server.
#
#   ENGINE_DIALECT        sqlite
#   engine_check          0 when sqlite3 is installed, else prints why
#   engine_text_hex COL   SQL: lower-case hex of text COL's UTF-8 bytes
#   engine_blob_hex COL   SQL: lower-case hex of blob COL
#   engine_fresh DB       a new, empty database file
#   engine_apply DB FILE  run a script with -bail: stops at the first error,
#                         non-zero exit
#   engine_dump DB        the schema, deterministic: every CREATE statement
#                         SQLite stored, ordered by type and name, each ending
#                         with ';' (SQLite's own sqlite_* objects left out)
#   engine_query DB SQL   rows tab-separated, no header; NULL prints as empty
#                         (use hex() or quote() to compare values exactly)
#   engine_tables DB      the table names, one a line, sorted (sqlite_* left out)
#   engine_drop DB        delete the database file

ENGINE_DIALECT=sqlite

# The folder of the database files: $RETORT_LIVE_TMP, else the harness's
# scratch folder $WORK, else one under $TMPDIR.
retort_sqlite_file() {
  local dir=${RETORT_LIVE_TMP:-${WORK:-${TMPDIR:-/tmp}/retort_sqlite}}
  mkdir -p "$dir" || return 1
  printf '%s/%s.db\n' "$dir" "$1"
}

engine_check() {
  command -v sqlite3 >/dev/null 2>&1 || { echo "sqlite3 is not installed (apt-get install sqlite3)"; return 1; }
}
engine_available() { engine_check >/dev/null; }

# SQL giving the lower-case hex of a text column's UTF-8 bytes / of a blob
# column; NULL stays NULL (hex(NULL) would be '').
engine_text_hex() { echo "CASE WHEN $1 IS NULL THEN NULL ELSE lower(hex(CAST($1 AS BLOB))) END"; }
engine_blob_hex() { echo "CASE WHEN $1 IS NULL THEN NULL ELSE lower(hex($1)) END"; }

engine_fresh() {
  local file
  file=$(retort_sqlite_file "$1") || return 1
  rm -f "$file" "$file-journal" "$file-wal" "$file-shm"
  # Creating the empty file makes a failed first script still leave a database to inspect.
  sqlite3 -bail "$file" "PRAGMA user_version;" >/dev/null
}

engine_drop() {
  local file
  file=$(retort_sqlite_file "$1") || return 1
  rm -f "$file" "$file-journal" "$file-wal" "$file-shm"
}

engine_apply() {
  local file
  file=$(retort_sqlite_file "$1") || return 1
  sqlite3 -bail -batch "$file" <"$2" >/dev/null
}

engine_dump() {
  local file
  file=$(retort_sqlite_file "$1") || return 1
  sqlite3 -bail -batch -noheader -list "$file" \
    "SELECT sql || ';' FROM sqlite_schema
      WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\_%' ESCAPE '\\'
      ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name"
}

engine_query() {
  local file
  file=$(retort_sqlite_file "$1") || return 1
  sqlite3 -bail -batch -noheader -list -separator "$(printf '\t')" -nullvalue '' "$file" "$2"
}

engine_tables() {
  engine_query "$1" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\\'
                     ORDER BY name"
}
