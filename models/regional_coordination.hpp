#pragma once
// Regional coordination: each region's collaboration capital c grows with joint action (an
// approved plan, STO money for coordination, partner firms) and decays without it. Regions with a
// prior network (Toptechniek in Bedrijf) start higher; an external coordinator makes joint action
// more effective than a lead organisation or shared participation (Kluster, seed report §2.3).
// Innovation capacity (H7, through world.channels) grows with c when knowledge sharing is
// structural and decays otherwise.
#include "models/context.hpp"
#include "sim/parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

struct CoordinationParams {
  double initial_collaboration = 0.2;
  double initial_collaboration_prior_network = 0.45;
  double prior_network_share = 28.0 / 78.0;
  double external_coordinator_share = 0.3;
  double shared_participation_share = 0.2;
  double growth = 0.25;
  double decay = 0.08;
  double effect_external_coordinator = 1.3;
  double effect_lead_organisation = 1.0;
  double effect_shared_participation = 0.8;
  double partner_effect = 0.5;
  double agreement_threshold = 0.4;
  double initial_innovation = 0.3;
  double coordination_reference = 200.0;
  double labour_demand_trend = 0.01;
  double labour_demand_spread = 0.005;

  template <class V>
  void visit(V& v) {
    v(initial_collaboration, "initial_collaboration", {.min = 0, .max = 1, .description = "Collaboration capital of a region without a prior network in the start year", .source = "assumption"});
    v(initial_collaboration_prior_network, "initial_collaboration_prior_network", {.min = 0, .max = 1, .description = "Collaboration capital of a former TiB region in the start year", .source = "assumption; Kluster: existing networks build on trust"});
    v(prior_network_share, "prior_network_share", {.min = 0, .max = 1, .description = "Share of regions with a prior technology network", .source = "seed report §2.3: 28 TiB regions of 78"});
    v(external_coordinator_share, "external_coordinator_share", {.min = 0, .max = 1, .description = "Share of regions coordinated by an external party", .source = "assumption"});
    v(shared_participation_share, "shared_participation_share", {.min = 0, .max = 1, .description = "Share of regions organised as shared participation (the rest: a lead organisation)", .source = "assumption"});
    v(growth, "growth", {.unit = "1/year", .min = 0, .max = 1, .description = "Growth of collaboration capital under full joint action", .source = "assumption"});
    v(decay, "decay", {.unit = "1/year", .min = 0, .max = 1, .description = "Yearly decay of collaboration capital", .source = "assumption; RIF: 40 % of collaborations would not last without subsidy"});
    v(effect_external_coordinator, "effect_external_coordinator", {.min = 0, .max = 5, .description = "Multiplier of growth with an external coordinator", .source = "Kluster (seed report §2.3): most effective form"});
    v(effect_lead_organisation, "effect_lead_organisation", {.min = 0, .max = 5, .description = "Multiplier of growth with a lead organisation", .source = "assumption"});
    v(effect_shared_participation, "effect_shared_participation", {.min = 0, .max = 5, .description = "Multiplier of growth with shared participation", .source = "assumption"});
    v(partner_effect, "partner_effect", {.min = 0, .max = 5, .description = "Extra joint action per unit share of a region's firms that are partners", .source = "assumption"});
    v(agreement_threshold, "agreement_threshold", {.min = 0, .max = 1, .description = "Collaboration capital needed for regional agreements (H1-H4, H7), which also need an approved plan", .source = "assumption"});
    v(initial_innovation, "initial_innovation", {.min = 0, .max = 1, .description = "Innovation capacity of every region in the start year", .source = "assumption"});
    v(coordination_reference, "coordination_reference", {.unit = "euro/student/year", .min = 0, .max = 1e6, .description = "Coordination money per year-1 student of the region that on its own gives full joint action", .source = "assumption: about the coordination share of the largest regional budget"});
    v(labour_demand_trend, "labour_demand_trend", {.unit = "1/year", .min = -0.5, .max = 0.5, .description = "Yearly relative change of every region's technician labour demand index", .source = "assumption; scenarios of a tight or slack technician labour market set it"});
    v(labour_demand_spread, "labour_demand_spread", {.unit = "1/year", .min = 0, .max = 0.5, .description = "Standard deviation between regions of the yearly change of the labour demand index (drawn once per region)", .source = "assumption"});
  }
};

// Sets the regional state (collaboration, organisation form, prior network, innovation).
void initialise_regions(World& world, const CoordinationParams& params, StreamKey world_streams);
// Phase 4: collaboration capital and innovation capacity evolve; spends the coordination envelope.
void coordinate_regions(World& world, const CoordinationParams& params, const StepContext& ctx);
// Regional agreements (H1-H4, H7) need an approved plan and c >= agreement_threshold.
bool agreements_active(const World& world, std::size_t region, const CoordinationParams& params);

}  // namespace stosim
