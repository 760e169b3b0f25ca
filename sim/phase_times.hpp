#pragma once
// Where a replicate's time goes: seconds per phase of the yearly step, summed over the years and
// replicates that report to one PhaseTimes (stosim_bench ... --phases, bench/README.md). Off
// unless a caller hands one to the run: a PhaseClock without a PhaseTimes does nothing.
#include <chrono>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace stosim {

class PhaseTimes {
 public:
  // Safe from several threads at once (replicates run in parallel).
  void add(const char* phase, double seconds);
  // Each phase with its seconds, in the order the phases first reported.
  std::vector<std::pair<std::string, double>> totals() const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::pair<std::string, double>> totals_;
};

// Times consecutive phases: lap(name) charges the time since the previous lap (or since the
// clock started) to that phase.
class PhaseClock {
 public:
  explicit PhaseClock(PhaseTimes* times) : times_(times) {
    if (times_) last_ = std::chrono::steady_clock::now();
  }
  void lap(const char* phase) {
    if (!times_) return;
    const auto now = std::chrono::steady_clock::now();
    times_->add(phase, std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

 private:
  PhaseTimes* times_;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace stosim
