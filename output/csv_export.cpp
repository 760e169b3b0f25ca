#include "output/csv_export.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <ostream>
#include <utility>

#include "output/run_reader.hpp"
#include "sim/atomic_write.hpp"

namespace stosim {

namespace {

// Quotes a field when it holds a comma or a quote (RFC 4180).
std::string field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string number(double value) {
  if (std::isnan(value)) return "NA";
  return fmt::format("{}", value);
}

// Every indicator of one level; the reader has checked each shape against the file's tables.
std::size_t export_level(const RunFile& run, const std::string& level, std::ostream& out) {
  std::size_t rows = 0;
  const RunInfo& info = run.info();
  const std::vector<std::string>& units = info.units(level);
  for (const std::string& name : run.indicators(level)) {
    const IndicatorTable t = run.indicator(level, name);
    std::vector<int> column;  // category dimension -> 0 profile, 1 leerweg, 2 group
    for (std::size_t d = 3; d < t.dimensions.size(); ++d)
      column.push_back(t.dimensions[d] == "profile" ? 0 : t.dimensions[d] == "leerweg" ? 1 : 2);
    const std::size_t cells = t.cells();
    for (hsize_t r = 0; r < t.shape[0]; ++r)
      for (hsize_t y = 0; y < t.shape[1]; ++y)
        for (hsize_t u = 0; u < t.shape[2]; ++u)
          for (std::size_t c = 0; c < cells; ++c) {
            std::string cols[3];
            std::size_t rest = c;
            for (std::size_t d = t.labels.size(); d-- > 0;) {
              cols[column[d]] = t.labels[d][rest % t.labels[d].size()];
              rest /= t.labels[d].size();
            }
            out << field(info.scenario) << ',' << r << ',' << info.years[y] << ',' << level << ','
                << field(units[u]) << ',' << field(cols[0]) << ',' << field(cols[1]) << ',' << field(cols[2])
                << ',' << name << ',' << number(t.at(r, y, u, c)) << '\n';
            ++rows;
          }
  }
  return rows;
}

}  // namespace

ExportSummary export_csv(const std::string& run_path, const std::string& directory) {
  const RunFile run(run_path);
  check_output_directory(directory);
  std::filesystem::create_directories(directory);
  ExportSummary summary;
  std::vector<OutputFile> files;
  for (const std::string level : {"national", "region", "location"}) {
    const std::string path = (std::filesystem::path(directory) / (level + ".csv")).string();
    files.push_back(text_output(path, [&run, &summary, level](std::ostream& out) {
      out << "scenario,replicate,year,level,unit,profile,leerweg,group,indicator,value\n";
      summary.rows += export_level(run, level, out);
    }));
    summary.files.push_back(path);
  }
  write_atomically(files);
  return summary;
}

}  // namespace stosim
