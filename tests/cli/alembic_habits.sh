#!/usr/bin/env bash
# alembic_habits.sh RETORT SAMPLES_DIR
# What people coming from Alembic type gets a usage error (exit 2) with a
# note that says what to type instead; --version names the commit.
set -uo pipefail
R=$1 SAMPLES=$2
failures=0
err_file=$(mktemp)
trap 'rm -f "$err_file"' EXIT
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# exit status | stderr must contain | arguments
cases=(
  "2|note: offline there is no current revision to count from; 1 step down from the heads is 'retort downgrade heads:-1'|downgrade -1"
  "2|is 'retort downgrade heads:-3', from the revision in the version table 'retort downgrade START:-3'|downgrade -3"
  "2|note: --sql is what every script command does: retort upgrade prints SQL and never connects|upgrade heads --sql"
  "2|note: --sql is what every script command does: retort downgrade prints SQL|downgrade heads:base --sql"
  "2|note: --sql is what every script command does: retort stamp|stamp heads --sql"
  "2|unknown command 'current'|current"
  "2|note: retort works offline and cannot read the database; its current revision is in the version table|current"
)
for row in "${cases[@]}"; do
  IFS='|' read -r want text args <<<"$row"
  # shellcheck disable=SC2086
  "$R" -C "$SAMPLES/school" $args >/dev/null 2>"$err_file" ; got=$?
  [ "$got" = "$want" ] || fail "retort $args: exit $got, expected $want"
  grep -qF -- "$text" "$err_file" || { fail "retort $args: stderr lacks: $text"; cat "$err_file" >&2; }
done

# Near misses: no hint where none belongs.
"$R" -C "$SAMPLES/school" upgrade -x >/dev/null 2>"$err_file"
[ $? = 2 ] || fail "upgrade -x: expected exit 2"
grep -q "note:" "$err_file" && fail "upgrade -x got a hint: $(cat "$err_file")"
"$R" -C "$SAMPLES/school" frobnicate >/dev/null 2>"$err_file"
grep -q "note:" "$err_file" && fail "an unknown command got a hint: $(cat "$err_file")"
"$R" -C "$SAMPLES/school" downgrade heads:-1 >/dev/null 2>"$err_file" || fail "downgrade heads:-1 failed: $(cat "$err_file")"

# --version: the version and a commit (12 hex digits, maybe -dirty) or "unknown".
v=$("$R" --version)
[[ "$v" =~ ^retort\ [0-9]+\.[0-9]+\.[0-9]+\ \(commit\ ([0-9a-f]{12}(-dirty)?|unknown)\)$ ]] \
  || fail "--version printed '$v'"

[ $failures = 0 ] && echo "alembic_habits: all cases pass"
exit $((failures > 0))
