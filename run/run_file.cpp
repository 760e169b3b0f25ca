#include "run/run_file.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <set>

#include "output/run_reader.hpp"
#include "population/synthetic_netherlands.hpp"
#include "sim/hdf5_file.hpp"
#include "sim/projection.hpp"
#include "sim/version.hpp"

namespace stosim {

namespace {

std::vector<std::string> strings_of(auto const& views) {
  return std::vector<std::string>(views.begin(), views.end());
}

static_assert(sizeof(hid_t) == sizeof(std::int64_t), "run_file.hpp passes HDF5 ids as int64");

void write_metadata(hid_t file, const Scenario& s, int threads, double seconds) {
  const h5::Handle meta = h5::create_group(file, "metadata");
  h5::write_attribute(meta.id(), "format", std::string("stosim-run"));
  h5::write_attribute(meta.id(), "format_version", std::int64_t{run_file_format_version});
  h5::write_attribute(meta.id(), "stosim_version", std::string(version()));
  h5::write_attribute(meta.id(), "git_commit", std::string(git_commit()));
  h5::write_attribute(meta.id(), "scenario_name", s.name);
  h5::write_attribute(meta.id(), "scenario_description", s.description);
  h5::write_attribute(meta.id(), "scenario_yaml", to_yaml(s));
  h5::write_attribute(meta.id(), "seed", s.seed);
  h5::write_attribute(meta.id(), "population",
                      s.population.source == "file" ? "file " + s.population.path
                                                    : fmt::format("synthetic, scale {}", s.population.scale));
  h5::write_attribute(meta.id(), "replicates", std::int64_t{s.replicates});
  h5::write_attribute(meta.id(), "threads", std::int64_t{threads});
  h5::write_attribute(meta.id(), "start_year", std::int64_t{s.start_year});
  h5::write_attribute(meta.id(), "end_year", std::int64_t{s.end_year});
  h5::write_attribute(meta.id(), "wall_seconds", seconds);
  h5::write_attribute(meta.id(), "created_utc",
                      fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr))));
}

// Degrees of each location for maps: a synthetic country smaller or larger than the
// Netherlands is stretched back onto it.
void write_lat_lon(hid_t group, const World& w, const Scenario& s) {
  const double stretch = s.population.source == "synthetic" ? synthetic_stretch(s.population.scale) : 1.0;
  std::vector<float> lat, lon;
  for (std::size_t l = 0; l < w.locations.size(); ++l) {
    lat.push_back(static_cast<float>(unproject_lat(w.locations.y_km[l] / stretch)));
    lon.push_back(static_cast<float>(unproject_lon(w.locations.x_km[l] / stretch)));
  }
  h5::write_floats(group, "lat", lat);
  h5::write_floats(group, "lon", lon);
}

void write_entities(hid_t file, const World& w, const Scenario& scenario) {
  const h5::Handle entities = h5::create_group(file, "entities");
  {
    const h5::Handle g = h5::create_group(entities.id(), "regions");
    h5::write_strings(g.id(), "code", w.regions.code);
    h5::write_strings(g.id(), "name", w.regions.name);
  }
  {
    const h5::Handle g = h5::create_group(entities.id(), "locations");
    h5::write_strings(g.id(), "code", w.locations.code);
    h5::write_strings(g.id(), "name", w.locations.name);
    h5::write_ints(g.id(), "region", w.locations.region);
    h5::write_floats(g.id(), "x_km", w.locations.x_km);
    h5::write_floats(g.id(), "y_km", w.locations.y_km);
    write_lat_lon(g.id(), w, scenario);
  }
  {
    const h5::Handle g = h5::create_group(entities.id(), "profiles");
    h5::write_strings(g.id(), "code", strings_of(profile_codes));
    h5::write_strings(g.id(), "name", strings_of(profile_names));
    std::vector<std::int32_t> technical;
    for (bool t : scenario.technical_profiles()) technical.push_back(t ? 1 : 0);
    h5::write_ints(g.id(), "technical", technical);
  }
  const h5::Handle leerwegen = h5::create_group(entities.id(), "leerwegen");
  h5::write_strings(leerwegen.id(), "code", strings_of(leerweg_codes));
  const h5::Handle sectors = h5::create_group(entities.id(), "sectors");
  h5::write_strings(sectors.id(), "code", strings_of(sector_codes));
  // The labels of every category dimension, by dimension name.
  const h5::Handle categories = h5::create_group(entities.id(), "categories");
  std::set<std::string_view> written;
  for (const IndicatorSpec& spec : indicator_specs()) {
    const BreakdownShape shape = breakdown_shape(spec.breakdown);
    for (std::size_t d = 0; d < shape.dimension_names.size(); ++d)
      if (written.insert(shape.dimension_names[d]).second)
        h5::write_strings(categories.id(), std::string(shape.dimension_names[d]), strings_of(shape.categories[d]));
  }
}

