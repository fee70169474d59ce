# Every samples/fail_* project: `retort -C samples/fail_X check` must exit 1
# and print exactly samples/fail_X/expected.txt on stderr. Helpers add their
# own fail_* folders; a re-run of cmake picks them up.
file(GLOB RETORT_FAIL_SAMPLES LIST_DIRECTORIES true CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/samples/fail_*)
foreach(dir ${RETORT_FAIL_SAMPLES})
  if(IS_DIRECTORY ${dir})
    get_filename_component(sample ${dir} NAME)
    add_test(NAME ${sample}
             COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run_fail_sample.sh $<TARGET_FILE:retort> ${dir})
  endif()
endforeach()
