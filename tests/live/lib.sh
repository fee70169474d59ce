# Shared by the live-engine tests (docs/testing.md). Source it, then call
#   live_init ENGINE RETORT_BINARY
# which loads the engine adapter tests/live/engine_<ENGINE>.sh, skips the
# test (exit 77) when the engine's settings are missing -- or fails when
# CI=true -- and makes a scratch folder $WORK removed on exit.
#
# An adapter defines ENGINE_DIALECT (the retort dialect) and the functions
#   engine_check          0 when the server settings are present, else prints why
#   engine_fresh DB       drop (if present) and create an empty database
#   engine_apply DB FILE  apply a script; non-zero on the first error
#   engine_dump DB        normalized, deterministic schema dump on stdout
#   engine_query DB SQL   result rows, tab-separated, on stdout
#   engine_tables DB      the table names, sorted, one a line
#   engine_drop DB        remove the database (cleanup)
#   engine_text_hex COL   SQL: hex of the UTF-8 bytes of text column COL (lower case)
#   engine_blob_hex COL   SQL: hex of binary column COL (lower case)
set -euo pipefail

LIVE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

fail() { echo "FAIL: $*" >&2; exit 1; }
note() { echo "-- $*" >&2; }

live_init() {
  ENGINE=$1
  RETORT=$2
  [ -x "$RETORT" ] || fail "retort binary not found: $RETORT"
  local adapter="$LIVE_DIR/engine_$ENGINE.sh"
  if [ ! -e "$adapter" ]; then
    [ "${CI:-}" = "true" ] && fail "no adapter $adapter"
    echo "SKIP: no adapter for $ENGINE yet"; exit 77
  fi
  # shellcheck source=/dev/null
  source "$adapter"
  local why
  if ! why=$(engine_check 2>&1); then
    if [ "${CI:-}" = "true" ]; then fail "$ENGINE is not available: $why"; fi
    echo "SKIP: $ENGINE is not available: $why (start it with scripts/engine_$ENGINE.sh, or run scripts/test.sh)"
    exit 77
  fi
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/retort-live.XXXXXX")
  LIVE_DBS=()
  trap live_cleanup EXIT
}

live_cleanup() {
  local db
  if [ "${KEEP_LIVE:-}" != "1" ]; then
    for db in "${LIVE_DBS[@]}"; do engine_drop "$db" >/dev/null 2>&1 || true; done
    rm -rf "$WORK"
  else
    echo "kept $WORK and databases ${LIVE_DBS[*]}" >&2
  fi
}

# new_db TAG: a fresh database named rt_<tag>_<pid>, in $DB (not a
# subshell: the name must reach the cleanup list).
new_db() {
  DB="rt_$(echo "$1" | tr -c 'a-zA-Z0-9_\n' '_' | tr 'A-Z' 'a-z')_$$"
  LIVE_DBS+=("$DB")
  engine_fresh "$DB"
}

# retort with the engine's dialect: gen SAMPLE_DIR COMMAND ARGS... > file
gen() {
  local sample=$1; shift
  local cmd=$1; shift
  "$RETORT" -C "$sample" "$cmd" -d "$ENGINE_DIALECT" "$@"
}

# The revisions of a script in order, from its "-- Running upgrade A -> B" lines.
script_revisions() {
  sed -n 's/^-- Running \(upgrade\|downgrade\) .*-> *\([A-Za-z0-9_]*\)$/\2/p' "$1"
}

# The version table of a sample (retort.yaml version_table, default
# alembic_version): its bare name, and the name to query it by (qualified
# with version_table_schema when that is set).
version_table() {
  local t
  t=$(sed -n 's/^version_table: *"\{0,1\}\([A-Za-z0-9_]*\).*/\1/p' "$1/retort.yaml" | head -1)
  echo "${t:-alembic_version}"
}
version_table_query() {
  local t s
  t=$(version_table "$1")
  s=$(sed -n 's/^version_table_schema: *"\{0,1\}\([A-Za-z0-9_]*\).*/\1/p' "$1/retort.yaml" | head -1)
  if [ -n "$s" ] && [ "$s" != null ]; then echo "$s.$t"; else echo "$t"; fi
}

apply_or_fail() {
  local db=$1 file=$2 what=$3
  local out
  if ! out=$(engine_apply "$db" "$file" 2>&1); then
    echo "$out" >&2
    fail "$what: applying $file to $ENGINE failed"
  fi
}
