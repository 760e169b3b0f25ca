#include "experiments/sensitivity.hpp"

#include <fmt/format.h>

#include <cmath>

#include "experiments/model_runs.hpp"
#include "experiments/sensitivity_analysis.hpp"

namespace stosim {

namespace {

std::vector<std::vector<double>> design_points(const std::vector<ParameterRange>& ranges,
                                               const std::vector<double>& unit) {
  const std::size_t k = ranges.size();
  std::vector<std::vector<double>> points;
  for (std::size_t r = 0; r * k < unit.size(); ++r) points.push_back(from_unit(ranges, &unit[r * k]));
  return points;
}

// Mean over replicates of target t at every point.
std::vector<double> output_of(const std::vector<PointValues>& values, std::size_t t, std::size_t targets, int replicates) {
  std::vector<double> y;
  for (const PointValues& v : values) y.push_back(replicate_means(v, targets, replicates)[t]);
  return y;
}

}  // namespace

std::vector<SensitivityRow> run_sensitivity(const Scenario& base, const SensitivityOptions& o) {
  const int k = static_cast<int>(o.parameters.size());
  std::vector<std::string> keys;
  for (const ParameterRange& p : o.parameters) keys.push_back(p.key);
  EvaluationOptions eval;
  eval.replicates = o.replicates;
  eval.progress = o.progress;
  std::vector<SensitivityRow> rows;
  const std::size_t T = o.targets.size();
  if (o.method == "sobol") {
    const SaltelliDesign design = saltelli_design(k, o.samples);
    const auto values = evaluate_points(base, keys, design_points(o.parameters, design.points), o.targets, eval);
    for (std::size_t t = 0; t < T; ++t) {
      const SobolIndices s = sobol_indices(design, output_of(values, t, T, o.replicates), o.resamples, o.confidence, o.seed);
      for (int i = 0; i < k; ++i) {
        const auto p = static_cast<std::size_t>(i);
        const std::string label = o.targets[t].label();
        rows.push_back({label, keys[p], "S1", s.first[p].estimate, s.first[p].low, s.first[p].high});
        rows.push_back({label, keys[p], "ST", s.total[p].estimate, s.total[p].low, s.total[p].high});
      }
    }
  } else {
    const MorrisDesign design = morris_design(k, o.samples, o.levels, o.seed);
    const auto values = evaluate_points(base, keys, design_points(o.parameters, design.points), o.targets, eval);
    for (std::size_t t = 0; t < T; ++t) {
      const MorrisIndices m = morris_indices(design, output_of(values, t, T, o.replicates), o.resamples, o.confidence, o.seed);
      for (int i = 0; i < k; ++i) {
        const auto p = static_cast<std::size_t>(i);
        const std::string label = o.targets[t].label();
        const double nan = std::nan("");
        rows.push_back({label, keys[p], "mu", m.mu[p], nan, nan});
        rows.push_back({label, keys[p], "mu_star", m.mu_star[p].estimate, m.mu_star[p].low, m.mu_star[p].high});
        rows.push_back({label, keys[p], "sigma", m.sigma[p], nan, nan});
      }
    }
  }
  return rows;
}

std::string sensitivity_csv(const std::vector<SensitivityRow>& rows) {
  std::string out = "indicator,level,unit,category,year,parameter,measure,estimate,low,high\n";
  const auto number = [](double x) { return std::isnan(x) ? std::string() : fmt::format("{:.6g}", x); };
  for (const SensitivityRow& r : rows)
    out += fmt::format("{},{},{},{},{},{}\n", r.target, r.parameter, r.measure, number(r.estimate), number(r.low),
                       number(r.high));
  return out;
}

}  // namespace stosim
