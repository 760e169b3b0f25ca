#include "models/school_choice.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

#include "sim/parallel.hpp"

namespace stosim {

double school_utility(const World& world, const SchoolChoiceParams& params, std::size_t location,
                      float distance_km, std::span<const std::int32_t> open_profiles) {
  return params.beta_distance * distance_km +
         params.beta_profiles_offered * open_profiles[location] +
         params.image_weight * world.locations.image[location];
}

namespace {

std::vector<std::int32_t> count_open_profiles(const World& world) {
  std::vector<std::int32_t> open(world.locations.size(), 0);
  for (std::size_t l = 0; l < open.size(); ++l)
    for (int p = 0; p < n_profiles; ++p) open[l] += world.programmes.offered[programme_index(l, p)];
  return open;
}

}  // namespace

// When nothing within reach offers the leerweg, the student travels to the nearest that does.
std::int32_t nearest_offering(const World& world, std::size_t zone, Leerweg lw) {
  std::int32_t best = -1;
  float best_distance = std::numeric_limits<float>::max();
  for (std::size_t l = 0; l < world.locations.size(); ++l) {
    if (!world.locations.offers(l, lw)) continue;
    const float d = distance_km(world, zone, l);
    if (d < best_distance) best_distance = d, best = static_cast<std::int32_t>(l);
  }
  return best;
}

namespace {

// e^(calibrated constant) of a location for a leerweg; 1 when not calibrated.
double school_factor(const World& world, std::size_t location, int lw) {
  const std::vector<float>& a = world.start.school_constant;
  const std::size_t cell = location * n_leerwegen + static_cast<std::size_t>(lw);
  return cell < a.size() ? std::exp(static_cast<double>(a[cell])) : 1.0;
}

// e^(the utility without distance) of each location per leerweg, zero where the leerweg is not
// taught: [location x leerweg].
std::vector<double> location_factors(const World& world, const SchoolChoiceParams& params) {
  const std::vector<std::int32_t> open = count_open_profiles(world);
  std::vector<double> location_factor(world.locations.size() * n_leerwegen, 0.0);
  for_each_index(
      world.locations.size(),
      [&](std::size_t l) {
        const double rest = std::exp(school_utility(world, params, l, 0.0f, open));
        for (int lw = 0; lw < n_leerwegen; ++lw)
          if (world.locations.offers(l, static_cast<Leerweg>(lw)))
            location_factor[l * n_leerwegen + static_cast<std::size_t>(lw)] =
                rest * school_factor(world, l, lw);
      },
      place_grain);
  return location_factor;
}

// The cumulative logit weights of one zone's reachable entries, [entry of the zone x leerweg],
// into `cumulative`: e^(beta_d d) per entry times the location's factor, summed along the list.
void zone_cumulative_weights(const ReachableLocations& reach, std::size_t zone,
                             const std::vector<double>& decay,
                             const std::vector<double>& location_factor, double* cumulative) {
  double total[n_leerwegen] = {};
  for (std::uint32_t k = reach.offset[zone]; k < reach.offset[zone + 1]; ++k) {
    const auto l = static_cast<std::size_t>(reach.location[k]);
    const double distance = decay[k];
    for (int lw = 0; lw < n_leerwegen; ++lw) {
      total[lw] += distance * location_factor[l * n_leerwegen + static_cast<std::size_t>(lw)];
      cumulative[(k - reach.offset[zone]) * n_leerwegen + static_cast<std::size_t>(lw)] = total[lw];
    }
  }
}

// Every student of a zone and leerweg faces the same choice, so the cumulative logit weights
// are computed once per zone and leerweg (aligned with the zone's reachable list). The weight
// factors into e^(beta_d d) per reachable entry and e^(the rest) per location: two short tables
// of exponentials instead of one per entry and leerweg.
std::vector<double> cumulative_weights(const World& world, const SchoolChoiceParams& params) {
  const std::vector<double> location_factor = location_factors(world, params);
  const ReachableLocations& reach = world.zones.reachable;
  std::vector<double> scratch;
  const std::vector<double>& decay = decay_for(world.start.school_distance_decay, reach, params.beta_distance, scratch);
  std::vector<double> cumulative(reach.location.size() * n_leerwegen, 0.0);
  for_each_index(
      world.zones.size(),
      [&](std::size_t zone) {
        zone_cumulative_weights(reach, zone, decay, location_factor,
                                &cumulative[reach.offset[zone] * n_leerwegen]);
      },
      place_grain);
  return cumulative;
}

}  // namespace

void calibrate_school_constants(World& world, const SchoolChoiceParams& params) {
  std::vector<float>& a = world.start.school_constant;
  a.clear();
  if (!params.calibrate_constants) return;
  const std::size_t cells = world.locations.size() * n_leerwegen;
  std::vector<double> target(cells, 0.0);
  const Students& s = world.students;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s.grade[i] == 1 && s.location[i] >= 0)
      target[static_cast<std::size_t>(s.location[i]) * n_leerwegen + static_cast<std::size_t>(s.leerweg[i])] += 1.0;
  // Expected entrants per zone and leerweg, as enter_cohort spreads the region's cohort.
  const Zones& zones = world.zones;
  std::vector<double> region_weight(world.regions.size(), 0.0);
  for (std::size_t z = 0; z < zones.size(); ++z) region_weight[static_cast<std::size_t>(zones.region[z])] += zones.youth_weight[z];
  a.assign(cells, 0.0f);
  const ReachableLocations& reach = zones.reachable;
  std::vector<double> scratch;
  const std::vector<double>& decay =
      decay_for(world.start.school_distance_decay, reach, params.beta_distance, scratch);
  // One zone's cumulative weights at a time: the whole table (megabytes) written and read back in
  // each of the forty rounds cost more than the arithmetic.
  std::uint32_t most_entries = 0;
  for (std::size_t z = 0; z < zones.size(); ++z)
    most_entries = std::max(most_entries, reach.offset[z + 1] - reach.offset[z]);
  std::vector<double> cumulative(std::size_t{most_entries} * n_leerwegen, 0.0);
  constexpr int iterations = 40;
  for (int it = 0; it < iterations; ++it) {
    const std::vector<double> location_factor = location_factors(world, params);
    std::vector<double> expected(cells, 0.0);
    for (std::size_t z = 0; z < zones.size(); ++z) {
      const auto r = static_cast<std::size_t>(zones.region[z]);
      if (region_weight[r] <= 0.0 || reach.offset[z + 1] == reach.offset[z]) continue;
      zone_cumulative_weights(reach, z, decay, location_factor, cumulative.data());
      const double entrants = world.start.region_cohort[r] * zones.youth_weight[z] / region_weight[r];
      const std::uint32_t entries = reach.offset[z + 1] - reach.offset[z];
      for (int lw = 0; lw < n_leerwegen; ++lw) {
        const double n = entrants * world.start.region_leerweg_share[r * n_leerwegen + static_cast<std::size_t>(lw)];
        const double total = cumulative[(entries - 1) * n_leerwegen + static_cast<std::size_t>(lw)];
        if (n <= 0.0 || total <= 0.0) continue;
        double previous = 0.0;
        for (std::uint32_t j = 0; j < entries; ++j) {
          const double c = cumulative[j * n_leerwegen + static_cast<std::size_t>(lw)];
          expected[static_cast<std::size_t>(reach.location[reach.offset[z] + j]) * n_leerwegen +
                   static_cast<std::size_t>(lw)] += n * (c - previous) / total;
          previous = c;
        }
      }
    }
    for (std::size_t c = 0; c < cells; ++c)
      if (world.locations.offers(c / n_leerwegen, static_cast<Leerweg>(c % n_leerwegen)))
        a[c] += static_cast<float>(std::log((target[c] + 0.5) / (expected[c] + 0.5)));
  }
}

