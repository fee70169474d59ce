#!/usr/bin/env bash
# hostile_literals.sh RETORT ENGINE SAMPLES_DIR
# Applies samples/hostile_literals and reads every value back: text and
# binary byte for byte against hostile_literals_expected.py (written by hand,
# not by retort); on PostgreSQL also the typed columns.
source "$(dirname "$0")/lib.sh"
live_init "$2" "$1"
SAMPLE=$3/hostile_literals
gen "$SAMPLE" upgrade base:heads >"$WORK/up.sql" || fail "retort upgrade failed"
new_db hostile; db=$DB
apply_or_fail "$db" "$WORK/up.sql" "hostile literals"
nullhex() { echo "coalesce($1, 'NULL')"; }
typed="''"
if [ "$ENGINE" = postgresql ]; then
  typed="concat_ws('|', coalesce(qty::text, 'NULL'), coalesce(big::text, 'NULL'), coalesce(price::text, 'NULL'), coalesce(flag::text, 'NULL'), coalesce(day::text, 'NULL'), coalesce(stamp::text, 'NULL'))"
fi
engine_query "$db" "SELECT id, $(nullhex "$(engine_text_hex body)"), $(nullhex "$(engine_text_hex title)"), $(nullhex "$(engine_blob_hex payload)"), $typed FROM hostile_values ORDER BY id" >"$WORK/rows.tsv"
python3 - "$WORK/rows.tsv" "$LIVE_DIR" "$ENGINE" <<'PY'
import sys
sys.path.insert(0, sys.argv[2])
import hostile_literals_expected as exp
engine = sys.argv[3]
rows = {}
for line in open(sys.argv[1], encoding="ascii"):
    parts = line.rstrip("\n").split("\t")
    rows[int(parts[0])] = parts[1:]
errors = []
if sorted(rows) != sorted(exp.TEXT):
    errors.append(f"ids {sorted(rows)} != {sorted(exp.TEXT)}")
def unhex(h):
    return None if h == "NULL" else bytes.fromhex(h)
for i, (body, title) in exp.TEXT.items():
    if i not in rows:
        continue
    got_body, got_title, got_payload, typed = rows[i]
    for col, want, got in (("body", body, got_body), ("title", title, got_title)):
        if unhex(got) != want.encode("utf-8"):
            errors.append(f"row {i} {col}: stored {unhex(got)!r}, the .mig says {want.encode('utf-8')!r}")
    if unhex(got_payload) != exp.BINARY[i]:
        errors.append(f"row {i} payload: stored {unhex(got_payload)!r}, the .mig says {exp.BINARY[i]!r}")
    if engine == "postgresql":
        want = tuple("NULL" if v is None else v for v in exp.POSTGRESQL[i])
        got = tuple(typed.split("|"))
        if got != want:
            errors.append(f"row {i} typed columns: stored {got}, the .mig says {want}")
for e in errors:
    print("FAIL:", e, file=sys.stderr)
sys.exit(1 if errors else 0)
PY
echo "ok: every hostile literal reads back identical on $ENGINE"
