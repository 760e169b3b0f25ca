#include "output/compare_sweep.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <span>
#include <vector>

#include "output/statistics.hpp"
#include "output/sweep_reader.hpp"
#include "sim/data_error.hpp"

namespace stosim {

namespace {

// The design point of each run: its values of every varied key except the scenario.
std::vector<std::string> design_points(hid_t file, std::size_t runs) {
  std::vector<std::string> point(runs);
  for (const DesignColumn& c : read_design_columns(file, runs)) {
    if (c.key == "scenario") continue;
    for (std::size_t r = 0; r < runs; ++r)
      point[r] += c.key + "=" + (c.numeric ? fmt::format("{}", c.numbers[r]) : c.text[r]) + ";";
  }
  return point;
}

// Pairs (run of the scenario, run of the counterfactual) at the same design point; the k-th run
// of a point in one scenario goes with the k-th in the other (a point drawn twice pairs twice).
std::vector<std::pair<std::size_t, std::size_t>> paired_runs(const std::vector<std::string>& scenario,
                                                            const std::vector<std::string>& point,
                                                            const std::vector<std::int32_t>& complete,
                                                            const std::string& a, const std::string& b) {
  std::map<std::string, std::vector<std::size_t>> of_a, of_b;
  for (std::size_t r = 0; r < scenario.size(); ++r) {
    if (scenario[r] == a) of_a[point[r]].push_back(r);
    if (scenario[r] == b) of_b[point[r]].push_back(r);
  }
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (const auto& [p, runs] : of_a) {
    const auto other = of_b.find(p);
    if (other == of_b.end()) continue;
    for (std::size_t k = 0; k < std::min(runs.size(), other->second.size()); ++k)
      if (complete[runs[k]] && complete[other->second[k]]) pairs.emplace_back(runs[k], other->second[k]);
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

// Quantile q of the values (linear between order statistics, as R's type 7 and numpy's default).
double quantile(std::vector<double> v, double q) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  const double at = q * static_cast<double>(v.size() - 1);
  const auto low = static_cast<std::size_t>(std::floor(at));
  const std::size_t high = std::min(low + 1, v.size() - 1);
  return v[low] + (at - static_cast<double>(low)) * (v[high] - v[low]);
}

std::string number(double v) { return std::isfinite(v) ? fmt::format("{}", v) : "NA"; }

}  // namespace

std::vector<SweepEffect> sweep_effects(const std::string& path, const std::string& a, const std::string& b) {
  check_result_file(path);  // shapes and checksums of every dataset
  const h5::Handle file = h5::open_file(path);
  const std::vector<std::string> scenario = h5::read_strings(file.id(), "design/scenario");
  const std::vector<std::int32_t> complete = h5::read_ints(file.id(), "design/complete");
  const std::set<std::string> present(scenario.begin(), scenario.end());
  for (const std::string& name : {a, b})
    if (!present.contains(name))
      throw DataError(fmt::format("{}: no run of scenario {} (the sweep has {})", path, name, fmt::join(present, ", ")));
  const auto pairs = paired_runs(scenario, design_points(file.id(), scenario.size()), complete, a, b);
  if (pairs.empty())
    throw DataError(fmt::format("{}: no run of {} shares its design point with a run of {}: nothing to pair "
                                "(vary `scenario` in a grid, or give a posterior design `scenarios`)", path, a, b));
  std::vector<SweepEffect> effects;
  if (!h5::exists(file.id(), "summaries")) return effects;
  const h5::Handle group = h5::open_group(file.id(), "summaries");
  for (const std::string& name : h5::members(group.id())) {
    std::vector<hsize_t> shape;
    const std::vector<double> values = h5::read_doubles(group.id(), name, shape);  // [run, replicate, unit]
    if (shape.size() != 3 || shape[2] != 1) continue;  // national summaries only
    const std::size_t replicates = shape[1];
    std::vector<double> in_a, in_b, differences, point_effects;
    for (const auto& [ra, rb] : pairs) {
      const std::span<const double> a_values(&values[ra * replicates], replicates);
      const std::span<const double> b_values(&values[rb * replicates], replicates);
      in_a.insert(in_a.end(), a_values.begin(), a_values.end());
      in_b.insert(in_b.end(), b_values.begin(), b_values.end());
      for (std::size_t k = 0; k < replicates; ++k)
        if (!std::isnan(a_values[k]) && !std::isnan(b_values[k])) differences.push_back(a_values[k] - b_values[k]);
      if (const PairedEffect point = paired_effect(a_values, b_values); point.n > 0) point_effects.push_back(point.effect);
    }
    const PairedEffect all = paired_effect(in_a, in_b);
    effects.push_back({name, point_effects.size(), replicates, all.mean_a, all.mean_b, all.effect,
                       quantile(differences, 0.025), quantile(differences, 0.975),
                       quantile(point_effects, 0.025), quantile(point_effects, 0.975)});
  }
  return effects;
}

void compare_sweep(const std::string& path, const std::string& a, const std::string& b, std::ostream& out) {
  const std::vector<SweepEffect> effects = sweep_effects(path, a, b);
  out << "summary,scenario,counterfactual,points,replicates,scenario_mean,counterfactual_mean,effect,"
         "interval_low,interval_high,point_interval_low,point_interval_high\n";
  for (const SweepEffect& e : effects)
    out << e.summary << ',' << a << ',' << b << ',' << e.points << ',' << e.replicates << ','
        << number(e.scenario_mean) << ',' << number(e.counterfactual_mean) << ',' << number(e.effect) << ','
        << number(e.interval_low) << ',' << number(e.interval_high) << ','
        << number(e.point_interval_low) << ',' << number(e.point_interval_high) << '\n';
}

}  // namespace stosim
