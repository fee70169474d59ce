#!/usr/bin/env bash
# annotate.sh RETORT ENGINE SAMPLES_DIR
# upgrade --annotate scripts still apply on the real engine: for every sample,
# the annotated upgrade base:heads is applied to a fresh database and must give
# the same schema as the plain script; across the samples some finding must
# have been written (docs/lint.md, "upgrade --annotate").
source "$(dirname "$0")/lib.sh"
live_init "$2" "$1"
SAMPLES=$3
annotated=0
for sample in "$SAMPLES"/*/; do
  sample=${sample%/}
  name=$(basename "$sample")
  case "$name" in fail_*) continue ;; esac
  [ -e "$sample/retort.yaml" ] || continue
  gen "$sample" upgrade base:heads >"$WORK/plain.sql" || continue  # a sample this dialect refuses
  gen "$sample" upgrade base:heads --annotate >"$WORK/annotated.sql" || fail "$name: --annotate failed"
  n=$(grep -c '^-- lint: ' "$WORK/annotated.sql" || true)
  want=$("$RETORT" -C "$sample" lint -d "$ENGINE_DIALECT" --format json --fail-on never |
         /usr/bin/python3 -c 'import json, sys; print(len(json.load(sys.stdin)["findings"]))')
  [ "$n" = "$want" ] || fail "$name: $n lint comments for $want findings"
  annotated=$((annotated + n))
  new_db "${name}_plain"; apply_or_fail "$DB" "$WORK/plain.sql" "$name plain"
  engine_dump "$DB" >"$WORK/plain.dump"
  new_db "${name}_ann"; apply_or_fail "$DB" "$WORK/annotated.sql" "$name annotated"
  engine_dump "$DB" >"$WORK/annotated.dump"
  diff -u "$WORK/plain.dump" "$WORK/annotated.dump" >&2 || fail "$name: the annotated script gives another schema"
  note "$name: $n lint comment(s), applied"
done
[ "$annotated" -gt 0 ] || fail "no sample got a lint comment"
echo "annotate: ok ($annotated lint comments)"
