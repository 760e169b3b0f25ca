# Every dependency comes from Debian's packages (scripts/install-deps.sh installs them).
find_package(TBB REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(fmt REQUIRED)
find_package(CLI11 REQUIRED)
find_package(Eigen3 REQUIRED NO_MODULE)
find_package(HDF5 REQUIRED COMPONENTS C)
find_package(nlohmann_json 3.10 REQUIRED)  # the report's JSON (Debian: nlohmann-json3-dev)
find_package(ZLIB REQUIRED)  # sweeps compress replicates in the worker, as HDF5's deflate does

# Open MPI (Debian: libopenmpi-dev, openmpi-bin) spreads a sweep over the ranks of mpirun.
find_package(MPI COMPONENTS C QUIET)
option(STOSIM_MPI "Build `stosim sweep` with MPI (on when CMake finds MPI)" ${MPI_C_FOUND})
if(STOSIM_MPI AND NOT MPI_C_FOUND)
  message(FATAL_ERROR "STOSIM_MPI is on but CMake found no MPI: install libopenmpi-dev or pass -DSTOSIM_MPI=OFF")
endif()

# HDF5's find module gives variables, not a target: wrap them once here.
add_library(stosim_hdf5 INTERFACE)
add_library(stosim::hdf5 ALIAS stosim_hdf5)
target_include_directories(stosim_hdf5 INTERFACE ${HDF5_C_INCLUDE_DIRS} ${HDF5_INCLUDE_DIRS})
target_link_libraries(stosim_hdf5 INTERFACE ${HDF5_C_LIBRARIES} ${HDF5_LIBRARIES})
target_compile_definitions(stosim_hdf5 INTERFACE ${HDF5_DEFINITIONS})

# Random123 is header-only (Debian: librandom123-dev).
find_path(RANDOM123_INCLUDE_DIR Random123/philox.h REQUIRED)
add_library(stosim_random123 INTERFACE)
add_library(stosim::random123 ALIAS stosim_random123)
target_include_directories(stosim_random123 INTERFACE ${RANDOM123_INCLUDE_DIR})

# Boost (header-only parts: Boost.Random's Sobol' sequence for sweeps and sensitivity,
# Boost.Math for compare) and NLopt (derivative-free
# optimisers for calibration; Debian: libnlopt-cxx-dev, whose nlopt.hpp wraps the C library).
find_package(Boost 1.71 REQUIRED)
find_package(NLopt REQUIRED CONFIG)
find_path(NLOPT_CXX_INCLUDE_DIR nlopt.hpp REQUIRED)
add_library(stosim_nlopt INTERFACE)
add_library(stosim::nlopt ALIAS stosim_nlopt)
target_include_directories(stosim_nlopt INTERFACE ${NLOPT_CXX_INCLUDE_DIR})
if(TARGET NLopt::nlopt_cxx)
  target_link_libraries(stosim_nlopt INTERFACE NLopt::nlopt_cxx)
else()
  target_link_libraries(stosim_nlopt INTERFACE NLopt::nlopt)
endif()
