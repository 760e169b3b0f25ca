#include "models/firms.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/logistic.hpp"
#include "sim/parallel.hpp"

namespace stosim {

namespace {

// What a firm weighs, per region: prospective technical graduates per firm, collaboration
// capital, STO money this year and how long the partnership has existed since approval.
struct RegionOutlook {
  std::vector<double> graduates_per_firm;
  std::vector<double> stall_years;
  std::vector<std::uint8_t> subsidised;
  std::vector<double> shortfall;  // in [0, 1]: missing cofinancing as a share of the requirement
};

// Technical graduates the firms can expect: students in their final year (grade 4) of a
// technical profile, by the region of their home. Last year's graduates have left the world
// before phase 3, and this year's exams come after it, so the final-year students stand in.
std::vector<double> graduates_per_firm(const World& world, const StepContext& ctx) {
  const std::size_t regions = world.regions.size();
  std::vector<double> graduates(regions, 0.0), firms(regions, 0.0);
  const Students& s = world.students;
  count_over_indices(s.size(), graduates, [&](std::size_t i, std::vector<double>& count) {
    if (s.status[i] != StudentStatus::enrolled || s.grade[i] != 4 || s.profile[i] == no_profile) return;
    if (!ctx.technical[static_cast<std::size_t>(s.profile[i])] || s.home_zone[i] < 0) return;
    count[static_cast<std::size_t>(world.zones.region[static_cast<std::size_t>(s.home_zone[i])])] += 1.0;
  });
  for (std::size_t i = 0; i < world.firms.size(); ++i)
    firms[static_cast<std::size_t>(world.firms.region[i])] += 1.0;
  for (std::size_t r = 0; r < regions; ++r)
    graduates[r] = firms[r] > 0 ? graduates[r] / firms[r] : 0.0;
  return graduates;
}

// Years since the region's plan was approved (0 before approval). The world records no approval
// year, so the age of the partnership (its longest-standing partner) stands in once approved.
// Years since the region's plan was approved (0 before approval): networks stop growing after
// the start.
std::vector<double> stall_years(const World& world, const StepContext& ctx) {
  std::vector<double> years(world.regions.size(), 0.0);
  const RegionState& rs = world.region_state;
  for (std::size_t r = 0; r < years.size(); ++r)
    if (rs.plan_status[r] == PlanStatus::approved) years[r] = ctx.year - rs.plan_approved_year[r];
  return years;
}

// How far the partners' commitment (last year's contributions) falls short of what the
// cofinancing rule requires for this year's budget, as a share of the requirement.
std::vector<double> cofinancing_shortfall(const World& world) {
  const RegionState& rs = world.region_state;
  std::vector<double> shortfall(world.regions.size(), 0.0);
  for (std::size_t r = 0; r < shortfall.size() && r < rs.cofinancing_required.size(); ++r) {
    const double required = rs.cofinancing_required[r];
    if (required > 0.0)
      shortfall[r] = std::clamp((required - rs.cofinancing_committed[r]) / required, 0.0, 1.0);
  }
  return shortfall;
}

RegionOutlook region_outlook(const World& world, const StepContext& ctx) {
  RegionOutlook o;
  o.graduates_per_firm = graduates_per_firm(world, ctx);
  o.stall_years = stall_years(world, ctx);
  o.subsidised.assign(world.regions.size(), 0);
  for (std::size_t r = 0; r < world.regions.size(); ++r)
    o.subsidised[r] =
        r < world.flows.budget_received.size() && world.flows.budget_received[r] > 0 ? 1 : 0;
  o.shortfall = cofinancing_shortfall(world);
  return o;
}

double join_probability(const World& world, std::size_t r, const RegionOutlook& o,
                        const FirmParams& p) {
  const double subsidy = o.subsidised[r] ? 1.0 : 0.0;
  return logistic(p.join_constant + p.join_graduates * o.graduates_per_firm[r] +
                  p.join_network * world.region_state.collaboration[r] + p.join_subsidy * subsidy -
                  p.join_stall * o.stall_years[r] + p.join_shortfall * o.shortfall[r]);
}

double stay_probability(std::size_t r, const RegionOutlook& o, const FirmParams& p) {
  const double no_subsidy = o.subsidised[r] ? 0.0 : 1.0;
  return logistic(p.stay_constant - p.drift_after_subsidy * no_subsidy);
}

// One firm's decision; its stream is keyed by the firm's id, so the order of firms is irrelevant.
void decide(World& world, std::size_t i, const RegionOutlook& o, const FirmParams& p,
            const StepContext& ctx) {
  Firms& f = world.firms;
  const auto r = static_cast<std::size_t>(f.region[i]);
  RandomStream rng = ctx.stream(Purpose::firm_partnership, f.id[i]);
  const double u = rng.uniform();
  const double u_role = rng.uniform();
  if (f.partnership[i] == Partnership::none) {
    if (u >= join_probability(world, r, o, p)) return;
    f.partnership[i] = u_role < p.core_share ? Partnership::core : Partnership::supporter;
    f.years_as_partner[i] = 1;
  } else if (u < stay_probability(r, o, p)) {
    if (f.years_as_partner[i] < 255) ++f.years_as_partner[i];
    // A region short of cofinancing asks its supporters to commit as core partners.
    if (f.partnership[i] == Partnership::supporter && u_role < p.commit_shortfall * o.shortfall[r])
      f.partnership[i] = Partnership::core;
  } else {
    f.partnership[i] = Partnership::none;
    f.years_as_partner[i] = 0;
  }
}

void record_cofinancing(World& world, const FirmParams& p) {
  YearFlows& flows = world.flows;
  const Firms& f = world.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    const auto r = static_cast<std::size_t>(f.region[i]);
    if (f.partnership[i] == Partnership::core) {
      flows.cofinancing_cash[r] += p.cash_core;
      flows.cofinancing_in_kind[r] += p.in_kind_core;
    } else if (f.partnership[i] == Partnership::supporter) {
      flows.cofinancing_in_kind[r] += p.in_kind_supporter;
    }
  }
  // Policy reads this year's commitment when it allocates next year's budget.
  for (std::size_t r = 0; r < world.regions.size(); ++r)
    world.region_state.cofinancing_committed[r] =
        flows.cofinancing_cash[r] + flows.cofinancing_in_kind[r];
}

}  // namespace

