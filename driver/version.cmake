# Run at build time (cmake -P): writes OUT with the commit the binary is built
# from, and rewrites it only when that changes, so a new commit is seen
# without re-running CMake and an unchanged one rebuilds nothing.
#   -DSOURCE_DIR=... -DOUT=... -DVERSION=...
set(commit "unknown")
execute_process(COMMAND git -C "${SOURCE_DIR}" rev-parse --short=12 HEAD
                OUTPUT_VARIABLE head OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE failed)
if(NOT failed AND head)
  set(commit "${head}")
  execute_process(COMMAND git -C "${SOURCE_DIR}" diff-index --quiet HEAD -- RESULT_VARIABLE dirty ERROR_QUIET)
  if(dirty)
    set(commit "${commit}-dirty")
  endif()
endif()
set(text "#pragma once\n#define RETORT_VERSION \"${VERSION}\"\n#define RETORT_COMMIT \"${commit}\"\n")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
else()
  set(old "")
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUT}" "${text}")
endif()
