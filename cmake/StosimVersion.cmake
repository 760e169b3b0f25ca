# The git commit is stored in every output file; it is read at build time, so a
# rebuild after a commit records the new one.
set(STOSIM_VERSION_CPP ${CMAKE_CURRENT_BINARY_DIR}/version.cpp)
add_custom_target(stosim_version_info
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_CURRENT_SOURCE_DIR} -DOUTPUT=${STOSIM_VERSION_CPP}
          -DVERSION=${PROJECT_VERSION} -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/WriteVersion.cmake
  BYPRODUCTS ${STOSIM_VERSION_CPP})
