#pragma once
// Helpers for tests on the real DUO and CBS files in ../shared/data: they skip (with a warning)
// when the files are absent, as in a user's clone, and make malformed copies in a temp folder.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/data_error.hpp"
#include "population/population_import.hpp"

namespace stosim::testing {

namespace fs = std::filesystem;

inline const fs::path shared_data = fs::path(STOSIM_SOURCE_DIR) / ".." / "shared" / "data";

inline bool have_shared_data() {
  return fs::exists(shared_data / "duo_leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv");
}

// Catch2 v2 (Debian 12 ships 2.13) has no SKIP: the test prints the marker STOSIM_SKIPPED and
// leaves; ctest reports a test whose output holds the marker as skipped, not passed
// (SKIP_REGULAR_EXPRESSION in tests/CMakeLists.txt).
#define STOSIM_REQUIRE_SHARED_DATA()                                                         \
  if (!stosim::testing::have_shared_data()) {                                               \
    std::cout << "STOSIM_SKIPPED: the DUO/CBS files are not in "                            \
              << stosim::testing::shared_data.string() << " (see shared/data/SOURCES.md)\n"; \
    WARN("skipped: no DUO/CBS files in " << stosim::testing::shared_data.string());         \
    return;                                                                                  \
  }

// A file in the temporary directory, named by process id so concurrent test runs do not
// collide, removed when the test ends.
struct TempFile {
  fs::path path;
  explicit TempFile(const std::string& name)
      : path(fs::temp_directory_path() / (std::to_string(::getpid()) + "_" + name)) {
    fs::remove(path);
  }
  ~TempFile() {
    std::error_code ignored;
    fs::remove(path, ignored);
  }
};

inline std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_bytes(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

inline std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

// A copy of the import's five files in a fresh folder, to be broken one way in each test.
class DataCopy {
 public:
  // The process id keeps concurrent test runs (ctest -j, several builds) apart.
  explicit DataCopy(const std::string& name)
      : dir_(fs::temp_directory_path() / ("stosim_import_" + name + "_" + std::to_string(::getpid()))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    const ImportOptions real = default_import_files(shared_data.string());
    for (const std::string& f : {real.students, real.addresses, real.geocoded, real.cbs_youth, real.centroids})
      fs::copy_file(f, dir_ / fs::path(f).filename());
  }
  ~DataCopy() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  ImportOptions options() const { return default_import_files(dir_.string()); }
  fs::path dir() const { return dir_; }
  // Path of one of the files, by a part of its name ("leerlingen", "geocoded", ...).
  fs::path file(const std::string& part) const {
    for (const auto& e : fs::directory_iterator(dir_))
      if (e.path().filename().string().find(part) != std::string::npos) return e.path();
    FAIL("no file like " << part);
    return {};
  }
  void edit_lines(const std::string& part, const std::function<void(std::vector<std::string>&)>& edit) const {
    std::vector<std::string> lines = split_lines(read_bytes(file(part)));
    edit(lines);
    write_bytes(file(part), join_lines(lines));
  }

 private:
  fs::path dir_;
};

// The message of the DataError an import throws ("" when it succeeds).
inline std::string import_error(const ImportOptions& options) {
  try {
    import_population(options);
  } catch (const DataError& e) {
    std::string all;
    for (const std::string& m : e.messages()) all += m + "\n";
    return all;
  }
  return "";
}

}  // namespace stosim::testing
