# CI smoke test of the benchmark (issue 8): bench/run --quick generates the
# N = 100 projects (linear and branchy), and fails when retort fails on them
# (non-zero exit, an empty script, a head missing from `heads` or from a
# script, `check` errors). It never checks timing.
add_test(NAME bench_smoke
         COMMAND ${PROJECT_SOURCE_DIR}/bench/run --quick
                 --retort $<TARGET_FILE:retort>
                 --out ${CMAKE_CURRENT_BINARY_DIR}/bench-out)
set_tests_properties(bench_smoke PROPERTIES TIMEOUT 600 LABELS bench)
