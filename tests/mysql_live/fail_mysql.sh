#!/usr/bin/env bash
# `retort upgrade -d mysql` on fail_mysql/: exit 1, no script, and exactly
# the diagnostics of fail_mysql/expected.txt (file:line:col, source line,
# caret). RETORT_UPDATE_GOLDEN=1 rewrites expected.txt.
set -uo pipefail
retort=$1
dir=$(cd "$(dirname "$0")" && pwd)/fail_mysql
work=$(mktemp -d "${TMPDIR:-/tmp}/retort-mysql-fail.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$retort" -C "$dir" upgrade head -d mysql >"$work/out.sql" 2>"$work/err.txt"
status=$?
if [ "${RETORT_UPDATE_GOLDEN:-}" = 1 ]; then cp "$work/err.txt" "$dir/expected.txt"; fi
[ "$status" = 1 ] || { echo "FAIL: exit status $status, expected 1"; exit 1; }
[ ! -s "$work/out.sql" ] || { echo "FAIL: a script was printed despite the errors"; exit 1; }
diff -u "$dir/expected.txt" "$work/err.txt" || { echo "FAIL: diagnostics differ from expected.txt"; exit 1; }
echo "ok: $(grep -c ': error: ' "$work/err.txt") errors as expected"
