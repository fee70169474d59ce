# SQLite live tests beyond the generic round trip of tests/live (docs/sqlite.md):
# the table rebuild with data, and the typed hostile literals. They need
# sqlite3 only; without it they are skipped (exit 77), or fail when CI=true.
foreach(script rebuild_data hostile_typed)
  add_test(NAME sqlite_live_${script}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/${script}.sh $<TARGET_FILE:retort> ${PROJECT_SOURCE_DIR}/samples)
  set_tests_properties(sqlite_live_${script} PROPERTIES SKIP_RETURN_CODE 77 LABELS live)
endforeach()
