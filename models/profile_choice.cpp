#include "models/profile_choice.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>

#include <array>
#include <atomic>
#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

#include "sim/parallel.hpp"

namespace stosim {

namespace {

constexpr int n_choosing_leerwegen = 3;  // BB, KB, GL

double constant(const World& world, int leerweg, int profile) {
  return world.start.profile_constant[static_cast<std::size_t>(leerweg * n_profiles + profile)];
}

// Weight e^(constant + programme constant + appeal) of a profile at a location, before the
// propensity factor.
double profile_weight(const World& world, int leerweg, std::size_t location, int profile, Appeal appeal) {
  const std::size_t k = programme_index(location, profile);
  const double extra = appeal.empty() ? 0.0 : appeal[k];
  const std::vector<float>& own = world.start.programme_constant;
  return std::exp(constant(world, leerweg, profile) + (k < own.size() ? own[k] : 0.0f) + extra);
}

// Weight of every programme for each choosing leerweg, [location x leerweg][profile], zero where
// the programme is not offered: computed once per pass so that a student's choice costs no exp.
// Some 28,000 exps a year, so locations in parallel.
std::vector<double> programme_weights(const World& world, Appeal appeal) {
  std::vector<double> weights(world.locations.size() * n_choosing_leerwegen * n_profiles, 0.0);
  for_each_index(
      world.locations.size(),
      [&](std::size_t l) {
        for (int lw = 0; lw < n_choosing_leerwegen; ++lw) {
          if (!world.locations.offers(l, static_cast<Leerweg>(lw))) continue;
          double* cell =
              &weights[(l * n_choosing_leerwegen + static_cast<std::size_t>(lw)) * n_profiles];
          for (int p = 0; p < n_profiles; ++p)
            if (world.programmes.offered[programme_index(l, p)])
              cell[p] = profile_weight(world, lw, l, p, appeal);
        }
      },
      place_grain);
  return weights;
}

// Per location and choosing leerweg: the programme weights summed over its open profiles, split
// into technical and other. The logit over (location, profile) then factors into a choice of
// location and a choice of profile within it, so a student costs one pass over nearby locations.
struct OfferSums {
  std::vector<double> weights;           // programme_weights
  std::vector<double> technical, other;  // location x leerweg
  std::size_t at(std::size_t location, int lw) const {
    return location * n_choosing_leerwegen + static_cast<std::size_t>(lw);
  }
  std::span<const double, n_profiles> cell_weights(std::size_t cell) const {
    return std::span<const double, n_profiles>(&weights[cell * n_profiles], n_profiles);
  }
};

OfferSums offer_sums(const World& world, const std::array<bool, n_profiles>& technical, Appeal appeal) {
  const std::size_t n = world.locations.size() * n_choosing_leerwegen;
  OfferSums sums{programme_weights(world, appeal), std::vector<double>(n, 0.0), std::vector<double>(n, 0.0)};
  for (std::size_t cell = 0; cell < n; ++cell)
    for (int p = 0; p < n_profiles; ++p)
      (technical[p] ? sums.technical : sums.other)[cell] += sums.cell_weights(cell)[p];
  return sums;
}

// What every student's choice shares in a year: per reachable entry e^(beta_d * d), and per zone
// and choosing leerweg the sums over its reachable entries of e^(beta_d * d) * switch factor *
// the location's offer sums, split into other and technical profiles. A student's weight of an
// entry is then e^(beta_d * d) * switch factor * (other + f * technical) (f = e^(beta_p *
// propensity)), without the switch factor at their own location: a choice costs one exp and a
// pass of multiply-adds. The entries' weights are computed where a choice needs them, not kept
// in tables: a table per entry and leerweg is megabytes written every year and read back from
// memory, while the offer sums per location are small enough to stay in the cache.
struct ChoiceTables {
  OfferSums sums;
  double switch_factor = 1.0;                      // e^(-switch_school_cost)
  std::vector<double> computed_decay;              // when beta_distance is not the world's own
  std::span<const double> decay;                   // e^(beta_d * d) per reachable entry
  std::vector<double> zone_other, zone_technical;  // [zone x leerweg]
};

// Other and technical parts of the weight of reachable entry k in leerweg lw, before the
// student's own-location and technical factors.
std::pair<double, double> entry_parts(const ChoiceTables& t, const ReachableLocations& reach,
                                      std::uint32_t k, std::size_t lw) {
  const double factor = t.decay[k] * t.switch_factor;
  const std::size_t cell =
      t.sums.at(static_cast<std::size_t>(reach.location[k]), static_cast<int>(lw));
  return {factor * t.sums.other[cell], factor * t.sums.technical[cell]};
}

ChoiceTables choice_tables(const World& world, const ProfileChoiceParams& params,
                           const std::array<bool, n_profiles>& technical, Appeal appeal) {
  ChoiceTables t{offer_sums(world, technical, appeal), std::exp(-params.switch_school_cost), {}, {}, {}, {}};
  const ReachableLocations& reach = world.zones.reachable;
  t.decay =
      decay_for(world.start.profile_distance_decay, reach, params.beta_distance, t.computed_decay);
  const std::size_t zones = world.zones.size() * n_choosing_leerwegen;
  t.zone_other.assign(zones, 0.0), t.zone_technical.assign(zones, 0.0);
  for_each_index(
      world.zones.size(),
      [&](std::size_t z) {
        for (std::uint32_t k = reach.offset[z]; k < reach.offset[z + 1]; ++k)
          for (std::size_t lw = 0; lw < n_choosing_leerwegen; ++lw) {
            const auto [other, technical_part] = entry_parts(t, reach, k, lw);
            t.zone_other[z * n_choosing_leerwegen + lw] += other;
            t.zone_technical[z * n_choosing_leerwegen + lw] += technical_part;
          }
      },
      place_grain);
  return t;
}

// One student's view of the tables: the zone's reachable entries, the technical factor and the
// own location, which carries no switch cost, and is added on its own when beyond reach.
struct Chooser {
  std::uint32_t first = 0, end = 0;
  std::size_t lw = 0;
  double tech_factor = 1.0;
  std::int32_t own = -1;
  double own_factor = 1.0;          // 1 / switch factor
  double beyond_reach = 0.0;        // weight of the own location when it is not an entry
  double beyond_technical = 0.0;    // its technical part
  double total = 0.0;               // sum of all the student's location weights
};

double tech_factor(const World& world, const ProfileChoiceParams& params, std::size_t student);

// Other and technical parts of the weight of entry k for the student.
std::pair<double, double> entry_weights(const ChoiceTables& t, const Chooser& c, const ReachableLocations& reach,
                                        std::uint32_t k) {
  const auto [other, technical] = entry_parts(t, reach, k, c.lw);
  const double own = reach.location[k] == c.own ? c.own_factor : 1.0;
  return {own * other, own * c.tech_factor * technical};
}

Chooser chooser(const World& world, const ProfileChoiceParams& params, const ChoiceTables& t,
                std::size_t student) {
  const Students& s = world.students;
  const ReachableLocations& reach = world.zones.reachable;
  const auto zone = static_cast<std::size_t>(s.home_zone[student]);
  Chooser c;
  c.first = reach.offset[zone], c.end = reach.offset[zone + 1];
  c.lw = static_cast<std::size_t>(s.leerweg[student]);
  c.tech_factor = tech_factor(world, params, student);
  c.own = s.location[student];
  c.own_factor = 1.0 / t.switch_factor;
  const std::size_t cell = zone * n_choosing_leerwegen + c.lw;
  c.total = t.zone_other[cell] + c.tech_factor * t.zone_technical[cell];
  for (std::uint32_t k = c.first; k < c.end; ++k)
    if (reach.location[k] == c.own) {
      const auto [other, technical] = entry_parts(t, reach, k, c.lw);
      c.total += (c.own_factor - 1.0) * (other + c.tech_factor * technical);
      return c;
    }
  if (c.own >= 0) {
    const std::size_t own_cell = t.sums.at(static_cast<std::size_t>(c.own), static_cast<int>(c.lw));
    const double distance = std::exp(params.beta_distance * distance_km(world, zone, static_cast<std::size_t>(c.own)));
    c.beyond_technical = distance * c.tech_factor * t.sums.technical[own_cell];
    c.beyond_reach = distance * t.sums.other[own_cell] + c.beyond_technical;
    c.total += c.beyond_reach;
  }
  return c;
}

// Draws the student's location in proportion to its weight; -1 when every weight is zero.
std::int32_t draw_location(const ChoiceTables& t, const Chooser& c, const ReachableLocations& reach,
                           RandomStream& rng) {
  if (c.total <= 0.0) return -1;
  double target = rng.uniform() * c.total;
  std::int32_t last = -1;
  for (std::uint32_t k = c.first; k < c.end; ++k) {
    const auto [other, technical] = entry_weights(t, c, reach, k);
    const double w = other + technical;
    // An entry without weight (no open programme in the leerweg) is passed over without a
    // branch: target >= 0 is never below it and loses nothing to it. A branch on it would be
    // mispredicted often, as such entries come at random.
    last = w > 0.0 ? reach.location[k] : last;
    if (target < w) return last;
    target -= w;
  }
  return c.beyond_reach > 0.0 ? c.own : last;
}

double tech_factor(const World& world, const ProfileChoiceParams& params, std::size_t student) {
  return std::exp(params.beta_propensity * world.students.propensity[student]);
}

// Draws a profile in proportion to its logit weight among a location's open programmes (weights
// zero where closed); -1 when none is open.
std::int8_t draw_profile(std::span<const double, n_profiles> weights, double tech_factor,
                         const std::array<bool, n_profiles>& technical, int excluded, RandomStream& rng) {
  std::array<double, n_profiles> weight{};
  double total = 0.0;
  for (int p = 0; p < n_profiles; ++p) {
    if (p == excluded) continue;
    weight[p] = weights[p] * (technical[p] ? tech_factor : 1.0);
    total += weight[p];
  }
  if (total <= 0.0) return no_profile;
  double target = rng.uniform() * total;
  int last = no_profile;
  for (int p = 0; p < n_profiles; ++p) {
    // A closed profile (weight 0) is passed over without a branch, as in draw_location.
    last = weight[p] > 0.0 ? p : last;
    if (target < weight[p]) return static_cast<std::int8_t>(p);
    target -= weight[p];
  }
  return static_cast<std::int8_t>(last);
}

bool chooses_profile(const Students& s, std::size_t i) {
  return s.status[i] == StudentStatus::enrolled && s.grade[i] == 2 && has_profile(s.leerweg[i]);
}

// Nearest location anywhere with an open programme in the leerweg; -1 when there is none.
std::int32_t nearest_with_programme(const World& world, const OfferSums& sums, std::size_t zone,
                                    int lw) {
  std::int32_t best = -1;
  float best_distance = std::numeric_limits<float>::max();
  for (std::size_t l = 0; l < world.locations.size(); ++l) {
    const std::size_t cell = sums.at(l, lw);
    if (sums.other[cell] + sums.technical[cell] <= 0.0) continue;
    const float d = distance_km(world, zone, l);
    if (d < best_distance) best_distance = d, best = static_cast<std::int32_t>(l);
  }
  return best;
}

}  // namespace

std::vector<float> quality_appeal(const World& world, std::span<const float> quality,
                                  std::span<const float> start,
                                  const std::array<bool, n_profiles>& technical) {
  const std::vector<float>& effect = world.channels.quality_choice;
  bool any = false;
  for (float e : effect) any = any || e != 0.0f;
  if (!any) return {};
  std::vector<float> appeal(quality.size(), 0.0f);
  for (std::size_t k = 0; k < quality.size(); ++k) {
    if (!technical[k % n_profiles]) continue;
    const double e = effect[static_cast<std::size_t>(world.locations.region[k / n_profiles])];
    appeal[k] = static_cast<float>(e * (quality[k] - start[k]));
  }
  return appeal;
}

namespace {

// Expected choices of the current year-2 students per (location x choosing leerweg) x profile.
std::vector<double> expected_programme_choices(const World& world, const ProfileChoiceParams& params,
                                               const std::array<bool, n_profiles>& technical,
                                               Appeal appeal) {
  const ChoiceTables tables = choice_tables(world, params, technical, appeal);
  const OfferSums& sums = tables.sums;
  const ReachableLocations& reach = world.zones.reachable;
  const Students& s = world.students;
  // Expected number of choosers per (location, leerweg) going to its technical or other group;
  // within a group, profiles split in proportion to e^constant.
  using Mass = std::vector<double>;  // [location x leerweg][technical, other]
  const std::size_t cells = world.locations.size() * n_choosing_leerwegen;
  const Mass mass = tbb::parallel_deterministic_reduce(
      tbb::blocked_range<std::size_t>(0, s.size(), 8192), Mass(2 * cells, 0.0),
      [&](const tbb::blocked_range<std::size_t>& range, Mass acc) {
        for (std::size_t i = range.begin(); i != range.end(); ++i) {
          if (!chooses_profile(s, i)) continue;
          const Chooser c = chooser(world, params, tables, i);
          if (c.total <= 0.0) continue;
          const int lw = static_cast<int>(c.lw);
          for (std::uint32_t k = c.first; k < c.end; ++k) {
            const auto [w_other, w_technical] = entry_weights(tables, c, reach, k);
            const std::size_t cell = sums.at(static_cast<std::size_t>(reach.location[k]), lw);
            acc[2 * cell] += w_technical / c.total;
            acc[2 * cell + 1] += w_other / c.total;
          }
          if (c.beyond_reach > 0.0) {
            const std::size_t cell = sums.at(static_cast<std::size_t>(c.own), lw);
            acc[2 * cell] += c.beyond_technical / c.total;
            acc[2 * cell + 1] += (c.beyond_reach - c.beyond_technical) / c.total;
          }
        }
        return acc;
      },
      [](Mass a, const Mass& b) {
        for (std::size_t k = 0; k < a.size(); ++k) a[k] += b[k];
        return a;
      });
  std::vector<double> choices(cells * n_profiles, 0.0);
  for (std::size_t l = 0; l < world.locations.size(); ++l)
    for (int lw = 0; lw < n_choosing_leerwegen; ++lw) {
      const std::size_t cell = sums.at(l, lw);
      for (int p = 0; p < n_profiles; ++p) {
        if (!world.programmes.offered[programme_index(l, p)]) continue;
        const double group_sum = technical[p] ? sums.technical[cell] : sums.other[cell];
        const double group_mass = mass[2 * cell + (technical[p] ? 0 : 1)];
        if (group_sum > 0)
          choices[cell * n_profiles + static_cast<std::size_t>(p)] =
              group_mass * sums.cell_weights(cell)[p] / group_sum;
      }
    }
  return choices;
}

}  // namespace

std::vector<double> technical_choice_odds(const World& world, const ProfileChoiceParams& params,
                                          const std::array<bool, n_profiles>& technical) {
  const ChoiceTables tables = choice_tables(world, params, technical, {});
  const ReachableLocations& reach = world.zones.reachable;
  const Students& s = world.students;
  std::vector<double> odds(s.size(), 0.0);
  for_each_index(s.size(), [&](std::size_t i) {
    if (s.status[i] != StudentStatus::enrolled || s.grade[i] < 3 || !has_profile(s.leerweg[i])) return;
    Chooser c = chooser(world, params, tables, i);
    double other = c.beyond_reach - c.beyond_technical, tech = c.beyond_technical / c.tech_factor;
    c.tech_factor = 1.0;
    for (std::uint32_t k = c.first; k < c.end; ++k) {
      const auto [w_other, w_technical] = entry_weights(tables, c, reach, k);
      other += w_other, tech += w_technical;
    }
    odds[i] = other > 0.0 ? tech / other : std::numeric_limits<double>::infinity();
  });
  return odds;
}

std::vector<double> expected_profile_shares(const World& world, const ProfileChoiceParams& params,
                                            const std::array<bool, n_profiles>& technical,
                                            Appeal appeal) {
  const std::vector<double> choices = expected_programme_choices(world, params, technical, appeal);
  std::vector<double> shares(n_choosing_leerwegen * n_profiles, 0.0);
  for (std::size_t cell = 0; cell < choices.size() / n_profiles; ++cell)
    for (int p = 0; p < n_profiles; ++p)
      shares[(cell % n_choosing_leerwegen) * n_profiles + static_cast<std::size_t>(p)] +=
          choices[cell * n_profiles + static_cast<std::size_t>(p)];
  for (int lw = 0; lw < n_choosing_leerwegen; ++lw) {
    double sum = 0.0;
    for (int p = 0; p < n_profiles; ++p) sum += shares[lw * n_profiles + p];
    for (int p = 0; p < n_profiles; ++p)
      if (sum > 0) shares[lw * n_profiles + p] /= sum;
  }
  return shares;
}

namespace {

// Sums expected choices [location x leerweg][profile] over the leerwegen: per programme.
std::vector<double> intake_per_programme(const std::vector<double>& choices) {
  std::vector<double> intake(choices.size() / n_choosing_leerwegen, 0.0);
  for (std::size_t cell = 0; cell < choices.size() / n_profiles; ++cell)
    for (int p = 0; p < n_profiles; ++p)
      intake[programme_index(cell / n_choosing_leerwegen, p)] +=
          choices[cell * n_profiles + static_cast<std::size_t>(p)];
  return intake;
}

}  // namespace

std::vector<double> expected_programme_intake(const World& world, const ProfileChoiceParams& params,
                                              const std::array<bool, n_profiles>& technical,
                                              Appeal appeal) {
  return intake_per_programme(expected_programme_choices(world, params, technical, appeal));
}

namespace {

// Observed year-3 students of each programme in the initial state.
std::vector<double> observed_programme_intake(const World& world) {
  std::vector<double> observed(world.programmes.size(), 0.0);
  const Students& s = world.students;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s.grade[i] == 3 && s.profile[i] != no_profile && has_profile(s.leerweg[i]) && s.location[i] >= 0)
      observed[programme_index(static_cast<std::size_t>(s.location[i]), s.profile[i])] += 1.0;
  return observed;
}

// Year-3 students per leerweg and profile (the targets' counts) and their shares per leerweg.
struct ObservedProfiles {
  std::vector<double> share = std::vector<double>(n_choosing_leerwegen * n_profiles, 0.0);
  std::array<double, n_choosing_leerwegen> students{};
};

ObservedProfiles observed_profiles(const World& world) {
  ObservedProfiles out;
  const Students& s = world.students;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s.grade[i] == 3 && s.profile[i] != no_profile && has_profile(s.leerweg[i]))
      out.share[static_cast<std::size_t>(s.leerweg[i]) * n_profiles + s.profile[i]] += 1.0;
  for (int lw = 0; lw < n_choosing_leerwegen; ++lw) {
    double& sum = out.students[static_cast<std::size_t>(lw)];
    for (int p = 0; p < n_profiles; ++p) sum += out.share[lw * n_profiles + p];
    for (int p = 0; p < n_profiles; ++p)
      if (sum > 0) out.share[lw * n_profiles + p] /= sum;
  }
  return out;
}