std::string join(const std::vector<std::string_view>& parts) {
  std::string out;
  for (auto p : parts) out += (out.empty() ? "" : ",") + std::string(p);
  return out;
}

void write_indicators(hid_t file, const RunResult& run) {
  const h5::Handle root = h5::create_group(file, "indicators");
  const auto specs = indicator_specs();
  const std::size_t replicates = run.replicates.size();
  for (int lv = 0; lv < n_levels; ++lv) {
    const auto level = static_cast<Level>(lv);
    const h5::Handle group = h5::create_group(root.id(), std::string(level_name(level)));
    for (std::size_t i = 0; i < specs.size(); ++i) {
      const IndicatorFrame& first = run.replicates.front();
      if (!first.reported(i, level)) continue;
      const BreakdownShape shape = breakdown_shape(specs[i].breakdown);
      std::vector<hsize_t> dims = {replicates, first.years(), first.units(level)};
      std::vector<std::string_view> names = {"replicate", "year", level_name(level)};
      for (std::size_t d = 0; d < shape.categories.size(); ++d) {
        dims.push_back(shape.categories[d].size());
        names.push_back(shape.dimension_names[d]);
      }
      std::vector<double> data;
      for (const IndicatorFrame& frame : run.replicates) {
        const auto& v = frame.values(i, level);
        data.insert(data.end(), v.begin(), v.end());
      }
      const h5::Handle set = h5::write_doubles(group.id(), std::string(specs[i].name), dims, data.data());
      h5::write_attribute(set.id(), "dimensions", join(names));
      h5::write_attribute(set.id(), "unit", std::string(specs[i].unit));
      h5::write_attribute(set.id(), "kind", std::string(kind_name(specs[i].kind)));
      h5::write_attribute(set.id(), "description", std::string(specs[i].description));
      h5::write_attribute(set.id(), "checksum", static_cast<std::int64_t>(indicator_checksum(data)));
    }
  }
}

}  // namespace

void write_run_metadata(std::int64_t file, const Scenario& scenario, int threads, double seconds) {
  write_metadata(file, scenario, threads, seconds);
}

void write_run_entities(std::int64_t file, const World& initial, const Scenario& scenario) {
  write_entities(file, initial, scenario);
}

void write_run_file(const std::string& path, const RunResult& run) {
  const auto write = [&](const std::string& temporary) {
    std::vector<char> image;
    {
      h5::Handle file = h5::create_memory_file(path);
      write_metadata(file.id(), run.scenario, run.threads, run.seconds);
      std::vector<std::int32_t> years;
      for (int y = run.scenario.start_year; y <= run.scenario.end_year; ++y) years.push_back(y);
      h5::write_ints(file.id(), "years", years);
      write_entities(file.id(), run.initial, run.scenario);
      write_indicators(file.id(), run);
      image = h5::file_image(file.id());
      file.close();
    }
    write_bytes(temporary, image.data(), image.size());
  };
  const auto verify = [](const std::string& temporary) {
    try {
      RunFile(temporary).check_all();
    } catch (const std::exception& e) {
      throw WriteError(std::string("the written file does not read back: ") + e.what());
    }
  };
  write_atomically(path, write, verify);
}

}  // namespace stosim
