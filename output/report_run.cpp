#include "output/report_run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "sim/projection.hpp"

namespace stosim::report {

std::vector<double> Array::at(std::size_t year, std::size_t u, std::size_t cell) const {
  std::vector<double> out(replicates);
  for (std::size_t r = 0; r < replicates; ++r) out[r] = values[((r * years + year) * units + u) * cells + cell];
  return out;
}

std::vector<double> Array::summed(std::size_t year, std::size_t u) const {
  std::vector<double> out(replicates, 0.0);
  for (std::size_t c = 0; c < cells; ++c) {
    const std::vector<double> v = at(year, u, c);
    for (std::size_t r = 0; r < replicates; ++r) out[r] += v[r];
  }
  return out;
}

std::size_t Array::cell_of(std::string_view label) const {
  if (labels.size() == 1) {
    const auto it = std::find(labels[0].begin(), labels[0].end(), label);
    if (it != labels[0].end()) return static_cast<std::size_t>(it - labels[0].begin());
  }
  throw std::logic_error(fmt::format("report: no category '{}'", label));
}

namespace {

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts(1);
  for (char c : text) {
    if (c == ',') parts.emplace_back();
    else parts.back().push_back(c);
  }
  return parts;
}

std::string attribute_or(hid_t object, const std::string& name, std::string fallback) {
  return H5Aexists(object, name.c_str()) > 0 ? h5::read_string_attribute(object, name) : fallback;
}

std::vector<double> doubles(hid_t file, const std::string& name) {
  std::vector<hsize_t> shape;
  return h5::read_doubles(file, name, shape);
}

// Older run files carry kilometres only: the projection's inverse, without the synthetic
// country's stretch.
void read_coordinates(RunFile& run) {
  const hid_t f = run.file.id();
  if (h5::exists(f, "entities/locations/lat")) {
    run.location_lat = doubles(f, "entities/locations/lat");
    run.location_lon = doubles(f, "entities/locations/lon");
  } else {
    for (double x : doubles(f, "entities/locations/x_km")) run.location_lon.push_back(unproject_lon(x));
    for (double y : doubles(f, "entities/locations/y_km")) run.location_lat.push_back(unproject_lat(y));
  }
  const std::size_t regions = run.region_code.size();
  std::vector<double> count(regions, 0.0);
  run.region_lat.assign(regions, 0.0);
  run.region_lon.assign(regions, 0.0);
  for (std::size_t l = 0; l < run.location_region.size(); ++l) {
    const auto r = static_cast<std::size_t>(run.location_region[l]);
    run.region_lat[r] += run.location_lat[l], run.region_lon[r] += run.location_lon[l], ++count[r];
  }
  for (std::size_t r = 0; r < regions; ++r)
    if (count[r] > 0) run.region_lat[r] /= count[r], run.region_lon[r] /= count[r];
}

}  // namespace

RunFile open_run(const std::string& path) {
  RunFile run;
  run.path = path;
  run.file = h5::open_file(path);
  const hid_t f = run.file.id();
  if (!h5::exists(f, "metadata") ||
      h5::read_string_attribute(h5::open_group(f, "metadata").id(), "format") != "stosim-run")
    throw std::runtime_error(path + ": not a stosim run file (no /metadata with format stosim-run)");
  const h5::Handle meta = h5::open_group(f, "metadata");
  const hid_t m = meta.id();
  run.scenario = h5::read_string_attribute(m, "scenario_name");
  run.description = attribute_or(m, "scenario_description", "");
  run.population = attribute_or(m, "population", "");
  run.version = h5::read_string_attribute(m, "stosim_version");
  run.commit = h5::read_string_attribute(m, "git_commit");
  run.created = h5::read_string_attribute(m, "created_utc");
  run.yaml = h5::read_string_attribute(m, "scenario_yaml");
  run.seed = h5::read_int_attribute(m, "seed");
  run.replicates = h5::read_int_attribute(m, "replicates");
  run.threads = h5::read_int_attribute(m, "threads");
  run.years = h5::read_ints(f, "years");
  run.region_code = h5::read_strings(f, "entities/regions/code");
  run.region_name = h5::read_strings(f, "entities/regions/name");
  run.location_code = h5::read_strings(f, "entities/locations/code");
  run.location_name = h5::read_strings(f, "entities/locations/name");
  run.location_region = h5::read_ints(f, "entities/locations/region");
  const std::vector<std::int32_t> technical = h5::read_ints(f, "entities/profiles/technical");
  for (std::size_t p = 0; p < technical.size(); ++p)
    if (technical[p]) run.technical_profiles.push_back(static_cast<int>(p));
  read_coordinates(run);
  return run;
}

const Array& RunFile::read(std::string_view level, std::string_view indicator) const {
  const std::string name = fmt::format("indicators/{}/{}", level, indicator);
  if (const auto it = cache_.find(name); it != cache_.end()) return it->second;
  Array a;
  std::vector<hsize_t> shape;
  a.values = h5::read_doubles(file.id(), name, shape);
  a.replicates = shape[0], a.years = shape[1], a.units = shape[2];
  for (std::size_t d = 3; d < shape.size(); ++d) a.cells *= shape[d];
  const h5::Handle set(H5Dopen2(file.id(), name.c_str(), H5P_DEFAULT), H5Dclose, "open " + name);
  const std::vector<std::string> dims = split(h5::read_string_attribute(set.id(), "dimensions"));
  for (std::size_t d = 3; d < dims.size(); ++d)
    a.labels.push_back(h5::read_strings(file.id(), "entities/categories/" + dims[d]));
  a.unit = h5::read_string_attribute(set.id(), "unit");
  return cache_.emplace(name, std::move(a)).first->second;
}

}  // namespace stosim::report
