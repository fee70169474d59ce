#!/usr/bin/env bash
# InnoDB's rules for the index behind a foreign key (docs/mysql.md, "The
# index behind a foreign key"), each checked on the server by plain SQL, then
# a database made by plain SQL (an unnamed foreign key: kids_ibfk_1, index
# parent_id) taken over by retort: every upgrade and downgrade script of
# innodb_handover/ must apply, step by step, with the indexes below.
set -euo pipefail
source "$(dirname "$0")/common.sh" "$1" "$2"
project=$src/tests/mysql_live/innodb_handover

indexes() { table_indexes "$1"; }

sql() { printf '%s\n' "$@" >"$work/rule.sql"; engine_apply "$db" "$work/rule.sql" >/dev/null 2>"$work/rule.err"; }

# rule NAME TABLE EXPECTED SQL...: the statements apply; the table's indexes are EXPECTED.
rule() {
  local name=$1 table=$2 expected=$3; shift 3
  sql "$@" || { cat "$work/rule.err" >&2; fail "rule '$name': the SQL did not apply"; }
  local actual
  actual=$(indexes "$table")
  [ "$actual" = "$expected" ] || fail "rule '$name': indexes '$actual', expected '$expected'"
  echo "ok: $name: $actual"
}

# refused NAME ERROR SQL...: the statements fail with ERROR.
refused() {
  local name=$1 error=$2; shift 2
  if sql "$@"; then fail "rule '$name': applied, expected $error"; fi
  grep -q "$error" "$work/rule.err" || { cat "$work/rule.err" >&2; fail "rule '$name': expected $error"; }
  echo "ok: $name: $error"
}

rule "the referenced table" s "PRIMARY(id) uab(a,b)" \
  "CREATE TABLE s (id INT PRIMARY KEY, a INT, b INT, UNIQUE KEY uab (a, b));"
rule "a named key: the index is named after it" c2 "PRIMARY(id) fk_x(s_id)" \
  "CREATE TABLE c2 (id INT PRIMARY KEY, s_id INT, CONSTRAINT fk_x FOREIGN KEY (s_id) REFERENCES s (id));"
rule "an unnamed key: after its column" c1 "PRIMARY(id) student_id(student_id)" \
  "CREATE TABLE c1 (id INT PRIMARY KEY, student_id INT, FOREIGN KEY (student_id) REFERENCES s (id));"
rule "an unnamed key on two columns: after the first" c3 "PRIMARY(id) a(a,b)" \
  "CREATE TABLE c3 (id INT PRIMARY KEY, a INT, b INT, FOREIGN KEY (a, b) REFERENCES s (a, b));"
rule "an unnamed key whose column names an index already: _2" c4 "PRIMARY(id) pid(q) pid_2(pid)" \
  "CREATE TABLE c4 (id INT PRIMARY KEY, pid INT, q INT, KEY pid (q), FOREIGN KEY (pid) REFERENCES s (id));"
rule "two keys on one column share one index" c5 "PRIMARY(id) pid(pid)" \
  "CREATE TABLE c5 (id INT PRIMARY KEY, pid INT, FOREIGN KEY (pid) REFERENCES s (id), FOREIGN KEY (pid) REFERENCES s (id));"
rule "two named keys on one column: the index is the last one's" f1 "PRIMARY(id) fa2(pid)" \
  "CREATE TABLE f1 (id INT PRIMARY KEY, pid INT, CONSTRAINT fa1 FOREIGN KEY (pid) REFERENCES s (id),
     CONSTRAINT fa2 FOREIGN KEY (pid) REFERENCES s (id));"
rule "a key added on the columns of InnoDB's index takes it over" f2 "PRIMARY(id) fb2(pid)" \
  "CREATE TABLE f2 (id INT PRIMARY KEY, pid INT, CONSTRAINT fb1 FOREIGN KEY (pid) REFERENCES s (id));" \
  "ALTER TABLE f2 ADD CONSTRAINT fb2 FOREIGN KEY (pid) REFERENCES s (id);"
rule "an unnamed one too, named after the column" f2 "PRIMARY(id) pid(pid)" \
  "ALTER TABLE f2 ADD FOREIGN KEY (pid) REFERENCES s (id);"
rule "a shorter key added after a longer one: served" e7 "PRIMARY(id) fab7(a,b)" \
  "CREATE TABLE e7 (id INT PRIMARY KEY, a INT, b INT, CONSTRAINT fab7 FOREIGN KEY (a, b) REFERENCES s (a, b));" \
  "ALTER TABLE e7 ADD CONSTRAINT fa7 FOREIGN KEY (a) REFERENCES s (id);"
