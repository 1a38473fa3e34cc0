# ctest driver: builds tests/fuzz with clang and runs every target for SECONDS seconds on a copy
# of its committed seed corpus (tests/fuzz/corpus/<target>). A crash, a leak, undefined behaviour
# or an exception other than inburgering::Error fails the test; libFuzzer writes the input that
# caused it to WORK_DIR/crash-* (turn it into a regression test, then into a seed).
# Variables: SOURCE_DIR, WORK_DIR, GENERATOR, CLANGXX, SECONDS, LAUNCHER (optional).
file(MAKE_DIRECTORY "${WORK_DIR}")
set(configure_args -S "${SOURCE_DIR}/tests/fuzz" -B "${WORK_DIR}/build" -G "${GENERATOR}"
    -DCMAKE_CXX_COMPILER=${CLANGXX} -DCMAKE_BUILD_TYPE=
    -DINBURGERING_SOURCE_DIR=${SOURCE_DIR})
if(LAUNCHER)
  list(APPEND configure_args -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER})
endif()
foreach(step configure build)
  if(step STREQUAL "configure")
    set(cmd "${CMAKE_COMMAND}" ${configure_args})
  else()
    set(cmd "${CMAKE_COMMAND}" --build "${WORK_DIR}/build")
  endif()
  execute_process(COMMAND ${cmd} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "fuzz: ${step} failed (${rc})\n${out}\n${err}")
  endif()
endforeach()

file(GLOB targets RELATIVE "${SOURCE_DIR}/tests/fuzz/corpus" "${SOURCE_DIR}/tests/fuzz/corpus/*")
foreach(target ${targets})
  set(corpus "${WORK_DIR}/corpus/${target}")
  file(REMOVE_RECURSE "${corpus}")
  file(MAKE_DIRECTORY "${corpus}")
  execute_process(
    COMMAND "${WORK_DIR}/build/fuzz_${target}" "${corpus}" "${SOURCE_DIR}/tests/fuzz/corpus/${target}"
            -max_total_time=${SECONDS} -timeout=20 -rss_limit_mb=2048 -print_final_stats=1
            -artifact_prefix=${WORK_DIR}/${target}-
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(REGEX MATCH "stat::number_of_executed_units: *[0-9]+" runs "${err}")
  string(REGEX MATCH "cov: [0-9]+" cov "${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "fuzz_${target} failed (${rc}):\n${err}")
  endif()
  message(STATUS "fuzz_${target}: ${runs}, ${cov}")
endforeach()
