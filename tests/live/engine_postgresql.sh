# Live-test adapter for PostgreSQL (see lib.sh). Reads RETORT_PG_HOST,
# RETORT_PG_PORT, RETORT_PG_USER as printed by scripts/engine_postgresql.sh.
ENGINE_DIALECT=postgresql

_pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$d" ] && [ -x "$d/psql" ]; then echo "$d"; else dirname "$(command -v psql)"; fi
}
PG_BIN=$(_pg_bin)

_pg_conn() { echo "-h ${RETORT_PG_HOST:-127.0.0.1} -p $RETORT_PG_PORT -U ${RETORT_PG_USER:-postgres}"; }
# shellcheck disable=SC2046
_psql() { PGOPTIONS='-c client_min_messages=warning' "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 $(_pg_conn) "$@"; }

engine_check() {
  [ -n "${RETORT_PG_PORT:-}" ] || { echo "RETORT_PG_PORT is not set"; return 1; }
  [ -x "$PG_BIN/psql" ] || { echo "psql is not installed"; return 1; }
  _psql -d postgres -Atc "SELECT 1" >/dev/null 2>&1 || { echo "cannot connect to PostgreSQL on port $RETORT_PG_PORT"; return 1; }
}

engine_fresh() {
  _psql -d postgres -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" -c "CREATE DATABASE \"$1\" TEMPLATE template0 ENCODING 'UTF8'" >/dev/null
}

engine_drop() { _psql -d postgres -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null; }

engine_apply() { _psql -d "$1" -f "$2" >/dev/null; }

# pg_dump --schema-only without comments, SET lines, the random \restrict keys
# of recent pg_dump releases, and blank-line runs.
engine_dump() {
  # shellcheck disable=SC2046
  "$PG_BIN/pg_dump" $(_pg_conn) --schema-only --no-owner --no-privileges "$1" |
    sed -e '/^--/d' -e '/^SET /d' -e '/^SELECT pg_catalog.set_config/d' -e '/^\\restrict /d' -e '/^\\unrestrict /d' |
    cat -s
}

engine_query() { _psql -d "$1" -A -t -F $'\t' -c "$2"; }

engine_tables() {
  engine_query "$1" "SELECT tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"
}

engine_text_hex() { echo "encode(convert_to($1, 'UTF8'), 'hex')"; }
engine_blob_hex() { echo "encode($1, 'hex')"; }
