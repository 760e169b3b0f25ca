# Warnings live in their own INTERFACE target, linked by our own targets only.
add_library(stosim_warnings INTERFACE)
target_compile_options(stosim_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
  -Wno-sign-conversion
  # GCC 12 reports false -Wrestrict positives inside std::string (GCC bug 105329).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
  $<$<BOOL:${STOSIM_WARNINGS_AS_ERRORS}>:-Werror>)
