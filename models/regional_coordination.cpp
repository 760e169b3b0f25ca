#include "models/regional_coordination.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace stosim {

namespace {

void resize_region_state(RegionState& rs, std::size_t regions) {
  rs.collaboration.assign(regions, 0.0f);
  rs.organisation.assign(regions, OrganisationForm::lead_organisation);
  rs.prior_network.assign(regions, 0);
  rs.plan_status.assign(regions, PlanStatus::none);
  rs.plan_quality.assign(regions, 0.0f);
  rs.plan_approved_year.assign(regions, 0);
  rs.innovation.assign(regions, 0.0f);
  rs.hub_quality.assign(regions, 0.0f);
  rs.hub_location.assign(regions, -1);
  rs.labour_demand.assign(regions, 1.0f);
  rs.cofinancing_committed.assign(regions, 0.0);
  rs.received_total.assign(regions, 0.0);
}

OrganisationForm draw_organisation(double u, const CoordinationParams& params) {
  if (u < params.external_coordinator_share) return OrganisationForm::external_coordinator;
  if (u < params.external_coordinator_share + params.shared_participation_share)
    return OrganisationForm::shared_participation;
  return OrganisationForm::lead_organisation;
}

double form_effect(OrganisationForm form, const CoordinationParams& params) {
  switch (form) {
    case OrganisationForm::external_coordinator:
      return params.effect_external_coordinator;
    case OrganisationForm::shared_participation:
      return params.effect_shared_participation;
    case OrganisationForm::lead_organisation:
      break;
  }
  return params.effect_lead_organisation;
}

// Share of each region's firms that are partners (supporter or core).
std::vector<double> partner_shares(const World& world) {
  const std::size_t regions = world.regions.size();
  std::vector<double> partners(regions, 0.0), firms(regions, 0.0);
  const Firms& f = world.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    const auto r = static_cast<std::size_t>(f.region[i]);
    firms[r] += 1.0;
    if (f.partnership[i] != Partnership::none) partners[r] += 1.0;
  }
  for (std::size_t r = 0; r < regions; ++r)
    partners[r] = firms[r] > 0 ? partners[r] / firms[r] : 0.0;
  return partners;
}

// Joint action a in [0, 1]: an approved plan gives half, coordination money per year-1 student
// relative to the reference and partner firms add the rest. Money is taken per student so that
// joint action does not depend on the population scale (budgets scale with it).
double joint_action(const World& world, std::size_t r, double money, double partner_share,
                    const CoordinationParams& params) {
  const double plan = world.region_state.plan_status[r] == PlanStatus::approved ? 0.5 : 0.0;
  double money_term = 0.0;
  if (money > 0) {
    const double cohort = r < world.start.region_cohort.size() ? world.start.region_cohort[r] : 0.0;
    const double reference = params.coordination_reference * cohort;
    money_term = reference > 0 ? money / reference : 1.0;
  }
  return std::min(1.0, plan + money_term + params.partner_effect * partner_share);
}

// The region's own deviation from the national labour-demand trend: drawn from the replicate's
// streams with the start year as the counter, so it is the same in every year of a run.
double labour_demand_spread(std::size_t r, const CoordinationParams& params,
                            const StepContext& ctx) {
  RandomStream rng(ctx.streams, ctx.start_year, Purpose::labour_demand_spread, r);
  return params.labour_demand_spread * rng.normal();
}

float clamp01(double x) {
  return static_cast<float>(std::clamp(x, 0.0, 1.0));
}

}  // namespace

void initialise_regions(World& world, const CoordinationParams& params, StreamKey world_streams) {
  const std::size_t regions = world.regions.size();
  RegionState& rs = world.region_state;
  resize_region_state(rs, regions);
  // One stream per region: the first draw orders the regions for the prior-network lottery,
  // the second picks the organisation form.
  std::vector<std::pair<double, std::size_t>> order;
  order.reserve(regions);
  for (std::size_t r = 0; r < regions; ++r) {
    RandomStream rng(world_streams, 0, Purpose::world_region_state, r);
    order.emplace_back(rng.uniform(), r);
    rs.organisation[r] = draw_organisation(rng.uniform(), params);
  }
  std::sort(order.begin(), order.end());
  const auto with_network = static_cast<std::size_t>(
      std::lround(params.prior_network_share * static_cast<double>(regions)));
  for (std::size_t k = 0; k < std::min(with_network, regions); ++k)
    rs.prior_network[order[k].second] = 1;
  for (std::size_t r = 0; r < regions; ++r) {
    rs.collaboration[r] =
        static_cast<float>(rs.prior_network[r] ? params.initial_collaboration_prior_network
                                               : params.initial_collaboration);
    rs.innovation[r] = static_cast<float>(params.initial_innovation);
  }
}

bool agreements_active(const World& world, std::size_t region, const CoordinationParams& params) {
  // Agreements are part of an approved STO regional plan, and need enough collaboration.
  return world.region_state.plan_status[region] == PlanStatus::approved &&
         world.region_state.collaboration[region] >= params.agreement_threshold;
}

void coordinate_regions(World& world, const CoordinationParams& params, const StepContext& ctx) {
  RegionState& rs = world.region_state;
  const std::vector<double> partners = partner_shares(world);
  const ChannelValues& ch = world.channels;
  for (std::size_t r = 0; r < world.regions.size(); ++r) {
    // Collaboration capital: logistic-like growth under joint action, constant-rate decay.
    const double money = envelope_money(world.flows, r, Envelope::coordination);
    const double a = joint_action(world, r, money, partners[r], params);
    const double c = rs.collaboration[r];
    rs.collaboration[r] =
        clamp01(c + params.growth * form_effect(rs.organisation[r], params) * a * (1.0 - c) -
                params.decay * c);
    // The coordination envelope is spent as set aside (staff, meetings, knowledge sharing).
    world.flows.budget_spent[r] += money;

    // H7: innovation grows only with structural sharing (agreements), and fades otherwise. With
    // the pathway off both rates resolve to 0: capacity stays as in the zero situation.
    const double inn = rs.innovation[r];
    const double growth = ch.innovation_growth[r] * rs.collaboration[r] * (1.0 - inn);
    rs.innovation[r] = clamp01(inn + growth - ch.innovation_decay[r] * inn);

    // Technician demand: 1 in the start year, then the scenario trend plus the region's spread.
    if (ctx.year > ctx.start_year) {
      const double factor = 1.0 + params.labour_demand_trend + labour_demand_spread(r, params, ctx);
      rs.labour_demand[r] = static_cast<float>(std::max(0.0, rs.labour_demand[r] * factor));
    }
  }
}

}  // namespace stosim
