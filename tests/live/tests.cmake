# Live-engine tests (docs/testing.md): every script retort generates for a
# sample is applied to a real server. One test per (engine, sample); the
# engine adapters live in tests/live/engine_<engine>.sh. A test whose engine
# settings are missing exits 77 (skipped), or fails when CI=true.
set(RETORT_LIVE_ENGINES postgresql sqlite mariadb)
file(GLOB RETORT_LIVE_SAMPLES LIST_DIRECTORIES true ${PROJECT_SOURCE_DIR}/samples/*)
foreach(engine ${RETORT_LIVE_ENGINES})
  foreach(sample_dir ${RETORT_LIVE_SAMPLES})
    get_filename_component(sample ${sample_dir} NAME)
    if(IS_DIRECTORY ${sample_dir} AND EXISTS ${sample_dir}/retort.yaml AND NOT sample MATCHES "^fail_")
      add_test(NAME live_${engine}_${sample}
               COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/roundtrip.sh $<TARGET_FILE:retort> ${engine} ${sample_dir})
      set_tests_properties(live_${engine}_${sample} PROPERTIES SKIP_RETURN_CODE 77 LABELS live)
    endif()
  endforeach()
  add_test(NAME live_${engine}_hostile_literals_readback
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/hostile_literals.sh $<TARGET_FILE:retort> ${engine}
                   ${PROJECT_SOURCE_DIR}/samples)
  set_tests_properties(live_${engine}_hostile_literals_readback PROPERTIES SKIP_RETURN_CODE 77 LABELS live)
endforeach()
# Transactional DDL only.
foreach(engine postgresql sqlite)
  add_test(NAME live_${engine}_atomic_failure
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/atomic_failure.sh $<TARGET_FILE:retort> ${engine})
  set_tests_properties(live_${engine}_atomic_failure PROPERTIES SKIP_RETURN_CODE 77 LABELS live)
endforeach()

# PostgreSQL specifics beyond the samples (names, enums, casts, concurrently, version table schema).
add_test(NAME live_postgresql_features COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/pg_features.sh $<TARGET_FILE:retort>)
set_tests_properties(live_postgresql_features PROPERTIES SKIP_RETURN_CODE 77 LABELS live)

# The guard: scripts refuse a database at the wrong revision, each client in strict and default mode.
foreach(engine ${RETORT_LIVE_ENGINES})
  add_test(NAME live_${engine}_guard COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/guard.sh $<TARGET_FILE:retort> ${engine})
  set_tests_properties(live_${engine}_guard PROPERTIES SKIP_RETURN_CODE 77 LABELS live)
endforeach()

# The timeouts of retort.yaml on the real engine: a second session holds a lock, the script
# fails within lock_timeout / lock_wait_timeout (PostgreSQL: and statement_timeout).
foreach(engine postgresql mariadb)
  add_test(NAME live_${engine}_timeouts
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/timeouts.sh $<TARGET_FILE:retort> ${engine})
  set_tests_properties(live_${engine}_timeouts PROPERTIES SKIP_RETURN_CODE 77 LABELS live)
endforeach()

# upgrade --annotate: the scripts with lint comments still apply, with the same schema (docs/lint.md).
foreach(engine ${RETORT_LIVE_ENGINES})
  add_test(NAME live_${engine}_annotate
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/annotate.sh $<TARGET_FILE:retort> ${engine} ${PROJECT_SOURCE_DIR}/samples)
  set_tests_properties(live_${engine}_annotate PROPERTIES SKIP_RETURN_CODE 77 LABELS live)
endforeach()
