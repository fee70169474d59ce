#!/usr/bin/env bash
# The styles `retort import alembic` refuses (docs/import.md, "Hand work"):
#
#   refused.sh RETORT PROJECT
#
# PROJECT/expected_hand_work.txt has a `summary` line (the last line the
# import must print) and one line per diagnostic, `FILE:LINE[:COL]: TEXT`:
# the import's stderr must have a diagnostic at FILE:LINE[:COL] whose message
# (or a note of it) contains TEXT. The import must exit 1, and `retort check` on what it wrote
# must fail with `hand work left` (hand_work) on the todo of each file named
# there.
# No engine is needed.
set -euo pipefail
RETORT=$1
PROJECT=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -x "$RETORT" ] || fail "retort binary not found: $RETORT"
expected=$PROJECT/expected_hand_work.txt
WORK=$(mktemp -d "${TMPDIR:-/tmp}/retort-refused.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

status=0
"$RETORT" import alembic "$PROJECT" "$WORK/out" >"$WORK/stdout" 2>"$WORK/stderr" || status=$?
cat "$WORK/stderr" "$WORK/stdout" >&2
[ "$status" = 1 ] || fail "import exited $status, not 1"

want=$(sed -n 's/^summary //p' "$expected")
got=$(tail -1 "$WORK/stdout")
[ "$got" = "$want" ] || fail "last line is '$got', not '$want'"

files=()
n=0
while IFS= read -r line; do
  case $line in "" | "#"* | "summary "*) continue ;; esac
  at=${line%%: *}
  text=${line#*: }
  # The diagnostics at the place, each with its source lines and notes.
  awk -v at="$at:" '/^[^ ]/ && !/^retort: note:/ && !/^ *[0-9]* \|/ { keep = index($0, at) > 0 } keep' \
    "$WORK/stderr" | grep -qF -- "$text" ||
    fail "no diagnostic at $at containing '$text'"
  files+=("$(basename "${at%%:*}" .py)")
  n=$((n + 1))
done <"$expected"
[ "$n" -gt 0 ] || fail "$expected lists no diagnostic"

status=0
"$RETORT" -C "$WORK/out" check >"$WORK/check.out" 2>&1 || status=$?
cat "$WORK/check.out" >&2
[ "$status" != 0 ] || fail "retort check passed on a project with todo statements"
for f in $(printf '%s\n' "${files[@]}" | sort -u); do
  grep -q "error: hand work left: .*$f\.py:" "$WORK/check.out" || fail "retort check does not report the todo of $f.py"
done
echo "refused: $n diagnostics at their lines; check fails on the todos"