rule "added by ALTER: the same names" c7 "PRIMARY(id) fk7(pid) rid(rid)" \
  "CREATE TABLE c7 (id INT PRIMARY KEY, pid INT, rid INT);" \
  "ALTER TABLE c7 ADD CONSTRAINT fk7 FOREIGN KEY (pid) REFERENCES s (id);" \
  "ALTER TABLE c7 ADD FOREIGN KEY (rid) REFERENCES s (id);"
rule "a covering index drops InnoDB's (named or not)" c7 "PRIMARY(id) ix7(pid,rid) ix7r(rid)" \
  "CREATE INDEX ix7 ON c7 (pid, rid);" "CREATE INDEX ix7r ON c7 (rid);"
rule "an index led by the columns serves: none made" d4 "PRIMARY(id) ixd4(pid,x)" \
  "CREATE TABLE d4 (id INT PRIMARY KEY, pid INT, x INT, KEY ixd4 (pid, x), CONSTRAINT fkd4 FOREIGN KEY (pid) REFERENCES s (id));"
refused "the last serving index cannot be dropped" "ERROR 1553" "DROP INDEX ixd4 ON d4;"
rule "an index with the columns second does not serve" e6 "PRIMARY(id) fke6(pid) ixe6(x,pid)" \
  "CREATE TABLE e6 (id INT PRIMARY KEY, pid INT, x INT, CONSTRAINT fke6 FOREIGN KEY (pid) REFERENCES s (id));" \
  "CREATE INDEX ixe6 ON e6 (x, pid);"
refused "nor can InnoDB's own" "ERROR 1553" "DROP INDEX fke6 ON e6;"
rule "a descending covering index drops it" e1 "PRIMARY(id) ixe1(pid,x)" \
  "CREATE TABLE e1 (id INT PRIMARY KEY, pid INT, x INT, CONSTRAINT fke1 FOREIGN KEY (pid) REFERENCES s (id));" \
  "CREATE INDEX ixe1 ON e1 (pid DESC, x);"
rule "a covering unique constraint drops it" e2 "PRIMARY(id) uqe2(pid,x)" \
  "CREATE TABLE e2 (id INT PRIMARY KEY, pid INT, x INT, CONSTRAINT fke2 FOREIGN KEY (pid) REFERENCES s (id));" \
  "ALTER TABLE e2 ADD CONSTRAINT uqe2 UNIQUE (pid, x);"
rule "a key on (a, b) after one on (a): one index" e3 "PRIMARY(id) fab(a,b)" \
  "CREATE TABLE e3 (id INT PRIMARY KEY, a INT, b INT);" \
  "ALTER TABLE e3 ADD CONSTRAINT fa FOREIGN KEY (a) REFERENCES s (id);" \
  "ALTER TABLE e3 ADD CONSTRAINT fab FOREIGN KEY (a, b) REFERENCES s (a, b);"
rule "DROP FOREIGN KEY keeps the index" c9 "PRIMARY(id) fk9(pid)" \
  "CREATE TABLE c9 (id INT PRIMARY KEY, pid INT, x INT, CONSTRAINT fk9 FOREIGN KEY (pid) REFERENCES s (id));" \
  "ALTER TABLE c9 DROP FOREIGN KEY fk9;"
rule "the key added again under its name uses the kept index" c9 "PRIMARY(id) fk9(pid)" \
  "ALTER TABLE c9 ADD CONSTRAINT fk9 FOREIGN KEY (pid) REFERENCES s (id);" "ALTER TABLE c9 DROP FOREIGN KEY fk9;"
rule "under another name it takes the kept index over" c9 "PRIMARY(id) fk9_again(pid)" \
  "ALTER TABLE c9 ADD CONSTRAINT fk9_again FOREIGN KEY (pid) REFERENCES s (id);" \
  "ALTER TABLE c9 DROP FOREIGN KEY fk9_again;"
rule "but not an index the script added" d7 "PRIMARY(id) fkd7(pid)" \
  "CREATE TABLE d7 (id INT PRIMARY KEY, pid INT, x INT, KEY ixd7 (pid, x), CONSTRAINT fkd7 FOREIGN KEY (pid) REFERENCES s (id));" \
  "ALTER TABLE d7 DROP INDEX ixd7, ADD INDEX fkd7 (pid);" \
  "ALTER TABLE d7 ADD CONSTRAINT fkd7_again FOREIGN KEY (pid) REFERENCES s (id);"
rule "the kept index still goes when covered, no key left" c9 "PRIMARY(id) ixc9(pid,x)" \
  "CREATE INDEX ixc9 ON c9 (pid, x);"
rule "an index the script adds is the script's: it stays when covered" d3 "PRIMARY(id) fkd3(pid) ixd3(pid,x)" \
  "CREATE TABLE d3 (id INT PRIMARY KEY, pid INT, x INT, CONSTRAINT fkd3 FOREIGN KEY (pid) REFERENCES s (id));" \
  "CREATE INDEX ixd3 ON d3 (pid, x);" "ALTER TABLE d3 DROP INDEX ixd3, ADD INDEX fkd3 (pid);" \
  "CREATE INDEX ixd3 ON d3 (pid, x);"
