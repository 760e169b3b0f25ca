#include "output/csv_export.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <utility>

#include "sim/atomic_write.hpp"
#include "sim/hdf5_file.hpp"

namespace stosim {

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : text) {
    if (c == separator) parts.push_back(std::exchange(current, {}));
    else current += c;
  }
  parts.push_back(current);
  return parts;
}

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

struct RunTables {
  std::string scenario;
  std::vector<std::int32_t> years;
  std::vector<std::string> units[3];  // by level: location, region, national
  std::vector<std::string> categories(const std::string& dimension, hid_t file) const {
    return h5::read_strings(file, "entities/categories/" + dimension);
  }
};

std::size_t export_level(hid_t file, const RunTables& tables, int level, const std::string& level_name,
                         std::ostream& out) {
  std::size_t rows = 0;
  const h5::Handle group = h5::open_group(file, "indicators/" + level_name);
  for (const std::string& name : h5::members(group.id())) {
    const h5::Handle set(H5Dopen2(group.id(), name.c_str(), H5P_DEFAULT), H5Dclose, "open " + name);
    const std::vector<std::string> dims = split(h5::read_string_attribute(set.id(), "dimensions"), ',');
    std::vector<hsize_t> shape;
    const std::vector<double> values = h5::read_doubles(group.id(), name, shape);
    // Dimensions 3.. are categories; map each to its CSV column.
    std::vector<std::vector<std::string>> labels;
    std::vector<int> column;  // 0 profile, 1 leerweg, 2 group
    for (std::size_t d = 3; d < dims.size(); ++d) {
      labels.push_back(tables.categories(dims[d], file));
      column.push_back(dims[d] == "profile" ? 0 : dims[d] == "leerweg" ? 1 : 2);
    }
    std::size_t cells = 1;
    for (std::size_t d = 3; d < shape.size(); ++d) cells *= shape[d];
    const auto& units = tables.units[level];
    std::size_t index = 0;
    for (hsize_t r = 0; r < shape[0]; ++r)
      for (hsize_t y = 0; y < shape[1]; ++y)
        for (hsize_t u = 0; u < shape[2]; ++u)
          for (std::size_t c = 0; c < cells; ++c, ++index) {
            std::string cols[3];
            std::size_t rest = c;
            for (std::size_t d = labels.size(); d-- > 0;) {
              cols[column[d]] = labels[d][rest % labels[d].size()];
              rest /= labels[d].size();
            }
            out << field(tables.scenario) << ',' << r << ',' << tables.years[y] << ',' << level_name
                << ',' << field(units[u]) << ',' << field(cols[0]) << ',' << cols[1] << ','
                << cols[2] << ',' << name << ',' << number(values[index]) << '\n';
            ++rows;
          }
  }
  return rows;
}

}  // namespace

ExportSummary export_csv(const std::string& run_path, const std::string& directory) {
  const h5::Handle file = h5::open_file(run_path);
  if (!h5::exists(file.id(), "metadata") ||
      h5::read_string_attribute(h5::open_group(file.id(), "metadata").id(), "format") != "stosim-run")
    throw std::runtime_error(run_path + ": not a stosim run file (no /metadata with format stosim-run)");
  RunTables tables;
  tables.scenario = h5::read_string_attribute(h5::open_group(file.id(), "metadata").id(), "scenario_name");
  tables.years = h5::read_ints(file.id(), "years");
  tables.units[0] = h5::read_strings(file.id(), "entities/locations/code");
  tables.units[1] = h5::read_strings(file.id(), "entities/regions/code");
  tables.units[2] = {"NL"};

  std::filesystem::create_directories(directory);
  ExportSummary summary;
  const char* level_names[3] = {"location", "region", "national"};
  for (int level = 2; level >= 0; --level) {
    const std::string path = (std::filesystem::path(directory) / (std::string(level_names[level]) + ".csv")).string();
    write_atomically(path, [&](const std::string& temporary) {
      std::ofstream out(temporary);
      if (!out) throw std::runtime_error(temporary + ": cannot write");
      out << "scenario,replicate,year,level,unit,profile,leerweg,group,indicator,value\n";
      summary.rows += export_level(file.id(), tables, level, level_names[level], out);
      out.close();
      if (!out) throw std::runtime_error(temporary + ": write failed (disk full?)");
    });
    summary.files.push_back(path);
  }
  return summary;
}

}  // namespace stosim
