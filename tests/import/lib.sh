# Shared by the import corpus scripts (tests/import/, docs/testing.md).
# Source it after tests/live/lib.sh and live_init: it adds
#   PY                    the Python that has Alembic (/usr/bin/python3)
#   corpus_url DB         the SQLAlchemy URL of database DB on $ENGINE
#   alembic_in DIR DB ARGS...   python3 -m alembic -c DIR/alembic.ini ARGS against DB
#   corpus_catalog DB     the engine's own account of the schema and the
#                         version rows, normalized to compare two databases
IMPORT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CORPUS=$IMPORT_DIR/corpus
PY=/usr/bin/python3
"$PY" -c 'import alembic' 2>/dev/null || fail "Alembic does not import under $PY (apt-get install python3-alembic)"

corpus_url() {
  case $ENGINE in
    postgresql) echo "postgresql+psycopg2://${RETORT_PG_USER:-postgres}@${RETORT_PG_HOST:-127.0.0.1}:$RETORT_PG_PORT/$1" ;;
    mariadb)
      if [ -n "${RETORT_MYSQL_SOCKET:-}" ]; then
        echo "mysql+pymysql://${RETORT_MYSQL_USER:-retort}@localhost/$1?unix_socket=$RETORT_MYSQL_SOCKET&charset=utf8mb4"
      else
        echo "mysql+pymysql://${RETORT_MYSQL_USER:-retort}@${RETORT_MYSQL_HOST:-127.0.0.1}:$RETORT_MYSQL_PORT/$1?charset=utf8mb4"
      fi ;;
    sqlite) echo "sqlite:///$(retort_sqlite_file "$1")" ;;
  esac
}

alembic_in() {
  local dir=$1 db=$2; shift 2
  (cd "$dir" && RETORT_CORPUS_URL=$(corpus_url "$db") "$PY" -m alembic -c alembic.ini "$@")
}

# MariaDB lists a table's plain keys in the order they were made, which
# differs between two tools that make the same keys (a re-created foreign key
# moves its index to the end): the KEY lines of a table are compared as a set.
corpus_sort_key_lines() {
  "$PY" -c '
import sys
keys = []
for line in sys.stdin:
    if line.startswith("  KEY "):
        keys.append(line)
        continue
    sys.stdout.writelines(sorted(keys)); keys = []
    sys.stdout.write(line)
sys.stdout.writelines(sorted(keys))'
}

corpus_catalog() {
  local db=$1
  case $ENGINE in
    sqlite)
      "$PY" "$IMPORT_DIR/../handover/sqlite_catalog.py" "$(retort_sqlite_file "$db")"
      echo "-- views"
      engine_query "$db" "SELECT name, sql FROM sqlite_schema WHERE type = 'view' ORDER BY name" ;;
    mariadb) engine_dump "$db" | corpus_sort_key_lines ;;
    *) engine_dump "$db" ;;
  esac
  echo "-- version rows"
  engine_query "$db" "SELECT version_num FROM alembic_version ORDER BY 1"
}