// Target choices of each programme: its observed intake plus a half (so that an offered programme
// without intake keeps a finite constant), scaled per profile to the choices that the profile
// constants aim at (sum over leerwegen of target share x choosers). The two margins then agree and
// the joint fixed point exists; unscaled, the two sets of constants pull against each other.
std::vector<double> programme_targets(const World& world, const std::vector<double>& observed,
                                      const std::vector<double>& profile_target,
                                      const std::vector<double>& choices) {
  std::array<double, n_choosing_leerwegen> choosers{};
  for (std::size_t cell = 0; cell < choices.size() / n_profiles; ++cell)
    for (int p = 0; p < n_profiles; ++p)
      choosers[cell % n_choosing_leerwegen] += choices[cell * n_profiles + static_cast<std::size_t>(p)];
  std::array<double, n_profiles> aimed{}, smoothed{};
  for (int lw = 0; lw < n_choosing_leerwegen; ++lw)
    for (int p = 0; p < n_profiles; ++p)
      aimed[p] += profile_target[static_cast<std::size_t>(lw * n_profiles + p)] * choosers[lw];
  for (std::size_t k = 0; k < observed.size(); ++k)
    if (world.programmes.offered[k]) smoothed[k % n_profiles] += observed[k] + 0.5;
  std::vector<double> target(observed.size(), 0.0);
  for (std::size_t k = 0; k < observed.size(); ++k) {
    const std::size_t p = k % n_profiles;
    if (world.programmes.offered[k] && smoothed[p] > 0.0)
      target[k] = (observed[k] + 0.5) * aimed[p] / smoothed[p];
  }
  return target;
}

