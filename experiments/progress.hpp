#pragma once
// Progress of long work on stderr: runs done, runs per minute and the time left. On a terminal a
// line rewritten a few times a second; otherwise (a batch job's log) one line per 5 % of the work.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

namespace stosim {

class SweepProgress {
 public:
  // `done` replicates (completing `runs_done` runs) of the `runs` x `replicates` were finished
  // before (a resumed sweep).
  SweepProgress(std::size_t runs, std::size_t replicates, std::size_t done, std::size_t runs_done, bool enabled,
                bool terminal, std::FILE* out = stderr);
  // One replicate of `run_finished ? a run that is now complete : a run` is done (thread-safe).
  void replicate_done(bool run_finished);
  void finish();
  std::string line() const;  // the current line, for tests

 private:
  void print(bool final);
  std::size_t runs_, replicates_, total_;
  std::size_t done_at_start_;
  std::atomic<std::size_t> done_, runs_done_{0};
  bool enabled_, terminal_;
  std::FILE* out_;
  std::mutex mutex_;
  std::size_t next_report_;  // in tasks, for the line-per-5 % mode
  std::chrono::steady_clock::time_point start_, last_{};
};

}  // namespace stosim
