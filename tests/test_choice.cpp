// Statistical tests: simulated choice frequencies against the analytic logit probabilities.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "models/profile_choice.hpp"
#include "models/school_choice.hpp"
#include "small_world.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

constexpr int choosers = 20000;

// |frequency - p| within 4 standard errors of a binomial proportion.
void check_frequencies(const std::map<std::pair<int, int>, int>& counts,
                       const std::map<std::pair<int, int>, double>& probability) {
  double total_p = 0.0;
  for (const auto& [alternative, p] : probability) {
    total_p += p;
    const auto it = counts.find(alternative);
    const double frequency = it == counts.end() ? 0.0 : double(it->second) / choosers;
    INFO("location " << alternative.first << " profile " << alternative.second << ": p = " << p
                     << ", simulated " << frequency);
    CHECK(std::abs(frequency - p) <= 4.0 * std::sqrt(p * (1 - p) / choosers) + 1e-12);
  }
  CHECK(total_p == Approx(1.0));
  for (const auto& [alternative, n] : counts) CHECK(probability.count(alternative) == 1);
}

// Every student (all at their own school, in BB, with one propensity, home at x = 0) chooses;
// the frequencies must match the softmax over every open (location, profile) among `locations`.
void check_profile_choices(World& world, const ProfileChoiceParams& params, const StepContext& ctx,
                           std::size_t own, std::initializer_list<std::size_t> locations, float propensity) {
  std::map<std::pair<int, int>, double> probability;
  double total = 0.0;
  for (std::size_t l : locations)
    for (int p = 0; p < n_profiles; ++p) {
      if (!world.programmes.offered[programme_index(l, p)]) continue;
      const double v = world.start.profile_constant[p] + params.beta_distance * world.locations.x_km[l] -
                       (l == own ? 0.0 : params.switch_school_cost) +
                       (ctx.technical[p] ? params.beta_propensity * propensity : 0.0);
      probability[{int(l), p}] = std::exp(v);
      total += std::exp(v);
    }
  for (auto& [alternative, p] : probability) p /= total;

  choose_profiles(world, params, ctx);
  std::map<std::pair<int, int>, int> counts;
  for (std::size_t i = 0; i < world.students.size(); ++i)
    ++counts[{world.students.location[i], world.students.profile[i]}];
  check_frequencies(counts, probability);
}

// A step of 2018 whose technical profiles are the five default ones, with streams of `seed`.
StepContext profile_choice_context(std::uint64_t seed) {
  StepContext ctx;
  ctx.streams = {seed, 0};
  ctx.year = 2018;
  ctx.technical = {true, true, true, true, true, false, false, false, false, false};
  return ctx;
}

}  // namespace

TEST_CASE("ProfileChoice.MatchesAnalyticLogit", "[choice][statistical]") {
  SmallWorld sw;
  sw.add_region();
  const std::size_t home = sw.add_zone(0, 0);
  const std::uint8_t bb = 0b0001, kb = 0b0010;
  const std::size_t own = sw.add_location(0, 0, bb), near = sw.add_location(5, 0, bb | kb),
                    far = sw.add_location(12, 0, bb), kb_only = sw.add_location(3, 0, kb);
  const int pie = 1, bwi = 0, mvi = 4, dp = 6, eo = 7, zw = 8;
  sw.offer(own, pie), sw.offer(own, zw), sw.offer(own, eo);
  sw.offer(near, bwi), sw.offer(near, zw);
  sw.offer(far, pie), sw.offer(far, dp);
  sw.offer(kb_only, mvi);  // not in the students' leerweg: never chosen
  const float propensity = 0.7f;
  for (int i = 0; i < choosers; ++i) sw.add_student(home, own, 2, Leerweg::bb, no_profile, propensity);
  World& world = sw.finish();
  world.start.profile_constant.assign(3 * n_profiles, 0.0f);
  world.start.profile_constant[pie] = 0.3f;
  world.start.profile_constant[zw] = -0.2f;
  world.start.profile_constant[dp] = 0.5f;

  ProfileChoiceParams params;
  params.beta_distance = -0.1;
  params.switch_school_cost = 0.8;
  params.beta_propensity = 1.2;
  const StepContext ctx = profile_choice_context(5);

  check_profile_choices(world, params, ctx, own, {own, near, far}, propensity);
}

