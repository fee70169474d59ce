#!/usr/bin/env bash
# Regenerates the autogenerate corpus (docs/testing.md): for ENGINE, a fresh
# database; then for each model step N (tests/import/corpus/autogen/models/
# step_N.py) `alembic upgrade heads` and `alembic revision --autogenerate`
# with revision id <e>NN, online against the live engine. The versions written
# are committed as fixtures: CI does not run this script.
#
#   make_autogen.sh RETORT ENGINE        ENGINE: postgresql | mariadb | sqlite
#
# Needs the engine started (scripts/engine_<engine>.sh, settings in the
# environment) and Alembic under /usr/bin/python3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../live/lib.sh
source "$here/../live/lib.sh"
live_init "$2" "$1"
# shellcheck source=lib.sh
source "$here/lib.sh"
project=$CORPUS/autogen/$ENGINE
models=$CORPUS/autogen/models
prefix=${ENGINE:0:1}g
new_db autogen
rm -f "$project"/versions/*.py
n=1
while [ -e "$models/step_$n.py" ]; do
  message=$(sed -n '1s/^"""\(.*\)"""$/\1/p' "$models/step_$n.py")
  rev=$(printf '%s%02d' "$prefix" "$n")
  alembic_in "$project" "$DB" upgrade heads
  RETORT_CORPUS_MODEL=$models/step_$n.py alembic_in "$project" "$DB" revision --autogenerate --rev-id "$rev" -m "$message" >&2
  n=$((n + 1))
done
alembic_in "$project" "$DB" upgrade heads
echo "make_autogen $ENGINE: $((n - 1)) revisions in $project/versions"
