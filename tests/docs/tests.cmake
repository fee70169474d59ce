# Docs that must match the code.
add_test(NAME diag_codes_documented
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/diag_codes_documented.sh ${PROJECT_SOURCE_DIR})

# Every ```mig example in docs/ passes `retort check` (or fails with the text
# its `mig fails TEXT` fence names), on top of tests/docs/fixture/.
add_test(NAME docs_mig_examples
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/mig_examples.py $<TARGET_FILE:retort> ${PROJECT_SOURCE_DIR})
