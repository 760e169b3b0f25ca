// The datasets of `stosim report`: national series and effects, the hypothesis scorecard, the
// STO triangle and the map's locations and regions, as rows of JSON.
#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "output/report_internal.hpp"
#include "output/statistics.hpp"

namespace stosim::report {

std::vector<const ReportRun*> Context::all_runs() const {
  std::vector<const ReportRun*> out;
  for (const ReportRun& r : runs) out.push_back(&r);
  if (counterfactual) out.push_back(&*counterfactual);
  return out;
}

namespace {

// clang-format off
constexpr Measure series[] = {
  {"share", "technical_share_bovenbouw", "", "Technical share of beroepsgerichte bovenbouw"},
  {"programmes", "technical_programmes", "", "Open technical programmes"},
  {"viable", "viable_technical_share", "", "Technical programmes of viable size"},
  {"duplicates", "small_duplicate_pairs", "*", "Neighbouring small duplicate programmes (all profiles)"},
  {"access", "access_technical_share", "", "Students within reach of each technical profile"},
  {"distance", "access_distance_mean", "", "Distance to the nearest location offering a profile (mean over profiles)"},
  {"techniekarm", "techniekarm", "", "Techniekarme regions"},
  {"mbo_technical", "mbo_technical_share", "technical_profile", "Technical mbo after a technical profile"},
  {"keuzevak_tl", "technical_keuzevak_share", "tl", "TL students following a technical keuzevak"},
  {"job_chance", "mbo_job_chance_all", "", "Job chance of the mbo programmes chosen"},
  {"fte", "teachers_fte_total", "", "Technical teaching FTE"},
  {"vacancies", "vacancy_fte", "*", "Vacant technical teaching FTE"},
  {"qualified", "teachers_qualified_share_total", "", "Qualified share of technical teaching FTE"},
  {"facilities", "technical_facility_quality", "", "Facility quality of technical programmes"},
  {"innovation", "innovation", "", "Innovation capacity (mean over regions)"},
  {"collaboration", "collaboration", "", "Collaboration capital (mean over regions)"},
  {"dropouts", "dropped_out", "", "vmbo students who dropped out"},
  {"budget", "budget_received", "", "STO money received"},
  {"cofinancing", "cofinancing_cash", "", "Firms' cash cofinancing"},
};

constexpr Measure effects[] = {
  {"effect_share", "technical_share_bovenbouw", "", "Technical share of beroepsgerichte bovenbouw"},
  {"effect_programmes", "technical_programmes", "", "Open technical programmes"},
  {"effect_mbo_technical", "mbo_technical_share", "technical_profile", "Technical mbo after a technical profile"},
  {"effect_qualified", "teachers_qualified_share_total", "", "Qualified share of technical teaching FTE"},
  {"effect_duurzaam", "sto_duurzaam", "", "STO triangle: duurzaam"},
  {"effect_dekkend", "sto_dekkend", "", "STO triangle: dekkend"},
  {"effect_kwalitatief", "sto_kwalitatief", "", "STO triangle: kwalitatief"},
};

constexpr Expectation expectations[] = {
  {"H1", "regional profile agreements", {"h1_duplicates", "small_duplicate_pairs", "*", "Small duplicate programmes"}, -1},
  {"H1", "regional profile agreements", {"h1_viable", "viable_technical_share", "", "Programmes of viable size"}, +1},
  {"H1", "regional profile agreements", {"h1_access", "access_technical_share", "", "Reach of technical profiles"}, 0},
  {"H2", "shared facilities", {"h2_quality", "technical_facility_quality", "", "Facility quality"}, +1},
  {"H2", "shared facilities", {"h2_hub", "hub_students", "", "Students within reach of a hub"}, +1},
  {"H3", "teacher attraction and retention", {"h3_vacancies", "vacancy_fte", "*", "Vacant teaching FTE"}, -1},
  {"H3", "teacher attraction and retention", {"h3_fte", "teachers_fte_total", "", "Technical teaching FTE"}, +1},
  {"H4", "offer aligned with regional demand", {"h4_job", "mbo_job_chance_all", "", "Job chance of mbo chosen"}, +1},
  {"H4", "offer aligned with regional demand", {"h4_mbo", "mbo_technical_share", "technical_profile", "Technical mbo after technical profile"}, +1},
  {"H5", "earlier and broader exposure", {"h5_share", "technical_share_bovenbouw", "", "Technical share of bovenbouw"}, +1},
  {"H5", "earlier and broader exposure", {"h5_keuzevak", "technical_keuzevak_share", "tl", "Technical keuzevak in TL"}, +1},
  {"H5", "earlier and broader exposure", {"h5_mbo", "mbo_technical_share", "other_profile", "Technical mbo after other profile"}, +1},
  {"H6", "modern facilities", {"h6_quality", "technical_facility_quality", "", "Facility quality"}, +1},
  {"H6", "modern facilities", {"h6_investment", "facility_investment", "", "Facility investment"}, +1},
  {"H7", "regional knowledge sharing", {"h7_innovation", "innovation", "", "Innovation capacity"}, +1},
  {"H8", "development and teachers from industry", {"h8_qualified", "teachers_qualified_share_total", "", "Qualified share of FTE"}, +1},
  {"H8", "development and teachers from industry", {"h8_industry", "teachers_from_industry", "", "Teachers from industry"}, +1},
  {"H9", "quality raises attractiveness", {"h9_share", "technical_share_bovenbouw", "", "Technical share of bovenbouw"}, +1},
  {"H9", "quality raises attractiveness", {"h9_dropouts", "dropped_out", "", "vmbo dropouts"}, -1},
  {"H9", "quality raises attractiveness", {"h9_mbo", "mbo_technical_share", "technical_profile", "Technical mbo after technical profile"}, +1},
};
// clang-format on

// The replicates' national values of a measure in one year.
std::vector<double> national(const ReportRun& run, const Measure& m, std::size_t year) {
  const Array& a = run.read("national", m.indicator);
  if (m.cell == "*") return a.summed(year, 0);
  if (m.indicator == "access_distance_mean") {  // the mean over technical profiles
    std::vector<double> sum(a.replicates(), 0.0);
    for (int p : run.technical_profiles) {
      const std::vector<double> v = a.at(year, 0, static_cast<std::size_t>(p));
      for (std::size_t r = 0; r < sum.size(); ++r) sum[r] += v[r] / static_cast<double>(run.technical_profiles.size());
    }
    return sum;
  }
  return a.at(year, 0, m.cell.empty() ? 0 : a.cell_of(m.cell));
}

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

std::string_view verdict(const PairedEffect& e, int direction) {
  if (e.n == 0) return "undefined";
  if (std::isnan(e.low)) return "no interval (one replicate)";
  const bool up = e.low > 0, down = e.high < 0;
  if (direction == 0) return up || down ? "changed" : "kept";
  if (!up && !down) return "no clear effect";
  return (direction > 0) == up ? "as expected" : "opposite";
}

}  // namespace

std::span<const Measure> series_measures() { return series; }
std::span<const Measure> effect_measures() { return effects; }
std::span<const Expectation> scorecard_expectations() { return expectations; }

Display display_of(std::string_view unit) {
  if (unit == "share") return {100.0, "%", "pp", ".1f"};
  if (unit == "euro") return {1e-6, "€ M", "€ M", ",.2f"};
  return {1.0, std::string(unit), std::string(unit), ",.3~f"};
}

std::string unit_of(const Context& c, const Measure& m) {
  if (m.indicator == "access_distance_mean") return "km";
  return c.runs.front().read("national", m.indicator).unit;
}

json series_rows(const Context& c) {
  json rows = json::array();
  const auto runs = c.all_runs();
  for (const Measure& m : series) {
    const Display d = display_of(unit_of(c, m));
    for (std::size_t i = 0; i < runs.size(); ++i)
      for (std::size_t y = 0; y < runs[i]->info().years.size(); ++y) {
        const ReplicateSummary s = summarise_replicates(national(*runs[i], m, y));
        rows.push_back({{"chart", m.id}, {"run", c.labels[i]}, {"year", runs[i]->info().years[y]},
                        {"mean", number(s.mean * d.factor)}, {"low", number(s.low * d.factor)},
                        {"high", number(s.high * d.factor)}, {"replicates", s.n}});
      }
  }
  return rows;
}

json effect_rows(const Context& c) {
  json rows = json::array();
  if (!c.counterfactual) return rows;
  for (const Measure& m : effects) {
    const Display d = display_of(unit_of(c, m));
    for (std::size_t i = 0; i < c.runs.size(); ++i)
      for (std::size_t y = 0; y < c.runs[i].info().years.size(); ++y) {
        const PairedEffect e = paired_effect(national(c.runs[i], m, y), national(*c.counterfactual, m, y));
        rows.push_back({{"chart", m.id}, {"run", c.labels[i]}, {"year", c.runs[i].info().years[y]},
                        {"effect", number(e.effect * d.factor)}, {"low", number(e.low * d.factor)},
                        {"high", number(e.high * d.factor)}, {"pairs", e.n}});
      }
  }
  return rows;
}

json scorecard_rows(const Context& c) {
  json rows = json::array();
  if (!c.counterfactual) return rows;
  int order = 0;
  for (const Expectation& x : expectations) {
    const Display d = display_of(unit_of(c, x.measure));
    const std::string label = fmt::format("{} · {}", x.hypothesis, x.measure.title);
    for (std::size_t i = 0; i < c.runs.size(); ++i) {
      const std::size_t last = c.runs[i].info().years.size() - 1;
      const PairedEffect e = paired_effect(national(c.runs[i], x.measure, last),
                                           national(*c.counterfactual, x.measure, last));
      // Relative to the counterfactual, so that indicators in different units share an axis.
      const double base = std::abs(e.mean_b) > 0 ? std::abs(e.mean_b) : std::nan("");
      rows.push_back({{"order", order}, {"label", label}, {"hypothesis", x.hypothesis},
                      {"pathway", x.pathway}, {"indicator", x.measure.indicator},
                      {"cell", x.measure.cell}, {"title", x.measure.title},
                      {"expected", x.direction > 0 ? "↑" : x.direction < 0 ? "↓" : "≈"},
                      {"run", c.labels[i]}, {"year", c.runs[i].info().years[last]}, {"unit", d.unit},
                      {"effect_unit", d.effect_unit}, {"scenario_mean", number(e.mean_a * d.factor)},
                      {"counterfactual_mean", number(e.mean_b * d.factor)},
                      {"effect", number(e.effect * d.factor)}, {"low", number(e.low * d.factor)},
                      {"high", number(e.high * d.factor)}, {"relative", number(100 * e.effect / base)},
                      {"relative_low", number(100 * e.low / base)}, {"relative_high", number(100 * e.high / base)},
                      {"verdict", verdict(e, x.direction)}, {"pairs", e.n}});
    }
    ++order;
  }
  return rows;
}

namespace {

constexpr std::string_view corners[] = {"duurzaam", "dekkend", "kwalitatief"};

// Corner k of a triangle of size `score` (duurzaam on top, dekkend bottom left, kwalitatief
// bottom right); order 3 closes the outline.
void add_triangle(json& rows, const json& base, std::span<const double, 3> score, std::string_view kind) {
  for (int k = 0; k <= 3; ++k) {
    const double angle = (90.0 + 120.0 * (k % 3)) * std::numbers::pi / 180.0;
    const double s = score[static_cast<std::size_t>(k % 3)];
    json row = base;
    row["kind"] = kind, row["corner"] = corners[k % 3], row["order"] = k;
    row["score"] = number(s), row["x"] = number(s * std::cos(angle)), row["y"] = number(s * std::sin(angle));
    rows.push_back(std::move(row));
  }
}

}  // namespace

json triangle_rows(const Context& c) {
  json rows = json::array();
  const auto runs = c.all_runs();
  const ReportRun& first = c.runs.front();
  const std::size_t regions = first.info().region_codes.size();
  const auto grid = [&](const json& base) {
    for (double level : {0.5, 1.0}) {
      json g = base;
      g["run"] = fmt::format("{:.1f}", level);
      add_triangle(rows, g, std::array{level, level, level}, "grid");
    }
  };
  grid({{"unit", "NL"}, {"name", "Nederland"}});
  for (std::size_t u = 0; u < regions; ++u) grid({{"unit", first.info().region_codes[u]}, {"name", first.info().region_names[u]}});
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const std::size_t last = runs[i]->info().years.size() - 1;
    const auto mean = [&](std::string_view level, std::string_view corner, std::size_t unit) {
      return summarise_replicates(runs[i]->read(level, fmt::format("sto_{}", corner)).at(last, unit, 0)).mean;
    };
    add_triangle(rows, {{"unit", "NL"}, {"name", "Nederland"}, {"run", c.labels[i]}},
                 std::array{mean("national", corners[0], 0), mean("national", corners[1], 0),
                            mean("national", corners[2], 0)}, "run");
    for (std::size_t u = 0; u < regions; ++u)
      add_triangle(rows, {{"unit", first.info().region_codes[u]}, {"name", first.info().region_names[u]}, {"run", c.labels[i]}},
                   std::array{mean("region", corners[0], u), mean("region", corners[1], u),
                              mean("region", corners[2], u)}, "run");
  }
  return rows;
}

