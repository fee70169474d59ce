#!/usr/bin/env bash
# The charset and collation of what retort creates on MariaDB (docs/mysql.md,
# "Charset and collation"). The database is made as Alembic users' are, with
# CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci (not the charset's default):
#  - mysql.charset and mysql.collation unset: every table and string column of
#    tests/mysql_live/collation gets the database's collation, and a join with
#    a table made by a plain CREATE TABLE works (a table that names its charset
#    gets the charset's default collation instead: the join fails, ERROR 1267);
#  - each combination set in retort.yaml: exactly what docs/mysql.md says.
set -euo pipefail
source "$(dirname "$0")/common.sh" "$1" "$2"
project=$src/tests/mysql_live/collation
db_collation=utf8mb4_unicode_ci
# The collation utf8mb4 gets on this server when only the charset is named.
charset_default=$(engine_query "$db" "SELECT COLLATION_NAME FROM information_schema.COLLATIONS
  WHERE CHARACTER_SET_NAME = 'utf8mb4' AND IS_DEFAULT = 'Yes'")
[ -n "$charset_default" ] && [ "$charset_default" != "$db_collation" ] ||
  fail "utf8mb4's default collation is '$charset_default': the test needs one other than $db_collation"

dbs=("$db")
trap 'for d in "${dbs[@]}"; do engine_drop "$d" >/dev/null 2>&1 || true; done; rm -rf "$work"' EXIT

# fresh_db NAME: a database with the collation Alembic's users give theirs.
fresh_db() {
  dbs+=("$1")
  retort_mysql_client -e "DROP DATABASE IF EXISTS \`$1\`;
    CREATE DATABASE \`$1\` CHARACTER SET utf8mb4 COLLATE $db_collation"
}

# collations DB: "table<TAB>collation" for every table, then
# "table.column<TAB>collation" for every column that has one.
collations() {
  engine_query "$1" "
    SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES
    WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME"
  engine_query "$1" "
    SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME), COLLATION_NAME FROM information_schema.COLUMNS
    WHERE TABLE_SCHEMA = DATABASE() AND COLLATION_NAME IS NOT NULL ORDER BY TABLE_NAME, COLUMN_NAME"
}

# expected TABLE_COLLATION: what collations() must print after the upgrade;
# the version table takes the database's whatever retort.yaml says.
expected() {
  printf 'alembic_version\t%s\npeople\t%s\n' "$db_collation" "$1"
  printf 'alembic_version.version_num\t%s\n' "$db_collation"
  for c in code mood name nickname note; do printf 'people.%s\t%s\n' "$c" "$1"; done
}

# check_case NAME MYSQL_OPTIONS COLLATION: upgrade base:heads with those options
# into a fresh database; the tables and string columns get COLLATION.
check_case() {
  local name=$1 options=$2 want=$3 target="${db}_$1"
  printf 'versions: [versions]\ndialect: mariadb\nmysql: %s\n' "$options" >"$work/$name.yaml"
  retort_script "$work/$name.sql" -C "$project" -c "$work/$name.yaml" upgrade base:heads
  fresh_db "$target"
  engine_apply "$target" "$work/$name.sql" >/dev/null || fail "$name: the upgrade script failed"
  expected "$want" >"$work/$name.want"
  collations "$target" >"$work/$name.got"
  diff -u "$work/$name.want" "$work/$name.got" >&2 || fail "$name ($options): the collations differ"
  echo "ok: $name: mysql: $options gives $want"
}

# Unset: the project as it is, applied to the test's database.
fresh_db "$db"
retort_script "$work/up.sql" -C "$project" upgrade base:heads
grep -q 'CHARSET\|COLLATE' "$work/up.sql" && fail "charset and collation unset, yet the script names one"
engine_apply "$db" "$work/up.sql" >/dev/null || fail "the upgrade script failed"
expected "$db_collation" >"$work/unset.want"
collations "$db" >"$work/unset.got"
diff -u "$work/unset.want" "$work/unset.got" >&2 || fail "unset: the tables did not take the database's collation"
echo "ok: unset: every table and string column has $db_collation"

# A table made as SQLAlchemy makes it, without a charset: the join works.
engine_query "$db" "CREATE TABLE legacy (name VARCHAR(80) NOT NULL, code CHAR(3)) ENGINE=InnoDB;
  INSERT INTO legacy VALUES ('emile', 'emi')" >/dev/null
rows=$(engine_query "$db" "SELECT COUNT(*) FROM people p JOIN legacy l ON p.name = l.name AND p.code = l.code")
# utf8mb4_unicode_ci is accent- and case-insensitive: both people match.
[ "$rows" = 2 ] || fail "the join with a plain CREATE TABLE found $rows rows, expected 2"
echo "ok: a join with a table made without a charset works ($rows rows)"

# What retort wrote before (DEFAULT CHARSET=utf8mb4 alone): the charset's
# default collation, and the same join is refused. Shows the test can fail.
engine_query "$db" "CREATE TABLE charset_only (name VARCHAR(80)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4" >/dev/null
got=$(engine_query "$db" "SELECT TABLE_COLLATION FROM information_schema.TABLES
  WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'charset_only'")
[ "$got" = "$charset_default" ] || fail "DEFAULT CHARSET=utf8mb4 alone gave $got, expected $charset_default"
if out=$(engine_query "$db" "SELECT COUNT(*) FROM charset_only c JOIN legacy l ON c.name = l.name" 2>&1); then
  fail "a join between $charset_default and $db_collation columns worked: $out"
fi
grep -q '1267' <<<"$out" || fail "expected ERROR 1267 (illegal mix of collations), got: $out"
echo "ok: a table with DEFAULT CHARSET=utf8mb4 alone gets $charset_default, and the join fails with ERROR 1267"

check_case charset "{ charset: utf8mb4 }" "$charset_default"
check_case collation "{ collation: utf8mb4_bin }" utf8mb4_bin
check_case both "{ charset: utf8mb4, collation: utf8mb4_unicode_520_ci }" utf8mb4_unicode_520_ci
check_case empty "{ charset: \"\", collation: \"\" }" "$db_collation"

# Downgrading to base leaves only the version table.
retort_script "$work/down.sql" -C "$project" downgrade heads:base
engine_apply "$db" "$work/down.sql" >/dev/null || fail "the downgrade script failed"
echo "ok: the downgrade applies"
