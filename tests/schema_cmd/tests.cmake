# `retort schema --format mig`: the state of samples/school at head and at an
# earlier revision, compared with the files here (--check prints a diff).
add_test(NAME schema_cmd_school_head
         COMMAND $<TARGET_FILE:retort> -C ${PROJECT_SOURCE_DIR}/samples/school schema --format mig
                 --check ${CMAKE_CURRENT_LIST_DIR}/school_head.mig)
add_test(NAME schema_cmd_school_9a7c
         COMMAND $<TARGET_FILE:retort> -C ${PROJECT_SOURCE_DIR}/samples/school schema 9a7c --format mig
                 --check ${CMAKE_CURRENT_LIST_DIR}/school_9a7c.mig)
