#!/usr/bin/env bash
# golden.sh RETORT SAMPLE_DIR GOLDEN_DIR VARIANT
# Regenerates `upgrade base:heads` and `downgrade heads:base` for one sample
# and variant (variants.txt) and compares them byte for byte with
# GOLDEN_DIR/<sample>/<variant>/{upgrade,downgrade}.sql, printing a unified
# diff. UPDATE_GOLDENS=1 rewrites the files instead (CI never sets it).
set -euo pipefail
retort=$1 sample_dir=$2 golden_root=$3 variant=$4
here=$(cd "$(dirname "$0")" && pwd)
sample=$(basename "$sample_dir")
line=$(grep -E "^$variant[[:space:]]" "$here/variants.txt" | head -1 || true)
[ -n "$line" ] || { echo "FAIL: no variant '$variant' in variants.txt" >&2; exit 1; }
read -r -a words <<<"$line"
dialect=${words[1]}
global=() command=()
target=global
for w in "${words[@]:2}"; do
  if [ "$w" = "--" ]; then target=command; continue; fi
  w=${w//\{sample\}/$sample_dir}
  if [ $target = global ]; then global+=("$w"); else command+=("$w"); fi
done
dir=$golden_root/$sample/$variant

if [ "${UPDATE_GOLDENS:-}" = "1" ]; then
  [ "${CI:-}" = "true" ] && { echo "FAIL: UPDATE_GOLDENS is set in CI" >&2; exit 1; }
  mkdir -p "$dir"
  for cmd in "upgrade base:heads" "downgrade heads:base"; do
    set -- $cmd
    "$retort" -C "$sample_dir" "${global[@]}" "$1" "$2" -d "$dialect" "${command[@]}" -o "$dir/$1.sql" ||
      { echo "FAIL: retort $cmd failed for $sample ($variant)" >&2; exit 1; }
  done
  echo "updated $dir"
  exit 0
fi

if [ ! -d "$dir" ]; then
  # A dialect's own variant (variant name = dialect) is required for every
  # sample; other variants (flavors) only where their folder exists.
  if [ "$variant" = "$dialect" ]; then
    echo "FAIL: no golden folder $dir: every sample needs one (UPDATE_GOLDENS=1 creates it)" >&2
    exit 1
  fi
  echo "SKIP: no golden folder $dir (UPDATE_GOLDENS=1 creates it)"
  exit 77
fi
status=0
for cmd in "upgrade base:heads" "downgrade heads:base"; do
  set -- $cmd
  if [ ! -e "$dir/$1.sql" ]; then echo "FAIL: $dir/$1.sql is missing" >&2; status=1; continue; fi
  "$retort" -C "$sample_dir" "${global[@]}" "$1" "$2" -d "$dialect" "${command[@]}" --check "$dir/$1.sql" || {
    echo "FAIL: $sample ($variant): retort $cmd differs from $dir/$1.sql (UPDATE_GOLDENS=1 rewrites it)" >&2
    status=1
  }
done
[ $status = 0 ] && echo "ok: $sample ($variant) matches its goldens"
exit $status