namespace {

// Firms per region: firms_per_region on average, shared out by the region's students in years 3-4
// with a profile (the key of its STO budget), so that a large region, which needs more
// cofinancing, also has more firms; at least one each. A region has the same size at every
// population scale (the synthetic country scales its number of regions), so the total is linear
// in the scale.
std::vector<std::size_t> firms_per_region(const World& world, const FirmParams& params) {
  std::vector<std::size_t> out(world.regions.size(), 0);
  if (params.firms_per_region <= 0 || out.empty()) return out;
  const std::vector<double> students =
      bovenbouw_students_per_region(world, count_programme_students(world));
  double total = 0.0;
  for (double n : students) total += n;
  const double regions = static_cast<double>(out.size());
  for (std::size_t r = 0; r < out.size(); ++r) {
    const double share = total > 0.0 ? students[r] / total : 1.0 / regions;
    out[r] = static_cast<std::size_t>(std::max(1.0, std::round(params.firms_per_region * regions * share)));
  }
  return out;
}

}  // namespace

void initialise_firms(World& world, const FirmParams& params, StreamKey world_streams) {
  Firms& f = world.firms;
  f = Firms{};
  const std::vector<std::size_t> count = firms_per_region(world, params);
  std::size_t total = 0;
  for (std::size_t n : count) total += n;
  f.id.reserve(total), f.region.reserve(total), f.sector.reserve(total);
  f.employees.reserve(total), f.partnership.reserve(total), f.years_as_partner.reserve(total);
  for (std::size_t r = 0; r < world.regions.size(); ++r) {
    for (std::size_t k = 0; k < count[r]; ++k) {
      const std::uint64_t id = f.id.size();
      RandomStream rng(world_streams, 0, Purpose::world_firms, id);
      f.id.push_back(id);
      f.region.push_back(static_cast<std::int32_t>(r));
      f.sector.push_back(static_cast<std::uint8_t>(rng.below(n_firm_sectors)));
      f.employees.push_back(static_cast<float>(params.employees_median *
                                               std::exp(params.employees_sd_log * rng.normal())));
      f.partnership.push_back(Partnership::none);
      f.years_as_partner.push_back(0);
    }
  }
}

void update_firms(World& world, const FirmParams& params, const StepContext& ctx) {
  const RegionOutlook outlook = region_outlook(world, ctx);
  for (std::size_t i = 0; i < world.firms.size(); ++i) decide(world, i, outlook, params, ctx);
  record_cofinancing(world, params);
}

}  // namespace stosim
