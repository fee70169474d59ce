# Live tests of the MySQL back end against the server scripts/engine_mariadb.sh
# starts (RETORT_MYSQL_SOCKET / RETORT_MYSQL_PORT); skipped (77) without one,
# failing when CI=true.
foreach(t alter_columns collation fk_indexes hostile_literals innodb_rules)
  add_test(NAME mysql_live_${t}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/${t}.sh $<TARGET_FILE:retort> ${PROJECT_SOURCE_DIR})
  set_tests_properties(mysql_live_${t} PROPERTIES SKIP_RETURN_CODE 77 LABELS "live;mysql")
endforeach()

# Not live: the diagnostics for statements MySQL cannot run, end to end.
add_test(NAME mysql_diagnostics
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/fail_mysql.sh $<TARGET_FILE:retort>)

# The round trip of tests/live/roundtrip.sh on this folder's projects.
foreach(project alter_columns fk_indexes)
  add_test(NAME mysql_live_roundtrip_${project}
           COMMAND bash ${PROJECT_SOURCE_DIR}/tests/live/roundtrip.sh $<TARGET_FILE:retort> mariadb
                   ${CMAKE_CURRENT_LIST_DIR}/${project})
  set_tests_properties(mysql_live_roundtrip_${project} PROPERTIES SKIP_RETURN_CODE 77 LABELS "live;mysql")
endforeach()
