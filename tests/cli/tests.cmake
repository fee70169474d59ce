# Command-line habits from Alembic answered with hints; --version.
add_test(NAME cli_alembic_habits
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/alembic_habits.sh $<TARGET_FILE:retort> ${PROJECT_SOURCE_DIR}/samples)
# -d mariadb / dialect: mariadb: the MySQL back end for MariaDB (DROP CONSTRAINT, not DROP CHECK).
add_test(NAME cli_mariadb_name COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/mariadb_name.sh $<TARGET_FILE:retort>)
# --no-guard, and the timeouts of retort.yaml in the scripts.
add_test(NAME cli_guard_timeouts COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/guard_timeouts.sh $<TARGET_FILE:retort>
                                         ${PROJECT_SOURCE_DIR}/tests/live/guard_project)
# --format json|dot|mermaid and history --graph (docs/cli.md, "Machine-readable output").
add_test(NAME cli_formats COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/formats.sh $<TARGET_FILE:retort>
                                  ${PROJECT_SOURCE_DIR}/samples ${CMAKE_CURRENT_LIST_DIR}/branchy_graph.txt)
# retort.sum: check notices edited, unrecorded and removed revisions; retort sum, init, revision, merge.
add_test(NAME cli_sum_file COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/sum_file.sh $<TARGET_FILE:retort>)
# dialects: in retort.yaml: check replays and renders the scripts of each listed dialect.
add_test(NAME cli_check_dialects COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/check_dialects.sh $<TARGET_FILE:retort>)
# retort lint: text, json and sarif parsed back, --fail-on, accept directives, upgrade --annotate (docs/lint.md).
add_test(NAME cli_lint COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/lint.sh $<TARGET_FILE:retort>)
