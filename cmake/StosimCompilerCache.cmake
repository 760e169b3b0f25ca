# ccache, when installed, makes rebuilds after a branch switch or a fresh clone cheap.
option(STOSIM_CCACHE "Compile through ccache when it is installed" ON)
if(STOSIM_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  find_program(STOSIM_CCACHE_PROGRAM ccache)
  if(STOSIM_CCACHE_PROGRAM)
    set(CMAKE_C_COMPILER_LAUNCHER ${STOSIM_CCACHE_PROGRAM})
    set(CMAKE_CXX_COMPILER_LAUNCHER ${STOSIM_CCACHE_PROGRAM})
  endif()
endif()
