# The layering rule of docs/architecture.md: no include points up or across.
add_test(NAME layering COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/layering.sh ${PROJECT_SOURCE_DIR})
# ... and the check itself fails when a forbidden include is added.
add_test(NAME layering_catches COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/layering_catches.sh ${PROJECT_SOURCE_DIR})