// A programme constant stays within +-limit: a programme whose target exceeds the students who can
// reach it (all nearby choosers already come) would otherwise climb without end.
constexpr float programme_constant_limit = 8.0f;

// How far one round of the fixed point still is from the targets.
// Both in binomial units of the data: a difference of choosers over the square root of the
// target (plus one), the noise of an observed count of that size.
struct Misfit {
  double profile = 0.0;    // largest |target - expected| choices of a profile in a leerweg
  double programme = 0.0;  // largest |target - expected| intake, over unclamped programmes
};

// One step of the programme constants towards their targets: a <- a + log(target / expected).
// Programmes keep their size relative to the profile's share (a school's own appeal: reputation,
// staff, tradition), so small programmes stay small as in the data.
double update_programme_constants(World& world, const ProfileChoiceParams& params,
                                  const std::array<bool, n_profiles>& technical, Appeal appeal,
                                  const std::vector<double>& observed,
                                  const std::vector<double>& profile_target) {
  std::vector<float>& own = world.start.programme_constant;
  const std::vector<double> choices = expected_programme_choices(world, params, technical, appeal);
  const std::vector<double> target = programme_targets(world, observed, profile_target, choices);
  const std::vector<double> expected = intake_per_programme(choices);
  double misfit = 0.0;
  for (std::size_t k = 0; k < own.size(); ++k) {
    if (target[k] <= 0.0 || expected[k] <= 0.0) continue;
    const double step = std::log(target[k] / expected[k]);
    const bool clamped = std::abs(own[k]) >= programme_constant_limit && step * own[k] > 0.0;
    if (clamped) continue;
    own[k] = std::clamp(own[k] + static_cast<float>(step), -programme_constant_limit,
                        programme_constant_limit);
    misfit = std::max(misfit, std::abs(target[k] - expected[k]) / std::sqrt(target[k] + 1.0));
  }
  return misfit;
}

