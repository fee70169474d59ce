#!/bin/sh
# run_fail_sample.sh RETORT SAMPLE_DIR
# Runs `RETORT -C SAMPLE_DIR check`; passes when it exits 1 and its stderr
# equals SAMPLE_DIR/expected.txt byte for byte. With RETORT_UPDATE_GOLDEN=1
# it rewrites expected.txt instead (review the diff before committing).
retort="$1"
dir="$2"
if [ ! -x "$retort" ] || [ ! -d "$dir" ]; then
    echo "usage: run_fail_sample.sh RETORT SAMPLE_DIR" >&2
    exit 2
fi
actual="$(mktemp)"
trap 'rm -f "$actual"' EXIT
"$retort" -C "$dir" check >/dev/null 2>"$actual"
status=$?
if [ "${RETORT_UPDATE_GOLDEN:-}" = 1 ]; then
    cat "$actual" > "$dir/expected.txt"
    echo "updated $dir/expected.txt"
fi
failed=0
if [ "$status" -ne 1 ]; then
    echo "FAIL: $dir: exit status $status, expected 1"
    failed=1
fi
if [ ! -f "$dir/expected.txt" ]; then
    echo "FAIL: $dir/expected.txt is missing; the actual stderr was:"
    cat "$actual"
    exit 1
fi
if ! cmp -s "$dir/expected.txt" "$actual"; then
    echo "FAIL: $dir: stderr differs from expected.txt:"
    diff -u "$dir/expected.txt" "$actual"
    failed=1
fi
[ "$failed" -eq 0 ] && echo "ok: $dir"
exit "$failed"