json location_rows(const Context& c) {
  json rows = json::array();
  const auto runs = c.all_runs();
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const ReportRun& run = *runs[i];
    const Array& offered = run.read("location", "programmes_offered");
    const std::size_t last = run.info().years.size() - 1;
    const auto technical = [&](std::size_t year, std::size_t l) {
      double sum = 0;
      for (int p : run.technical_profiles)
        sum += summarise_replicates(offered.at(year, l, static_cast<std::size_t>(p))).mean;
      return sum;
    };
    for (std::size_t l = 0; l < run.info().location_codes.size(); ++l) {
      const double start = technical(0, l), end = technical(last, l);
      const std::string_view status = start == 0 && end == 0 ? "no technical profile"
                                      : end < start - 0.5    ? "closed technical programmes"
                                                             : "kept its technical offer";
      rows.push_back({{"run", c.labels[i]}, {"code", run.info().location_codes[l]}, {"name", run.location_name[l]},
                      {"region", run.info().region_names[static_cast<std::size_t>(run.location_region[l])]},
                      {"lat", run.location_lat[l]}, {"lon", run.location_lon[l]}, {"offer_start", start},
                      {"offer_end", end}, {"closed", std::max(0.0, start - end)}, {"status", status}});
    }
  }
  return rows;
}

json region_rows(const Context& c) {
  json rows = json::array();
  const auto runs = c.all_runs();
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const ReportRun& run = *runs[i];
    const std::size_t last = run.info().years.size() - 1;
    const Array& share = run.read("region", "technical_share_bovenbouw");
    const Array& arm = run.read("region", "techniekarm");
    const Array& students = run.read("region", "bovenbouw_bkg_students");
    for (std::size_t u = 0; u < run.info().region_codes.size(); ++u) {
      const double s = summarise_replicates(share.at(last, u, 0)).mean;
      const double poor = summarise_replicates(arm.at(last, u, 0)).mean;
      rows.push_back({{"run", c.labels[i]}, {"code", run.info().region_codes[u]}, {"name", run.info().region_names[u]},
                      {"lat", run.region_lat[u]}, {"lon", run.region_lon[u]},
                      {"students", number(summarise_replicates(students.at(last, u, 0)).mean)},
                      {"share", number(100 * s)}, {"techniekarm_replicates", poor},
                      {"status", poor >= 0.5 ? "techniekarm" : "not techniekarm"}});
    }
  }
  return rows;
}

}  // namespace stosim::report