rule "a dropped column leaves a kept index" e4 "PRIMARY(id) f4(b)" \
  "CREATE TABLE e4 (id INT PRIMARY KEY, a INT, b INT, CONSTRAINT f4 FOREIGN KEY (a, b) REFERENCES s (a, b));" \
  "ALTER TABLE e4 DROP FOREIGN KEY f4;" "ALTER TABLE e4 DROP COLUMN a;"
refused "a named key whose name an index has already" "ERROR 1061" \
  "CREATE TABLE d6 (id INT PRIMARY KEY, pid INT, q INT, KEY fkd6 (q));" \
  "ALTER TABLE d6 ADD CONSTRAINT fkd6 FOREIGN KEY (pid) REFERENCES s (id);"

# The handover: plain SQL made the database at h1, as a tool without a
# naming convention would; retort carries on.
engine_fresh "$db"
sql "CREATE TABLE parents (id INT NOT NULL, PRIMARY KEY (id)) ENGINE=InnoDB;" \
    "CREATE TABLE kids (id INT NOT NULL, parent_id INT NOT NULL, code VARCHAR(10), PRIMARY KEY (id),
       FOREIGN KEY (parent_id) REFERENCES parents (id)) ENGINE=InnoDB;" \
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));" \
    "INSERT INTO alembic_version VALUES ('h1h1h1h1h1h1');" || { cat "$work/rule.err" >&2; fail "the plain-SQL database"; }
fk=$(engine_query "$db" "SELECT CONSTRAINT_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()")
[ "$fk" = kids_ibfk_1 ] || fail "the engine named the foreign key '$fk', expected kids_ibfk_1"

revs=(h1h1h1h1h1h1 h2h2h2h2h2h2 h3h3h3h3h3h3 h4h4h4h4h4h4 h5h5h5h5h5h5)
declare -A up=(
  [h1h1h1h1h1h1]="PRIMARY(id) parent_id(parent_id)"
  [h2h2h2h2h2h2]="PRIMARY(id) parent_id(parent_id)"
  [h3h3h3h3h3h3]="PRIMARY(id) fk_kids_parent(parent_id)"
  [h4h4h4h4h4h4]="PRIMARY(id) ix_kids_parent_code(parent_id,code)"
  [h5h5h5h5h5h5]="PRIMARY(id) fk_kids_parent(parent_id)"
)
# Downgrading: retort re-creates the key where InnoDB had its own index on
# the way up (h4 to h3), and the key added back at h1 takes InnoDB's index over.
declare -A down=(
  [h1h1h1h1h1h1]="PRIMARY(id) kids_ibfk_1(parent_id)"
  [h2h2h2h2h2h2]="PRIMARY(id) fk_kids_parent(parent_id)"
  [h3h3h3h3h3h3]="PRIMARY(id) fk_kids_parent(parent_id)"
  [h4h4h4h4h4h4]="PRIMARY(id) ix_kids_parent_code(parent_id,code)"
)
check_kids() {
  local actual
  actual=$(indexes kids)
  [ "$actual" = "$2" ] || fail "$1: indexes of kids '$actual', expected '$2'"
  echo "ok: $1: $actual"
}
check_kids "h1 (plain SQL)" "${up[h1h1h1h1h1h1]}"
for ((i = 1; i < ${#revs[@]}; i++)); do
  retort_script "$work/step.sql" -C "$project" upgrade "${revs[i-1]}:${revs[i]}" -d mariadb
  engine_apply "$db" "$work/step.sql" || fail "upgrade ${revs[i-1]}:${revs[i]} did not apply"
  check_kids "upgrade to ${revs[i]}" "${up[${revs[i]}]}"
done
for ((i = ${#revs[@]} - 1; i > 0; i--)); do
  retort_script "$work/step.sql" -C "$project" downgrade "${revs[i]}:${revs[i-1]}" -d mariadb
  engine_apply "$db" "$work/step.sql" || fail "downgrade ${revs[i]}:${revs[i-1]} did not apply"
  check_kids "downgrade to ${revs[i-1]}" "${down[${revs[i-1]}]}"
done
# And the whole way up again in one script.
retort_script "$work/up.sql" -C "$project" upgrade h1h1h1h1h1h1:heads -d mariadb
engine_apply "$db" "$work/up.sql" || fail "upgrade h1:heads did not apply"
check_kids "upgrade h1:heads" "${up[h5h5h5h5h5h5]}"
rows=$(engine_query "$db" "SELECT version_num FROM alembic_version")
[ "$rows" = h5h5h5h5h5h5 ] || fail "version rows '$rows'"
echo "ok: handover"
