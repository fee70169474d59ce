# Conformance of the planner with Alembic 1.8 (Debian's python3-alembic,
# importable only by /usr/bin/python3). Skips (77) without Alembic unless CI=true.
add_test(NAME conformance_alembic
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/alembic_conformance.py
                 --retort $<TARGET_FILE:retort> --graphs 300 --seed 20241)
set_tests_properties(conformance_alembic PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900)

# The graph commands on samples/branchy (heads, branches, history, show,
# plan, revision, merge) and the graph diagnostics through the CLI.
add_test(NAME graph_commands
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/graph_commands_test.py
                 $<TARGET_FILE:retort> ${PROJECT_SOURCE_DIR})
