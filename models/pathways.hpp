#pragma once
// The nine hypothesis pathways of the STO research design (MODEL.md section 5), each with an
// on/off switch and its strength parameters. No mechanism reads a switch: models/channels.cpp
// resolves switches, agreements and money into per-region channel values once a year (its table
// lists every channel, its pathway and its parameters), and the mechanisms read those values.
// A pathway that needs regional agreements (H1-H4, H7) acts only in regions with an approved plan
// whose collaboration capital reaches regional_coordination.agreement_threshold. A money pathway's
// effect grows with its envelope up to `full_dose` (euro per year-1 student of the region).
#include "sim/parameters.hpp"

namespace stosim {

struct H1Params {  // regional profile agreements
  bool enabled = true;
  int small_students = 40;
  double concentration_rate = 0.1;
  double neighbour_km = 15.0;
  bool protect_sole_provider = true;
  template <class V>
  void visit(V& v) {
    v(enabled, "enabled", {.description = "H1: regional agreements concentrate nearby small duplicate programmes and protect a region's sole provider"});
    v(small_students, "small_students",
      {.unit = "students", .min = 0, .max = 1000,
       .description = "A programme with fewer students in years 3-4 than this is small enough for an agreement to concentrate it at a larger neighbour",
       .source = "assumption; equal to monitor.small_programme_students"});
    v(concentration_rate, "concentration_rate",
      {.unit = "1/year", .min = 0, .max = 1,
       .description = "Yearly probability that an agreed concentration of a small programme at a larger neighbour takes place",
       .source = "constrained by the back-test from 2017/18 (validation/README.md): at 0.5 the "
                 "model closes 18 BWI programmes by 2019/20 where DUO's count shows 1; 0-0.15 "
                 "fit the counts of technical programmes; 0.1 assumed within that range"});
    v(neighbour_km, "neighbour_km",
      {.unit = "km", .min = 0, .max = 200,
       .description = "Largest distance to a neighbour offering the same profile that can take over a small programme",
       .source = "assumption"});
    v(protect_sole_provider, "protect_sole_provider",
      {.description = "A region's only programme in a profile is exempt from the viability rule (a 'gegronde regionale afweging')",
       .source = "STO regulation, seed report section 2.2"});
  }
};

struct H2Params {  // shared facilities
  bool enabled = true;
  double budget_share = 0.15;
  double access_km = 25.0;
  double efficiency = 2.0;
  template <class V>
  void visit(V& v) {
    v(enabled, "enabled", {.description = "H2: a shared facility hub per region, usable by every programme within reach"});
    v(budget_share, "budget_share", {.min = 0, .max = 1, .description = "Weight of the hub in the split of a region's STO money", .source = "assumption"});
    v(access_km, "access_km", {.unit = "km", .min = 0, .max = 200, .description = "Programmes within this distance of the hub use it", .source = "assumption"});
    v(efficiency, "efficiency",
      {.min = 0, .max = 20,
       .description = "Quality bought per euro at a hub relative to a single programme (one hub serves many)",
       .source = "assumption"});
  }
};

struct H3Params {  // teacher attraction and retention
  bool enabled = true;
  double budget_share = 0.15;
  double retention_effect = 0.3;
  double attraction_effect = 0.5;
  double full_dose = 150.0;
  template <class V>
  void visit(V& v) {
    v(enabled, "enabled", {.description = "H3: regional attraction and retention of technical teachers"});
    v(budget_share, "budget_share", {.min = 0, .max = 1, .description = "Weight of teacher policy in the split of a region's STO money", .source = "assumption"});
    v(retention_effect, "retention_effect", {.min = 0, .max = 1, .description = "Relative reduction of the attrition hazard at the full dose", .source = "assumption"});
    v(attraction_effect, "attraction_effect", {.min = 0, .max = 10, .description = "Relative increase of side-entrant supply at the full dose", .source = "assumption"});
    v(full_dose, "full_dose", {.unit = "euro/student/year", .min = 0, .max = 1e6, .description = "Teachers envelope per year-1 student of the region at which retention and attraction reach their full effect (less money, a proportional effect; 0: any money gives the full effect)", .source = "assumption: about the envelope of an average region at the transition budget"});
  }
};

struct H4Params {  // offer aligned with regional labour demand
  bool enabled = true;
  double job_chance_weight = 4.0;
  double technical_shift = 0.15;
  template <class V>
  void visit(V& v) {
    v(enabled, "enabled", {.description = "H4: keuzevakken and offer aligned with regional labour demand"});
    v(job_chance_weight, "job_chance_weight",
      {.min = 0, .max = 50, .description = "Extra logit weight of job chance in the choice of mbo programme under aligned guidance", .source = "assumption"});
    v(technical_shift, "technical_shift",
      {.min = 0, .max = 5, .description = "Log-odds added to entering technical mbo under alignment, scaled by regional technician demand", .source = "assumption"});
  }
};

struct H5Params {  // earlier and broader exposure
  bool enabled = true;
  double budget_share = 0.1;
  double primary_exposure_shift = 0.05;
  double keuzevak_shift = 0.8;
  double keuzevak_choice_effect = 2.0;
  double offer_adoption_rate = 0.3;
  double full_dose = 100.0;
  template <class V>
  void visit(V& v) {
    v(enabled, "enabled", {.description = "H5: exposure to technology in primary school and in non-technical profiles and TL"});
    v(budget_share, "budget_share", {.min = 0, .max = 1, .description = "Weight of exposure programmes in the split of a region's STO money", .source = "assumption"});
    v(primary_exposure_shift, "primary_exposure_shift",
      {.unit = "sd", .min = -2, .max = 2, .description = "Shift of the technical propensity of entrants from funded regions (primary-school exposure)", .source = "assumption"});
    v(keuzevak_shift, "keuzevak_shift",
      {.min = 0, .max = 5, .description = "Log-odds added to following a technical keuzevak in TL and non-technical profiles at the full dose", .source = "assumption"});
    v(keuzevak_choice_effect, "keuzevak_choice_effect",
      {.min = 0, .max = 20, .description = "Utility of the technical profiles at a location per unit change (since the start year) of the share of its years 3-4 students outside technical profiles who follow a technical keuzevak: keuzevakken seen by younger students feed back into profile choice", .source = "assumption"});
    v(offer_adoption_rate, "offer_adoption_rate",
      {.unit = "1/year", .min = 0, .max = 1, .description = "Yearly probability, at the full dose, that a location of a funded region without a technical programme starts offering technical keuzevakken (a lower dose, proportionally less; 1: every location in the first funded year)", .source = "no data; assumption: about three in four locations offer them after the four transition years (1 - 0.7^4); range 0.1-1"});
    v(full_dose, "full_dose", {.unit = "euro/student/year", .min = 0, .max = 1e6, .description = "Exposure envelope per year-1 student of the region at which the exposure effects are full (less money, a proportional effect; 0: any money gives the full effect)", .source = "assumption: about the envelope of an average region at the transition budget"});
  }
};

struct H6Params {  // modern facilities via investment
  bool enabled = true;
  double budget_share = 0.35;
  template <class V>
  void visit(V& v) {
    v(enabled, "enabled", {.description = "H6: STO money modernises the facilities of technical programmes"});
    v(budget_share, "budget_share", {.min = 0, .max = 1, .description = "Weight of facilities in the split of a region's STO money", .source = "assumption: equipment was the largest item in the regional plans"});
  }
};

struct H7Params {  // structural knowledge sharing
  bool enabled = true;
  double growth = 0.2;
  double decay = 0.1;
  template <class V>
  void visit(V& v) {
    v(enabled, "enabled", {.description = "H7: structural regional knowledge sharing builds innovation capacity"});
    v(growth, "growth", {.unit = "1/year", .min = 0, .max = 1, .description = "Growth of innovation capacity per unit of collaboration capital", .source = "assumption"});
    v(decay, "decay", {.unit = "1/year", .min = 0, .max = 1, .description = "Yearly decay of innovation capacity (without collaboration it fades)", .source = "assumption"});
  }
};

struct H8Params {  // professional development and teachers from industry
  bool enabled = true;
  double budget_share = 0.15;
  double development_hours = 40.0;
  double training_speedup = 1.0;
  double hybrid_per_core_partner = 0.03;
  double full_dose = 150.0;
  template <class V>
  void visit(V& v) {
    v(enabled, "enabled", {.description = "H8: professional development and hybrid teachers seconded by firms"});
    v(budget_share, "budget_share", {.min = 0, .max = 1, .description = "Weight of development in the split of a region's STO money", .source = "assumption"});
    v(development_hours, "development_hours", {.unit = "h/FTE/year", .min = 0, .max = 400, .description = "Extra professional development per FTE at the full dose", .source = "assumption"});
    v(training_speedup, "training_speedup",
      {.unit = "1/year", .min = 0, .max = 5, .description = "Extra yearly probability that a teacher in training or unqualified becomes qualified at the full dose", .source = "assumption"});
    v(hybrid_per_core_partner, "hybrid_per_core_partner",
      {.unit = "teachers/year", .min = 0, .max = 5, .description = "Hybrid teachers a core partner firm seconds per year at the full dose, when vacancies exist", .source = "no data; assumption: with about 1,300 core partners nationally (baseline, scale 1) at most about 40 hybrid teachers a year, against some 60 graduates and 45 side-entrants hired; range 0.01-0.1 (0.3 before the firms were counted at every scale as at scale 1 let hybrids fill every vacancy)"});
    v(full_dose, "full_dose", {.unit = "euro/student/year", .min = 0, .max = 1e6, .description = "Development envelope per year-1 student of the region at which the H8 effects are full (less money, a proportional effect; 0: any money gives the full effect)", .source = "assumption: about the envelope of an average region at the transition budget"});
  }
};

struct H9Params {  // quality raises attractiveness
  bool enabled = true;
  double choice_effect = 0.6;
  double dropout_effect = 2.0;
  double mbo_effect = 1.0;
  double mbo_dropout_effect = 1.0;
  template <class V>
  void visit(V& v) {
    v(enabled, "enabled", {.description = "H9: programme quality raises technical choice, motivation, technical transition and preparation for mbo"});
    v(choice_effect, "choice_effect", {.min = 0, .max = 20, .description = "Utility of a technical programme per unit of quality gained since the start year", .source = "assumption"});
    v(dropout_effect, "dropout_effect", {.min = 0, .max = 20, .description = "Log-hazard reduction of dropout per unit of programme quality gained since the start year", .source = "assumption"});
    v(mbo_effect, "mbo_effect", {.min = 0, .max = 20, .description = "Log-odds of a technical mbo field per unit of programme quality gained since the start year", .source = "assumption"});
    v(mbo_dropout_effect, "mbo_dropout_effect", {.min = 0, .max = 20, .description = "Log-hazard reduction of first-year mbo dropout per unit of vmbo programme quality gained since the start year (better preparation)", .source = "assumption"});
  }
};

struct PathwayParams {
  H1Params h1;
  H2Params h2;
  H3Params h3;
  H4Params h4;
  H5Params h5;
  H6Params h6;
  H7Params h7;
  H8Params h8;
  H9Params h9;
  template <class V>
  void visit(V& v) {
    v.section("h1", h1), v.section("h2", h2), v.section("h3", h3);
    v.section("h4", h4), v.section("h5", h5), v.section("h6", h6);
    v.section("h7", h7), v.section("h8", h8), v.section("h9", h9);
  }
};

}  // namespace stosim
