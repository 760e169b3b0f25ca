#pragma once
// Running the stosim executable as a user or a failing machine would: a command line through
// /bin/sh, optionally under a file size limit (RLIMIT_FSIZE: a full disk), with its exit code,
// the signal that ended it, and its stdout and stderr together.
#include <catch2/catch.hpp>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace stosim::testing {

namespace fs = std::filesystem;

inline const std::string stosim_exe = STOSIM_EXECUTABLE;
inline const fs::path test_data = STOSIM_TEST_DATA_DIR;

struct Outcome {
  int code = -1;    // exit code, or -1 when a signal ended it
  int signal = 0;   // the signal that ended it, or 0
  std::string output;
};

// Runs `stosim ARGUMENTS`; `file_size_limit` > 0 makes every write beyond that many bytes fail.
inline Outcome stosim_run(const std::string& arguments, long file_size_limit = 0) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const std::string command = stosim_exe + " " + arguments;
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    ::dup2(fds[1], STDERR_FILENO);
    ::close(fds[0]);
    ::close(fds[1]);
    if (file_size_limit > 0) {
      const rlimit limit{static_cast<rlim_t>(file_size_limit), static_cast<rlim_t>(file_size_limit)};
      ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[1]);
  Outcome out;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    out.output.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (WIFEXITED(status)) out.code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) out.signal = WTERMSIG(status);
  return out;
}

// An empty folder of its own for one test (the process id keeps parallel runs apart).
inline fs::path fresh_folder(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("stosim_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Every file in `dir` (recursively), as names relative to it.
inline std::string listing(const fs::path& dir) {
  std::string out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) out += fs::relative(e.path(), dir).string() + "\n";
  return out;
}

inline bool has_temporaries(const fs::path& dir) {
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.path().filename().string().find(".tmp-") != std::string::npos) return true;
  return false;
}

inline std::string file_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A small run that is quick to make: scale 0.02, `replicates`, 2018-`end_year`.
inline std::string small_run_arguments(const fs::path& out, int replicates = 1, int end_year = 2019,
                                       const std::string& extra = "") {
  return "run baseline -o " + out.string() + " --scale 0.02 --replicates " + std::to_string(replicates) +
         " --end-year " + std::to_string(end_year) + " --threads 1 --quiet " + extra;
}

}  // namespace stosim::testing
