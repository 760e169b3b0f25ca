#include "output/csv_export.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <stdexcept>
#include <utility>

#include "output/run_reader.hpp"
#include "output/sweep_reader.hpp"
#include "sim/atomic_write.hpp"
#include "sim/data_error.hpp"
#include "sim/hdf5_file.hpp"

namespace stosim {

namespace {

constexpr std::string_view level_names[3] = {"location", "region", "national"};
constexpr std::string_view not_broken_down = "all";

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

// Quotes a field when it holds a comma, a quote or a line break (RFC 4180).
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

template <class T>
bool selected(const std::vector<T>& filter, const T& value) {
  return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

// What every exported row needs from the file.
struct Source {
  hid_t file = -1;
  bool sweep = false;
  std::vector<std::int32_t> years;
  std::vector<std::string> units[3];  // by level: location, region, national
  std::vector<std::string> scenario;  // per run (one entry for a run file)
  hsize_t runs = 1, replicates = 0;
  std::vector<std::string> categories(const std::string& dimension) const {
    return h5::read_strings(file, "entities/categories/" + dimension);
  }
};

Source open_source(hid_t file, const std::string& path) {
  if (!h5::exists(file, "metadata")) throw DataError(path + ": not a stosim run or sweep file (no /metadata)");
  const h5::Handle meta = h5::open_group(file, "metadata");
  const std::string format = h5::read_string_attribute(meta.id(), "format");
  if (format != "stosim-run" && format != "stosim-sweep")
    throw DataError(path + ": not a stosim run or sweep file (format " + format + ")");
  Source s;
  s.file = file;
  s.sweep = format == "stosim-sweep";
  s.years = h5::read_ints(file, "years");
  s.replicates = static_cast<hsize_t>(h5::read_int_attribute(meta.id(), "replicates"));
  if (h5::exists(file, "entities")) {
    s.units[0] = h5::read_strings(file, "entities/locations/code");
    s.units[1] = h5::read_strings(file, "entities/regions/code");
  }
  s.units[2] = {"NL"};
  if (s.sweep) {
    s.scenario = h5::read_strings(file, "design/scenario");
    s.runs = s.scenario.size();
  } else {
    s.scenario = {h5::read_string_attribute(meta.id(), "scenario_name")};
  }
  return s;
}

// One (run, replicate) block of a result dataset: [year][unit][cell].
std::vector<double> read_block(hid_t set, const Source& source, hsize_t run, hsize_t replicate,
                               std::vector<hsize_t>& block_shape) {
  const h5::Handle space(H5Dget_space(set), H5Sclose, "get a dataspace");
  std::vector<hsize_t> shape(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space.id())));
  H5Sget_simple_extent_dims(space.id(), shape.data(), nullptr);
  const std::size_t lead = source.sweep ? 2 : 1;
  std::vector<hsize_t> offset(shape.size(), 0), count = shape;
  for (std::size_t d = 0; d < lead; ++d) count[d] = 1;
  offset[0] = source.sweep ? run : replicate;
  if (source.sweep) offset[1] = replicate;
  block_shape.assign(shape.begin() + static_cast<std::ptrdiff_t>(lead), shape.end());
  hsize_t n = 1;
  for (auto c : count) n *= c;
  std::vector<double> values(n);
  const h5::Handle memory(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr), H5Sclose, "space");
  H5Sselect_hyperslab(space.id(), H5S_SELECT_SET, offset.data(), nullptr, count.data(), nullptr);
  if (n > 0 && H5Dread(set, H5T_NATIVE_DOUBLE, memory.id(), space.id(), H5P_DEFAULT, values.data()) < 0)
    throw std::runtime_error("HDF5: cannot read a block of a dataset");
  return values;
}

// Collects the outputs; they are written together at the end, all or none
// (sim/atomic_write.hpp), so that a full disk leaves no CSV behind, not even those that fitted.
class Writer {
 public:
  Writer(const std::string& directory, ExportSummary& summary) : directory_(directory), summary_(summary) {}
  // DIR/name; `fill` writes the rows and returns their number.
  template <class Fill>
  void add(const std::string& name, const std::string& header, Fill fill) {
    const std::string path = (std::filesystem::path(directory_) / name).string();
    files_.push_back(text_output(path, [this, header, fill](std::ostream& out) {
      out << header << '\n';
      summary_.rows += fill(out);
    }));
    summary_.files.push_back(path);
  }
  void write() const { write_atomically(files_); }

 private:
  std::string directory_;
  ExportSummary& summary_;
  std::vector<OutputFile> files_;
};