// One step of the profile constants towards the target shares: c <- c + log(target / expected),
// the usual contraction for logit constants. Returns the misfit before the step in binomial
// units of the observed year-3 students of each leerweg (`observed_students`).
double update_profile_constants(World& world, const ProfileChoiceParams& params,
                                const std::array<bool, n_profiles>& technical, Appeal appeal,
                                const std::vector<double>& target,
                                const std::array<double, n_choosing_leerwegen>& observed_students) {
  std::vector<float>& constants = world.start.profile_constant;
  const std::vector<double> expected = expected_profile_shares(world, params, technical, appeal);
  double misfit = 0.0;
  for (std::size_t k = 0; k < constants.size(); ++k) {
    if (target[k] <= 0.0) {
      constants[k] = -30.0f;
    } else if (expected[k] > 0.0) {
      constants[k] += static_cast<float>(std::log(target[k] / expected[k]));
      const double n = observed_students[k / n_profiles];
      misfit = std::max(misfit, n * std::abs(target[k] - expected[k]) / std::sqrt(n * target[k] + 1.0));
    }
  }
  return misfit;
}

// Both sets of constants as one vector, for the acceleration below.
std::vector<double> all_constants(const World& world) {
  std::vector<double> x(world.start.profile_constant.begin(), world.start.profile_constant.end());
  x.insert(x.end(), world.start.programme_constant.begin(), world.start.programme_constant.end());
  return x;
}

