# Shared by the MySQL live tests: the adapter, the skip rule, a fresh database.
#   source common.sh RETORT_BINARY SOURCE_DIR
retort=$1
src=$2
# shellcheck source=../live/engine_mariadb.sh
source "$src/tests/live/engine_mariadb.sh"

if ! engine_available; then
  if [ "${CI:-}" = true ]; then
    echo "FAIL: CI=true but RETORT_MYSQL_SOCKET/RETORT_MYSQL_PORT are not set (start scripts/engine_mariadb.sh)" >&2
    exit 1
  fi
  echo "SKIP: no MariaDB/MySQL server (set RETORT_MYSQL_SOCKET or run scripts/engine_mariadb.sh start)" >&2
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/retort-mysql-live.XXXXXX")
db="retort_$(basename "$0" .sh)_$$"
cleanup() { engine_drop "$db" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
engine_fresh "$db"

fail() { echo "FAIL: $*" >&2; exit 1; }

# retort_script OUT ARGS...: compile a script with retort, failing loudly.
retort_script() {
  local out=$1; shift
  "$retort" "$@" >"$out" 2>"$work/stderr" || { cat "$work/stderr" >&2; fail "retort $*"; }
}

# table_indexes TABLE: the indexes of TABLE in $db as "name(cols)", PRIMARY
# first, the others by name, on one line.
table_indexes() {
  engine_query "$db" "
    SELECT CONCAT(INDEX_NAME, '(', GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX), ')')
    FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '$1'
    GROUP BY INDEX_NAME ORDER BY INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME" | tr '\n' ' ' | sed 's/ $//'
}
