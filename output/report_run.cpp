#include "output/report_run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "sim/data_error.hpp"
#include "sim/hdf5_file.hpp"
#include "sim/projection.hpp"

namespace stosim::report {

std::vector<double> Array::at(std::size_t year, std::size_t u, std::size_t cell) const {
  std::vector<double> out(replicates());
  for (std::size_t r = 0; r < out.size(); ++r) out[r] = table.at(r, year, u, cell);
  return out;
}

std::vector<double> Array::summed(std::size_t year, std::size_t u) const {
  std::vector<double> out(replicates(), 0.0);
  for (std::size_t c = 0; c < table.cells(); ++c)
    for (std::size_t r = 0; r < out.size(); ++r) out[r] += table.at(r, year, u, c);
  return out;
}

std::size_t Array::cell_of(std::string_view label) const {
  if (table.labels.size() == 1) {
    const auto it = std::find(table.labels[0].begin(), table.labels[0].end(), label);
    if (it != table.labels[0].end()) return static_cast<std::size_t>(it - table.labels[0].begin());
  }
  throw DataError(fmt::format("/indicators/.../{} has no category '{}' (made by another version of stosim?)",
                              table.name, label));
}

namespace {

std::string attribute_or(hid_t object, const std::string& name, std::string fallback) {
  return H5Aexists(object, name.c_str()) > 0 ? h5::read_string_attribute(object, name) : fallback;
}

std::vector<double> doubles(hid_t file, const std::string& name) {
  std::vector<hsize_t> shape;
  return h5::read_doubles(file, name, shape);
}

}  // namespace

ReportRun::ReportRun(const std::string& path) : file_(path) {
  file_.check_all();
  try {
    read_entities(path);
  } catch (const DataError&) {
    throw;
  } catch (const std::exception& e) {  // an HDF5 failure in a dataset the checked reader does not read
    throw DataError(fmt::format("{}: {}", path, e.what()));
  }
}

void ReportRun::read_entities(const std::string& path) {
  const h5::Handle file = h5::open_file(path);
  const hid_t f = file.id();
  const h5::Handle meta = h5::open_group(f, "metadata");
  description = attribute_or(meta.id(), "scenario_description", "");
  version = attribute_or(meta.id(), "stosim_version", "?");
  commit = attribute_or(meta.id(), "git_commit", "?");
  created = attribute_or(meta.id(), "created_utc", "?");
  threads = H5Aexists(meta.id(), "threads") > 0 ? h5::read_int_attribute(meta.id(), "threads") : 0;
  location_name = h5::read_strings(f, "entities/locations/name");
  location_region = h5::read_ints(f, "entities/locations/region");
  // Older run files carry kilometres only: the projection's inverse, without a synthetic
  // country's stretch.
  if (h5::exists(f, "entities/locations/lat")) {
    location_lat = doubles(f, "entities/locations/lat");
    location_lon = doubles(f, "entities/locations/lon");
  } else {
    for (double x : doubles(f, "entities/locations/x_km")) location_lon.push_back(unproject_lon(x));
    for (double y : doubles(f, "entities/locations/y_km")) location_lat.push_back(unproject_lat(y));
  }
  const std::size_t locations = info().location_codes.size(), regions = info().region_codes.size();
  const bool consistent =
      location_name.size() == locations && location_region.size() == locations && location_lat.size() == locations &&
      location_lon.size() == locations &&
      std::all_of(location_region.begin(), location_region.end(),
                  [&](std::int32_t r) { return r >= 0 && static_cast<std::size_t>(r) < regions; });
  if (!consistent)
    throw DataError(fmt::format("{}: /entities/locations: names, regions or coordinates do not match the {} "
                                "locations and {} regions of the file",
                                path, locations, regions));
  std::vector<double> count(regions, 0.0);
  region_lat.assign(regions, 0.0);
  region_lon.assign(regions, 0.0);
  for (std::size_t l = 0; l < locations; ++l) {
    const auto r = static_cast<std::size_t>(location_region[l]);
    region_lat[r] += location_lat[l], region_lon[r] += location_lon[l], ++count[r];
  }
  for (std::size_t r = 0; r < regions; ++r)
    if (count[r] > 0) region_lat[r] /= count[r], region_lon[r] /= count[r];
  const std::vector<std::int32_t> technical = h5::read_ints(f, "entities/profiles/technical");
  for (std::size_t p = 0; p < technical.size(); ++p)
    if (technical[p]) technical_profiles.push_back(static_cast<int>(p));
}

const Array& ReportRun::read(std::string_view level, std::string_view indicator) const {
  const std::string key = fmt::format("{}/{}", level, indicator);
  if (const auto it = cache_.find(key); it != cache_.end()) return it->second;
  Array a{file_.indicator(std::string(level), std::string(indicator)), {}};
  const std::string name = fmt::format("indicators/{}/{}", level, indicator);
  try {
    const h5::Handle file = h5::open_file(info().path);
    const h5::Handle set(H5Dopen2(file.id(), name.c_str(), H5P_DEFAULT), H5Dclose, "open " + name);
    a.unit = h5::read_string_attribute(set.id(), "unit");
  } catch (const std::exception& e) {
    throw DataError(fmt::format("{}: /{}: {}", info().path, name, e.what()));
  }
  return cache_.emplace(key, std::move(a)).first->second;
}

}  // namespace stosim::report
