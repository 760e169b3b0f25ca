#include "output/run_reader.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstring>
#include <stdexcept>

#include "sim/data_error.hpp"

namespace stosim {

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts(1);
  for (char c : text) {
    if (c == separator) parts.emplace_back();
    else parts.back().push_back(c);
  }
  return parts;
}

std::string shape_text(const std::vector<hsize_t>& shape) {
  std::string out;
  for (hsize_t d : shape) out += (out.empty() ? "" : " x ") + std::to_string(d);
  return "[" + out + "]";
}

}  // namespace

const std::vector<std::string>& RunInfo::units(const std::string& level) const {
  static const std::vector<std::string> nation = {"NL"};
  if (level == "location") return location_codes;
  if (level == "region") return region_codes;
  return nation;
}

std::size_t IndicatorTable::cells() const {
  std::size_t n = 1;
  for (std::size_t d = 3; d < shape.size(); ++d) n *= shape[d];
  return n;
}

void Checksum::add(const double* values, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &values[i], sizeof bits);
    for (int byte = 0; byte < 8; ++byte) {
      hash_ ^= (bits >> (8 * byte)) & 0xFF;
      hash_ *= 1099511628211ull;
    }
  }
}

std::uint64_t indicator_checksum(const std::vector<double>& values) {
  Checksum sum;
  sum.add(values.data(), values.size());
  return sum.value();
}

void RunFile::fail(const std::string& what) const {
  throw DataError(fmt::format("{}: {}", info_.path, what));
}

RunFile::RunFile(const std::string& path) {
  info_.path = path;
  try {
    file_ = h5::open_file(path);
  } catch (const std::runtime_error& e) {
    if (std::string_view(e.what()).find("damaged") != std::string_view::npos) throw DataError(e.what());  // the seal
    fail("not an HDF5 file, or a damaged one (a run file is made by `stosim run`)");
  }
  try {
    if (!h5::exists(file_.id(), "metadata")) fail("not a stosim run file (no /metadata)");
    const h5::Handle meta = h5::open_group(file_.id(), "metadata");
    if (!h5::has_attribute(meta.id(), "format") || h5::read_string_attribute(meta.id(), "format") != "stosim-run")
      fail("not a stosim run file (/metadata has no format 'stosim-run')");
    info_.format_version = h5::read_int_attribute(meta.id(), "format_version");
    if (info_.format_version < 1 || info_.format_version > 2)
      fail(fmt::format("format version {} is not one this stosim reads (1 or 2)", info_.format_version));
    info_.scenario = h5::read_string_attribute(meta.id(), "scenario_name");
    info_.scenario_yaml = h5::read_string_attribute(meta.id(), "scenario_yaml");
    info_.seed = info_.format_version == 1 ? static_cast<std::uint64_t>(h5::read_int_attribute(meta.id(), "seed"))
                                           : h5::read_uint_attribute(meta.id(), "seed");
    info_.replicates = h5::read_int_attribute(meta.id(), "replicates");
    if (info_.format_version >= 2) info_.population = h5::read_string_attribute(meta.id(), "population");
    info_.years = h5::read_ints(file_.id(), "years");
    info_.location_codes = h5::read_strings(file_.id(), "entities/locations/code");
    info_.region_codes = h5::read_strings(file_.id(), "entities/regions/code");
    info_.region_names = h5::read_strings(file_.id(), "entities/regions/name");
  } catch (const DataError&) {
    throw;
  } catch (const std::runtime_error& e) {
    fail(fmt::format("{}: the file is damaged or not a complete stosim run file", e.what()));
  }
  if (info_.replicates < 1 || info_.replicates > 100000)
    fail(fmt::format("/metadata/replicates: {} is outside 1..100000", info_.replicates));
  if (info_.years.empty()) fail("/years: no years");
  for (std::size_t i = 1; i < info_.years.size(); ++i)
    if (info_.years[i] != info_.years[i - 1] + 1) fail("/years: the years are not consecutive");
  if (info_.region_names.size() != info_.region_codes.size())
    fail(fmt::format("/entities/regions: {} codes but {} names", info_.region_codes.size(), info_.region_names.size()));
}

std::vector<std::string> RunFile::indicators(const std::string& level) const {
  try {
    const std::string group = "indicators/" + level;
    if (!h5::exists(file_.id(), "indicators") || !h5::exists(file_.id(), group)) fail("no /" + group);
    return h5::members(h5::open_group(file_.id(), group).id());
  } catch (const DataError&) {
    throw;
  } catch (const std::runtime_error& e) {
    fail(fmt::format("{}: the file is damaged", e.what()));
  }
}

IndicatorTable RunFile::indicator(const std::string& level, const std::string& name) const {
  try {
    return read_indicator(level, name);
  } catch (const DataError&) {
    throw;
  } catch (const std::runtime_error& e) {
    fail(fmt::format("/indicators/{}/{}: {}: the file is damaged", level, name, e.what()));
  }
}

