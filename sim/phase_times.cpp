#include "sim/phase_times.hpp"

namespace stosim {

void PhaseTimes::add(const char* phase, double seconds) {
  const std::lock_guard lock(mutex_);
  for (auto& [name, total] : totals_)
    if (name == phase) {
      total += seconds;
      return;
    }
  totals_.emplace_back(phase, seconds);
}

std::vector<std::pair<std::string, double>> PhaseTimes::totals() const {
  const std::lock_guard lock(mutex_);
  return totals_;
}

}  // namespace stosim
