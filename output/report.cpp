#include "output/report.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "output/report_internal.hpp"
#include "output/sweep_reader.hpp"
#include "sim/atomic_write.hpp"
#include "sim/data_error.hpp"

namespace stosim {

namespace fs = std::filesystem;
using report::Context;
using report::json;
using report::ReportRun;

namespace {

constexpr const char* asset_files[] = {"report.css", "report.js", "dist/vega.min.js", "dist/vega-lite.min.js",
                                       "dist/vega-embed.min.js", "dist/netherlands.geo.json"};

std::string read_asset(const std::string& dir, const std::string& name) {
  const fs::path path = fs::path(dir) / name;
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error(fmt::format(
        "report: cannot read {}: the report's chart library is missing (run scripts/install-deps.sh, which runs "
        "`npm ci` in report/, or point STOSIM_REPORT_ASSETS at a directory holding report.js and dist/)",
        path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs as they are called on the page: the scenario name, or with the file name when two runs
// share it.
std::vector<std::string> labels_of(const std::vector<const ReportRun*>& runs) {
  std::vector<std::string> labels;
  for (const ReportRun* r : runs) {
    int same = 0;
    for (const ReportRun* other : runs) same += other->info().scenario == r->info().scenario;
    labels.push_back(same > 1 ? fmt::format("{} ({})", r->info().scenario, fs::path(r->info().path).filename().string())
                              : r->info().scenario);
  }
  return labels;
}

// Scenarios side by side share years and regions (the charts and tables line them up); each is
// paired with the counterfactual replicate by replicate (check_paired).
void check_side_by_side(const RunInfo& a, const RunInfo& b) {
  if (a.years != b.years || a.region_codes != b.region_codes)
    throw DataError(fmt::format("report: {} and {} cannot be shown side by side: they differ in years ({}-{} / "
                                "{}-{}) or regions ({} / {})",
                                a.path, b.path, a.years.front(), a.years.back(), b.years.front(), b.years.back(),
                                a.region_codes.size(), b.region_codes.size()));
}

Context open_context(const ReportRequest& request) {
  if (request.runs.empty()) throw std::runtime_error("report: no run file given");
  Context c;
  for (const std::string& path : request.runs) c.runs.emplace_back(path);
  if (!request.counterfactual.empty()) c.counterfactual.emplace(request.counterfactual);
  for (const ReportRun& r : c.runs) {
    check_side_by_side(c.runs.front().info(), r.info());
    if (c.counterfactual) check_paired(r.info(), c.counterfactual->info(), "report --against");
  }
  c.labels = labels_of(c.all_runs());
  c.outline = json::array();
  return c;
}

json page_data(const Context& c) {
  json datasets = {{"series", report::series_rows(c)},     {"effects", report::effect_rows(c)},
                   {"scorecard", report::scorecard_rows(c)}, {"triangle", report::triangle_rows(c)},
                   {"locations", report::location_rows(c)},  {"regions", report::region_rows(c)},
                   {"outline", c.outline}};
  return {{"sections", report::sections(c, datasets)}, {"datasets", std::move(datasets)}};
}

std::string escape_html(std::string_view text) {
  std::string out;
  for (char ch : text) {
    switch (ch) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += ch;
    }
  }
  return out;
}

// Code inside <script>: nothing in it may close the element ("<\/script" means the same in a
// JavaScript string or regular expression).
std::string inline_script(std::string code) {
  for (std::size_t at = 0; (at = code.find("</script", at)) != std::string::npos; at += 3) code.replace(at, 2, "<\\/");
  return code;
}

// JSON inside <script>: "<" written as its escape, so no "</script" can appear.
std::string inline_json(const json& data) {
  const std::string text = data.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (char ch : text) out += ch == '<' ? std::string("\\u003c") : std::string(1, ch);
  return out;
}

std::string source_line(const Context& c) {
  bool imported = false;
  for (const ReportRun* r : c.all_runs()) imported = imported || r->info().population.starts_with("file ");
  return fmt::format(
      "Simulated with stosim {} (commit {}). Sources: {}. Map outline: Natural Earth, via the world-atlas package. "
      "Charts: Vega-Lite.",
      c.runs.front().version, c.runs.front().commit,
      imported ? "DUO Open Onderwijsdata (students per vmbo location, 1 October 2019; exam files) and CBS "
                 "(inhabitants per postcode), imported by `stosim import`"
               : "the synthetic Netherlands of stosim, calibrated to DUO Open Onderwijsdata (students per vmbo "
                 "location and leerweg, 1 October 2019) and CBS (population of towns): model results, not "
                 "observations");
}

std::string html_page(const std::string& title, const std::string& subtitle, const std::string& source,
                      const std::string& assets, const json& data) {
  std::string page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n";
  page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  page += "<title>stosim report: " + escape_html(title) + "</title>\n";
  page += "<style>\n" + read_asset(assets, "report.css") + "</style>\n";
  for (const char* library : {"dist/vega.min.js", "dist/vega-lite.min.js", "dist/vega-embed.min.js"})
    page += "<script>" + inline_script(read_asset(assets, library)) + "</script>\n";
  page += "</head><body>\n<header><h1>stosim report: " + escape_html(title) + "</h1>\n";
  page += "<p class=\"subtitle\">" + escape_html(subtitle) + "</p>\n";
  page += "<p class=\"note\">" + escape_html(source) + "</p></header>\n";
  page += "<nav id=\"nav\"></nav>\n<main id=\"report\"></main>\n";
  page += "<footer>" + escape_html(source) + "</footer>\n";
  page += "<script id=\"stosim-data\" type=\"application/json\">" +
          inline_json(data) + "</script>\n";
  page += "<script>" + inline_script(read_asset(assets, "report.js")) + "</script>\n</body></html>\n";
  return page;
}

std::string runs_page(const Context& c, const std::string& assets, const json& data) {
  std::string title = c.labels.front();
  for (std::size_t i = 1; i < c.runs.size(); ++i) title += ", " + c.labels[i];
  if (c.counterfactual) title += " against " + c.counterfactual_label();
  const RunInfo& first = c.runs.front().info();
  const std::string subtitle = fmt::format(
      "{}–{}, {} replicate{} per run{}. {}", first.years.front(), first.years.back(), first.replicates,
      first.replicates == 1 ? "" : "s",
      c.counterfactual ? "" : "; run `stosim report RUN.h5 --against no_sto.h5` to see effects with 95 % intervals",
      first.replicates < 2 ? "With one replicate there is no spread and no interval." : "");
  return html_page(title, subtitle, source_line(c), assets, data);
}

// A sweep file gets its own page; it is shown alone.
bool is_sweep_request(const ReportRequest& request) {
  bool sweep = false;
  for (const std::string& path : request.runs) {
    std::string format;
    try {
      format = result_file_format(path);
    } catch (const DataError&) {
      continue;  // the run file reader says what is wrong with it
    }
    if (format != "stosim-sweep") continue;
    if (request.runs.size() > 1 || !request.counterfactual.empty())
      throw DataError(fmt::format("report: {} is a sweep file: report it alone (stosim report {} -o PAGE.html); its "
                                  "runs are compared on its own page",
                                  path, path));
    sweep = true;
  }
  return sweep;
}

}  // namespace

std::string report_json(const ReportRequest& request) {
  const json data = is_sweep_request(request) ? report::sweep_page(request.runs.front()).data
                                              : page_data(open_context(request));
  return data.dump(-1, ' ', false, json::error_handler_t::replace);
}

void write_report(const ReportRequest& request, const std::string& html_path) {
  if (is_sweep_request(request)) {
    const report::SweepPage sweep = report::sweep_page(request.runs.front());  // checked first (exit 2)
    for (const char* name : asset_files) read_asset(request.assets, name);
    const std::string html = html_page(sweep.title, sweep.subtitle, sweep.source, request.assets, sweep.data);
    write_atomically({text_output(html_path, [&](std::ostream& out) { out << html; })});
    return;
  }
  Context c = open_context(request);  // the runs first: a damaged file is invalid input (exit 2)
  for (const char* name : asset_files) read_asset(request.assets, name);
  c.outline = json::array({json::parse(read_asset(request.assets, "dist/netherlands.geo.json"))});
  const std::string html = runs_page(c, request.assets, page_data(c));
  write_atomically({text_output(html_path, [&](std::ostream& out) { out << html; })});
}

std::string find_report_assets() {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("STOSIM_REPORT_ASSETS")) candidates.emplace_back(env);
  std::error_code ignored;
  const fs::path executable = fs::read_symlink("/proc/self/exe", ignored);
  if (!executable.empty()) candidates.push_back(executable.parent_path().parent_path() / "share/stosim/report");
  candidates.emplace_back(STOSIM_SOURCE_REPORT_DIR);
  for (const fs::path& dir : candidates)
    if (fs::is_regular_file(dir / "dist/vega.min.js", ignored)) return dir.string();
  return {};
}

}  // namespace stosim