IndicatorTable RunFile::read_indicator(const std::string& level, const std::string& name) const {
  const std::string where = fmt::format("/indicators/{}/{}", level, name);
  const std::string group_name = "indicators/" + level;
  if (!h5::exists(file_.id(), group_name) || !h5::exists(file_.id(), group_name + "/" + name))
    fail(where + ": missing");
  const h5::Handle group = h5::open_group(file_.id(), group_name);
  IndicatorTable t;
  t.name = name;
  {
    const h5::Handle set(H5Dopen2(group.id(), name.c_str(), H5P_DEFAULT), H5Dclose, "open " + where);
    t.dimensions = split(h5::read_string_attribute(set.id(), "dimensions"), ',');
  }
  t.shape = h5::shape_of(group.id(), name);
  // Check the shape against the file's own tables before reading a value.
  if (t.shape.size() < 3 || t.dimensions.size() != t.shape.size())
    fail(fmt::format("{}: shape {} does not match its dimensions '{}'", where, shape_text(t.shape),
                     fmt::join(t.dimensions, ",")));
  const std::vector<hsize_t> expected = {static_cast<hsize_t>(info_.replicates), info_.years.size(),
                                         info_.units(level).size()};
  const char* table_of[3] = {"/metadata/replicates", "/years", level == "national" ? "the nation" : "/entities"};
  for (std::size_t d = 0; d < 3; ++d)
    if (t.shape[d] != expected[d])
      fail(fmt::format("{}: shape {} disagrees with {}: dimension {} ({}) has {}, expected {}", where,
                       shape_text(t.shape), table_of[d], d, t.dimensions[d], t.shape[d], expected[d]));
  for (std::size_t d = 3; d < t.shape.size(); ++d) {
    const std::string labels = "entities/categories/" + t.dimensions[d];
    if (t.dimensions[d].empty() || t.dimensions[d].find('/') != std::string::npos ||
        !h5::exists(file_.id(), "entities/categories") || !h5::exists(file_.id(), labels))
      fail(fmt::format("{}: dimension '{}' has no labels in /entities/categories", where, t.dimensions[d]));
    t.labels.push_back(h5::read_strings(file_.id(), labels));
    if (t.labels.back().size() != t.shape[d])
      fail(fmt::format("{}: shape {} disagrees with /{}: dimension {} has {}, the labels {}", where,
                       shape_text(t.shape), labels, d, t.shape[d], t.labels.back().size()));
  }
  std::vector<hsize_t> shape;
  t.values = h5::read_doubles(group.id(), name, shape);
  if (shape != t.shape) fail(where + ": changed shape while read");
  const h5::Handle set(H5Dopen2(group.id(), name.c_str(), H5P_DEFAULT), H5Dclose, "open " + where);
  if (h5::has_attribute(set.id(), "checksum")) {
    const auto stored = static_cast<std::uint64_t>(h5::read_int_attribute(set.id(), "checksum"));
    if (stored != indicator_checksum(t.values))
      fail(where + ": the values do not match their checksum: the file is damaged");
  } else if (info_.format_version >= 2) {
    fail(where + ": no checksum");
  }
  return t;
}

void RunFile::check_all() const {
  for (const char* level : run_levels)
    for (const std::string& name : indicators(level)) indicator(level, name);
}

void check_paired(const RunInfo& a, const RunInfo& b, const std::string& command) {
  std::vector<std::string> differences;
  const auto differ = [&](bool different, const std::string& what) {
    if (different) differences.push_back(what);
  };
  differ(a.seed != b.seed, fmt::format("seed {} / {}", a.seed, b.seed));
  differ(a.replicates != b.replicates, fmt::format("replicates {} / {}", a.replicates, b.replicates));
  differ(a.years != b.years, fmt::format("years {}-{} / {}-{}", a.years.front(), a.years.back(), b.years.front(),
                                         b.years.back()));
  differ(!a.population.empty() && !b.population.empty() && a.population != b.population,
         fmt::format("population '{}' / '{}'", a.population.empty() ? "?" : a.population,
                     b.population.empty() ? "?" : b.population));
  differ(a.region_codes != b.region_codes,
         fmt::format("regions ({} / {})", a.region_codes.size(), b.region_codes.size()));
  differ(a.location_codes != b.location_codes,
         fmt::format("locations ({} / {})", a.location_codes.size(), b.location_codes.size()));
  if (differences.empty()) return;
  throw DataError(fmt::format("{}: {} and {} cannot be paired replicate by replicate: they differ in {}; both "
                              "must come from the same population, seed, replicates and years",
                              command, a.path, b.path, fmt::join(differences, ", ")));
}

}  // namespace stosim
