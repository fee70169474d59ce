#!/usr/bin/env bash
# retort lint (docs/lint.md): text with codes, --format json and sarif parsed
# back with Python, --fail-on exit codes, accept directives, per-dialect
# rules, and upgrade --annotate.
#   lint.sh RETORT
set -euo pipefail
retort=$1
py=/usr/bin/python3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$work/p/versions"
cat >"$work/p/retort.yaml" <<'YAML'
versions: [versions]
dialect: postgresql
YAML
cat >"$work/p/versions/a1.mig" <<'MIG'
revision aaaa0001;
down_revision none;
upgrade {
    create table accounts (id integer primary key, balance integer, note text);
    create index ix_accounts_balance on accounts (balance);
}
downgrade auto;
MIG
cat >"$work/p/versions/a2.mig" <<'MIG'
revision aaaa0002;
down_revision aaaa0001;
upgrade {
    create index ix_accounts_id on accounts (id);
    -- lint: accept lint_drop_column 'nothing reads the note since release 41'
    alter table accounts drop column note;
    alter table accounts alter column balance type bigint;
}
MIG
p="$work/p"

# text: the findings of aaaa0002 only (aaaa0001 creates its table), with codes
set +e
"$retort" -C "$p" lint >"$work/out" 2>"$work/err"; status=$?
set -e
[ $status = 1 ] || fail "lint: exit $status, expected 1 (warnings reach --fail-on warning)"
grep -q '^versions/a2.mig:4:5: warning: .*\[lint_no_lock_timeout\]$' "$work/err" || fail "no lock timeout finding"
grep -q '^versions/a2.mig:4:5: warning: create index "ix_accounts_id" on existing table "accounts" without concurrently .*\[lint_index_not_concurrent\]$' "$work/err" ||
  fail "index finding: $(cat "$work/err")"
grep -q '^versions/a2.mig:7:26: warning: .*\[lint_table_rewrite\]$' "$work/err" || fail "rewrite finding: $(cat "$work/err")"
grep -q 'lint_drop_column' "$work/err" && fail "an accepted finding printed"
grep -q 'a1.mig' "$work/err" && fail "a finding on a table created in its revision"
grep -q '^retort: note: write `create index concurrently`' "$work/err" || fail "no note with the safe way"
[ "$(cat "$work/out")" = "lint base:heads for postgresql 15.0.0: 0 errors, 3 warnings, 1 accepted" ] ||
  fail "summary: $(cat "$work/out")"

# --fail-on
"$retort" -C "$p" lint --fail-on error >/dev/null 2>&1 || fail "--fail-on error: no error, exit must be 0"
"$retort" -C "$p" lint --fail-on never >/dev/null 2>&1 || fail "--fail-on never must exit 0"
set +e
"$retort" -C "$p" lint --fail-on sometimes >/dev/null 2>&1; s=$?
"$retort" -C "$p" lint --format xml >/dev/null 2>&1; f=$?
"$retort" -C "$p" lint -d oracle >/dev/null 2>&1; d=$?
"$retort" -C "$p" lint a b >/dev/null 2>&1; r=$?
set -e
[ "$s$f$d$r" = 2222 ] || fail "usage errors must exit 2, got $s $f $d $r"
"$retort" lint --help >"$work/help"
grep -q 'usage: retort .*lint \[RANGE\]' "$work/help" || fail "--help"

