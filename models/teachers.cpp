#include "models/teachers.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace stosim {

namespace {

// The hiring routes in the order schools use them, with who they bring (assumptions on ages:
// graduates are young, side-entrants and hybrid teachers come from a career in industry,
// unqualified staff are of any working age).
struct Route {
  std::uint64_t index;  // own random stream per region and route (common random numbers)
  int youngest, age_span;
  Qualification qualification;
  TeacherOrigin origin;
  std::int64_t YearFlows::*hired;
};
// clang-format off
constexpr Route graduate{0, 23, 8, Qualification::qualified, TeacherOrigin::regular,
                         &YearFlows::teachers_hired_regular};
constexpr Route side_entrant{1, 30, 25, Qualification::in_training, TeacherOrigin::side_entrant,
                             &YearFlows::teachers_hired_side_entrant};
constexpr Route hybrid{2, 30, 30, Qualification::qualified, TeacherOrigin::hybrid,
                       &YearFlows::teachers_hired_hybrid};
constexpr Route unqualified{3, 23, 40, Qualification::unqualified, TeacherOrigin::regular,
                            &YearFlows::teachers_hired_unqualified};
// clang-format on
constexpr std::uint64_t n_routes = 4;

// Each route draws from its own stream, so that a pathway changing one route (hybrids) leaves
// the draws of the others as they were.
RandomStream route_stream(const StepContext& ctx, std::size_t region, const Route& route) {
  return ctx.stream(Purpose::teacher_hiring, region * n_routes + route.index);
}

std::size_t region_of_location(const World& world, std::int32_t location) {
  return static_cast<std::size_t>(world.locations.region[static_cast<std::size_t>(location)]);
}

std::size_t programme_of(const Teachers& t, std::size_t i) {
  return programme_index(static_cast<std::size_t>(t.location[i]), t.profile[i]);
}

// Appointment size of a new or initial teacher: around the mean, between min_fte and 1 FTE.
double draw_fte(const TeacherParams& params, RandomStream& rng) {
  return std::clamp(params.mean_fte + params.fte_sd * rng.normal(), params.min_fte, 1.0);
}

// Age in the start year: normal, kept between the youngest graduate's age and the year before
// retirement by drawing again (a few tries, then clipping). Plain clipping would pile the tail up
// at the top and retire all of it in the first year.
int draw_initial_age(const TeacherParams& params, RandomStream& rng) {
  const int youngest = graduate.youngest, oldest = params.retirement_age - 1;
  double age = params.initial_age_mean;
  for (int attempt = 0; attempt < 20; ++attempt) {
    age = params.initial_age_mean + params.initial_age_sd * rng.normal();
    if (age >= youngest - 0.5 && age < oldest + 0.5) break;
  }
  return static_cast<int>(
      std::lround(std::clamp(age, static_cast<double>(youngest), static_cast<double>(oldest))));
}

void add_teacher(World& world, std::size_t programme, double fte, int age, Qualification q,
                 TeacherOrigin origin) {
  Teachers& t = world.teachers;
  t.id.push_back(world.next_teacher_id++);
  t.age.push_back(static_cast<std::uint8_t>(age));
  t.fte.push_back(static_cast<float>(fte));
  t.location.push_back(static_cast<std::int32_t>(programme / n_profiles));
  t.profile.push_back(static_cast<std::int8_t>(programme % n_profiles));
  t.qualification.push_back(q);
  t.years_in_training.push_back(0);
  t.origin.push_back(origin);
  t.development_hours.push_back(0.0f);
  t.status.push_back(TeacherStatus::active);
}

// Teachers who retired or left last year are dropped, keeping the order of the others.
void remove_inactive_teachers(Teachers& t) {
  // Status is the last column: the others read it first.
  for_each_column(t, [&](auto& column) { keep_where(column, t.status, TeacherStatus::active); });
}

// Needed FTE of every offered technical programme (0 elsewhere).
std::vector<double> programme_needs(const World& world, const TeacherParams& params,
                                    const std::array<bool, n_profiles>& technical,
                                    const std::vector<std::int32_t>& students) {
  std::vector<double> need(world.programmes.size(), 0.0);
  for (std::size_t k = 0; k < need.size(); ++k)
    if (world.programmes.offered[k] && technical[k % n_profiles])
      need[k] = needed_fte(params, students[k]);
  return need;
}

// FTE of the active teachers per programme, summed serially (deterministic).
std::vector<double> present_fte(const World& world) {
  std::vector<double> present(world.programmes.size(), 0.0);
  const Teachers& t = world.teachers;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (t.status[i] == TeacherStatus::active) present[programme_of(t, i)] += t.fte[i];
  return present;
}

// Probability of leaving the profession this year (other than by retirement); `retention` is the
// region's H3 factor on the hazard (1 without H3 money).
double attrition_probability(const TeacherParams& params, double workload, double labour_demand,
                             double retention) {
  const double hazard = params.attrition_base *
                        std::exp(params.workload_effect * std::max(0.0, workload - 1.0) +
                                 params.labour_pull_effect * std::max(0.0, labour_demand - 1.0)) *
                        retention;
  return std::min(1.0, hazard);
}

// Ageing, retirement and attrition; each teacher draws from their own stream.
void age_and_leave(World& world, const TeacherParams& params, const std::vector<double>& need,
                   const std::vector<double>& present, const StepContext& ctx) {
  Teachers& t = world.teachers;
  const std::vector<float>& demand = world.region_state.labour_demand;
  std::atomic<std::int64_t> retired{0}, left{0};
  tbb::parallel_for(std::size_t{0}, t.size(), [&](std::size_t i) {
    if (t.status[i] != TeacherStatus::active) return;
    t.age[i] = static_cast<std::uint8_t>(t.age[i] + 1);
    RandomStream rng = ctx.stream(Purpose::teacher_exit, t.id[i]);
    const double u = rng.uniform();
    if (t.age[i] >= params.retirement_age ||
        (t.age[i] >= params.early_retirement_age && u < params.early_retirement_rate)) {
      t.status[i] = TeacherStatus::retired;
      retired.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    const std::size_t k = programme_of(t, i);
    const std::size_t r = region_of_location(world, t.location[i]);
    const double workload = present[k] > 0.0 ? need[k] / present[k] : 1.0;
    const double pull = r < demand.size() ? demand[r] : 1.0;
    if (rng.uniform() <
        attrition_probability(params, workload, pull, world.channels.attrition_factor[r])) {
      t.status[i] = TeacherStatus::left;
      left.fetch_add(1, std::memory_order_relaxed);
    }
  });
  world.flows.teachers_retired += retired.load();
  world.flows.teachers_left += left.load();
}

// Teachers of closed programmes move to the technical programme of their location with the
// largest vacancy, or leave when none has one. Serial: moves change the vacancies.
void relocate_from_closed(World& world, const std::vector<double>& need,
                          std::vector<double>& present) {
  Teachers& t = world.teachers;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t.status[i] != TeacherStatus::active || world.programmes.offered[programme_of(t, i)])
      continue;
    const auto location = static_cast<std::size_t>(t.location[i]);
    std::size_t best = 0;
    double best_vacancy = 0.0;
    for (int p = 0; p < n_profiles; ++p) {
      const std::size_t k = programme_index(location, p);
      if (need[k] - present[k] > best_vacancy) best = k, best_vacancy = need[k] - present[k];
    }
    present[programme_of(t, i)] -= t.fte[i];
    if (best_vacancy <= 0.0) {
      t.status[i] = TeacherStatus::left;
      ++world.flows.teachers_left;
      continue;
    }
    t.profile[i] = static_cast<std::int8_t>(best % n_profiles);
    present[best] += t.fte[i];
  }
}