void choose_schools(World& world, const SchoolChoiceParams& params, const StepContext& ctx) {
  const std::vector<double> cumulative = cumulative_weights(world, params);
  const ReachableLocations& reach = world.zones.reachable;
  Students& s = world.students;
  std::atomic<std::int64_t> without_school{0};
  auto without_location = [&](std::size_t i) {
    return s.location[i] < 0 && s.status[i] == StudentStatus::enrolled;
  };
  // The stream is drawn from only where a school is within reach (all but a few students).
  for_each_drawing(
      s.size(), ctx.family(Purpose::location_choice), s.id, without_location,
      [&](std::size_t i, RandomStream& rng) {
        const auto zone = static_cast<std::size_t>(s.home_zone[i]);
        const auto lw = static_cast<std::size_t>(s.leerweg[i]);
        const std::uint32_t first = reach.offset[zone], end = reach.offset[zone + 1];
        const double total = end > first ? cumulative[(end - 1) * n_leerwegen + lw] : 0.0;
        if (total <= 0.0) {
          s.location[i] = nearest_offering(world, zone, s.leerweg[i]);
          if (s.location[i] < 0) {
            s.status[i] = StudentStatus::left;  // no school offers the leerweg anywhere
            without_school.fetch_add(1, std::memory_order_relaxed);
          }
          return;
        }
        const double target = rng.uniform() * total;
        // The first entry whose cumulative weight exceeds the target (the last one at most), by
        // bisection: the cumulative weights never decrease. Each step moves the base by a mask
        // rather than a branch, which the processor would mispredict every other step.
        std::uint32_t base = first, left = end - first;
        while (left > 1) {
          const std::uint32_t half = left / 2;
          const bool below = cumulative[(base + half - 1) * n_leerwegen + lw] <= target;
          base += half & (0u - static_cast<std::uint32_t>(below));
          left -= half;
        }
        s.location[i] = reach.location[base];
      });
  world.flows.left += without_school.load();
}

}  // namespace stosim
