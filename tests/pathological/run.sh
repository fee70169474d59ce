#!/usr/bin/env bash
# run.sh RETORT KIND N STATUS -- RETORT_ARGS... [-- CHECKS...]
# Generates the pathological project KIND of size N (gen.py) into a temporary
# folder, runs `RETORT -C DIR RETORT_ARGS...`, and passes when it exits with
# STATUS and every check holds on its output (stdout and stderr together):
#   has:TEXT        a line contains TEXT
#   count:K:REGEX   exactly K lines match the extended regex REGEX
# It prints the time the run took.
set -uo pipefail
R=$1 KIND=$2 N=$3 WANT=$4
shift 4
[ "${1:-}" = -- ] && shift
args=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do args+=("$1"); shift; done
[ "${1:-}" = -- ] && shift
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$(dirname "$0")/gen.py" "$dir" "$KIND" "$N" || { echo "FAIL: gen.py $KIND $N"; exit 1; }
start=$(date +%s.%N)
"$R" -C "$dir" "${args[@]}" >"$dir/out.txt" 2>&1
got=$?
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
echo "$KIND $N: retort ${args[*]}: exit $got in ${elapsed}s"
failed=0
[ "$got" = "$WANT" ] || { echo "FAIL: exit status $got, expected $WANT"; failed=1; }
for check in "$@"; do
  case $check in
    has:*)
      grep -qF -- "${check#has:}" "$dir/out.txt" || { echo "FAIL: no line contains: ${check#has:}"; failed=1; } ;;
    count:*)
      rest=${check#count:} want=${rest%%:*} re=${rest#*:}
      n=$(grep -cE -- "$re" "$dir/out.txt")
      [ "$n" = "$want" ] || { echo "FAIL: $n lines match /$re/, expected $want"; failed=1; } ;;
    *) echo "FAIL: unknown check $check"; failed=1 ;;
  esac
done
if [ "$failed" != 0 ]; then
  echo "--- output (first 40 lines, cut at 300 characters):"
  head -40 "$dir/out.txt" | cut -c1-300
fi
exit "$failed"
