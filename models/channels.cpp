#include "models/channels.hpp"

#include <algorithm>
#include <array>

#include "models/regional_coordination.hpp"

namespace stosim {

namespace {

using enum Pathway;

// clang-format off
constexpr std::array<ChannelSpec, 31> table = {{
  // The money itself: what STO's money does whatever the pathways.
  {"plans_and_agreements", money, "policy.cpp, regional_coordination.cpp",
   "Regions write a plan in the last aanloop year; a committee approves it with a probability rising with plan quality (collaboration, prior network, organisation form); a rejected plan is improved and resubmitted, up to max_submissions, after which the region has failed to agree (no plan, no agreements, no transition money). Agreements are active while the plan is approved and collaboration reaches the threshold",
   "policy.plan_quality_sd policy.approval_threshold policy.approval_slope policy.resubmission_gain policy.max_submissions policy.plan_bonus_external_coordinator policy.plan_bonus_shared_participation regional_coordination.agreement_threshold", ""},
  {"allocation", money, "policy.cpp",
   "The national budget is shared by approved regions by students, clamped to the regional minimum and maximum (no money when the national budget is 0); the cofinancing rule scales or blocks it, and a region whose partners commit less than it requires canvasses firms (more join, supporters become core partners); the region's money is split into envelopes by fixed shares whatever the switches (hub and teachers only with an agreement, else to the own programmes)",
   "policy.transitie_budget policy.structural_budget policy.region_budget_min policy.region_budget_max policy.cofinancing_min policy.cofinancing_rule firms.join_shortfall firms.commit_shortfall policy.coordination_share policy.own_programmes_share h2.budget_share h3.budget_share h5.budget_share h6.budget_share h8.budget_share", ""},
  {"aanloop_impulse", money, "policy.cpp, facilities.cpp",
   "Aanloop money for the hard technical programmes, in proportion to their students, invested in their facilities",
   "policy.aanloop_budget policy.hard_technical", ""},
  {"own_programmes", money, "facilities.cpp",
   "The own-programmes envelope is spread evenly over the region's programmes as facility investment (small and non-technical ones too)",
   "", "own_programme_money"},
  {"small_programmes_kept", money, "programme_viability.cpp",
   "Schools spending STO money on their own programmes keep small ones alive (seed report §2.2): the viability threshold falls by relief times the own-programmes dose (H1's concentration works against it where agreements are active)",
   "programme_viability.funded_threshold_relief programme_viability.relief_full_dose", "threshold_relief"},
  {"openings_funded", money, "programme_openings.cpp",
   "Schools spending STO money on their own programmes open a technical programme more readily where none is offered: the opening probability rises by funded_effect times the own-programmes dose",
   "programme_openings.funded_effect programme_openings.full_dose", "opening_factor"},
  {"substitution", money, "facilities.cpp",
   "STO money invested in a programme's facilities replaces part of the school's own investment in it (seed report §2.2)",
   "facilities.substitution", ""},
  {"coordination", money, "regional_coordination.cpp",
   "Coordination money (and planning grants) and an approved plan add to joint action, so collaboration capital grows",
   "policy.planning_grant regional_coordination.coordination_reference", ""},
  {"firm_subsidy", money, "firms.cpp",
   "Firms join more while their region receives money, and partners drift away once it stops (RIF)",
   "firms.join_subsidy firms.drift_after_subsidy", ""},
  // H1 regional profile agreements.
  {"concentration", h1, "programme_viability.cpp",
   "Under an agreement a small programme with a larger neighbour of the same profile is concentrated there",
   "h1.concentration_rate h1.small_students h1.neighbour_km", "concentration_rate"},
  {"sole_provider_protection", h1, "programme_viability.cpp",
   "Under an agreement the region's only programme in a profile is exempt from the viability rule",
   "h1.protect_sole_provider", "protect_sole_provider"},
  // H2 shared facilities.
  {"hub", h2, "facilities.cpp, quality.cpp",
   "The hub envelope builds a shared hub at the region's busiest technical location; programmes within reach use its quality",
   "h2.efficiency h2.access_km", "hub_money"},
  // H3 teachers.
  {"retention", h3, "teachers.cpp", "The teachers envelope lowers the attrition hazard, in proportion to its dose",
   "h3.retention_effect h3.full_dose", "attrition_factor"},
  {"attraction", h3, "teachers.cpp", "The teachers envelope raises the supply of side-entrants, in proportion to its dose",
   "h3.attraction_effect h3.full_dose", "side_entrant_factor"},
  // H4 alignment with regional labour demand.
  {"aligned_transition", h4, "mbo_transition.cpp",
   "Under an agreement graduates are guided to technical mbo in proportion to regional technician demand",
   "h4.technical_shift", "aligned_technical_shift"},
  {"aligned_programme_choice", h4, "mbo_transition.cpp",
   "Under an agreement graduates weigh job chance more in the choice of mbo programme",
   "h4.job_chance_weight", "aligned_job_chance_weight"},
  // H5 earlier and broader exposure.
  {"primary_exposure", h5, "demography.cpp",
   "The exposure envelope raises the technical propensity of next year's entrants, in proportion to its dose",
   "h5.primary_exposure_shift h5.full_dose", "primary_exposure_shift"},
  {"keuzevak_offer", h5, "keuzevakken.cpp",
   "Locations of a funded region start offering technical keuzevakken one by one, each with a yearly probability in proportion to the dose, and offer them while the money lasts",
   "h5.offer_adoption_rate h5.full_dose", "keuzevak_adoption"},
  {"keuzevak_uptake", h5, "keuzevakken.cpp",
   "Students of TL and non-technical profiles follow a technical keuzevak more often, in proportion to the dose",
   "h5.keuzevak_shift", "keuzevak_shift"},
  {"keuzevak_feedback", h5, "keuzevakken.cpp, profile_choice.cpp",
   "A location's uptake of technical keuzevakken (change since the start year) raises the appeal of its technical profiles to year-2 students",
   "h5.keuzevak_choice_effect", "keuzevak_choice_effect"},
  // H6 modern facilities.
  {"modernisation", h6, "facilities.cpp",
   "The facilities envelope is invested in the region's technical programmes by need (the most outdated first)",
   "", "modernisation_money"},
  // H7 knowledge sharing.
  {"innovation", h7, "regional_coordination.cpp",
   "Innovation capacity grows with collaboration under agreements and decays otherwise (it stays as in the zero situation when off)",
   "h7.growth h7.decay", "innovation_growth innovation_decay"},
  // H8 professional development and teachers from industry.
  {"development_hours", h8, "teachers.cpp", "Extra development hours per FTE, in proportion to the dose",
   "h8.development_hours h8.full_dose", "development_hours"},
  {"faster_qualification", h8, "teachers.cpp",
   "Teachers in training and unqualified teachers qualify sooner, in proportion to the dose",
   "h8.training_speedup", "training_speedup"},
  {"hybrid_teachers", h8, "teachers.cpp", "Core partner firms second hybrid teachers into vacancies, in proportion to the dose",
   "h8.hybrid_per_core_partner", "hybrids_per_core_partner"},
  // H9 quality raises attractiveness.
  {"quality_choice", h9, "profile_choice.cpp", "Technical programmes whose quality rose since the start year attract more year-2 students",
   "h9.choice_effect", "quality_choice"},
  {"quality_dropout", h9, "dropout.cpp", "Students of programmes whose quality rose drop out less",
   "h9.dropout_effect", "quality_dropout"},
  {"quality_mbo", h9, "mbo_transition.cpp", "Graduates of programmes whose quality rose choose technical mbo more often",
   "h9.mbo_effect", "quality_mbo"},
  {"quality_mbo_dropout", h9, "mbo_transition.cpp",
   "Graduates of programmes whose quality rose are better prepared: less first-year mbo dropout",
   "h9.mbo_dropout_effect", "quality_mbo_dropout"},
  // Money again: how money reaches a region (listed last so that the table groups by mechanism).
  {"ceiling", money, "policy.cpp", "Before the structural phase the national total stays under the ceiling",
   "policy.ceiling_2018_2023", ""},
  {"catch_up", money, "policy.cpp",
   "A run starting after the plan year starts from the state the policy left: plans assessed and resubmitted, collaboration grown and money granted in the years before the start",
   "policy.aanloop_start", ""},
}};
// clang-format on

template <class T>
void size_to(std::vector<T>& v, std::size_t n) {
  v.assign(n, T{});  // keeps the capacity of earlier years
}

}  // namespace

std::string_view pathway_name(Pathway p) {
  static constexpr std::array<std::string_view, n_pathways> names = {
      "money", "H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8", "H9"};
  return names[static_cast<std::size_t>(p)];
}

std::span<const ChannelSpec> channel_table() { return table; }

std::string channels_markdown() {
  std::string md =
      "| channel | pathway | mechanism | meaning | parameters |\n|---|---|---|---|---|\n";
  for (int p = 0; p < n_pathways; ++p)
    for (const ChannelSpec& c : table) {
      if (static_cast<int>(c.pathway) != p) continue;
      std::string parameters;
      for (std::size_t start = 0; start < c.parameters.size();) {
        std::size_t end = c.parameters.find(' ', start);
        if (end == std::string_view::npos) end = c.parameters.size();
        if (!parameters.empty()) parameters += ", ";
        parameters += "`" + std::string(c.parameters.substr(start, end - start)) + "`";
        start = end + 1;
      }
      md += "| `" + std::string(c.channel) + "` | " + std::string(pathway_name(c.pathway)) + " | " +
            std::string(c.mechanism) + " | " + std::string(c.meaning) + " | " +
            (parameters.empty() ? std::string("—") : parameters) + " |\n";
    }
  return md;
}

double money_dose(double envelope, double full_dose, double region_cohort) {
  if (envelope <= 0.0) return 0.0;
  const double full = full_dose * region_cohort;
  return full > 0.0 ? std::min(1.0, envelope / full) : 1.0;
}

void resolve_channels(const World& world, const ModelParameters& params, ChannelValues& out) {
  const std::size_t n = world.regions.size();
  for (auto* v : {&out.own_programme_money, &out.hub_money, &out.modernisation_money}) size_to(*v, n);
  for (auto* v : {&out.threshold_relief, &out.opening_factor, &out.concentration_rate,
                  &out.attrition_factor, &out.side_entrant_factor, &out.aligned_technical_shift,
                  &out.aligned_job_chance_weight, &out.primary_exposure_shift, &out.keuzevak_adoption,
                  &out.keuzevak_shift,
                  &out.keuzevak_choice_effect, &out.innovation_growth, &out.innovation_decay,
                  &out.development_hours, &out.training_speedup, &out.hybrids_per_core_partner,
                  &out.quality_choice, &out.quality_dropout, &out.quality_mbo,
                  &out.quality_mbo_dropout})
    size_to(*v, n);
  size_to(out.protect_sole_provider, n);

  const PathwayParams& pw = params.pathways;
  const ProgrammeViabilityParams& viability = params.programme_viability;
  for (std::size_t r = 0; r < n; ++r) {
    const double cohort = r < world.start.region_cohort.size() ? world.start.region_cohort[r] : 0.0;
    const bool agreed = r < world.region_state.plan_status.size() &&
                        agreements_active(world, r, params.regional_coordination);
    auto f = [](double x) { return static_cast<float>(x); };

    // Money.
    const double own = envelope_money(world.flows, r, Envelope::untargeted);
    out.own_programme_money[r] = own;
    out.threshold_relief[r] =
        f(viability.funded_threshold_relief * money_dose(own, viability.relief_full_dose, cohort));
    const ProgrammeOpeningParams& openings = params.programme_openings;
    out.opening_factor[r] = f(1.0 + openings.funded_effect * money_dose(own, openings.full_dose, cohort));

    // H1, H4 and H7 act through agreements.
    const bool h1 = pw.h1.enabled && agreed;
    out.concentration_rate[r] = h1 ? f(pw.h1.concentration_rate) : 0.0f;
    out.protect_sole_provider[r] = h1 && pw.h1.protect_sole_provider ? 1 : 0;
    const bool h4 = pw.h4.enabled && agreed;
    out.aligned_technical_shift[r] = h4 ? f(pw.h4.technical_shift) : 0.0f;
    out.aligned_job_chance_weight[r] = h4 ? f(pw.h4.job_chance_weight) : 0.0f;
    out.innovation_growth[r] = pw.h7.enabled && agreed ? f(pw.h7.growth) : 0.0f;
    out.innovation_decay[r] = pw.h7.enabled ? f(pw.h7.decay) : 0.0f;

    // H2 and H6 spend their envelopes on facilities.
    out.hub_money[r] = pw.h2.enabled ? envelope_money(world.flows, r, Envelope::hub) : 0.0;
    out.modernisation_money[r] =
        pw.h6.enabled ? envelope_money(world.flows, r, Envelope::facilities) : 0.0;

    // H3, H5 and H8 act in proportion to their dose.
    const double d3 = pw.h3.enabled ? money_dose(envelope_money(world.flows, r, Envelope::teachers),
                                                 pw.h3.full_dose, cohort)
                                    : 0.0;
    out.attrition_factor[r] = f(1.0 - pw.h3.retention_effect * d3);
    out.side_entrant_factor[r] = f(1.0 + pw.h3.attraction_effect * d3);
    const double d5 = pw.h5.enabled ? money_dose(envelope_money(world.flows, r, Envelope::exposure),
                                                 pw.h5.full_dose, cohort)
                                    : 0.0;
    out.primary_exposure_shift[r] = f(pw.h5.primary_exposure_shift * d5);
    out.keuzevak_adoption[r] = f(pw.h5.offer_adoption_rate * d5);
    out.keuzevak_shift[r] = f(pw.h5.keuzevak_shift * d5);
    out.keuzevak_choice_effect[r] = pw.h5.enabled ? f(pw.h5.keuzevak_choice_effect) : 0.0f;
    const double d8 = pw.h8.enabled
                          ? money_dose(envelope_money(world.flows, r, Envelope::development),
                                       pw.h8.full_dose, cohort)
                          : 0.0;
    out.development_hours[r] = f(pw.h8.development_hours * d8);
    out.training_speedup[r] = f(pw.h8.training_speedup * d8);
    out.hybrids_per_core_partner[r] = f(pw.h8.hybrid_per_core_partner * d8);

    // H9: quality's effects on behaviour.
    out.quality_choice[r] = pw.h9.enabled ? f(pw.h9.choice_effect) : 0.0f;
    out.quality_dropout[r] = pw.h9.enabled ? f(pw.h9.dropout_effect) : 0.0f;
    out.quality_mbo[r] = pw.h9.enabled ? f(pw.h9.mbo_effect) : 0.0f;
    out.quality_mbo_dropout[r] = pw.h9.enabled ? f(pw.h9.mbo_dropout_effect) : 0.0f;
  }
}

}  // namespace stosim