// Rows of one indicator dataset. Combined files repeat level and indicator on every row;
// per-indicator files have a column per breakdown dimension instead of profile/leerweg/group.
std::size_t indicator_rows(const Source& source, int level, const std::string& name, const ExportOptions& o,
                           bool per_indicator, std::ostream& out) {
  const h5::Handle set(H5Dopen2(source.file, ("indicators/" + std::string(level_names[level]) + "/" + name).c_str(),
                                H5P_DEFAULT), H5Dclose, "open " + name);
  const std::vector<std::string> dims = split(h5::read_string_attribute(set.id(), "dimensions"), ',');
  const std::size_t first_category = source.sweep ? 4 : 3;
  std::vector<std::vector<std::string>> labels;
  std::vector<int> column;  // combined files: 0 profile, 1 leerweg, 2 group
  for (std::size_t d = first_category; d < dims.size(); ++d) {
    labels.push_back(source.categories(dims[d]));
    column.push_back(dims[d] == "profile" ? 0 : dims[d] == "leerweg" ? 1 : 2);
  }
  std::size_t rows = 0;
  const auto& units = source.units[level];
  for (hsize_t run = 0; run < source.runs; ++run) {
    if (source.sweep && !selected(o.runs, static_cast<int>(run))) continue;
    for (hsize_t r = 0; r < source.replicates; ++r) {
      if (!selected(o.replicates, static_cast<int>(r))) continue;
      std::vector<hsize_t> shape;
      const std::vector<double> values = read_block(set.id(), source, run, r, shape);
      std::size_t cells = 1;
      for (std::size_t d = 2; d < shape.size(); ++d) cells *= shape[d];
      const std::string lead = source.sweep ? fmt::format("{},", run) : std::string();
      const std::string scenario = field(source.scenario[source.sweep ? run : 0]);
      for (hsize_t y = 0; y < shape[0]; ++y) {
        if (!selected(o.years, static_cast<int>(source.years[y]))) continue;
        for (hsize_t u = 0; u < shape[1]; ++u)
          for (std::size_t c = 0; c < cells; ++c) {
            std::vector<std::string> label(labels.size());
            std::size_t rest = c;
            for (std::size_t d = labels.size(); d-- > 0;) {
              label[d] = labels[d][rest % labels[d].size()];
              rest /= labels[d].size();
            }
            const double value = values[(y * shape[1] + u) * cells + c];
            out << lead;
            if (per_indicator) {
              out << r << ',' << source.years[y] << ',' << field(units[u]);
              for (const auto& l : label) out << ',' << field(l);
            } else {
              std::string cols[3] = {std::string(not_broken_down), std::string(not_broken_down),
                                     std::string(not_broken_down)};
              for (std::size_t d = 0; d < label.size(); ++d) cols[column[d]] = label[d];
              out << scenario << ',' << r << ',' << source.years[y] << ',' << level_names[level] << ','
                  << field(units[u]) << ',' << field(cols[0]) << ',' << field(cols[1]) << ',' << field(cols[2])
                  << ',' << name;
            }
            out << ',' << number(value) << '\n';
            ++rows;
          }
      }
    }
  }
  return rows;
}

std::string per_indicator_header(const Source& source, int level, const std::string& name) {
  const h5::Handle set(H5Dopen2(source.file, ("indicators/" + std::string(level_names[level]) + "/" + name).c_str(),
                                H5P_DEFAULT), H5Dclose, "open " + name);
  const std::vector<std::string> dims = split(h5::read_string_attribute(set.id(), "dimensions"), ',');
  std::string header = source.sweep ? "run,replicate,year,unit" : "replicate,year,unit";
  for (std::size_t d = source.sweep ? 4 : 3; d < dims.size(); ++d) header += "," + dims[d];
  return header + ",value";
}

void export_design(const Source& source, Writer& writer) {
  const h5::Handle parameters = h5::open_group(source.file, "design/parameters");
  // A varied `scenario` is the scenario column already.
  std::vector<std::string> keys = h5::members(parameters.id());
  std::erase(keys, "scenario");
  std::vector<std::vector<std::string>> columns;
  for (const auto& key : keys) {
    const h5::Handle set(H5Dopen2(parameters.id(), key.c_str(), H5P_DEFAULT), H5Dclose, "open " + key);
    const h5::Handle type(H5Dget_type(set.id()), H5Tclose, "get a type");
    std::vector<std::string> column;
    if (H5Tget_class(type.id()) == H5T_STRING) {
      column = h5::read_strings(parameters.id(), key);
    } else {
      std::vector<hsize_t> shape;
      for (double v : h5::read_doubles(parameters.id(), key, shape)) column.push_back(number(v));
    }
    columns.push_back(std::move(column));
  }
  const std::vector<std::int32_t> complete = h5::read_ints(source.file, "design/complete");
  const std::vector<std::string> overrides = h5::read_strings(source.file, "design/overrides");
  std::string header = "run,scenario,complete";
  for (const auto& key : keys) header += "," + field(key);
  writer.add("design.csv", header + ",overrides", [&source, complete, overrides, columns](std::ostream& out) {
    for (std::size_t r = 0; r < source.runs; ++r) {
      out << r << ',' << field(source.scenario[r]) << ',' << complete[r];
      for (const auto& c : columns) out << ',' << field(c[r]);
      out << ',' << field(overrides[r]) << '\n';
    }
    return static_cast<std::size_t>(source.runs);
  });
}

