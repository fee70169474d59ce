# The import corpus (docs/testing.md, docs/import.md): Alembic projects
# under tests/import/corpus, each with an `engines` file naming the engines
# it targets. Per (project, engine): Alembic online to heads against the
# imported project's upgrade base:heads, catalogs compared, downgrade
# heads:base clean (roundtrip.sh; skipped (77) without the engine, failing
# when CI=true); without an engine, every revision translates and compiles
# (translates.sh). refused_styles: every refused style's diagnostic at its line.
file(GLOB_RECURSE RETORT_IMPORT_INIS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/corpus/*alembic.ini)
list(SORT RETORT_IMPORT_INIS)
foreach(ini ${RETORT_IMPORT_INIS})
  get_filename_component(project_dir ${ini} DIRECTORY)
  if(EXISTS ${project_dir}/engines)
    file(RELATIVE_PATH rel ${CMAKE_CURRENT_LIST_DIR}/corpus ${project_dir})
    string(REPLACE "/" "_" project ${rel})
    file(STRINGS ${project_dir}/engines engines)
    add_test(NAME import_translates_${project}
             COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/translates.sh $<TARGET_FILE:retort> ${project_dir})
    set_tests_properties(import_translates_${project} PROPERTIES LABELS import)
    foreach(engine ${engines})
      add_test(NAME live_${engine}_import_${project}
               COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/roundtrip.sh $<TARGET_FILE:retort> ${engine} ${project_dir})
      set_tests_properties(live_${engine}_import_${project} PROPERTIES SKIP_RETURN_CODE 77 LABELS "live;import")
    endforeach()
  endif()
endforeach()
add_test(NAME import_refused_styles
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/refused.sh $<TARGET_FILE:retort> ${CMAKE_CURRENT_LIST_DIR}/corpus/refused_styles)
set_tests_properties(import_refused_styles PROPERTIES LABELS import)
