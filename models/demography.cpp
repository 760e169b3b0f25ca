#include "models/demography.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/parallel.hpp"

namespace stosim {

void promote_students(World& world) {
  Students& s = world.students;
  for_each_index(s.size(), [&](std::size_t i) {
    if (s.status[i] == StudentStatus::enrolled && s.grade[i] < 4) ++s.grade[i];
  });
}

double expected_cohort(const World& world, const DemographyParams& params, const StepContext& ctx,
                       std::size_t region) {
  // The region's deviation from the national trend is drawn once per replicate (year 0).
  RandomStream deviation(ctx.streams, 0, Purpose::cohort_size, region);
  const double trend = params.cohort_trend + params.upward_pressure +
                       params.regional_trend_sd * deviation.normal();
  const int elapsed = ctx.year - ctx.start_year;
  return world.start.region_cohort[region] * std::pow(1.0 + trend, elapsed);
}

namespace {

Leerweg draw_leerweg(const World& world, std::size_t region, RandomStream& rng) {
  const float* share = &world.start.region_leerweg_share[region * n_leerwegen];
  double u = rng.uniform();
  for (int l = 0; l < n_leerwegen - 1; ++l) {
    if (u < share[l]) return static_cast<Leerweg>(l);
    u -= share[l];
  }
  return Leerweg::tl;
}

// `rng` is the entrant's propensity stream: one block of four uniforms, for sex, the normal draw
// of the propensity (two) and the leerweg.
NewStudent entrant(const World& world, std::size_t zone, std::uint64_t id,
                   const DemographyParams& params, double propensity_shift, const StepContext& ctx,
                   RandomStream& rng) {
  const bool male = rng.bernoulli(params.male_share);
  // Interest in technology drifts from the start year on, whatever the offer (not only closures
  // move the technical share).
  const double trend = params.interest_trend * (ctx.year - ctx.start_year);
  const double mean = params.propensity_mean(male) + trend + propensity_shift;
  const auto propensity = static_cast<float>(mean + rng.normal());
  const Leerweg leerweg =
      draw_leerweg(world, static_cast<std::size_t>(world.zones.region[zone]), rng);
  return {.id = id,
          .home_zone = static_cast<std::int32_t>(zone),
          .cohort = ctx.year,
          .grade = 1,
          .leerweg = leerweg,
          .male = male,
          .propensity = propensity};
}

// A newcomer in year 3 like promoted student i (same home, school, leerweg, profile, sex and
// propensity; the caller copies the keuzevak): the newcomers keep each school's mix as it is.
NewStudent newcomer_like(const Students& s, std::size_t i, std::uint64_t id, int year) {
  return {.id = id,
          .home_zone = s.home_zone[i],
          .location = s.location[i],
          .cohort = year - 2,
          .grade = 3,
          .leerweg = s.leerweg[i],
          .profile = s.profile[i],
          .male = s.is_male[i] == 1,
          .propensity = s.propensity[i]};
}

}  // namespace

std::int64_t year3_intake(World& world, const DemographyParams& params, double year2_survival,
                          const StepContext& ctx) {
  if (!params.derive_year3_intake || year2_survival <= 0.0) return 0;
  Students& s = world.students;
  // Newcomers (> 0) or leavers (< 0) per promoted student: the initial year-2 cohort was counted
  // one year ago, every later cohort in year 1, two years ago.
  // The ratios are cross-sections of one count: a younger cohort is (1 + trend) times the size
  // of the one before it, so a cohort reaches year 3 at the ratio times (1 + trend) per year of
  // age between the counts (the national trend; regions deviate around it).
  const double growth = 1.0 + params.cohort_trend + params.upward_pressure;
  std::array<double, n_leerwegen> net_initial{}, net_later{};
  for (std::size_t l = 0; l < n_leerwegen; ++l) {
    net_initial[l] = world.start.year3_per_year2[l] * growth / year2_survival - 1.0;
    net_later[l] = world.start.year3_per_year1[l] * growth * growth / (year2_survival * year2_survival) - 1.0;
  }
  const int initial_year2_cohort = ctx.start_year - 1;
  const std::size_t promoted = s.size();  // newcomers are appended behind them
  // First who leaves and how many join beside each student, then the newcomers at once: ids and
  // positions follow the students' order, so the result does not depend on the threads.
  std::vector<std::uint8_t> extra(promoted, 0);
  std::int64_t left = 0;  // counted per thread: a shared atomic bounces between the cores
  auto in_year3 = [&](std::size_t i) {
    return s.status[i] == StudentStatus::enrolled && s.grade[i] == 3 && s.location[i] >= 0;
  };
  auto leave_or_join = [&](std::size_t i, RandomStream& rng, std::int64_t& leavers) {
    const double rate =
        (s.cohort[i] == initial_year2_cohort ? net_initial
                                             : net_later)[static_cast<std::size_t>(s.leerweg[i])];
    if (rate < 0.0) {
      if (rng.bernoulli(-rate)) {
        s.status[i] = StudentStatus::left;
        ++leavers;
      }
      return;
    }
    const double whole = std::floor(rate);
    extra[i] = static_cast<std::uint8_t>(std::min(255.0, whole + (rng.bernoulli(rate - whole) ? 1 : 0)));
  };
  for_each_drawing_counting(promoted, std::int64_t{0}, ctx.family(Purpose::year3_intake), s.id,
                            in_year3, leave_or_join,
                            [&](std::int64_t leavers) { left += leavers; });
  // The newcomers go behind the promoted students, in the students' order, their ids counting on
  // from next_student_id: positions and ids do not depend on the threads. Few students bring one
  // (some 2,000 of 95,000 a year in the national default), so one serial pass places them.
  std::vector<std::size_t> bringing;
  std::size_t joined_count = 0;
  for (std::size_t i = 0; i < promoted; ++i)
    if (extra[i] != 0) bringing.push_back(i), joined_count += extra[i];
  const std::uint64_t first_id = world.next_student_id;
  grow_students(s, joined_count);
  std::size_t k = 0;
  for (const std::size_t i : bringing)
    for (int n = 0; n < extra[i]; ++n, ++k) {
      set_student(s, promoted + k, newcomer_like(s, i, first_id + k, ctx.year));
      s.technical_keuzevak[promoted + k] = s.technical_keuzevak[i];
    }
  const auto joined = static_cast<std::int64_t>(joined_count);
  world.next_student_id += joined_count;
  // Those who left vmbo at the start of year 3 are not counted on 1 October.
  if (left > 0) remove_finished_students(s);
  world.flows.entered_year3 += joined;
  world.flows.left += left;
  return joined - left;
}

std::int64_t enter_cohort(World& world, const DemographyParams& params, const StepContext& ctx) {
  const Zones& zones = world.zones;
  std::vector<double> region_weight(world.regions.size(), 0.0);
  for (std::size_t z = 0; z < zones.size(); ++z)
    region_weight[static_cast<std::size_t>(zones.region[z])] += zones.youth_weight[z];
  std::vector<double> region_expected(world.regions.size());
  for (std::size_t r = 0; r < region_expected.size(); ++r)
    region_expected[r] = expected_cohort(world, params, ctx, r);

  // How many enter in each zone (the fractional part by a draw), then everyone at once: ids and
  // positions follow the zones' order, so the result does not depend on the threads.
  std::vector<std::size_t> first(zones.size() + 1, 0);
  for_each_index(
      zones.size(),
      [&](std::size_t z) {
        const auto r = static_cast<std::size_t>(zones.region[z]);
        if (region_weight[r] <= 0) return;
        const double expected = region_expected[r] * zones.youth_weight[z] / region_weight[r];
        RandomStream rounding = ctx.stream(Purpose::cohort_size, z);
        const double whole = std::floor(expected);
        first[z + 1] =
            static_cast<std::size_t>(whole) + (rounding.bernoulli(expected - whole) ? 1 : 0);
      },
      place_grain);
  for (std::size_t z = 0; z < zones.size(); ++z) first[z + 1] += first[z];
  Students& s = world.students;
  const std::size_t before = s.size();
  const std::uint64_t first_id = world.next_student_id;
  const std::size_t entrants = first[zones.size()];
  grow_students(s, entrants);
  // Each entrant's id and home zone first, so that their streams are computed in batches.
  std::vector<std::uint64_t> entrant_id(entrants);
  std::vector<std::uint32_t> entrant_zone(entrants);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, zones.size(), 64),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      for (std::size_t z = range.begin(); z != range.end(); ++z)
                        for (std::size_t k = first[z]; k < first[z + 1]; ++k) {
                          entrant_id[k] = first_id + k;
                          entrant_zone[k] = static_cast<std::uint32_t>(z);
                        }
                    });
  // H5: primary-school exposure paid last year (the channels still hold last year's values).
  const std::vector<float>& exposure = world.channels.primary_exposure_shift;
  auto everyone = [](std::size_t) { return true; };
  auto enter = [&](std::size_t k, RandomStream& rng) {
    const std::size_t z = entrant_zone[k];
    const auto r = static_cast<std::size_t>(zones.region[z]);
    const double shift = r < exposure.size() ? exposure[r] : 0.0;
    set_student(s, before + k, entrant(world, z, entrant_id[k], params, shift, ctx, rng));
  };
  for_each_drawing(entrants, ctx.family(Purpose::propensity), entrant_id, everyone, enter);
  world.next_student_id += first[zones.size()];
  const auto entered = static_cast<std::int64_t>(first[zones.size()]);
  return entered;
}

}  // namespace stosim
