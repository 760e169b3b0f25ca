#include "models/programme_openings.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "sim/parallel.hpp"

namespace stosim {

namespace {

constexpr std::uint8_t profile_leerwegen = 0b0111;  // BB, KB, GL

struct Demand {
  std::vector<std::int32_t> year2;      // per location: BB/KB/GL students in year 2
  std::vector<std::int64_t> technical;  // per region x profile: technical students in years 3-4
  std::array<std::int64_t, n_profiles> national{};
};

Demand demand(const World& world, const std::array<bool, n_profiles>& technical) {
  // Whole counts, counted in parallel: year 2 per location, then years 3-4 per region x profile.
  const std::size_t locations = world.locations.size(), technical_at = locations;
  std::vector<std::int64_t> counts(locations + world.regions.size() * n_profiles, 0);
  const Students& s = world.students;
  count_over_indices(s.size(), counts, [&](std::size_t i, std::vector<std::int64_t>& c) {
    if (s.location[i] < 0 || s.grade[i] < 2) return;
    // Without branches on the leerweg, profile and status, which alternate at random in the
    // students' order: each count adds its condition.
    const auto l = static_cast<std::size_t>(s.location[i]);
    const bool counted = has_profile(s.leerweg[i]) & (s.status[i] == StudentStatus::enrolled);
    if (s.grade[i] == 2) {
      c[l] += counted;
      return;
    }
    c[technical_at + static_cast<std::size_t>(world.locations.region[l]) * n_profiles +
      profile_slot(s.profile[i])] += counted & is_technical(s.profile[i], technical);
  });
  Demand d{std::vector<std::int32_t>(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(locations)),
           std::vector<std::int64_t>(counts.begin() + static_cast<std::ptrdiff_t>(technical_at), counts.end()), {}};
  for (std::size_t k = 0; k < d.technical.size(); ++k) d.national[k % n_profiles] += d.technical[k];
  return d;
}

// The technical profile with most students in years 3-4 in the region; nationally where the
// region has none (lowest index on ties).
int profile_to_open(const Demand& d, std::size_t region, const std::array<bool, n_profiles>& technical) {
  int best = -1, best_national = -1;
  for (int p = 0; p < n_profiles; ++p) {
    if (!technical[p]) continue;
    const std::int64_t here = d.technical[region * n_profiles + static_cast<std::size_t>(p)];
    if (here > 0 && (best < 0 || here > d.technical[region * n_profiles + static_cast<std::size_t>(best)])) best = p;
    if (best_national < 0 || d.national[p] > d.national[best_national]) best_national = p;
  }
  return best >= 0 ? best : best_national;
}

bool has_technical_programme(const World& world, std::size_t location, const std::array<bool, n_profiles>& technical) {
  for (int p = 0; p < n_profiles; ++p)
    if (technical[p] && world.programmes.offered[programme_index(location, p)]) return true;
  return false;
}

// The programme constant at quantile q among the open programmes of profile p (0 without any).
float appeal_quantile(const World& world, int p, double q) {
  const std::vector<float>& own = world.start.programme_constant;
  std::vector<float> values;
  for (std::size_t k = static_cast<std::size_t>(p); k < own.size(); k += n_profiles)
    if (world.programmes.offered[k]) values.push_back(own[k]);
  if (values.empty()) return 0.0f;
  const auto at = static_cast<std::ptrdiff_t>(std::floor(q * static_cast<double>(values.size() - 1)));
  std::nth_element(values.begin(), values.begin() + at, values.end());
  return values[static_cast<std::size_t>(at)];
}

}  // namespace

std::int64_t open_programmes(World& world, const ProgrammeOpeningParams& params,
                             const FacilityParams& facilities, const StepContext& ctx) {
  if (params.rate <= 0.0) return 0;
  const Demand d = demand(world, ctx.technical);
  const std::vector<float>& staffed = world.region_state.teacher_staffed_share;
  Programmes& prog = world.programmes;
  std::int64_t opened = 0;
  for (std::size_t l = 0; l < world.locations.size(); ++l) {
    if ((world.locations.leerweg_mask[l] & profile_leerwegen) == 0 || d.year2[l] < params.min_year2_students ||
        has_technical_programme(world, l, ctx.technical))
      continue;
    const auto region = static_cast<std::size_t>(world.locations.region[l]);
    const double teachers = region < staffed.size() ? static_cast<double>(staffed[region]) : 1.0;
    // Money: STO money for the schools' own programmes (models/channels.hpp, openings_funded).
    const std::vector<float>& funded = world.channels.opening_factor;
    const double money = region < funded.size() ? static_cast<double>(funded[region]) : 1.0;
    if (!ctx.stream(Purpose::programme_opening, l).bernoulli(std::min(1.0, params.rate * teachers * money))) continue;
    const int p = profile_to_open(d, region, ctx.technical);
    if (p < 0) continue;
    const std::size_t k = programme_index(l, p);
    if (k < world.start.programme_constant.size())
      world.start.programme_constant[k] = appeal_quantile(world, p, params.start_appeal_quantile);
    prog.offered[k] = 1;
    prog.opened_year[k] = static_cast<std::int16_t>(ctx.year);
    prog.years_below_viability[k] = 0;
    prog.facility_quality[k] = static_cast<float>(facilities.initial_quality_mean);
    world.flows.facility_investment[region] += facilities.initial_quality_mean * facilities.cost_per_quality;
    ++opened;
  }
  world.flows.opened_programmes += opened;
  return opened;
}

void record_opening_quality(World& world, std::span<const float> quality, int year) {
  std::vector<float>& start = world.start.programme_quality;
  for (std::size_t k = 0; k < start.size() && k < quality.size(); ++k)
    if (world.programmes.opened_year[k] == year) start[k] = quality[k];
}

}  // namespace stosim
