# The static binary (README "Building by hand", -DRETORT_STATIC=ON): built in
# a tree of its own, checked to need no shared library, and run against the
# goldens of every sample. Not in the sanitizer tree: ASan cannot link
# statically, and the tree it builds would be the same as the GCC run's.
if(NOT RETORT_SANITIZE)
add_test(NAME static_binary
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/static.sh ${PROJECT_SOURCE_DIR}
                 ${CMAKE_CURRENT_BINARY_DIR}/static-build)
# It also leaves the static tree that tests/package packages (fixture static_tree).
set_tests_properties(static_binary PROPERTIES TIMEOUT 1800 LABELS static FIXTURES_SETUP static_tree)
endif()