void set_all_constants(World& world, const std::vector<double>& x) {
  std::vector<float>& profile = world.start.profile_constant;
  std::vector<float>& own = world.start.programme_constant;
  for (std::size_t k = 0; k < profile.size(); ++k) profile[k] = static_cast<float>(x[k]);
  for (std::size_t k = 0; k < own.size(); ++k)
    own[k] = std::clamp(static_cast<float>(x[profile.size() + k]), -programme_constant_limit,
                        programme_constant_limit);
}

}  // namespace

void calibrate_profile_constants(World& world, const ProfileChoiceParams& params,
                                 const std::array<bool, n_profiles>& technical, Appeal appeal) {
  world.start.profile_constant.assign(n_choosing_leerwegen * n_profiles, 0.0f);
  world.start.programme_constant.assign(world.programmes.size(), 0.0f);
  if (!params.calibrate_constants) return;

  const ObservedProfiles profiles = observed_profiles(world);
  const std::vector<double>& target = profiles.share;
  const std::vector<double> observed =
      params.programme_constants ? observed_programme_intake(world) : std::vector<double>{};
  // One round of the fixed point: programme constants, then profile constants, each from its
  // own pass of expected choices (taking both from one pass overshoots: both would correct the
  // same shortfall of a profile).
  auto round = [&]() {
    Misfit misfit;
    if (params.programme_constants)
      misfit.programme = update_programme_constants(world, params, technical, appeal, observed, target);
    misfit.profile = update_profile_constants(world, params, technical, appeal, target, profiles.students);
    return misfit;
  };
  // Fitted well inside the noise of the data: each profile's share and each programme's intake
  // to a fifth of its binomial standard deviation.
  auto fitted = [](const Misfit& m) { return m.profile < 0.2 && m.programme < 0.2; };

  // The plain fixed point converges linearly and slowly here (a programme's constant also moves
  // its location's pull on every other programme there), so each iteration is extrapolated with
  // SQUAREM (Varadhan & Roland 2008, scheme S3): two rounds give the step r and its change v, the
  // extrapolated point x - 2 a r + a^2 v with a = -|r| / |v| is stabilised by the next round.
  constexpr int max_iterations = 50;
  for (int it = 0; it < max_iterations; ++it) {
    const std::vector<double> x0 = all_constants(world);
    if (fitted(round())) break;
    const std::vector<double> x1 = all_constants(world);
    if (fitted(round())) break;
    const std::vector<double> x2 = all_constants(world);
    double r2 = 0.0, v2 = 0.0;
    for (std::size_t k = 0; k < x0.size(); ++k) {
      const double r = x1[k] - x0[k], v = x2[k] - 2.0 * x1[k] + x0[k];
      r2 += r * r;
      v2 += v * v;
    }
    const double alpha = v2 > 0.0 ? std::min(-1.0, -std::sqrt(r2 / v2)) : -1.0;
    std::vector<double> extrapolated(x0.size());
    for (std::size_t k = 0; k < x0.size(); ++k) {
      const double r = x1[k] - x0[k], v = x2[k] - 2.0 * x1[k] + x0[k];
      extrapolated[k] = x0[k] - 2.0 * alpha * r + alpha * alpha * v;
    }
    set_all_constants(world, extrapolated);
    if (it + 1 == max_iterations) round();  // never stop on an extrapolated point
  }
}