# json, parsed back
set +e
"$retort" -C "$p" lint --format json >"$work/lint.json" 2>"$work/err"; status=$?
set -e
[ $status = 1 ] || fail "json: exit $status"
[ -s "$work/err" ] && fail "json: something on stderr"
$py -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert list(d) == ["ok", "range", "dialect", "server", "version", "errors", "warnings", "accepted", "findings", "diagnostics"], list(d)
assert d["ok"] and d["server"] == "postgresql" and d["version"] == "15.0.0", d
assert (d["errors"], d["warnings"], d["accepted"]) == (0, 3, 1), d
codes = [f["code"] for f in d["findings"]]
assert codes == ["lint_no_lock_timeout", "lint_index_not_concurrent", "lint_drop_column", "lint_table_rewrite"], codes
drop = d["findings"][2]
assert drop["accepted"] is True and drop["reason"] == "nothing reads the note since release 41", drop
assert drop["severity"] == "error" and drop["file"] == "versions/a2.mig" and drop["line"] == 6, drop
assert drop["revision"] == "aaaa0002" and drop["notes"][0]["message"], drop
assert all(f["accepted"] is False and f["reason"] is None for f in d["findings"] if f["code"] != "lint_drop_column")
assert list(d["findings"][0]) == ["file", "line", "column", "severity", "code", "message", "notes", "revision", "accepted", "reason"]
' "$work/lint.json" || fail "json"