TEST_CASE("ProfileChoice.OwnLocationBeyondReachStaysAChoice", "[choice][statistical]") {
  // The students' own school lies beyond the travel radius (15 km, radius 10): it is still an
  // alternative, at its distance and without the switch cost; the near school costs a switch.
  SmallWorld sw;
  sw.add_region();
  const std::size_t home = sw.add_zone(0, 0);
  const std::size_t own = sw.add_location(15, 0, 0b0001), near = sw.add_location(5, 0, 0b0001);
  const int pie = 1, zw = 8;
  sw.offer(own, pie), sw.offer(own, zw), sw.offer(near, zw);
  const float propensity = -0.4f;
  for (int i = 0; i < choosers; ++i) sw.add_student(home, own, 2, Leerweg::bb, no_profile, propensity);
  World& world = sw.finish(10.0);
  REQUIRE(world.zones.reachable.location.size() == 1);  // only the near school is within reach
  world.start.profile_constant.assign(3 * n_profiles, 0.0f);
  world.start.profile_constant[zw] = 0.4f;

  ProfileChoiceParams params;
  params.beta_distance = -0.08;
  params.switch_school_cost = 1.1;
  params.beta_propensity = 0.9;
  const StepContext ctx = profile_choice_context(6);

  check_profile_choices(world, params, ctx, own, {own, near}, propensity);
}

TEST_CASE("SchoolChoice.MatchesAnalyticLogit", "[choice][statistical]") {
  SmallWorld sw;
  sw.add_region();
  const std::size_t home = sw.add_zone(0, 0);
  const std::uint8_t tl = 0b1000, bb = 0b0001;
  const std::size_t a = sw.add_location(1, 0, tl, 0, 0.2f), b = sw.add_location(4, 0, tl | bb, 0, -0.3f),
                    c = sw.add_location(9, 0, tl, 0, 0.5f);
  sw.add_location(2, 0, bb);  // no TL: never chosen by TL students
  sw.offer(b, 1), sw.offer(b, 8);
  for (int i = 0; i < choosers; ++i) sw.add_student(home, 0, 1, Leerweg::tl);
  World& world = sw.finish();
  for (std::size_t i = 0; i < world.students.size(); ++i) world.students.location[i] = -1;

  SchoolChoiceParams params;
  params.beta_distance = -0.15;
  params.beta_profiles_offered = 0.1;
  params.image_weight = 1.0;
  StepContext ctx;
  ctx.streams = {9, 2};
  ctx.year = 2019;

  std::map<std::pair<int, int>, double> probability;
  double total = 0.0;
  for (std::size_t l : {a, b, c}) {
    const double offered = l == b ? 2.0 : 0.0;
    const double v = params.beta_distance * world.locations.x_km[l] + params.beta_profiles_offered * offered +
                     params.image_weight * world.locations.image[l];
    probability[{int(l), -1}] = std::exp(v);
    total += std::exp(v);
  }
  for (auto& [alternative, p] : probability) p /= total;

  choose_schools(world, params, ctx);
  std::map<std::pair<int, int>, int> counts;
  for (std::size_t i = 0; i < world.students.size(); ++i) ++counts[{world.students.location[i], -1}];
  check_frequencies(counts, probability);
}

TEST_CASE("SchoolChoice.CalibrationReproducesEachLocationsEntrants", "[choice]") {
  // Two zones of different weight and three BB locations whose year-1 entrants run against their
  // distance (the nearest has the fewest). After calibration the analytic expected entrants of
  // each location, summed over the zones (the region's cohort spread by youth weight), are its
  // observed entrants: the fixed point (entrants + 1/2) / (expected + 1/2) = 1.
  SmallWorld sw;
  sw.add_region();
  const std::size_t near = sw.add_zone(0, 0, 0, 1.0f), far = sw.add_zone(10, 0, 0, 3.0f);
  const std::size_t l0 = sw.add_location(1, 0, 0b0001), l1 = sw.add_location(5, 0, 0b0001),
                    l2 = sw.add_location(12, 0, 0b0001, 0, 0.4f);
  for (std::size_t l : {l0, l1, l2}) sw.offer(l, 1);
  sw.offer(l2, 8);
  const std::map<std::size_t, int> entrants = {{l0, 20}, {l1, 300}, {l2, 100}};
  for (const auto& [l, n] : entrants)
    for (int i = 0; i < n; ++i) sw.add_student(i % 2 ? near : far, l, 1, Leerweg::bb);
  World& world = sw.finish();
  SchoolChoiceParams params;
  calibrate_school_constants(world, params);
  REQUIRE(world.start.school_constant.size() == world.locations.size() * n_leerwegen);

  std::map<std::size_t, double> expected;
  const std::vector<std::int32_t> open = {1, 1, 2};
  for (const auto& [zone, share] : {std::pair{near, 0.25}, std::pair{far, 0.75}}) {
    std::map<std::size_t, double> weight;
    double total = 0.0;
    for (std::size_t l : {l0, l1, l2}) {
      const double constant =
          world.start.school_constant[l * n_leerwegen + static_cast<std::size_t>(Leerweg::bb)];
      weight[l] =
          std::exp(school_utility(world, params, l, distance_km(world, zone, l), open) + constant);
      total += weight[l];
    }
    for (std::size_t l : {l0, l1, l2}) expected[l] += 420.0 * share * weight[l] / total;
  }
  for (const auto& [l, n] : entrants) {
    INFO("location " << l << ": observed " << n << ", expected " << expected[l]);
    // Within a fiftieth of the binomial standard deviation of the observed count.
    CHECK(std::abs(expected[l] - n) <= 0.02 * std::sqrt(n + 1.0));
  }
  // Without calibration there are no constants, and the nearest location would draw the most.
  params.calibrate_constants = false;
  calibrate_school_constants(world, params);
  CHECK(world.start.school_constant.empty());
}