void drift_programme_constants(World& world, const ProfileChoiceParams& params, const StepContext& ctx) {
  std::vector<float>& own = world.start.programme_constant;
  if (params.programme_drift_sd <= 0.0) return;
  for (std::size_t k = 0; k < own.size(); ++k)
    if (world.programmes.offered[k])
      own[k] += static_cast<float>(params.programme_drift_sd * ctx.stream(Purpose::programme_appeal, k).normal());
}

void choose_profiles(World& world, const ProfileChoiceParams& params, const StepContext& ctx,
                     Appeal appeal) {
  const ChoiceTables tables = choice_tables(world, params, ctx.technical, appeal);
  const OfferSums& sums = tables.sums;
  Students& s = world.students;
  std::atomic<std::int64_t> left{0};
  auto chooses = [&](std::size_t i) { return chooses_profile(s, i); };
  for_each_drawing(s.size(), ctx.family(Purpose::profile_choice), s.id, chooses,
                   [&](std::size_t i, RandomStream& rng) {
                     const Chooser c = chooser(world, params, tables, i);
                     const int lw = static_cast<int>(c.lw);
                     std::int32_t chosen = draw_location(tables, c, world.zones.reachable, rng);
                     if (c.total <= 0.0)
                       chosen = nearest_with_programme(
                           world, sums, static_cast<std::size_t>(s.home_zone[i]), lw);
                     if (chosen < 0) {
                       s.status[i] = StudentStatus::left;  // no programme in this leerweg anywhere
                       left.fetch_add(1, std::memory_order_relaxed);
                       return;
                     }
                     s.location[i] = chosen;
                     s.profile[i] = draw_profile(
                         sums.cell_weights(sums.at(static_cast<std::size_t>(chosen), lw)),
                         c.tech_factor, ctx.technical, -1, rng);
                   });
  world.flows.left += left.load();
}

std::int8_t choose_profile_at(const World& world, std::size_t location, std::size_t student,
                              const ProfileChoiceParams& params, const StepContext& ctx,
                              int excluded_profile) {
  RandomStream rng = ctx.stream(Purpose::programme_move, world.students.id[student]);
  const int lw = static_cast<int>(world.students.leerweg[student]);
  std::array<double, n_profiles> weights{};
  for (int p = 0; p < n_profiles; ++p)
    if (world.programmes.offered[programme_index(location, p)])
      weights[p] = profile_weight(world, lw, location, p, {});
  return draw_profile(weights, tech_factor(world, params, student), ctx.technical, excluded_profile, rng);
}

}  // namespace stosim
