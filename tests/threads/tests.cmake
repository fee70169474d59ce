# Reading and parsing run on several threads (docs/performance.md); the
# output must not depend on how many. threads.sh compares RETORT_JOBS=1
# with RETORT_JOBS=4 on a generated 300-revision project, valid and broken.
add_test(NAME threads_same_output
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/threads.sh $<TARGET_FILE:retort> ${PROJECT_SOURCE_DIR}/bench/gen.py)
