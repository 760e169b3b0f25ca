#include "output/compare.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "output/statistics.hpp"
#include "sim/hdf5_file.hpp"

namespace stosim {

namespace {

struct RunHeader {
  std::string scenario;
  std::int64_t seed, replicates;
  std::vector<std::int32_t> years;
  std::vector<std::string> units;
};

RunHeader read_header(hid_t file, const std::string& path, const std::string& level) {
  if (!h5::exists(file, "metadata")) throw std::runtime_error(path + ": not a stosim run file");
  const h5::Handle meta = h5::open_group(file, "metadata");
  RunHeader h{h5::read_string_attribute(meta.id(), "scenario_name"), h5::read_int_attribute(meta.id(), "seed"),
              h5::read_int_attribute(meta.id(), "replicates"), h5::read_ints(file, "years"), {}};
  if (level == "national") h.units = {"NL"};
  else if (level == "region") h.units = h5::read_strings(file, "entities/regions/code");
  else throw std::runtime_error("compare: level must be national or region, not '" + level + "'");
  return h;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts(1);
  for (char c : text) {
    if (c == ',') parts.emplace_back();
    else parts.back().push_back(c);
  }
  return parts;
}

std::string number(double v) { return std::isnan(v) ? "NA" : fmt::format("{:.6g}", v); }

}  // namespace

void compare_runs(const std::string& scenario_path, const std::string& counterfactual_path,
                  const CompareOptions& options, std::ostream& out) {
  const h5::Handle a_file = h5::open_file(scenario_path), b_file = h5::open_file(counterfactual_path);
  const RunHeader a = read_header(a_file.id(), scenario_path, options.level);
  const RunHeader b = read_header(b_file.id(), counterfactual_path, options.level);
  if (a.seed != b.seed || a.replicates != b.replicates || a.years != b.years || a.units != b.units)
    throw std::runtime_error(fmt::format(
        "compare: {} and {} are not paired: they must share seed, replicates, years and {}s "
        "(got seed {} / {}, replicates {} / {})",
        scenario_path, counterfactual_path, options.level, a.seed, b.seed, a.replicates, b.replicates));
  const auto n = static_cast<std::size_t>(a.replicates);
  out << "scenario,counterfactual,level,unit,indicator,category,year,scenario_mean,counterfactual_mean,"
         "effect,ci_low,ci_high,replicates\n";
  const std::string group = "indicators/" + options.level;
  const h5::Handle a_group = h5::open_group(a_file.id(), group), b_group = h5::open_group(b_file.id(), group);
  for (const std::string& name : h5::members(a_group.id())) {
    std::vector<hsize_t> shape, b_shape;
    const std::vector<double> x = h5::read_doubles(a_group.id(), name, shape);
    const std::vector<double> y = h5::read_doubles(b_group.id(), name, b_shape);
    if (shape != b_shape) continue;
    const h5::Handle set(H5Dopen2(a_group.id(), name.c_str(), H5P_DEFAULT), H5Dclose, "open " + name);
    const std::vector<std::string> dims = split(h5::read_string_attribute(set.id(), "dimensions"));
    std::vector<std::vector<std::string>> labels;
    for (std::size_t d = 3; d < dims.size(); ++d)
      labels.push_back(h5::read_strings(a_file.id(), "entities/categories/" + dims[d]));
    std::size_t cells = 1;
    for (std::size_t d = 3; d < shape.size(); ++d) cells *= shape[d];
    const std::size_t years = shape[1], units = shape[2];
    for (std::size_t yi = options.all_years ? 0 : years - 1; yi < years; ++yi)
      for (std::size_t u = 0; u < units; ++u)
        for (std::size_t c = 0; c < cells; ++c) {
          std::vector<double> xs(n), ys(n);
          for (std::size_t r = 0; r < n; ++r) {
            const std::size_t k = ((r * years + yi) * units + u) * cells + c;
            xs[r] = x[k], ys[r] = y[k];
          }
          const PairedEffect e = paired_effect(xs, ys);
          std::string category;
          std::size_t rest = c;
          for (std::size_t d = labels.size(); d-- > 0;) {
            category = labels[d][rest % labels[d].size()] + (category.empty() ? "" : "/" + category);
            rest /= labels[d].size();
          }
          out << a.scenario << ',' << b.scenario << ',' << options.level << ',' << a.units[u] << ',' << name << ','
              << category << ',' << a.years[yi] << ',' << number(e.mean_a) << ',' << number(e.mean_b) << ','
              << number(e.effect) << ',' << number(e.low) << ',' << number(e.high) << ',' << e.n << '\n';
        }
  }
}

}  // namespace stosim