// Professional development this year: the base hours, plus the region's H8 hours.
void record_development_hours(World& world, const TeacherParams& params) {
  Teachers& t = world.teachers;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t.status[i] != TeacherStatus::active) continue;
    const double per_fte = params.development_hours_base +
                           world.channels.development_hours[region_of_location(world, t.location[i])];
    t.development_hours[i] = static_cast<float>(per_fte * t.fte[i]);
  }
}

// Side-entrants qualify after their training. Funded development (H8) lets teachers in training
// and unqualified teachers qualify sooner: with probability the region's speed-up times the
// teacher's FTE, so part-timers progress in proportion to their hours.
void qualify(World& world, const TeacherParams& params, const StepContext& ctx) {
  Teachers& t = world.teachers;
  tbb::parallel_for(std::size_t{0}, t.size(), [&](std::size_t i) {
    if (t.status[i] != TeacherStatus::active || t.qualification[i] == Qualification::qualified)
      return;
    if (t.qualification[i] == Qualification::in_training) {
      t.years_in_training[i] = static_cast<std::uint8_t>(t.years_in_training[i] + 1);
      if (t.years_in_training[i] >= params.training_years) {
        t.qualification[i] = Qualification::qualified;
        return;
      }
    }
    const double speedup = world.channels.training_speedup[region_of_location(world, t.location[i])];
    if (speedup <= 0.0) return;
    const double p = std::min(1.0, speedup * t.fte[i]);
    if (ctx.stream(Purpose::teacher_qualification, t.id[i]).bernoulli(p))
      t.qualification[i] = Qualification::qualified;
  });
}

