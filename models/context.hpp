#pragma once
// What every mechanism gets besides the world and its own parameters.
#include <array>

#include "sim/catalog.hpp"
#include "sim/random.hpp"

namespace stosim {

class PhaseTimes;  // sim/phase_times.hpp

struct StepContext {
  StreamKey streams;
  int year = 0;
  int start_year = 0;
  double scale = 1.0;  // population.scale: national money and supplies are per scale 1
  std::array<bool, n_profiles> technical{};  // from profiles.technical
  PhaseTimes* phase_times = nullptr;         // where the step's time goes; none when null

  RandomStream stream(Purpose purpose, std::uint64_t agent) const {
    return RandomStream(streams, year, purpose, agent);
  }
  // This year's streams of one purpose, for loops that draw for many agents (for_each_drawing).
  StreamFamily family(Purpose purpose) const { return {streams, year, purpose}; }
};

}  // namespace stosim
