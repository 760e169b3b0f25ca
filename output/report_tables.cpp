// The tables of `stosim report`: run metadata, the hypothesis scorecard and the regions, each
// cell formatted here so that the page shows exactly what the file says ("—" for undefined).
#include <fmt/format.h>

#include <cmath>

#include "output/report_internal.hpp"
#include "output/statistics.hpp"

namespace stosim::report {

namespace {

// A number with thousands separators: 12,345.6 (and +12,345.6 when `sign`).
std::string grouped(double v, int decimals, bool sign) {
  std::string text = fmt::format("{:.{}f}", std::abs(v), decimals);
  const std::size_t point = std::min(text.find('.'), text.size());
  for (std::size_t at = point; at > 3; at -= 3) text.insert(at - 3, ",");
  const bool negative = v < 0 && text.find_first_not_of("0.,") != std::string::npos;
  return (negative ? "−" : sign ? "+" : "") + text;
}

std::string cell(const json& v, int decimals, std::string_view unit = "") {
  if (!v.is_number()) return "—";
  return grouped(v.get<double>(), decimals, false) + (unit.empty() ? "" : " ") + std::string(unit);
}

std::string signed_cell(const json& v, int decimals) {
  return v.is_number() ? grouped(v.get<double>(), decimals, true) : "—";
}

// Decimals that show a mean over replicates without false precision.
int decimals_of(std::string_view unit) {
  if (unit == "€ M") return 2;
  if (unit == "index" || unit == "score" || unit == "quality") return 3;
  return 1;  // %, pp, counts, FTE, km
}

json table(std::string id, std::string title, std::vector<std::string> columns, std::vector<bool> numeric,
           json rows, std::string note) {
  return {{"kind", "table"}, {"id", std::move(id)}, {"title", std::move(title)}, {"columns", std::move(columns)},
          {"numeric", std::move(numeric)}, {"rows", std::move(rows)}, {"note", std::move(note)}};
}

}  // namespace

json metadata_table(const Context& c) {
  json rows = json::array();
  const auto runs = c.all_runs();
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const ReportRun& r = *runs[i];
    const bool counterfactual = c.counterfactual && i + 1 == runs.size();
    rows.push_back({c.labels[i] + (counterfactual ? " (counterfactual)" : ""), r.description, r.info().population,
                    std::to_string(r.info().replicates), std::to_string(r.info().seed),
                    fmt::format("{}-{}", r.info().years.front(), r.info().years.back()), r.version, r.commit, r.created, r.info().path});
  }
  return table("runs", "Runs", {"run", "description", "initial state", "replicates", "seed", "years", "stosim",
                                "commit", "created (UTC)", "file"},
               {false, false, false, true, true, false, false, false, false, false}, rows,
               "Paired comparisons need the same seed and replicates in the scenario and its counterfactual: "
               "replicate r of each run draws the same random numbers (common random numbers).");
}

json scorecard_table(const Context& c, const json& scorecard) {
  json rows = json::array();
  for (const json& s : scorecard) {
    const std::string unit = s["unit"], effect_unit = s["effect_unit"];
    const int d = decimals_of(unit), e = d + (unit == "%" ? 1 : 0);
    const std::string interval = s["low"].is_number()
                                     ? fmt::format("[{}, {}]", signed_cell(s["low"], e), signed_cell(s["high"], e))
                                     : "—";
    rows.push_back({s["hypothesis"], s["pathway"], fmt::format("{} ({})", s["title"].get<std::string>(),
                                                               s["indicator"].get<std::string>()),
                    s["expected"], s["run"], cell(s["counterfactual_mean"], d, unit), cell(s["scenario_mean"], d, unit),
                    fmt::format("{} {}", signed_cell(s["effect"], e), effect_unit), interval, s["verdict"]});
  }
  const int year = c.runs.front().info().years.back();
  return table("scorecard_table", fmt::format("Scorecard: what each pathway should move, {}", year),
               {"", "pathway", "indicator", "expected", "scenario", c.counterfactual_label(), "scenario value",
                "effect", "95 % interval", "verdict"},
               {false, false, false, false, false, true, true, true, true, false}, rows,
               fmt::format("National values in {}, means over replicates. Effect: mean paired difference scenario − "
                           "{} over replicates; interval: 95 % confidence interval of that mean (Student's t). "
                           "'as expected': the interval excludes zero on the expected side; 'no clear effect': it "
                           "includes zero; for ≈ (a trade-off that should be kept) 'kept' means the interval "
                           "includes zero. pp: percentage points.",
                           year, c.counterfactual_label()));
}

json region_table(const Context& c) {
  const ReportRun& run = c.runs.front();
  const std::size_t last = run.info().years.size() - 1;
  const auto mean = [&](const ReportRun& r, std::string_view indicator, std::size_t year, std::size_t u) {
    const double v = summarise_replicates(r.read("region", indicator).at(year, u, 0)).mean;
    return std::isfinite(v) ? json(v) : json(nullptr);
  };
  const auto percent = [](const json& v) { return v.is_number() ? json(100 * v.get<double>()) : v; };
  json rows = json::array();
  for (std::size_t u = 0; u < run.info().region_codes.size(); ++u) {
    json row = {run.info().region_codes[u], run.info().region_names[u], cell(mean(run, "bovenbouw_bkg_students", last, u), 0),
                cell(percent(mean(run, "technical_share_bovenbouw", 0, u)), 1),
                cell(percent(mean(run, "technical_share_bovenbouw", last, u)), 1),
                cell(mean(run, "techniekarm", last, u), 2)};
    for (std::string_view corner : {"sto_duurzaam", "sto_dekkend", "sto_kwalitatief"}) {
      std::string text = cell(mean(run, corner, last, u), 2);
      if (c.counterfactual) text += " (" + cell(mean(*c.counterfactual, corner, last, u), 2) + ")";
      row.push_back(text);
    }
    rows.push_back(std::move(row));
  }
  const std::string against = c.counterfactual ? fmt::format(" ({})", c.counterfactual_label()) : "";
  return table("regions_table", fmt::format("Regions of {}, {}", c.labels.front(), run.info().years.back()),
               {"code", "region", "bovenbouw students", fmt::format("technical share {} (%)", run.info().years.front()),
                fmt::format("technical share {} (%)", run.info().years.back()), "techniekarm (share of replicates)",
                "duurzaam" + against, "dekkend" + against, "kwalitatief" + against},
               {false, false, true, true, true, true, true, true, true}, rows,
               "Means over replicates; in brackets the counterfactual. — : undefined, because the region has "
               "nothing to measure it on: duurzaam needs an open technical programme in the region (its parts, "
               "the viable share and the staffed share, are ratios over the region's technical programmes); the "
               "technical share needs beroepsgerichte bovenbouw students (BB, KB or GL). Regions are named "
               "after their largest town; the code is their key in the run file and the CSV export.");
}

}  // namespace stosim::report