void export_summaries(const Source& source, const ExportOptions& o, Writer& writer) {
  if (!h5::exists(source.file, "summaries")) return;
  writer.add("summaries.csv", "run,replicate,summary,level,unit,value", [&source, &o](std::ostream& out) {
    const h5::Handle group = h5::open_group(source.file, "summaries");
    std::size_t rows = 0;
    for (const std::string& name : h5::members(group.id())) {
      const h5::Handle set(H5Dopen2(group.id(), name.c_str(), H5P_DEFAULT), H5Dclose, "open " + name);
      const std::vector<std::string> dims = split(h5::read_string_attribute(set.id(), "dimensions"), ',');
      const int level = dims.back() == "location" ? 0 : dims.back() == "region" ? 1 : 2;
      for (hsize_t run = 0; run < source.runs; ++run) {
        if (!selected(o.runs, static_cast<int>(run))) continue;
        for (hsize_t r = 0; r < source.replicates; ++r) {
          if (!selected(o.replicates, static_cast<int>(r))) continue;
          std::vector<hsize_t> shape;
          const std::vector<double> values = read_block(set.id(), source, run, r, shape);
          for (std::size_t u = 0; u < values.size(); ++u, ++rows)
            out << run << ',' << r << ',' << field(name) << ',' << level_names[level] << ','
                << field(source.units[level][u]) << ',' << number(values[u]) << '\n';
        }
      }
    }
    return rows;
  });
}

void check_filters(const Source& source, const ExportOptions& o, const std::string& path) {
  for (int y : o.years)
    if (std::find(source.years.begin(), source.years.end(), y) == source.years.end())
      throw DataError(fmt::format("{}: --year {}: the file has the years {}-{}", path, y, source.years.front(),
                                  source.years.back()));
  for (int r : o.replicates)
    if (r < 0 || static_cast<hsize_t>(r) >= source.replicates)
      throw DataError(fmt::format("{}: --replicate {}: the file has replicates 0-{}", path, r, source.replicates - 1));
  for (int r : o.runs)
    if (!source.sweep || r < 0 || static_cast<hsize_t>(r) >= source.runs)
      throw DataError(fmt::format("{}: --run {}: {}", path, r,
                                  source.sweep ? fmt::format("the file has runs 0-{}", source.runs - 1)
                                               : std::string("a run file has no runs (use --replicate)")));
  for (const std::string& level : o.levels)
    if (std::find(std::begin(level_names), std::end(level_names), level) == std::end(level_names))
      throw DataError(fmt::format("--level {}: expected national, region or location", level));
}

}  // namespace

ExportSummary export_csv(const std::string& path, const std::string& directory, const ExportOptions& o) {
  // Everything is checked before the first row is written: a run file's metadata and entity
  // tables (RunFile), then every dataset's shape and checksum, one block at a time.
  if (result_file_format(path) != "stosim-sweep") RunFile checked(path);
  check_result_file(path);
  const h5::Handle file = h5::open_file(path);
  const Source source = open_source(file.id(), path);
  check_output_directory(directory);
  check_filters(source, o, path);
  std::vector<std::string> found;
  for (int level = 0; level < 3; ++level)
    if (h5::exists(file.id(), "indicators/" + std::string(level_names[level])))
      for (const auto& n : h5::members(h5::open_group(file.id(), "indicators/" + std::string(level_names[level])).id()))
        found.push_back(n);
  for (const std::string& name : o.indicators)
    if (std::find(found.begin(), found.end(), name) == found.end())
      throw DataError(fmt::format("{}: --indicator {}: the file has no such indicator", path, name));

  std::filesystem::create_directories(directory);
  ExportSummary summary;
  Writer writer(directory, summary);
  if (source.sweep) {
    export_design(source, writer);
    export_summaries(source, o, writer);
  }
  const std::string lead = source.sweep ? "run," : "";
  for (int level = 2; level >= 0; --level) {
    const std::string level_group = "indicators/" + std::string(level_names[level]);
    if (!selected(o.levels, std::string(level_names[level])) || !h5::exists(file.id(), level_group)) continue;
    std::vector<std::string> names;
    for (const auto& n : h5::members(h5::open_group(file.id(), level_group).id()))
      if (selected(o.indicators, n)) names.push_back(n);
    if (o.per_indicator) {
      for (const auto& name : names)
        writer.add(fmt::format("{}_{}.csv", level_names[level], name), per_indicator_header(source, level, name),
                   [&source, &o, level, name](std::ostream& out) {
                     return indicator_rows(source, level, name, o, true, out);
                   });
    } else if (!names.empty()) {
      writer.add(std::string(level_names[level]) + ".csv",
                   lead + "scenario,replicate,year,level,unit,profile,leerweg,group,indicator,value",
                   [&source, &o, level, names](std::ostream& out) {
                     std::size_t rows = 0;
                     for (const auto& name : names) rows += indicator_rows(source, level, name, o, false, out);
                     return rows;
                   });
    }
  }
  writer.write();
  return summary;
}

}  // namespace stosim
