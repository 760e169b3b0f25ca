#pragma once
// Policy and funding (phase 2). The STO phases: aanloop (2018-2019: a first quality impulse for
// the hard technical programmes, and planning), transitie (2020-2023: budgets for regions with an
// approved plan) and structureel (from 2024). Regions submit plans in the last aanloop year; a
// committee approves them with a probability rising with plan quality (collaboration, prior
// network); rejected plans are resubmitted, improved, a year later. The business cofinancing
// rule (at least `cofinancing_min` of the total cost) scales down or blocks a region's budget.
// The region's money is split into envelopes (sim/world.hpp Envelope) by fixed shares, whatever the
// pathway switches (models/channels.hpp says what each envelope does when its pathway is off).
// A run that starts after the plan year starts from the state the policy left (catch-up).
#include <string>
#include <vector>

#include "models/context.hpp"
#include "models/pathways.hpp"
#include "models/regional_coordination.hpp"
#include "sim/parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

struct PolicyParams {
  bool enabled = true;
  int transitie_start = 2020;
  int structureel_start = 2024;
  double aanloop_budget = 50e6;
  double planning_grant = 50000;
  double transitie_budget = 100e6;
  double structural_budget = 100e6;
  double ceiling_2018_2023 = 500e6;
  double cofinancing_min = 0.10;
  std::string cofinancing_rule = "scale";
  double region_budget_min = 0.25e6;
  double region_budget_max = 5.5e6;
  double plan_quality_sd = 0.12;
  double approval_threshold = 0.2;
  double approval_slope = 12.0;
  double resubmission_gain = 0.15;
  double coordination_share = 0.05;
  double own_programmes_share = 0.1;
  int max_submissions = 3;
  double plan_base_quality = 0.2;
  double plan_collaboration_weight = 0.5;
  double plan_prior_network_bonus = 0.1;
  double plan_bonus_external_coordinator = 0.05;
  double plan_bonus_shared_participation = -0.03;
  int aanloop_start = 2018;
  std::vector<std::string> hard_technical = {"BWI", "PIE", "M&T"};