// Number of people from a fractional supply: the integer part plus one with the probability
// of the fraction, so that supplies smaller than one still arrive on average.
std::int64_t stochastic_round(double amount, RandomStream& rng) {
  const double whole = std::floor(std::max(0.0, amount));
  return static_cast<std::int64_t>(whole) + (rng.bernoulli(amount - whole) ? 1 : 0);
}

// Programmes of one region with the vacancies still open during hiring.
struct RegionHiring {
  std::vector<std::size_t> programmes;
};

// The region's programme with the largest open vacancy (lowest index on ties); -1 when no
// vacancy is large enough to hire for (min_hire_fte).
std::ptrdiff_t largest_vacancy(const TeacherParams& params, const RegionHiring& region,
                               const std::vector<double>& need,
                               const std::vector<double>& present) {
  std::ptrdiff_t best = -1;
  double best_vacancy = 0.0;
  for (std::size_t k : region.programmes) {
    const double vacancy = need[k] - present[k];
    if (vacancy >= params.min_hire_fte && vacancy > best_vacancy)
      best = static_cast<std::ptrdiff_t>(k), best_vacancy = vacancy;
  }
  return best;
}

void hire(World& world, const TeacherParams& params, std::size_t programme, double fte,
          const Route& route, RandomStream& rng, std::vector<double>& present) {
  // A route's ages stop a year short of retirement, as the initial ages do: a hire at or past
  // the retirement age would retire the next year.
  const int age = std::min(
      route.youngest + static_cast<int>(rng.below(static_cast<std::uint64_t>(route.age_span))),
      params.retirement_age - 1);
  // Without a training period a side-entrant counts as qualified at once.
  const Qualification q =
      route.qualification == Qualification::in_training && params.training_years <= 0
          ? Qualification::qualified
          : route.qualification;
  add_teacher(world, programme, fte, age, q, route.origin);
  ++(world.flows.*route.hired);
  present[programme] += fte;
}

// Hires up to `people` from one route, each into the largest open vacancy of the region.
void hire_from_supply(World& world, const TeacherParams& params, const RegionHiring& region,
                      std::int64_t people, const Route& route, RandomStream& rng,
                      const std::vector<double>& need, std::vector<double>& present) {
  for (std::int64_t n = 0; n < people; ++n) {
    const std::ptrdiff_t k = largest_vacancy(params, region, need, present);
    if (k < 0) return;  // supply left over goes elsewhere
    const auto programme = static_cast<std::size_t>(k);
    const double fte = std::min(draw_fte(params, rng), need[programme] - present[programme]);
    hire(world, params, programme, fte, route, rng, present);
  }
}

// A school fills the given share of each remaining vacancy with unqualified staff.
void hire_unqualified(World& world, const TeacherParams& params, const RegionHiring& region,
                      RandomStream& rng, const std::vector<double>& need,
                      std::vector<double>& present) {
  for (std::size_t k : region.programmes) {
    double to_fill = params.unqualified_hire_share * std::max(0.0, need[k] - present[k]);
    while (to_fill >= params.min_hire_fte) {
      const double fte = std::min(draw_fte(params, rng), to_fill);
      hire(world, params, k, fte, unqualified, rng, present);
      to_fill -= fte;
    }
  }
}

std::vector<std::int64_t> core_partners_per_region(const World& world) {
  std::vector<std::int64_t> core(world.regions.size(), 0);
  const Firms& f = world.firms;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f.partnership[i] == Partnership::core) ++core[static_cast<std::size_t>(f.region[i])];
  return core;
}

