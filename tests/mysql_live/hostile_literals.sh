#!/usr/bin/env bash
# samples/hostile_literals, upgraded on MariaDB, reads back byte for byte what
# the .mig file says (hostile_expected.py, written without retort's renderer).
set -euo pipefail
source "$(dirname "$0")/common.sh" "$1" "$2"
retort_script "$work/up.sql" -C "$src/samples/hostile_literals" upgrade head -d mariadb
engine_apply "$db" "$work/up.sql" || fail "the upgrade did not apply"
retort_mysql_client --batch --raw --skip-column-names "$db" -e "
  SELECT id, HEX(body), HEX(title), qty, big, price, flag, day, stamp, HEX(payload)
  FROM hostile_values ORDER BY id" >"$work/actual.tsv"
python3 "$src/tests/mysql_live/hostile_expected.py" >"$work/expected.tsv"
diff -u "$work/expected.tsv" "$work/actual.tsv" >&2 || fail "values read back differ from the .mig file"
echo "ok: $(wc -l <"$work/actual.tsv") rows read back byte for byte"
