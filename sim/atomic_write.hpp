#pragma once
#include <filesystem>
#include <string>
#include <system_error>
#include <unistd.h>

namespace stosim {

template <class Write>
void write_atomically(const std::string& path, Write&& write) {
  namespace fs = std::filesystem;
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  try {
    write(temporary);
    fs::rename(temporary, path);
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(temporary, ignored);
    throw;
  }
}

}  // namespace stosim
