# Docs that must match the code.
add_test(NAME diag_codes_documented
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/diag_codes_documented.sh ${PROJECT_SOURCE_DIR})