// Hiring region by region, serially with one stream per region: graduates and side-entrants
// are shared out in proportion to the region's needed FTE.
void hire_teachers(World& world, const TeacherParams& params, const std::vector<double>& need,
                   std::vector<double>& present, const StepContext& ctx) {
  const std::size_t n_regions = world.regions.size();
  std::vector<RegionHiring> regions(n_regions);
  std::vector<double> region_need(n_regions, 0.0);
  double national_need = 0.0;
  for (std::size_t k = 0; k < need.size(); ++k) {
    if (need[k] <= 0.0) continue;
    const std::size_t r = region_of_location(world, static_cast<std::int32_t>(k / n_profiles));
    regions[r].programmes.push_back(k);
    region_need[r] += need[k];
    national_need += need[k];
  }
  if (national_need <= 0.0) return;
  const std::vector<std::int64_t> core = core_partners_per_region(world);
  for (std::size_t r = 0; r < n_regions; ++r) {
    const double share = ctx.scale * region_need[r] / national_need;
    const ChannelValues& ch = world.channels;
    const double side_entrants = params.side_entrants_per_year * share * ch.side_entrant_factor[r];
    const double hybrids = ch.hybrids_per_core_partner[r] * static_cast<double>(core[r]);
    const std::pair<const Route*, double> supplies[] = {
        {&graduate, params.graduates_per_year * share},
        {&side_entrant, side_entrants},
        {&hybrid, hybrids}};
    for (const auto& [route, supply] : supplies) {
      RandomStream rng = route_stream(ctx, r, *route);
      hire_from_supply(world, params, regions[r], stochastic_round(supply, rng), *route, rng, need,
                       present);
    }
    RandomStream rng = route_stream(ctx, r, unqualified);
    hire_unqualified(world, params, regions[r], rng, need, present);
  }
}

}  // namespace

double needed_fte(const TeacherParams& params, int students_years_3_4) {
  return params.base_fte_per_programme +
         static_cast<double>(std::max(0, students_years_3_4)) / params.students_per_fte;
}

void initialise_teachers(World& world, const TeacherParams& params,
                         const std::array<bool, n_profiles>& technical, StreamKey world_streams) {
  world.teachers = Teachers{};
  const std::vector<double> need =
      programme_needs(world, params, technical, count_programme_students(world));
  for (std::size_t k = 0; k < need.size(); ++k) {
    RandomStream rng(world_streams, 0, Purpose::world_teachers, k);
    double staffed = 0.0;
    // Appoint until the next appointment would overshoot the need by more than half of it.
    while (true) {
      const double fte = draw_fte(params, rng);
      if (staffed + 0.5 * fte > need[k]) break;
      const int whole_age = draw_initial_age(params, rng);
      const Qualification q = rng.bernoulli(params.initial_unqualified_share)
                                  ? Qualification::unqualified
                                  : Qualification::qualified;
      add_teacher(world, k, fte, whole_age, q, TeacherOrigin::regular);
      world.teachers.development_hours.back() =
          static_cast<float>(params.development_hours_base * fte);
      staffed += fte;
    }
  }
  world.region_state.teacher_staffed_share.assign(world.regions.size(), 1.0f);
}

namespace {
// Staffed share of the needed technical FTE per region, read next year by programme openings.
void record_staffed_share(World& world, const std::vector<double>& need, const std::vector<double>& present) {
  std::vector<double> needed(world.regions.size(), 0.0), staffed(world.regions.size(), 0.0);
  for (std::size_t k = 0; k < need.size(); ++k) {
    if (need[k] <= 0.0) continue;
    const std::size_t r = region_of_location(world, static_cast<std::int32_t>(k / n_profiles));
    needed[r] += need[k];
    staffed[r] += std::min(need[k], present[k]);
  }
  std::vector<float>& share = world.region_state.teacher_staffed_share;
  share.assign(world.regions.size(), 1.0f);
  for (std::size_t r = 0; r < share.size(); ++r)
    if (needed[r] > 0.0) share[r] = static_cast<float>(staffed[r] / needed[r]);
}
}  // namespace

void update_teachers(World& world, const TeacherParams& params,
                     const std::vector<std::int32_t>& programme_students, const StepContext& ctx) {
  remove_inactive_teachers(world.teachers);
  const std::vector<double> need = programme_needs(world, params, ctx.technical, programme_students);
  std::vector<double> present = present_fte(world);

  age_and_leave(world, params, need, present, ctx);
  present = present_fte(world);
  relocate_from_closed(world, need, present);
  qualify(world, params, ctx);
  hire_teachers(world, params, need, present, ctx);
  record_development_hours(world, params);

  YearFlows& f = world.flows;
  f.vacancy_fte.resize(need.size(), 0.0f);
  for (std::size_t k = 0; k < need.size(); ++k)
    f.vacancy_fte[k] = static_cast<float>(std::max(0.0, need[k] - present[k]));
  record_staffed_share(world, need, present);
  // The envelopes are spent in full on the pathways' measures (which change nothing where the
  // pathway is off: models/channels.hpp).
  for (std::size_t r = 0; r < world.regions.size(); ++r)
    f.budget_spent[r] += envelope_money(world.flows, r, Envelope::teachers) +
                         envelope_money(world.flows, r, Envelope::development);
}

}  // namespace stosim
