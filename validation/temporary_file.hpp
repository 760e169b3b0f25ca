#pragma once
// A file in the temporary directory that lives only as long as this object (the validation's
// population files).
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace stosim {

class TemporaryFile {
 public:
  explicit TemporaryFile(std::string_view stem)
      : path_((std::filesystem::temp_directory_path() / fmt::format("{}-{}.h5", stem, ::getpid())).string()) {}
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace stosim
