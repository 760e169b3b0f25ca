#include "models/demography.hpp"

#include <cmath>

namespace stosim {

void promote_students(World& world) {
  Students& s = world.students;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s.status[i] == StudentStatus::enrolled && s.grade[i] < 4) ++s.grade[i];
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

void add_entrant(World& world, std::size_t zone, const DemographyParams& params,
                 double propensity_shift, const StepContext& ctx) {
  Students& s = world.students;
  const std::uint64_t id = world.next_student_id++;
  RandomStream rng = ctx.stream(Purpose::propensity, id);
  const bool male = rng.bernoulli(params.male_share);
  const double mean =
      (male ? params.propensity_male_mean : params.propensity_female_mean) + propensity_shift;
  RandomStream leerweg_rng = ctx.stream(Purpose::leerweg, id);
  const Leerweg leerweg =
      draw_leerweg(world, static_cast<std::size_t>(world.zones.region[zone]), leerweg_rng);
  add_student(s, {.id = id,
                  .home_zone = static_cast<std::int32_t>(zone),
                  .cohort = ctx.year,
                  .grade = 1,
                  .leerweg = leerweg,
                  .male = male,
                  .propensity = static_cast<float>(mean + rng.normal())});
}

}  // namespace

std::int64_t enter_cohort(World& world, const DemographyParams& params, const StepContext& ctx) {
  const Zones& zones = world.zones;
  std::vector<double> region_weight(world.regions.size(), 0.0);
  for (std::size_t z = 0; z < zones.size(); ++z)
    region_weight[static_cast<std::size_t>(zones.region[z])] += zones.youth_weight[z];
  std::vector<double> region_expected(world.regions.size());
  for (std::size_t r = 0; r < region_expected.size(); ++r)
    region_expected[r] = expected_cohort(world, params, ctx, r);

  std::int64_t entered = 0;
  for (std::size_t z = 0; z < zones.size(); ++z) {
    const auto r = static_cast<std::size_t>(zones.region[z]);
    if (region_weight[r] <= 0) continue;
    const double expected = region_expected[r] * zones.youth_weight[z] / region_weight[r];
    RandomStream rounding = ctx.stream(Purpose::cohort_size, z);
    const double whole = std::floor(expected);
    const auto count = static_cast<std::int64_t>(whole) +
                       (rounding.bernoulli(expected - whole) ? 1 : 0);
    // H5: primary-school exposure paid last year (the channels still hold last year's values).
    const std::vector<float>& exposure = world.channels.primary_exposure_shift;
    const double shift = r < exposure.size() ? exposure[r] : 0.0;
    for (std::int64_t k = 0; k < count; ++k) add_entrant(world, z, params, shift, ctx);
    entered += count;
  }
  return entered;
}

}  // namespace stosim