TEST_CASE("ProfileChoice.CalibrationReproducesInitialShares", "[choice]") {
  // Two locations, BB only; year-3 students define the target shares, year-2 students choose.
  SmallWorld sw;
  sw.add_region();
  const std::size_t z = sw.add_zone(0, 0);
  const std::size_t l0 = sw.add_location(0, 0, 0b0001), l1 = sw.add_location(6, 0, 0b0001);
  sw.offer(l0, 1), sw.offer(l0, 8), sw.offer(l1, 7), sw.offer(l1, 1);
  for (int i = 0; i < 300; ++i) sw.add_student(z, l0, 3, Leerweg::bb, 1);  // PIE 30 %
  for (int i = 0; i < 500; ++i) sw.add_student(z, l0, 3, Leerweg::bb, 8);  // Z&W 50 %
  for (int i = 0; i < 200; ++i) sw.add_student(z, l1, 3, Leerweg::bb, 7);  // E&O 20 %
  for (int i = 0; i < 400; ++i)
    sw.add_student(z, i % 2 ? l0 : l1, 2, Leerweg::bb, no_profile, float(i % 7) / 3.0f - 1.0f);
  World& world = sw.finish();
  ProfileChoiceParams params;
  const std::array<bool, n_profiles> technical = {true, true, true, true, true};
  calibrate_profile_constants(world, params, technical);
  const std::vector<double> shares = expected_profile_shares(world, params, technical);
  // Within the calibration's tolerance: a fifth of the binomial standard deviation of the 1,000
  // observed year-3 students' count.
  const auto within = [](double share, double target) {
    return 1000.0 * std::abs(share - target) <= 0.2 * std::sqrt(1000.0 * target + 1.0);
  };
  CHECK(within(shares[1], 0.3));
  CHECK(within(shares[8], 0.5));
  CHECK(within(shares[7], 0.2));
  CHECK(shares[0] == 0.0);  // BWI offered nowhere
  // The profile constants alone (no programme constants) meet the same tolerance.
  params.programme_constants = false;
  calibrate_profile_constants(world, params, technical);
  const std::vector<double> alone = expected_profile_shares(world, params, technical);
  CHECK(within(alone[1], 0.3));
  CHECK(within(alone[8], 0.5));
  CHECK(within(alone[7], 0.2));
}

TEST_CASE("ProfileChoice.ProgrammeConstantsReproduceEachProgrammesIntake", "[choice]") {
  // Three locations at the same distance teach PIE; their year-3 intakes differ (one has none,
  // though it is offered). After calibration the expected intake of each programme is its own
  // intake plus a half, scaled to the choosers, within the calibration's tolerance (a fifth of
  // a binomial standard deviation).
  SmallWorld sw;
  sw.add_region();
  const std::size_t z = sw.add_zone(0, 0);
  const std::size_t l0 = sw.add_location(6, 0, 0b0001), l1 = sw.add_location(-6, 0, 0b0001),
                    l2 = sw.add_location(0, 6, 0b0001);
  for (std::size_t l : {l0, l1, l2}) sw.offer(l, 1);
  sw.offer(l0, 8);
  const std::map<std::size_t, int> pie_intake = {{l0, 300}, {l1, 100}, {l2, 0}};
  for (const auto& [l, n] : pie_intake)
    for (int i = 0; i < n; ++i) sw.add_student(z, l, 3, Leerweg::bb, 1);
  for (int i = 0; i < 200; ++i) sw.add_student(z, l0, 3, Leerweg::bb, 8);
  // A larger cohort in year 2 than in year 3: the targets must be scaled to the choosers.
  for (int i = 0; i < 900; ++i)
    sw.add_student(z, i % 3, 2, Leerweg::bb, no_profile, float(i % 7) / 3.0f - 1.0f);
  World& world = sw.finish();
  ProfileChoiceParams params;
  const std::array<bool, n_profiles> technical = {true, true, true, true, true};
  calibrate_profile_constants(world, params, technical);
  const std::vector<double> intake = expected_programme_intake(world, params, technical);
  // Targets: PIE's 400 of 600 year-3 students aim at 600 of the 900 choosers; spread as n + 1/2.
  const double pie_scale = 600.0 / (300.5 + 100.5 + 0.5);
  for (const auto& [l, n] : pie_intake) {
    const double target = (n + 0.5) * pie_scale;
    INFO("location " << l << ": target " << target << ", expected " << intake[programme_index(l, 1)]);
    CHECK(std::abs(intake[programme_index(l, 1)] - target) <= 0.2 * std::sqrt(target + 1.0));
  }
  CHECK(intake[programme_index(l0, 8)] == Approx(300.0).epsilon(0.01));
}
