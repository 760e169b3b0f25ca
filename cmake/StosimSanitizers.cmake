add_library(stosim_sanitizers INTERFACE)
if(STOSIM_SANITIZER STREQUAL "address")
  target_compile_options(stosim_sanitizers INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(stosim_sanitizers INTERFACE -fsanitize=address,undefined)
elseif(STOSIM_SANITIZER STREQUAL "thread")
  target_compile_options(stosim_sanitizers INTERFACE -fsanitize=thread)
  target_link_options(stosim_sanitizers INTERFACE -fsanitize=thread)
elseif(NOT STOSIM_SANITIZER STREQUAL "")
  message(FATAL_ERROR "STOSIM_SANITIZER must be '', 'address' or 'thread', not '${STOSIM_SANITIZER}'")
endif()

# UndefinedBehaviorSanitizer reports end the process, so that a test run fails on them.
# GCC 12 with the sanitizers reports false -Wmaybe-uninitialized inside <regex> and <functional>.
if(STOSIM_SANITIZER STREQUAL "address")
  target_compile_options(stosim_sanitizers INTERFACE -fno-sanitize-recover=undefined
    $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
endif()

# libFuzzer targets (tests/fuzz): clang only; every library is instrumented for coverage.
option(STOSIM_FUZZ "Build the libFuzzer targets in tests/fuzz (clang)" OFF)
set(STOSIM_FUZZ_RUNS 20000 CACHE STRING "Inputs each fuzz target tries under ctest")
if(STOSIM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "STOSIM_FUZZ needs clang (libFuzzer): configure with CXX=clang++ CC=clang")
  endif()
  target_compile_options(stosim_sanitizers INTERFACE -fsanitize=fuzzer-no-link)
endif()
