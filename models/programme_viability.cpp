#include "models/programme_viability.hpp"

#include <cmath>

#include "sim/parallel.hpp"

namespace stosim {

namespace {

// Nearest location within reach of the student's home, other than the own one, that offers the
// profile in the student's leerweg; -1 when there is none.
std::int32_t nearest_alternative(const World& world, std::size_t student, int profile) {
  const Students& s = world.students;
  const auto zone = static_cast<std::size_t>(s.home_zone[student]);
  const ReachableLocations& reach = world.zones.reachable;
  for (std::uint32_t k = reach.offset[zone]; k < reach.offset[zone + 1]; ++k) {
    const auto l = static_cast<std::size_t>(reach.location[k]);
    if (reach.location[k] != s.location[student] && world.locations.offers(l, s.leerweg[student]) &&
        world.programmes.offered[programme_index(l, profile)])
      return reach.location[k];
  }
  return -1;
}

// Offered programmes of each (region, profile).
std::vector<int> providers_per_region(const World& world) {
  std::vector<int> count(world.regions.size() * n_profiles, 0);
  for (std::size_t k = 0; k < world.programmes.size(); ++k)
    if (world.programmes.offered[k])
      ++count[static_cast<std::size_t>(world.locations.region[k / n_profiles]) * n_profiles + k % n_profiles];
  return count;
}

// The locations of each region, in order.
std::vector<std::vector<std::size_t>> locations_per_region(const World& world) {
  std::vector<std::vector<std::size_t>> in_region(world.regions.size());
  for (std::size_t l = 0; l < world.locations.size(); ++l)
    in_region[static_cast<std::size_t>(world.locations.region[l])].push_back(l);
  return in_region;
}

// H1: a larger programme of the same profile at a neighbouring location of the same region
// (`same_region`: the locations of the programme's region).
bool has_larger_neighbour(const World& world, std::size_t programme,
                          const std::vector<std::int32_t>& students,
                          const std::vector<std::size_t>& same_region, double neighbour_km) {
  const std::size_t l = programme / n_profiles;
  const int p = static_cast<int>(programme % n_profiles);
  for (const std::size_t other : same_region) {
    const std::size_t k = programme_index(other, p);
    if (other == l || !world.programmes.offered[k]) continue;
    if (distance_between_locations(world, other, l) <= neighbour_km &&
        students[k] > students[programme])
      return true;
  }
  return false;
}

// Marks the programmes that close this year, by agreement (H1) or by the viability rule.
std::vector<std::uint8_t> closing_programmes(World& world, const ProgrammeViabilityParams& params,
                                             const H1Params& h1,
                                             const std::vector<std::int32_t>& students,
                                             const StepContext& ctx) {
  const std::vector<int> providers = providers_per_region(world);
  const std::vector<std::vector<std::size_t>> in_region = locations_per_region(world);
  Programmes& prog = world.programmes;
  std::vector<std::uint8_t> closing(prog.size(), 0);
  for (std::size_t k = 0; k < prog.size(); ++k) {
    if (!prog.offered[k]) continue;
    const auto region = static_cast<std::size_t>(world.locations.region[k / n_profiles]);
    const ChannelValues& ch = world.channels;
    const double concentration = ch.concentration_rate[region];
    if (concentration > 0.0 && students[k] < h1.small_students &&
        has_larger_neighbour(world, k, students, in_region[region], h1.neighbour_km) &&
        ctx.stream(Purpose::concentration, k).bernoulli(concentration)) {
      closing[k] = 1;
      ++world.flows.concentrated_programmes;
      continue;
    }
    const bool small = students[k] < params.min_students * (1.0 - ch.threshold_relief[region]);
    if (!small) {
      prog.years_below_viability[k] = 0;
      continue;
    }
    const bool protected_sole = ch.protect_sole_provider[region] && providers[region * n_profiles + k % n_profiles] == 1;
    if (protected_sole || ++prog.years_below_viability[k] < params.years_below_to_close) continue;
    if (ctx.year - prog.opened_year[k] < params.new_programme_grace_years && prog.opened_year[k] > 0) continue;
    const double hazard = params.closure_hazard * std::exp(-students[k] / params.closure_size_scale);
    if (ctx.stream(Purpose::programme_closure, k).bernoulli(hazard)) closing[k] = 1;
  }
  for (std::size_t k = 0; k < prog.size(); ++k) {
    if (!closing[k]) continue;
    prog.offered[k] = 0;
    prog.years_below_viability[k] = 0;
    ++world.flows.closed_programmes;
  }
  return closing;
}

}  // namespace

std::int64_t phase_out_programmes_without_intake(World& world, const ProgrammeViabilityParams& params) {
  if (!params.phase_out_without_intake) return 0;
  Programmes& prog = world.programmes;
  std::vector<std::int32_t> year3(prog.size(), 0), year4(prog.size(), 0);
  const Students& s = world.students;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.status[i] != StudentStatus::enrolled || s.profile[i] == no_profile || s.location[i] < 0) continue;
    const std::size_t k = programme_index(static_cast<std::size_t>(s.location[i]), s.profile[i]);
    if (s.grade[i] == 3) ++year3[k];
    if (s.grade[i] == 4) ++year4[k];
  }
  std::int64_t phased_out = 0;
  for (std::size_t k = 0; k < prog.size(); ++k) {
    if (!prog.offered[k] || year3[k] > 0 || year4[k] == 0) continue;
    prog.offered[k] = 0;
    ++phased_out;
  }
  return phased_out;
}

void apply_programme_viability(World& world, const ProgrammeViabilityParams& params,
                               const H1Params& h1, const ProfileChoiceParams& choice,
                               const std::vector<std::int32_t>& programme_students,
                               const StepContext& ctx) {
  if (params.min_students <= 0) return;
  const std::vector<std::uint8_t> closing =
      closing_programmes(world, params, h1, programme_students, ctx);
  if (world.flows.closed_programmes == 0) return;
  // Each student's move reads only the offer and their own state, so students move in parallel.
  Students& s = world.students;
  std::vector<std::int64_t> moved_and_left(2, 0);
  count_over_indices(
      s.size(), moved_and_left, [&](std::size_t i, std::vector<std::int64_t>& counts) {
        if (s.grade[i] != 3 || s.location[i] < 0) return;
        // One branch, almost never taken, for conditions that alternate at random in the students'
        // order (the profile, the status).
        const auto own = static_cast<std::size_t>(s.location[i]);
        const int profile = static_cast<int>(profile_slot(s.profile[i]));
        const bool moves = (s.profile[i] != no_profile) & (s.status[i] == StudentStatus::enrolled) &
                           (closing[programme_index(own, profile)] != 0);
        if (!moves) return;
        ++counts[0];
        const std::int32_t elsewhere = nearest_alternative(world, i, s.profile[i]);
        if (elsewhere >= 0) {
          s.location[i] = elsewhere;
          return;
        }
        const std::int8_t other = choose_profile_at(world, own, i, choice, ctx, s.profile[i]);
        if (other == no_profile) {
          s.status[i] = StudentStatus::left;
          ++counts[1];
        } else {
          s.profile[i] = other;
        }
      });
  world.flows.moved_by_closure += moved_and_left[0];
  world.flows.left += moved_and_left[1];
}

}  // namespace stosim
