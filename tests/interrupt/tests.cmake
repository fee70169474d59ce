# An interrupted -o (SIGINT, SIGTERM) keeps the old file and leaves no temporary one.
add_test(NAME interrupt_output
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/interrupt.sh $<TARGET_FILE:retort> ${PROJECT_SOURCE_DIR}/samples)
