#include "output/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <optional>
#include <stdexcept>

#include "output/run_reader.hpp"
#include "sim/atomic_write.hpp"
#include "sim/data_error.hpp"

namespace stosim {

namespace {

struct Chart {
  std::string_view indicator;
  std::size_t cell;  // category cell of the indicator's breakdown
  std::string_view title;
};

// The story of a run on one page: offer, choices, teachers, money and the triangle.
constexpr Chart charts[] = {
    {"technical_share_bovenbouw", 0, "Technical share of beroepsgerichte bovenbouw"},
    {"technical_programmes", 0, "Open technical programmes"},
    {"small_duplicate_pairs", 1, "Neighbouring small duplicate PIE programmes"},
    {"access_technical_share", 0, "Students within reach of each technical profile (share)"},
    {"techniekarm", 0, "Techniekarme regions"},
    {"mbo_technical_share", 0, "Technical mbo transition after a technical profile"},
    {"mbo_job_chance_all", 0, "Mean job chance of the mbo programmes chosen"},
    {"teachers_fte_total", 0, "Technical teaching FTE"},
    {"teachers_qualified_share_total", 0, "Qualified share of technical teaching FTE"},
    {"technical_facility_quality", 0, "Facility quality of technical programmes"},
    {"collaboration", 0, "Collaboration capital (mean over regions)"},
    {"budget_received", 0, "STO money received (euro)"},
    {"sto_duurzaam", 0, "STO triangle: duurzaam"},
    {"sto_dekkend", 0, "STO triangle: dekkend"},
    {"sto_kwalitatief", 0, "STO triangle: kwalitatief"},
};

std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

struct Series {
  std::vector<double> mean, low, high;  // per year, over replicates
};

// A run file, every dataset checked before the page is made: the report refuses what export
// and compare refuse.
struct Run {
  explicit Run(const std::string& path) : file(path), scenario(file.info().scenario), years(file.info().years) {
    file.check_all();
  }
  RunFile file;
  std::string scenario;
  std::vector<std::int32_t> years;
};

// [replicate, year, unit, cells...] at one unit and cell: mean, lowest and highest per year.
Series series(const Run& run, const std::string& level, std::string_view indicator, std::size_t unit,
              std::size_t cell) {
  const IndicatorTable t = run.file.indicator(level, std::string(indicator));
  const std::vector<hsize_t>& shape = t.shape;
  const std::size_t cells = t.cells();
  if (unit >= shape[2] || cell >= cells)
    throw DataError(fmt::format("{}: /indicators/{}/{} has no unit {} and cell {} (made by another version of "
                                "stosim?)", run.file.info().path, level, indicator, unit, cell));
  Series s;
  for (hsize_t y = 0; y < shape[1]; ++y) {
    double sum = 0, low = std::numeric_limits<double>::infinity(), high = -low;
    int n = 0;
    for (hsize_t r = 0; r < shape[0]; ++r) {
      const double x = t.at(r, y, unit, cell);
      if (std::isnan(x)) continue;
      sum += x, ++n, low = std::min(low, x), high = std::max(high, x);
    }
    s.mean.push_back(n ? sum / n : std::nan(""));
    s.low.push_back(n ? low : std::nan(""));
    s.high.push_back(n ? high : std::nan(""));
  }
  return s;
}

// A small SVG line chart: one band and line per run (scenario dark, counterfactual light).
std::string svg_chart(const std::vector<std::int32_t>& years, const std::vector<Series>& runs) {
  constexpr double width = 440, height = 200, left = 60, right = 30, top = 10, bottom = 30;
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const Series& s : runs)
    for (std::size_t i = 0; i < s.low.size(); ++i)
      if (!std::isnan(s.low[i])) lo = std::min(lo, s.low[i]), hi = std::max(hi, s.high[i]);
  if (!std::isfinite(lo)) return "<p>(no values)</p>";
  if (hi - lo < 1e-12) lo -= 0.5, hi += 0.5;
  const auto x = [&](std::size_t i) {
    return left + (width - left - right) * static_cast<double>(i) / static_cast<double>(std::max<std::size_t>(1, years.size() - 1));
  };
  const auto y = [&](double v) { return top + (height - top - bottom) * (hi - v) / (hi - lo); };
  std::string svg = fmt::format(R"(<svg width="{}" height="{}" xmlns="http://www.w3.org/2000/svg">)", width, height);
  svg += fmt::format(R"(<text x="2" y="{}" font-size="11">{:.4g}</text><text x="2" y="{}" font-size="11">{:.4g}</text>)",
                     top + 10, hi, height - bottom, lo);
  for (std::size_t i = 0; i < years.size(); i += std::max<std::size_t>(1, years.size() / 6))
    svg += fmt::format(R"(<text x="{:.1f}" y="{}" font-size="11" text-anchor="middle">{}</text>)", x(i),
                       height - 10, years[i]);
  const char* colour[] = {"#1f5f9f", "#c0702a"};
  for (std::size_t r = 0; r < runs.size(); ++r) {
    std::string band, line;
    for (std::size_t i = 0; i < years.size(); ++i)
      if (!std::isnan(runs[r].high[i])) band += fmt::format("{:.1f},{:.1f} ", x(i), y(runs[r].high[i]));
    for (std::size_t i = years.size(); i-- > 0;)
      if (!std::isnan(runs[r].low[i])) band += fmt::format("{:.1f},{:.1f} ", x(i), y(runs[r].low[i]));
    for (std::size_t i = 0; i < years.size(); ++i)
      if (!std::isnan(runs[r].mean[i])) line += fmt::format("{:.1f},{:.1f} ", x(i), y(runs[r].mean[i]));
    svg += fmt::format(R"(<polygon points="{}" fill="{}" fill-opacity="0.2"/>)", band, colour[r]);
    svg += fmt::format(R"(<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>)", line, colour[r]);
  }
  svg += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="#999"/></svg>)", left, top,
                     width - left - right, height - top - bottom);
  return svg;
}

