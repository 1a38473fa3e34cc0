# ctest driver: builds tests/consumer against inburgering and runs it, and the README's programs.
# Variables: MODE (find_package|subdirectory|shared), SOURCE_DIR, BUILD_DIR, WORK_DIR, GENERATOR,
# CXX (the C++ compiler), LAUNCHER (optional compiler launcher, e.g. ccache).
#   find_package  installs BUILD_DIR (the static library of this build) and uses find_package;
#   shared        builds the library from SOURCE_DIR with BUILD_SHARED_LIBS=ON, installs it,
#                 checks that it exports nothing of its dependencies, and uses find_package;
#   subdirectory  uses add_subdirectory on SOURCE_DIR.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
# No build type (no -g, no optimisation): these builds compile the library again and only need to
# link and run, so they take the cheapest compile.
set(configure_args -S "${SOURCE_DIR}/tests/consumer" -B "${WORK_DIR}/build" -G "${GENERATOR}"
    -DCONSUMER_README=${SOURCE_DIR}/README.md -DCMAKE_BUILD_TYPE=)
if(LAUNCHER)
  list(APPEND configure_args -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER})
endif()

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                  WORKING_DIRECTORY "${WORK_DIR}")
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " shown "${ARGN}")
    message(FATAL_ERROR "consumer ${MODE}: `${shown}` failed (${rc})\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

if(MODE STREQUAL "find_package")
  run("${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${WORK_DIR}/prefix")
  list(APPEND configure_args -DCONSUMER_MODE=find_package -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
elseif(MODE STREQUAL "shared")
  set(lib_args -S "${SOURCE_DIR}" -B "${WORK_DIR}/lib" -G "${GENERATOR}" -DBUILD_SHARED_LIBS=ON
      -DCMAKE_BUILD_TYPE= -DINBURGERING_BUILD_TESTS=OFF -DINBURGERING_BUILD_EXAMPLES=OFF
      -DINBURGERING_BUILD_BENCHMARKS=OFF)
  if(LAUNCHER)
    list(APPEND lib_args -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER})
  endif()
  run("${CMAKE_COMMAND}" ${lib_args})
  run("${CMAKE_COMMAND}" --build "${WORK_DIR}/lib")
  run("${CMAKE_COMMAND}" --install "${WORK_DIR}/lib" --prefix "${WORK_DIR}/prefix")
  file(GLOB_RECURSE shared_libs "${WORK_DIR}/prefix/*/libinburgering.so")
  if(NOT shared_libs)
    message(FATAL_ERROR "consumer shared: no libinburgering.so was installed")
  endif()
  list(GET shared_libs 0 shared_lib)
  # The shared library exports the API only: none of SQLite's, SQLiteCpp's, nlohmann's or
  # simdjson's symbols.
  run(nm -DC --defined-only "${shared_lib}")
  set(exported "${last_output}")
  # Boost.Date_Time is a public dependency (Date in the API); its exception types may appear.
  foreach(foreign "nlohmann" "simdjson" "SQLite::" " sqlite3_" "::Impl::")
    string(FIND "${exported}" "${foreign}" found)
    if(NOT found EQUAL -1)
      message(FATAL_ERROR "consumer shared: libinburgering.so exports ${foreign} symbols")
    endif()
  endforeach()
  string(REGEX MATCHALL "\n" lines "${exported}")
  list(LENGTH lines count)
  message(STATUS "libinburgering.so exports ${count} symbols")
  list(APPEND configure_args -DCONSUMER_MODE=find_package -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
else()
  list(APPEND configure_args -DCONSUMER_MODE=subdirectory -DINBURGERING_SOURCE_DIR=${SOURCE_DIR})
endif()

# An installed library also links through pkg-config, for build systems other than CMake.
if(NOT MODE STREQUAL "subdirectory")
  file(GLOB_RECURSE pc_files "${WORK_DIR}/prefix/*/inburgering.pc")
  if(NOT pc_files)
    message(FATAL_ERROR "consumer ${MODE}: no inburgering.pc was installed")
  endif()
  list(GET pc_files 0 pc_file)
  get_filename_component(pc_dir "${pc_file}" DIRECTORY)
  run("${CMAKE_COMMAND}" -E env "PKG_CONFIG_PATH=${pc_dir}" pkg-config --cflags --libs inburgering)
  string(STRIP "${last_output}" pc_flags)
  separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
  run("${CXX}" -std=c++20 "${SOURCE_DIR}/tests/consumer/main.cpp" ${pc_flags}
      "-Wl,-rpath,${pc_dir}/.." -o "${WORK_DIR}/pc-consumer")
  run("${WORK_DIR}/pc-consumer")
  message(STATUS "pkg-config: ${last_output}")
endif()

run("${CMAKE_COMMAND}" ${configure_args})
run("${CMAKE_COMMAND}" --build "${WORK_DIR}/build")
run("${WORK_DIR}/build/consumer")
message(STATUS "${last_output}")
file(READ "${WORK_DIR}/build/snippets.txt" snippets)
foreach(snippet ${snippets})
  run("${WORK_DIR}/build/${snippet}")
  message(STATUS "${snippet}: ok")
endforeach()