  template <class V>
  void visit(V& v) {
    v(enabled, "enabled", {.description = "STO funding at all (false: the no-STO counterfactual's money side)"});
    v(transitie_start, "transitie_start", {.unit = "school year", .min = 2018, .max = 2100, .description = "First year of the transition phase (earlier years are aanloop)", .source = "Kamerbrief 2018: aanloop 2018-2019"});
    v(structureel_start, "structureel_start", {.unit = "school year", .min = 2018, .max = 2100, .description = "First year of structural funding", .source = "seed report §2.2: structural from 2024"});
    v(aanloop_budget, "aanloop_budget", {.unit = "euro/year", .min = 0, .max = 1e10, .description = "National aanloop money per year (at scale 1), for hard technical programmes", .source = "FACTS.md: EUR 500M over 2018-2023 with EUR 100M a year in the four transition years leaves about EUR 50M for each aanloop year"});
    v(planning_grant, "planning_grant", {.unit = "euro/year", .min = 0, .max = 1e8, .description = "Money per region and aanloop year for drawing up the regional plan (coordination envelope)", .source = "assumption; the aanloop phase funded planning (seed report §2.2)"});
    v(transitie_budget, "transitie_budget", {.unit = "euro/year", .min = 0, .max = 1e10, .description = "National transition budget per year (at scale 1)", .source = "FACTS.md"});
    v(structural_budget, "structural_budget", {.unit = "euro/year", .min = 0, .max = 1e10, .description = "National structural budget per year from structureel_start (at scale 1)", .source = "FACTS.md: EUR 100M a year structurally from 2024"});
    v(ceiling_2018_2023, "ceiling_2018_2023", {.unit = "euro", .min = 0, .max = 1e11, .description = "Total ceiling of the money spent before the structural phase (at scale 1)", .source = "FACTS.md: EUR 500M over 2018-2023"});
    v(cofinancing_min, "cofinancing_min", {.min = 0, .max = 0.95, .description = "Minimum business cofinancing as a share of a region's total cost", .source = "STO regulation: at least 10 %"});
    v(cofinancing_rule, "cofinancing_rule", {.description = "What happens below the minimum: scale the budget down to what the cofinancing supports, or block it", .source = "assumption", .choices = "scale|block"});
    v(region_budget_min, "region_budget_min", {.unit = "euro/year", .min = 0, .max = 1e9, .description = "Smallest yearly budget of an approved region", .source = "FACTS.md: EUR 1M-22M per region over the four transition years"});
    v(region_budget_max, "region_budget_max", {.unit = "euro/year", .min = 0, .max = 1e9, .description = "Largest yearly budget of an approved region", .source = "FACTS.md"});
    v(plan_quality_sd, "plan_quality_sd", {.min = 0, .max = 1, .description = "Spread of plan quality around what collaboration predicts", .source = "assumption"});
    v(approval_threshold, "approval_threshold", {.min = 0, .max = 1, .description = "Plan quality at which the committee approves with probability 1/2", .source = "calibrated: 71 of 78 plans approved at the first assessment (FACTS.md)"});
    v(plan_base_quality, "plan_base_quality", {.min = -1, .max = 1, .description = "Plan quality of a region without collaboration, prior network or organisation bonus", .source = "assumption"});
    v(plan_collaboration_weight, "plan_collaboration_weight", {.min = 0, .max = 5, .description = "Plan quality per unit of collaboration capital", .source = "assumption"});
    v(plan_prior_network_bonus, "plan_prior_network_bonus", {.min = -1, .max = 1, .description = "Plan quality added by a prior technology network (TiB)", .source = "assumption; Kluster: existing networks build on trust (seed report §2.3)"});
    v(plan_bonus_external_coordinator, "plan_bonus_external_coordinator", {.min = -1, .max = 1, .description = "Plan quality added by an external coordinator", .source = "assumption; Kluster: the most effective organisation form (seed report §2.3)"});
    v(plan_bonus_shared_participation, "plan_bonus_shared_participation", {.min = -1, .max = 1, .description = "Plan quality added by shared participation (negative: the least effective form)", .source = "assumption; Kluster (seed report §2.3)"});
    v(max_submissions, "max_submissions", {.unit = "assessments", .min = 1, .max = 100, .description = "Assessments a region's plan gets; a region rejected this often has failed to agree: no plan, no agreements and no transition money", .source = "assumption; FACTS.md: 71 of 78 approved at the first assessment, the rest resubmitted"});
    v(aanloop_start, "aanloop_start", {.unit = "school year", .min = 2000, .max = 2100, .description = "First year of the aanloop phase: a run starting later starts from the state the policy left (plans assessed, collaboration grown, money granted)", .source = "Kamerbrief 2018: aanloop 2018-2019"});
    v(approval_slope, "approval_slope", {.min = 0, .max = 100, .description = "Steepness of the approval probability in plan quality", .source = "assumption"});
    v(resubmission_gain, "resubmission_gain", {.min = 0, .max = 1, .description = "Improvement of a rejected plan when resubmitted", .source = "assumption"});
    v(coordination_share, "coordination_share", {.min = 0, .max = 1, .description = "Share of a region's money for coordination, always set aside", .source = "assumption"});
    v(own_programmes_share, "own_programmes_share", {.min = 0, .max = 1, .description = "Weight of the schools' own programmes (the untargeted envelope) in the split of a region's money, beside the pathways' budget_share", .source = "assumption; seed report §2.2: each region decides how to spend its money, schools may keep small profiles alive"});
    v(hard_technical, "hard_technical", {.description = "Profiles that receive the aanloop impulse", .source = "seed report §1.1: BWI, PIE, M&T", .choices = "BWI|PIE|M&T|MaT|MVI|Groen|D&P|E&O|Z&W|HBR"});
  }
};

// Phase 2: plans, approval, allocation, cofinancing rule, split into envelopes and the aanloop
// impulse per programme (flows.budget_received, flows.envelope, flows.programme_impulse).
// `programme_students`: count_programme_students of the world as it is (the key of the aanloop
// impulse and, summed per region, of the budgets).
void apply_policy(World& world, const PolicyParams& params, const PathwayParams& pathways,
                  const CoordinationParams& coordination,
                  const std::vector<std::int32_t>& programme_students, const StepContext& ctx);

}  // namespace stosim
