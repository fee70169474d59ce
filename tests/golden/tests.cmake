# Golden files (docs/testing.md): one test per (sample, variant of
# variants.txt); a sample without golden/<sample>/<variant>/ is skipped.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/variants.txt)
file(STRINGS ${CMAKE_CURRENT_LIST_DIR}/variants.txt retort_golden_lines REGEX "^[A-Za-z0-9_]")
file(GLOB retort_golden_samples LIST_DIRECTORIES true ${PROJECT_SOURCE_DIR}/samples/*)
foreach(line ${retort_golden_lines})
  string(REGEX MATCH "^[A-Za-z0-9_-]+" variant "${line}")
  foreach(sample_dir ${retort_golden_samples})
    get_filename_component(sample ${sample_dir} NAME)
    if(IS_DIRECTORY ${sample_dir} AND EXISTS ${sample_dir}/retort.yaml AND NOT sample MATCHES "^fail_")
      add_test(NAME golden_${sample}_${variant}
               COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/golden.sh $<TARGET_FILE:retort> ${sample_dir}
                       ${PROJECT_SOURCE_DIR}/golden ${variant})
      set_tests_properties(golden_${sample}_${variant} PROPERTIES SKIP_RETURN_CODE 77 LABELS golden)
    endif()
  endforeach()
endforeach()

# Options and exit codes of upgrade / downgrade / stamp.
add_test(NAME script_cli COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/script_cli.sh $<TARGET_FILE:retort> ${PROJECT_SOURCE_DIR}/samples)
