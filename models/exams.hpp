#pragma once
// Exams in year 4: candidates pass (and graduate) or fail; those who fail repeat year 4 or leave.
// Candidates are tallied per location, leerweg and DUO exam sector, the layout of DUO's file.
#include <string>
#include <vector>

#include "models/context.hpp"
#include "sim/parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

struct ExamParams {
  double pass_rate_bb = 0.9795;
  double pass_rate_kb = 0.9572;
  double pass_rate_gl = 0.8994;
  double pass_rate_tl = 0.9331;
  double repeat_share = 0.7;
  std::vector<std::string> sector_of_profile = {"techniek", "techniek",        "techniek",
                                                "techniek", "techniek",        "landbouw",
                                                "economie", "economie",        "zorg_en_welzijn",
                                                "economie"};
  std::vector<double> tl_sector_shares = {0.176, 0.461, 0.321, 0.025, 0.017};

  template <class V>
  void visit(V& v) {
    constexpr std::string_view duo = "DUO geslaagden-gezakten 2018/19, all vmbo candidates";
    v(pass_rate_bb, "pass_rate_bb", {.min = 0, .max = 1, .description = "Pass rate BB", .source = duo});
    v(pass_rate_kb, "pass_rate_kb", {.min = 0, .max = 1, .description = "Pass rate KB", .source = duo});
    v(pass_rate_gl, "pass_rate_gl", {.min = 0, .max = 1, .description = "Pass rate GL", .source = duo});
    v(pass_rate_tl, "pass_rate_tl", {.min = 0, .max = 1, .description = "Pass rate TL", .source = duo});
    v(repeat_share, "repeat_share",
      {.min = 0, .max = 1,
       .description = "Share of failed candidates who repeat year 4 (the others leave vmbo)",
       .source = "assumption"});
    v(sector_of_profile, "sector_of_profile",
      {.description = "DUO exam sector of each profile, in the order BWI PIE M&T MaT MVI Groen "
                      "D&P E&O Z&W HBR",
       .source = "DUO 2018/19: derived by `stosim validate` from the candidates per profile "
                 "(geslaagden-gezakten) and per sector (examenkandidaten) at the same location and "
                 "leerweg; each profile's sector holds 98-100 % of its candidates (validation/README.md)",
       .choices = "techniek|economie|zorg_en_welzijn|landbouw|intersectoraal"});
    v(tl_sector_shares, "tl_sector_shares",
      {.min = 0, .max = 1,
       .description = "Shares of TL candidates per sector (techniek, economie, zorg_en_welzijn, "
                      "landbouw, intersectoraal); TL students follow no profile",
       .source = "DUO examenkandidaten 2018/19, VMBO T by sector"});
  }
};

// Index into sector_codes of each profile (validated when the scenario is loaded).
std::array<int, n_profiles> profile_sectors(const ExamParams& params);

// Sits the exams of every enrolled year-4 student; graduates get status graduated.
void sit_exams(World& world, const ExamParams& params, const StepContext& ctx);

}  // namespace stosim
