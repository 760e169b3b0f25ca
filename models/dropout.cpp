#include "models/dropout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "sim/parallel.hpp"

namespace stosim {

namespace {

// Dropout rate of each programme's students: the base rate, lowered by the quality channel (H9)
// as the programme's quality rises above its start. Once per year, not once per student.
std::vector<double> programme_dropout_rates(const World& world, const DropoutParams& params,
                                            DropoutQuality quality) {
  if (quality.quality.empty()) return {};
  std::vector<double> rate(quality.quality.size());
  for_each_index(
      rate.size(),
      [&](std::size_t k) {
        const double effect =
            quality.effect[static_cast<std::size_t>(world.locations.region[k / n_profiles])];
        rate[k] = std::min(
            1.0, params.dropout_rate * std::exp(-effect * (quality.quality[k] - quality.start[k])));
      },
      place_grain);
  return rate;
}

}  // namespace

void apply_dropout(World& world, const DropoutParams& params, const StepContext& ctx,
                   DropoutQuality quality) {
  const std::vector<double> programme_rate = programme_dropout_rates(world, params, quality);
  Students& s = world.students;
  // Dropouts and leavers counted per thread: some 10,000 a year, and one shared atomic counter
  // bounced between the cores on each of them.
  using Tally = std::array<std::int64_t, 2>;  // dropped out, left
  auto enrolled = [&](std::size_t i) { return s.status[i] == StudentStatus::enrolled; };
  for_each_drawing_counting(
      s.size(), Tally{}, ctx.family(Purpose::dropout), s.id, enrolled,
      [&](std::size_t i, RandomStream& rng, Tally& tally) {
        const double u = rng.uniform();
        double dropout_rate = params.dropout_rate;
        if (!programme_rate.empty() && s.profile[i] != no_profile && s.location[i] >= 0)
          dropout_rate = programme_rate[programme_index(static_cast<std::size_t>(s.location[i]),
                                                        s.profile[i])];
        if (u < dropout_rate) {
          s.status[i] = StudentStatus::dropped_out;
          ++tally[0];
        } else if (u < dropout_rate + params.leaving_rate) {
          s.status[i] = StudentStatus::left;
          ++tally[1];
        }
      },
      [&](const Tally& tally) {
        world.flows.dropped_out += tally[0];
        world.flows.left += tally[1];
      });
}

}  // namespace stosim
