#pragma once
// Helpers of the sweep tests: sweep files in a temporary directory, running the stosim binary,
// and comparing the results of two output files bit for bit.
#include <hdf5.h>
#include <sys/wait.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "sim/hdf5_file.hpp"

namespace stosim::testing {

inline std::filesystem::path scratch_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("stosim_test_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
  return path.string();
}

// Runs a shell command line; returns its exit status, -N when killed by signal N (the shell
// reports a killed command as 128 + N).
inline int shell(const std::string& command) {
  const int status = std::system(command.c_str());
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  const int code = WEXITSTATUS(status);
  return code > 128 ? -(code - 128) : code;
}

inline std::string stosim_command(const std::string& arguments) {
  return std::string("'") + STOSIM_EXECUTABLE + "' " + arguments;
}

// Every result dataset (design parameters, summaries, indicators) of a file, by path.
inline std::vector<std::string> result_paths(hid_t file) {
  std::vector<std::string> out;
  for (const std::string group : {"summaries", "design/parameters"})
    if (h5::exists(file, group))
      for (const auto& name : h5::members(h5::open_group(file, group).id())) out.push_back(group + "/" + name);
  if (h5::exists(file, "indicators"))
    for (const auto& level : h5::members(h5::open_group(file, "indicators").id()))
      for (const auto& name : h5::members(h5::open_group(file, "indicators/" + level).id()))
        out.push_back("indicators/" + level + "/" + name);
  return out;
}

inline bool is_numeric(hid_t file, const std::string& path) {
  const h5::Handle set(H5Dopen2(file, path.c_str(), H5P_DEFAULT), H5Dclose, "open " + path);
  const h5::Handle type(H5Dget_type(set.id()), H5Tclose, "type");
  return H5Tget_class(type.id()) == H5T_FLOAT;
}

// Empty when the two files hold the same results bit for bit; else what differs.
inline std::string compare_results(const std::string& a, const std::string& b) {
  const h5::Handle fa = h5::open_file(a), fb = h5::open_file(b);
  const auto paths = result_paths(fa.id());
  if (paths != result_paths(fb.id())) return "different datasets";
  if (paths.empty()) return "no results";
  for (const auto& path : paths) {
    if (!is_numeric(fa.id(), path)) {
      if (h5::read_strings(fa.id(), path) != h5::read_strings(fb.id(), path)) return path + " differs";
      continue;
    }
    std::vector<hsize_t> sa, sb;
    const auto va = h5::read_doubles(fa.id(), path, sa), vb = h5::read_doubles(fb.id(), path, sb);
    if (sa != sb) return path + ": different shapes";
    if (!va.empty() && std::memcmp(va.data(), vb.data(), va.size() * sizeof(double)) != 0) return path + " differs";
  }
  return {};
}

}  // namespace stosim::testing
