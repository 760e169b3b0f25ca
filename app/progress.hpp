#pragma once
// Progress of a run on stderr, only when a person is watching (stderr is a terminal).
#include <atomic>
#include <chrono>
#include <mutex>

namespace stosim::app {

class Progress {
 public:
  Progress(int replicates, int years, bool enabled);
  // Called after each replicate-year, from any thread.
  void operator()(int replicate, int year);

 private:
  int total_;
  bool enabled_;
  std::atomic<int> done_{0};
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_, last_{};
};

}  // namespace stosim::app
