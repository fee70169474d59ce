# The Debian package (scripts/package.sh, packaging/): made in the static
# tree of static_binary, checked with dpkg-deb and installed with dpkg into
# an empty root. Quick after static_binary (CPack and the help files only).
if(NOT RETORT_SANITIZE)
add_test(NAME package_deb
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/package.sh ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/static-build)
set_tests_properties(package_deb PROPERTIES TIMEOUT 600 LABELS package FIXTURES_REQUIRED static_tree)
endif()
