#!/usr/bin/env bash
# sum_file.sh RETORT
# retort.sum (docs/cli.md, `retort sum`): check fails on an edited file with
# the revision named, on a revision without a line and on a line without a
# revision; `retort sum` accepts on purpose; init writes an empty one;
# revision and merge keep it current; a project without one is not checked.
set -uo pipefail
R=$1
failures=0
work=$(mktemp -d "${TMPDIR:-/tmp}/retort-sum-file.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect STATUS WHAT PATTERN... -- CMD...: runs CMD, checks the exit status and
# that stdout+stderr match every PATTERN (grep -E).
expect() {
  local want=$1 what=$2; shift 2
  local patterns=()
  while [ "$1" != "--" ]; do patterns+=("$1"); shift; done
  shift
  local out status
  out=$("$@" 2>&1); status=$?
  [ "$status" = "$want" ] || fail "$what: exit $status, want $want: $out"
  local pat
  for pat in "${patterns[@]}"; do
    grep -Eq -- "$pat" <<<"$out" || fail "$what: no /$pat/ in: $out"
  done
}

p="$work/p"
expect 0 "init" 'retort.sum' -- "$R" init "$p" -d sqlite
[ -f "$p/retort.sum" ] || fail "init wrote no retort.sum"
[ -z "$(grep -v '^#' "$p/retort.sum")" ] || fail "init's retort.sum is not empty"

expect 0 "revision a" 'Recording aaaa01 in' -- "$R" -C "$p" revision -m "a" --rev-id aaaa01
expect 0 "revision b" 'Recording bbbb02 in' -- "$R" -C "$p" revision -m "b" --rev-id bbbb02
expect 0 "revision c" 'Recording cccc03 in' -- "$R" -C "$p" revision -m "c" --head aaaa01 --splice --rev-id cccc03
expect 0 "merge" 'Recording dddd04 in' -- "$R" -C "$p" merge heads -m "m" --rev-id dddd04
lines=$(grep -v '^#' "$p/retort.sum")
want=$(for id in aaaa01 bbbb02 cccc03 dddd04; do
  f=$(grep -l "^revision $id;" "$p"/versions/*.mig)
  echo "$id sha256:$(sha256sum "$f" | cut -d' ' -f1)"
done)
[ "$lines" = "$want" ] || fail "retort.sum after revision/merge:
$lines
want:
$want"
expect 0 "check, unchanged" 'checked 4 revisions: no errors' -- "$R" -C "$p" check

# An edited file: an error at its revision line, naming it, with the way out.
b=$(grep -l '^revision bbbb02;' "$p"/versions/*.mig)
bname=versions/$(basename "$b")
sed -i 's/^upgrade {/upgrade {\n    execute $$select 1$$;/' "$b"
expect 1 "check, edited" "^$bname:1:10: error: revision bbbb02 was edited after it was recorded in retort.sum" \
  'retort sum' 'retort.sum:[0-9]+:1: note: recorded here' '1 error' -- "$R" -C "$p" check
expect 0 "sum accepts" 'wrote .*retort.sum: 4 revisions' -- "$R" -C "$p" sum
expect 0 "check after sum" 'no errors' -- "$R" -C "$p" check

# A revision without a line, and a line without a revision.
cp "$p/retort.sum" "$work/sum.saved"
grep -v '^cccc03 ' "$work/sum.saved" >"$p/retort.sum"
c=$(grep -l '^revision cccc03;' "$p"/versions/*.mig)
expect 1 "check, missing line" "^versions/$(basename "$c"):1:10: error: revision cccc03 is not recorded in retort.sum" -- \
  "$R" -C "$p" check
cp "$work/sum.saved" "$p/retort.sum"
echo "eeee05 sha256:$(printf '%064d' 0)" >>"$p/retort.sum"
expect 1 "check, stale line" '^retort.sum:7:1: error: retort.sum records revision eeee05, which no project file declares' -- \
  "$R" -C "$p" check
echo "not a line" >>"$p/retort.sum"
expect 1 "check, bad line" '^retort.sum:8:1: error: a line of retort.sum is `<revision id> sha256:<64 hex digits>`' -- \
  "$R" -C "$p" check
expect 1 "revision refuses a bad sum file" 'line 8 is not' -- "$R" -C "$p" revision -m "e" --rev-id eeee06
expect 0 "sum rewrites a bad file" 'wrote .*retort.sum: 5 revisions' -- "$R" -C "$p" sum
expect 0 "check after rewrite" 'checked 5 revisions: no errors' -- "$R" -C "$p" check

# No retort.sum: not checked, and revision writes none.
rm "$p/retort.sum"
sed -i 's/select 1/select 2/' "$b"
expect 0 "no sum file: not checked" 'no errors' -- "$R" -C "$p" check
expect 0 "revision without a sum file" 'Generating' -- "$R" -C "$p" revision -m "f" --rev-id ffff07
[ -f "$p/retort.sum" ] && fail "revision created a retort.sum"

[ "$failures" = 0 ] && echo "sum_file: all passed"
exit $((failures > 0))