std::string triangle_table(const Run& run) {
  const std::vector<std::string>& codes = run.file.info().region_codes;
  const std::vector<std::string>& names = run.file.info().region_names;
  const std::size_t last = run.years.size() - 1;
  std::string rows;
  for (std::size_t r = 0; r < codes.size(); ++r) {
    rows += fmt::format("<tr><td>{}</td><td>{}</td>", escape(codes[r]), escape(names[r]));
    for (std::string_view corner : {"sto_duurzaam", "sto_dekkend", "sto_kwalitatief", "technical_share_bovenbouw"})
      rows += fmt::format("<td>{:.3f}</td>", series(run, "region", corner, r, 0).mean[last]);
    rows += "</tr>\n";
  }
  return fmt::format("<table><tr><th>region</th><th>name</th><th>duurzaam</th><th>dekkend</th>"
                     "<th>kwalitatief</th><th>technical share</th></tr>\n{}</table>",
                     rows);
}

std::string page(const Run& run, const Run* counterfactual) {
  const std::string& yaml = run.file.info().scenario_yaml;
  std::string body = fmt::format("<h1>stosim: {}</h1>\n", escape(run.scenario));
  body += counterfactual
              ? fmt::format("<p><span style=\"color:#1f5f9f\">&#9632; {}</span> against "
                            "<span style=\"color:#c0702a\">&#9632; {}</span>: mean over replicates "
                            "(line) and the range between the lowest and highest replicate (band).</p>\n",
                            escape(run.scenario), escape(counterfactual->scenario))
              : "<p>Mean over replicates (line) and the range between the lowest and highest "
                "replicate (band). National values.</p>\n";
  body += "<div class=\"charts\">\n";
  for (const Chart& c : charts) {
    std::vector<Series> runs = {series(run, "national", c.indicator, 0, c.cell)};
    if (counterfactual) runs.push_back(series(*counterfactual, "national", c.indicator, 0, c.cell));
    body += fmt::format("<figure><figcaption>{} <code>{}</code></figcaption>{}</figure>\n", escape(c.title),
                        c.indicator, svg_chart(run.years, runs));
  }
  body += "</div>\n<h2>The STO triangle per region, " + std::to_string(run.years.back()) + "</h2>\n";
  body += triangle_table(run);
  body += "\n<h2>The resolved scenario</h2>\n<pre>" + escape(yaml) + "</pre>\n";
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>stosim report: " +
         escape(run.scenario) +
         "</title><style>body{font-family:sans-serif;margin:2em;max-width:1400px}"
         ".charts{display:flex;flex-wrap:wrap;gap:1em}figure{margin:0}figcaption{font-size:13px}"
         "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:2px 6px}"
         "pre{background:#f6f6f6;padding:1em;font-size:12px}</style></head><body>\n" +
         body + "</body></html>\n";
}

}  // namespace

void write_report(const std::string& run_path, const std::string& counterfactual_path,
                  const std::string& html_path) {
  const Run run(run_path);
  std::optional<Run> counterfactual;
  if (!counterfactual_path.empty()) {
    counterfactual.emplace(counterfactual_path);
    check_paired(run.file.info(), counterfactual->file.info(), "report --against");
  }
  const std::string html = page(run, counterfactual ? &*counterfactual : nullptr);
  write_atomically({text_output(html_path, [&](std::ostream& out) { out << html; })});
}

}  // namespace stosim