# sarif, parsed back
"$retort" -C "$p" lint --format sarif --fail-on never >"$work/lint.sarif"
$py -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == "2.1.0"
run = d["runs"][0]
drv = run["tool"]["driver"]
assert drv["name"] == "retort"
ids = [r["id"] for r in drv["rules"]]
assert "lint_index_not_concurrent" in ids and "lint_drop_column" in ids
res = run["results"]
assert [r["ruleId"] for r in res] == ["lint_no_lock_timeout", "lint_index_not_concurrent", "lint_drop_column", "lint_table_rewrite"]
for r in res:
    assert ids[r["ruleIndex"]] == r["ruleId"]
    assert r["level"] in ("error", "warning") and r["message"]["text"]
    loc = r["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "versions/a2.mig"
    assert loc["region"]["startLine"] >= 4 and loc["region"]["startColumn"] >= 1
assert res[2]["level"] == "error" and res[2]["suppressions"][0]["justification"].startswith("nothing reads")
assert "suppressions" not in res[1]
assert res[3]["locations"][0]["physicalLocation"]["region"] == {"startLine": 7, "startColumn": 26}
' "$work/lint.sarif" || fail "sarif"

# an open data-loss finding is an error: --fail-on error exits 1
sed -i '/-- lint: accept/d' "$p/versions/a2.mig"
set +e
"$retort" -C "$p" lint --fail-on error >/dev/null 2>"$work/err"; status=$?
set -e
[ $status = 1 ] || fail "--fail-on error with a drop column: exit $status"
grep -q '^versions/a2.mig:5:26: error: drop column "note" .*\[lint_drop_column\]$' "$work/err" || fail "drop column error: $(cat "$work/err")"

# a bad directive is an input error whatever --fail-on says
sed -i 's/^    alter table accounts drop column note;/    -- lint: accept lint_nothing "x"\n&/' "$p/versions/a2.mig"
set +e
"$retort" -C "$p" lint --fail-on never >/dev/null 2>"$work/err"; status=$?
set -e
[ $status = 1 ] || fail "bad directive: exit $status"
grep -q "^versions/a2.mig:5:5: error: 'lint_nothing' is not a lint code.*\[lint_accept_invalid\]$" "$work/err" ||
  fail "bad directive: $(cat "$work/err")"
set +e
"$retort" -C "$p" lint --format json --fail-on never >"$work/bad.json" 2>/dev/null; status=$?
set -e
[ $status = 1 ] || fail "bad directive, json: exit $status"
$py -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert list(d) == ["ok", "diagnostics"] and d["ok"] is False, d
assert [x["code"] for x in d["diagnostics"] if x["severity"] == "error"] == ["lint_accept_invalid"], d
' "$work/bad.json" || fail "bad directive, json"
sed -i '/lint_nothing/d' "$p/versions/a2.mig"

# the range: only aaaa0002's start state is replayed, its findings the same
"$retort" -C "$p" lint aaaa0001:aaaa0002 --fail-on never >"$work/out" 2>&1
grep -q 'lint_index_not_concurrent' "$work/out" || fail "a range"
[ "$("$retort" -C "$p" lint aaaa0001 --fail-on never 2>/dev/null)" = "lint aaaa0001 for postgresql 15.0.0: 0 errors, 0 warnings, 0 accepted" ] ||
  fail "the first revision alone has no finding"

# dialects and versions: the same project on SQLite and MySQL
"$retort" -C "$p" lint -d sqlite --fail-on never 2>"$work/err" >/dev/null
grep -q 'lint_sqlite_rebuild' "$work/err" || fail "sqlite: no rebuild finding"
grep -q 'lint_index_not_concurrent\|lint_no_lock_timeout' "$work/err" && fail "sqlite: a PostgreSQL-only finding"
"$retort" -C "$p" lint -d mysql --fail-on never 2>"$work/err" >/dev/null
grep -q 'ALGORITHM=COPY on MySQL 8.0.0.*\[lint_mysql_table_copy\]' "$work/err" || fail "mysql: no COPY finding: $(cat "$work/err")"
grep -q 'lint_no_lock_timeout' "$work/err" || fail "mysql: no lock timeout finding"
{ cat "$p/retort.yaml"; echo 'postgresql: { lock_timeout: 5s, version: 10 }'; echo 'mysql: { lock_wait_timeout: 10, version: "8.0.35" }'; } >"$work/yaml"
cp "$work/yaml" "$p/retort.yaml"
"$retort" -C "$p" lint -d mysql --fail-on never 2>"$work/err" >"$work/out"
grep -q 'lint_no_lock_timeout' "$work/err" && fail "mysql: lock_wait_timeout is set"
grep -q 'for mysql 8.0.35' "$work/out" || fail "mysql.version not read: $(cat "$work/out")"
"$retort" -C "$p" lint -d mariadb --fail-on never >"$work/out" 2>/dev/null
grep -q 'for mariadb 10.6.0\|for mariadb 8.0.35' "$work/out" || fail "mariadb: $(cat "$work/out")"
"$retort" -C "$p" lint --fail-on never >"$work/out" 2>"$work/err"
grep -q 'for postgresql 10.0.0' "$work/out" || fail "postgresql.version not read"
grep -q 'lint_no_lock_timeout' "$work/err" && fail "postgresql: lock_timeout is set"

# upgrade --annotate: one comment line above each statement with findings
"$retort" -C "$p" upgrade heads >"$work/plain.sql"
grep -q -- '-- lint:' "$work/plain.sql" && fail "lint comments without --annotate"
"$retort" -C "$p" upgrade heads --annotate >"$work/annotated.sql"
grep -B1 '^CREATE INDEX ix_accounts_id' "$work/annotated.sql" | head -1 |
  grep -q '^-- lint: lint_index_not_concurrent: create index "ix_accounts_id"' || fail "annotate: index"
grep -B1 '^ALTER TABLE accounts DROP COLUMN note' "$work/annotated.sql" | head -1 |
  grep -q '^-- lint: lint_drop_column: ' || fail "annotate: drop column"
grep -B1 '^CREATE INDEX ix_accounts_balance' "$work/annotated.sql" | head -1 | grep -q -- '-- lint' &&
  fail "annotate: a finding on a new table"
diff <(grep -v '^-- lint: ' "$work/annotated.sql") "$work/plain.sql" >/dev/null || fail "annotate changed more than comments"
# every finding of each dialect is written, none lost on a script-prologue statement
for d in postgresql sqlite mysql; do
  "$retort" -C "$p" lint -d $d --format json --fail-on never >"$work/$d.json"
  want=$($py -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$work/$d.json")
  "$retort" -C "$p" upgrade heads -d $d --annotate >"$work/$d.sql"
  got=$(grep -c '^-- lint: ' "$work/$d.sql" || true)
  [ "$want" -gt 0 ] && [ "$got" = "$want" ] || fail "--annotate -d $d: $got lint lines for $want findings"
done
echo "lint: ok"
