#!/usr/bin/env bash
# mariadb_name.sh RETORT
# `mariadb` is a dialect name of its own (docs/mysql.md): -d mariadb and
# `dialect: mariadb` are the MySQL back end written for MariaDB. The one
# statement that shows it: dropping a CHECK is `DROP CONSTRAINT` on MariaDB
# (which rejects MySQL's `DROP CHECK`).
set -uo pipefail
R=$1
failures=0
work=$(mktemp -d "${TMPDIR:-/tmp}/retort-mariadb-name.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# project NAME YAML: a project whose second revision drops a check.
project() {
  local dir="$work/$1"
  mkdir -p "$dir/versions"
  printf 'versions: [versions]\n%b' "$2" >"$dir/retort.yaml"
  cat >"$dir/versions/a1_create.mig" <<'MIG'
revision a1;
down_revision none;
upgrade {
    create table items (
        id integer primary key,
        qty integer not null,
        constraint ck_items_qty check (qty > 0)
    );
}
downgrade { drop table items; }
MIG
  cat >"$dir/versions/b2_drop_check.mig" <<'MIG'
revision b2;
down_revision a1;
upgrade { alter table items drop constraint ck_items_qty; }
downgrade { alter table items add constraint ck_items_qty check (qty > 0); }
MIG
  echo "$dir"
}

# project | retort.yaml after versions: | -d (or -) | the drop statement it must print
cases=(
  "default||mysql|ALTER TABLE items DROP CHECK ck_items_qty;"
  "default||mariadb|ALTER TABLE items DROP CONSTRAINT ck_items_qty;"
  "maria|dialect: mariadb\n|-|ALTER TABLE items DROP CONSTRAINT ck_items_qty;"
  "maria|dialect: mariadb\n|mysql|ALTER TABLE items DROP CHECK ck_items_qty;"
  "maria_flavor|dialect: mariadb\nmysql: { flavor: mariadb }\n|-|ALTER TABLE items DROP CONSTRAINT ck_items_qty;"
  "flavor|dialect: mysql\nmysql: { flavor: mariadb }\n|-|ALTER TABLE items DROP CONSTRAINT ck_items_qty;"
  "flavor|dialect: mysql\nmysql: { flavor: mariadb }\n|mariadb|ALTER TABLE items DROP CONSTRAINT ck_items_qty;"
  "mysql_flavor|mysql: { flavor: mysql }\n|mariadb|ALTER TABLE items DROP CONSTRAINT ck_items_qty;"
)
for row in "${cases[@]}"; do
  IFS='|' read -r name yaml dialect want <<<"$row"
  dir=$(project "$name" "$yaml")
  args=(-C "$dir" upgrade a1:b2)
  [ "$dialect" != - ] && args+=(-d "$dialect")
  out=$("$R" "${args[@]}" 2>"$work/err") || { fail "retort ${args[*]} failed: $(cat "$work/err")"; continue; }
  grep -qxF -- "$want" <<<"$out" || fail "retort ${args[*]} ($name): no line '$want' in:
$out"
  grep -q '^-- Dialect: mysql$' <<<"$out" || fail "retort ${args[*]}: the header names no MySQL dialect"
done

# The whole upgrade and downgrade under -d mariadb are those of mysql.flavor: mariadb.
dir=$(project flavor_same "mysql: { flavor: mariadb }\n")
for cmd in "upgrade base:heads" "downgrade heads:base"; do
  # shellcheck disable=SC2086
  a=$("$R" -C "$dir" $cmd -d mysql) && b=$("$R" -C "$work/default" $cmd -d mariadb) ||
    fail "$cmd failed"
  [ "$a" = "$b" ] || fail "$cmd: -d mariadb differs from mysql.flavor: mariadb"
done

# schema -d mariadb; an unknown name lists mariadb; a flavor that contradicts the dialect.
"$R" -C "$work/default" schema -d mariadb >"$work/out" 2>"$work/err" || fail "schema -d mariadb: $(cat "$work/err")"
grep -q 'ENGINE=InnoDB' "$work/out" || fail "schema -d mariadb printed no MySQL DDL"
"$R" -C "$work/default" upgrade heads -d maria >/dev/null 2>"$work/err"; got=$?
[ $got = 2 ] || fail "-d maria: exit $got, expected 2"
grep -qF "unknown dialect 'maria' (postgresql, sqlite, mysql or mariadb)" "$work/err" ||
  fail "-d maria: $(cat "$work/err")"
dir=$(project contradiction "dialect: mariadb\nmysql: { flavor: mysql }\n")
"$R" -C "$dir" upgrade heads >/dev/null 2>"$work/err"; got=$?
[ $got = 1 ] || fail "dialect: mariadb with flavor: mysql: exit $got, expected 1"
grep -qF "retort.yaml:3:18: error: 'mysql.flavor: mysql' contradicts 'dialect: mariadb'" "$work/err" ||
  fail "dialect: mariadb with flavor: mysql: $(cat "$work/err")"

# init -d mariadb writes a project whose scripts are MariaDB's.
"$R" init "$work/fresh" -d mariadb >/dev/null || fail "init -d mariadb failed"
grep -qx 'dialect: mariadb *# .*' "$work/fresh/retort.yaml" || fail "init -d mariadb: $(cat "$work/fresh/retort.yaml")"
cp "$work/default/versions/"*.mig "$work/fresh/versions/"
"$R" -C "$work/fresh" upgrade a1:b2 | grep -qxF "ALTER TABLE items DROP CONSTRAINT ck_items_qty;" ||
  fail "a project from init -d mariadb does not write for MariaDB"

[ $failures = 0 ] && echo "mariadb_name: all cases pass"
exit $((failures > 0))
