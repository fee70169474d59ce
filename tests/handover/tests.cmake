# Handover from Alembic (docs/alembic.md): Alembic's own database against
# retort's on each real engine; skipped (77) without the engine, failing when
# CI=true. Needs Alembic under /usr/bin/python3 (scripts/setup.sh installs it).
foreach(engine postgresql mariadb sqlite)
  add_test(NAME live_${engine}_alembic_handover
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/handover.sh $<TARGET_FILE:retort> ${engine})
  set_tests_properties(live_${engine}_alembic_handover PROPERTIES SKIP_RETURN_CODE 77 LABELS "live;handover")
endforeach()
