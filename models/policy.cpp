#include "models/policy.hpp"

#include <algorithm>
#include <cmath>

#include "sim/logistic.hpp"

namespace stosim {

namespace {

double form_bonus(OrganisationForm form, const PolicyParams& params) {
  return form == OrganisationForm::external_coordinator   ? params.plan_bonus_external_coordinator
         : form == OrganisationForm::shared_participation ? params.plan_bonus_shared_participation
                                                          : 0.0;
}

// Plans are written in the last aanloop year; a rejected plan is improved and resubmitted each
// following year until approved, or until it has been assessed max_submissions times: the region
// has then failed to agree and stays without a plan (PlanStatus::rejected for good).
void assess_plans(World& world, const PolicyParams& params, const StepContext& ctx) {
  RegionState& rs = world.region_state;
  for (std::size_t r = 0; r < world.regions.size(); ++r) {
    if (rs.plan_status[r] == PlanStatus::approved) continue;
    if (rs.plan_status[r] == PlanStatus::none) {
      if (ctx.year != params.transitie_start - 1) continue;
      RandomStream rng(ctx.streams, 0, Purpose::plan_quality, r);  // a region's plan, fixed per replicate
      rs.plan_quality[r] = static_cast<float>(
          params.plan_base_quality + params.plan_collaboration_weight * rs.collaboration[r] +
          params.plan_prior_network_bonus * rs.prior_network[r] +
          form_bonus(rs.organisation[r], params) + params.plan_quality_sd * rng.normal());
    } else {
      if (ctx.year - (params.transitie_start - 1) >= params.max_submissions) continue;  // failed
      rs.plan_quality[r] += static_cast<float>(params.resubmission_gain);
    }
    const double p = logistic(params.approval_slope * (rs.plan_quality[r] - params.approval_threshold));
    rs.plan_status[r] = ctx.stream(Purpose::plan_approval, r).bernoulli(p) ? PlanStatus::approved
                                                                            : PlanStatus::rejected;
    if (rs.plan_status[r] == PlanStatus::approved) rs.plan_approved_year[r] = static_cast<std::int16_t>(ctx.year);
  }
}

// Aanloop: the national money goes to the hard technical programmes in proportion to their
// students, as a first quality impulse for their facilities.
void aanloop_impulse(World& world, const PolicyParams& params,
                     const std::vector<std::int32_t>& students, const StepContext& ctx) {
  std::array<bool, n_profiles> hard{};
  for (const std::string& code : params.hard_technical)
    if (const auto p = profile_index(code)) hard[*p] = true;
  double total = 0.0;
  for (std::size_t k = 0; k < students.size(); ++k)
    if (world.programmes.offered[k] && hard[k % n_profiles]) total += students[k];
  if (total <= 0.0) return;
  const double budget = params.aanloop_budget * ctx.scale;
  for (std::size_t k = 0; k < students.size(); ++k) {
    if (!world.programmes.offered[k] || !hard[k % n_profiles]) continue;
    const double money = budget * students[k] / total;
    world.flows.programme_impulse[k] = money;
    world.flows.budget_received[static_cast<std::size_t>(world.locations.region[k / n_profiles])] += money;
  }
}

// Aanloop: every region gets money to draw up its plan, spent on coordination.
void planning_grants(World& world, const PolicyParams& params) {
  for (std::size_t r = 0; r < world.regions.size(); ++r) {
    world.flows.budget_received[r] += params.planning_grant;
    world.flows.envelope[r * n_envelopes + static_cast<int>(Envelope::coordination)] += params.planning_grant;
  }
}

double national_budget(const PolicyParams& params, const StepContext& ctx) {
  return (ctx.year < params.structureel_start ? params.transitie_budget : params.structural_budget) * ctx.scale;
}

// The cofinancing a budget requires: cofinancing is at least the minimum share of the total cost
// (budget + cofinancing), so at least min / (1 - min) times the budget.
double required_cofinancing(const PolicyParams& params, double budget) {
  if (params.cofinancing_min <= 0.0) return 0.0;
  return params.cofinancing_min / (1.0 - params.cofinancing_min) * budget;
}

// Each eligible region's share of the national budget by its bovenbouw students (`students`, per
// region), clamped to the regional minimum and maximum; 0 for the others (all 0 without a
// national budget).
template <class Eligible>
std::vector<double> clamped_budgets(const World& world, const PolicyParams& params,
                                    const std::vector<double>& students, const StepContext& ctx,
                                    Eligible eligible) {
  std::vector<double> budget(world.regions.size(), 0.0);
  if (national_budget(params, ctx) <= 0.0) return budget;  // no_structural_money: no minimum
  double eligible_students = 0.0;
  for (std::size_t r = 0; r < students.size(); ++r)
    if (eligible(r)) eligible_students += students[r];
  if (eligible_students <= 0.0) return budget;
  for (std::size_t r = 0; r < students.size(); ++r) {
    if (!eligible(r)) continue;
    const double share = national_budget(params, ctx) * students[r] / eligible_students;
    budget[r] = std::clamp(share, params.region_budget_min, params.region_budget_max);
  }
  return budget;
}

// Aanloop: every region writes a plan for a transition budget, and its partners' commitment must
// support that budget; the requirement lets the region canvass firms before the money starts.
void prospective_requirement(World& world, const PolicyParams& params,
                             const std::vector<double>& region_students, const StepContext& ctx) {
  const std::vector<double> budget =
      clamped_budgets(world, params, region_students, ctx, [](std::size_t) { return true; });
  for (std::size_t r = 0; r < budget.size(); ++r)
    world.region_state.cofinancing_required[r] = required_cofinancing(params, budget[r]);
}

// What the cofinancing rule leaves of a budget: cofinancing must be at least the minimum share of
// the total cost (budget + cofinancing).
double after_cofinancing_rule(const PolicyParams& params, double budget, double cofinancing) {
  if (params.cofinancing_min <= 0.0) return budget;
  const double supported = cofinancing * (1.0 - params.cofinancing_min) / params.cofinancing_min;
  if (supported >= budget) return budget;
  return params.cofinancing_rule == "scale" ? supported : 0.0;
}

// Splits a region's money into envelopes by fixed shares, whatever the pathway switches (a pathway
// that is off keeps its money; models/channels.hpp says what the money then does). Regional
// measures (H2 hub, H3 teacher pool) need an agreement; without one their share goes to the
// schools' own programmes.
void fill_envelopes(World& world, std::size_t r, double money, const PolicyParams& params,
                    const PathwayParams& pw, const CoordinationParams& coordination) {
  double* envelope = &world.flows.envelope[r * n_envelopes];
  const bool agreed = agreements_active(world, r, coordination);
  envelope[static_cast<int>(Envelope::coordination)] += params.coordination_share * money;
  const double rest = (1.0 - params.coordination_share) * money;
  struct Claim {
    Envelope envelope;
    double share;
  };
  const Envelope regional_or_own_hub = agreed ? Envelope::hub : Envelope::untargeted;
  const Envelope regional_or_own_teachers = agreed ? Envelope::teachers : Envelope::untargeted;
  const Claim claims[] = {{regional_or_own_hub, pw.h2.budget_share},
                          {regional_or_own_teachers, pw.h3.budget_share},
                          {Envelope::exposure, pw.h5.budget_share},
                          {Envelope::facilities, pw.h6.budget_share},
                          {Envelope::development, pw.h8.budget_share},
                          {Envelope::untargeted, params.own_programmes_share}};
  double total_share = 0.0;
  for (const Claim& c : claims) total_share += c.share;
  if (total_share <= 0.0) {
    envelope[static_cast<int>(Envelope::untargeted)] += rest;
    return;
  }
  for (const Claim& c : claims) envelope[static_cast<int>(c.envelope)] += rest * c.share / total_share;
}

void transition_budgets(World& world, const PolicyParams& params, const PathwayParams& pathways,
                        const CoordinationParams& coordination,
                        const std::vector<double>& region_students, const StepContext& ctx) {
  RegionState& rs = world.region_state;
  std::vector<double> budget =
      clamped_budgets(world, params, region_students, ctx,
                      [&](std::size_t r) { return rs.plan_status[r] == PlanStatus::approved; });
  double this_year = 0.0;
  for (std::size_t r = 0; r < budget.size(); ++r) {
    if (budget[r] <= 0.0) continue;
    // Firms (phase 3) canvass when last year's commitment falls short of this requirement.
    rs.cofinancing_required[r] = required_cofinancing(params, budget[r]);
    budget[r] = after_cofinancing_rule(params, budget[r], rs.cofinancing_committed[r]);
    this_year += budget[r];
  }
  // Before the structural phase the total stays under the programme's ceiling.
  double factor = 1.0;
  if (ctx.year < params.structureel_start) {
    double so_far = 0.0;
    for (double received : rs.received_total) so_far += received;
    const double room = std::max(0.0, params.ceiling_2018_2023 * ctx.scale - so_far);
    if (this_year > room) factor = this_year > 0 ? room / this_year : 0.0;
  }
  for (std::size_t r = 0; r < budget.size(); ++r) {
    const double money = budget[r] * factor;
    if (money <= 0.0) continue;
    world.flows.budget_received[r] += money;
    fill_envelopes(world, r, money, params, pathways, coordination);
  }
}

}  // namespace

void apply_policy(World& world, const PolicyParams& params, const PathwayParams& pathways,
                  const CoordinationParams& coordination,
                  const std::vector<std::int32_t>& programme_students, const StepContext& ctx) {
  world.region_state.cofinancing_required.assign(world.regions.size(), 0.0);
  if (!params.enabled) return;
  assess_plans(world, params, ctx);
  const std::vector<double> region_students =
      bovenbouw_students_per_region(world, programme_students);
  if (ctx.year < params.transitie_start) {
    aanloop_impulse(world, params, programme_students, ctx);
    planning_grants(world, params);
    prospective_requirement(world, params, region_students, ctx);
  } else
    transition_budgets(world, params, pathways, coordination, region_students, ctx);
  for (std::size_t r = 0; r < world.regions.size(); ++r)
    world.region_state.received_total[r] += world.flows.budget_received[r];
}

}  // namespace stosim
