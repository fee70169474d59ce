# Pathological projects (issue 13): generated at test time by gen.py into a
# temporary folder, so nothing huge is committed. Each test runs one retort
# command on one project and asserts its exit status and the key lines of
# its output (run.sh). The timeouts are generous bounds for a loaded 2-core
# machine; docs/testing.md records the measured times.
set(RETORT_PATHOLOGICAL ${CMAKE_CURRENT_LIST_DIR}/run.sh $<TARGET_FILE:retort>)
function(retort_pathological name timeout)
  add_test(NAME pathological_${name} COMMAND bash ${RETORT_PATHOLOGICAL} ${ARGN})
  set_tests_properties(pathological_${name} PROPERTIES TIMEOUT ${timeout} LABELS pathological)
endfunction()

# A chain of 100,000 revisions: one script, one version-table insert for the
# first revision and an update for each of the others.
retort_pathological(chain_upgrade 600 chain 100000 0 -- upgrade base:heads
  -- "count:1:^INSERT INTO alembic_version" "count:99999:^UPDATE alembic_version"
     "count:99999:^UPDATE t SET n = ")
retort_pathological(chain_downgrade 600 chain 100000 0 -- downgrade heads:base
  -- "count:1:^DELETE FROM alembic_version" "count:99999:^UPDATE alembic_version" "count:1:^DROP TABLE t")
retort_pathological(chain_check 600 chain 100000 0 -- check -- "has:checked 100000 revisions: no errors")
# Each writes and removes 100,000 files: one at a time (about 30 s each on
# an idle 2-core machine, of which retort takes 7 to 10 s).
set_tests_properties(pathological_chain_upgrade pathological_chain_downgrade pathological_chain_check
                     PROPERTIES RESOURCE_LOCK retort_chain_100000)
# A merge of 5,000 heads.
# The upgrade inserts each head into the version table, deletes all but one
# of them, and updates the last to the merge revision.
retort_pathological(merge_upgrade 300 merge 5000 0 -- upgrade base:heads
  -- "count:5001:^CREATE TABLE t" "count:5000:^INSERT INTO alembic_version" "count:4999:^DELETE FROM alembic_version"
     "count:1:^UPDATE alembic_version SET version_num = 'merged'")
retort_pathological(merge_downgrade 300 merge 5000 0 -- downgrade heads:base
  -- "count:5001:^DROP TABLE t" "count:5000:^DELETE FROM alembic_version")
retort_pathological(merge_check 300 merge 5000 0 -- check -- "has:checked 5002 revisions: no errors")
retort_pathological(merge_heads 300 merge 5000 0 -- heads -- "count:1:merged")
# A 20 MB string literal.
retort_pathological(big_string 300 big_string 20 0 -- upgrade base:heads -- "count:1:^INSERT INTO t ")
# 10,000 statements in one upgrade block.
retort_pathological(statements 300 statements 10000 0 -- upgrade base:heads -- "count:9999:^INSERT INTO t ")
# A cycle through depends_on: a diagnostic naming the cycle.
retort_pathological(cycle 120 cycle 3 1 -- heads -- "has:error: revision cycle: c0 -> c2 -> c1 -> c0")
retort_pathological(cycle_long 300 cycle 20000 1 -- check -- "has:error: revision cycle: c0 -> c19999 -> ")
# Expressions: deep parentheses, a long operator chain, many unary signs.
retort_pathological(nested_parens 120 nested 100000 1 -- check -- "has:error: nested too deeply")
retort_pathological(operator_chain 120 operators 100000 1 -- check -- "has:error: nested too deeply")
retort_pathological(unary_chain 120 unary 100000 1 -- check -- "has:error: nested too deeply")
# retort.yaml nested 100,000 deep: a config diagnostic, not a stack overflow.
retort_pathological(yaml_nested 120 yaml_nested 100000 1 -- check -- "has:retort.yaml:1:" "has:error: invalid YAML")
