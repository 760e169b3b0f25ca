#include "experiments/calibrate.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "experiments/model_runs.hpp"
#include "sim/atomic_write.hpp"
#include "sim/data_error.hpp"
#include "run/simulation.hpp"

namespace stosim {

namespace {

// Root mean square of the standardised differences: the distance of both estimators.
double mean_square(const std::vector<double>& simulated, const std::vector<ObservedMoment>& moments) {
  double q = 0.0;
  for (std::size_t m = 0; m < moments.size(); ++m) {
    const double z = (simulated[m] - moments[m].value) / moments[m].standard_error;
    q += z * z;
  }
  return std::isfinite(q) ? q / static_cast<double>(moments.size()) : 1e300;
}

// Replicates of ABC proposal `draw`: a block of its own, far from the replicates of runs.
int first_replicate_of(std::uint64_t draw, int replicates) {
  const std::uint64_t mixed = (draw + 1) * 0x9E3779B97F4A7C15ULL;
  return 1'000'000 + static_cast<int>((mixed >> 33) % 1'000'000) * replicates;
}

std::string fit_table(const CalibrationProblem& p, const std::vector<double>& simulated) {
  std::string out = fmt::format("{:<58} {:>12} {:>10} {:>12} {:>7}\n", "moment (observed file:line)", "observed",
                                "se", "simulated", "z");
  for (std::size_t m = 0; m < p.moments.size(); ++m) {
    const ObservedMoment& o = p.moments[m];
    out += fmt::format("{:<58} {:>12.5g} {:>10.3g} {:>12.5g} {:>7.2f}\n", o.target.label() + " (" + o.where + ")",
                       o.value, o.standard_error, simulated[m], (simulated[m] - o.value) / o.standard_error);
  }
  return out;
}

void write_calibrated_scenario(const CalibrationSpec& spec, const CalibrationProblem& p, const std::vector<double>& x,
                               const std::string& how) {
  YAML::Node root;
  root["extends"] = spec.scenario;
  root["name"] = std::filesystem::path(spec.calibrated_scenario).stem().string();
  root["description"] = fmt::format("{} calibrated by {} ({})", p.base.name, how, spec.file);
  for (std::size_t i = 0; i < p.keys.size(); ++i) {
    const std::string& key = p.keys[i];
    const auto dot = key.rfind('.');
    if (dot == std::string::npos) root[key] = x[i];
    else root[key.substr(0, dot)][key.substr(dot + 1)] = x[i];
  }
  YAML::Emitter out;
  out << root;
  std::ostringstream file;
  file << "# Written by `stosim calibrate " << spec.file << "`: do not edit by hand, rerun it.\n";
  for (const Override& o : spec.overrides)
    file << "# calibrated with " << o.key << " = " << o.value << " (not carried over)\n";
  file << out.c_str() << "\n";
  write_text_atomically(spec.calibrated_scenario, file.str());
}

CalibrationOutcome run_smm(const CalibrationSpec& spec, const CalibrationProblem& p,
                           const std::function<void(const std::string&)>& progress) {
  SmmProblem problem;
  problem.parameters = p.ranges;
  for (const CalibrationParameter& c : spec.parameters) problem.start.push_back(c.start);
  for (const ObservedMoment& m : p.moments) problem.observed.push_back(m.value), problem.standard_error.push_back(m.standard_error);
  problem.simulate = [&](const std::vector<double>& theta) {
    return simulate_moments(p, theta, spec.replicates, spec.first_replicate);
  };
  SmmOptions options = spec.smm;
  options.progress = [&](int n, double q, const std::vector<double>& theta) {
    if (!progress) return;
    std::string line = fmt::format("smm: evaluation {} objective {:.4g} at", n, q);
    for (std::size_t i = 0; i < theta.size(); ++i) line += fmt::format(" {}={:.5g}", p.keys[i], theta[i]);
    progress(line);
  };
  const SmmResult r = estimate_smm(problem, options);
  CalibrationOutcome out{fmt::format("SMM ({}, {} evaluations, {} replicates each, status {}): objective {:.4g} over {} "
                                     "moments\n{:<48} {:>12} {:>12} {:>12} {:>12}\n",
                                     options.algorithm, r.evaluations, spec.replicates, r.status, r.objective,
                                     p.moments.size(), "parameter", "estimate", "se", "low95", "high95"),
                         r.estimate, r.standard_error, {}, {}};
  std::string csv = "parameter,estimate,standard_error,low95,high95,bound_low,bound_high\n";
  for (std::size_t i = 0; i < p.keys.size(); ++i) {
    const double lo = r.estimate[i] - 1.96 * r.standard_error[i], hi = r.estimate[i] + 1.96 * r.standard_error[i];
    out.report += fmt::format("{:<48} {:>12.5g} {:>12.4g} {:>12.5g} {:>12.5g}\n", p.keys[i], r.estimate[i],
                              r.standard_error[i], lo, hi);
    csv += fmt::format("{},{:.8g},{:.6g},{:.8g},{:.8g},{},{}\n", p.keys[i], r.estimate[i], r.standard_error[i], lo, hi,
                       p.ranges[i].low, p.ranges[i].high);
  }
  out.report += "\nFit at the estimate:\n" + fit_table(p, r.simulated);
  write_text_atomically(spec.output, csv);
  if (!spec.calibrated_scenario.empty()) write_calibrated_scenario(spec, p, r.estimate, "SMM");
  return out;
}

CalibrationOutcome run_abc(const CalibrationSpec& spec, const CalibrationProblem& p,
                           const std::function<void(const std::string&)>& progress) {
  AbcProblem problem;
  problem.parameters = p.ranges;
  problem.distances = [&](const std::vector<std::vector<double>>& thetas, const std::vector<std::uint64_t>& draws) {
    EvaluationOptions eval;
    eval.replicates = spec.replicates;
    for (std::uint64_t d : draws) eval.first_replicates.push_back(first_replicate_of(d, spec.replicates));
    std::vector<OutputTarget> targets;
    for (const ObservedMoment& m : p.moments) targets.push_back(m.target);
    const std::vector<PointValues> values = evaluate_points(p.base, p.keys, thetas, targets, eval);
    std::vector<double> d;
    for (const PointValues& v : values)
      d.push_back(std::sqrt(mean_square(replicate_means(v, targets.size(), spec.replicates), p.moments)));
    return d;
  };
  AbcOptions options = spec.abc;
  options.progress = [&](int t, double tolerance, int simulations, double acceptance) {
    if (progress)
      progress(fmt::format("abc: generation {} done: tolerance {:.4g}, {} simulations, acceptance {:.3f}; saved in {}", t,
                           tolerance, simulations, acceptance, spec.output));
  };
  const AbcResult r = run_abc_smc(problem, options);
  const AbcGeneration& last = r.generations.back();
  const std::size_t k = p.keys.size();
  int simulations = 0;
  for (const AbcGeneration& g : r.generations) simulations += g.simulations;
  CalibrationOutcome out{fmt::format("ABC-SMC ({} particles, {} generations, {} simulations of {} replicates; final "
                                     "tolerance {:.4g}){}\nposterior in {}\n{:<48} {:>11} {:>11} {:>11} {:>11} {:>11}\n",
                                     spec.abc.particles, r.generations.size(), simulations, spec.replicates,
                                     last.tolerance,
                                     r.stopped.empty() ? "" : "; stopped early: " + r.stopped, spec.output, "parameter",
                                     "mean", "sd", "q05", "median", "q95"),
                         {}, {}, {}, {}};
  for (std::size_t i = 0; i < k; ++i) {
    const PosteriorSummary s = summarise(last, i, k);
    out.q05.push_back(s.q05);
    out.q95.push_back(s.q95);
    const double median = p.ranges[i].integer ? std::round(s.q50) : s.q50;
    out.report += fmt::format("{:<48} {:>11.5g} {:>11.4g} {:>11.5g} {:>11.5g} {:>11.5g}\n", p.keys[i], s.mean, s.sd,
                              s.q05, s.q50, s.q95);
    out.estimate.push_back(median);
  }
  out.report += "\nFit at the posterior medians:\n" +
                fit_table(p, [&] {
                  const SimulatedMoments s = simulate_moments(p, out.estimate, spec.replicates, spec.first_replicate);
                  std::vector<double> m(p.moments.size(), 0.0);
                  for (std::size_t i = 0; i < m.size(); ++i)
                    for (int rep = 0; rep < s.replicates; ++rep)
                      m[i] += s.values[i * static_cast<std::size_t>(s.replicates) + static_cast<std::size_t>(rep)] / s.replicates;
                  return m;
                }());
  if (!spec.calibrated_scenario.empty()) write_calibrated_scenario(spec, p, out.estimate, "ABC-SMC posterior medians");
  return out;
}

}  // namespace

CalibrationProblem prepare_calibration(const CalibrationSpec& spec) {
  CalibrationProblem p;
  p.base = load_scenario(spec.scenario, spec.overrides);
  std::vector<std::string> errors;
  for (const std::string& file : spec.observed) {
    for (ObservedMoment m : read_observed(file)) {
      const std::string_view name = indicator_specs()[m.target.indicator].name;
      const bool chosen = spec.indicators.empty() ||
                          std::find(spec.indicators.begin(), spec.indicators.end(), name) != spec.indicators.end();
      if (!chosen || m.target.year < spec.first_year || m.target.year > spec.last_year) continue;
      m.target.year += spec.year_shift;
      if (m.target.year < p.base.start_year || m.target.year > p.base.end_year)
        errors.push_back(fmt::format("{}: year: {} (model year {}) is outside the scenario's years {}-{}", m.where,
                                     m.target.year - spec.year_shift, m.target.year, p.base.start_year, p.base.end_year));
      p.moments.push_back(std::move(m));
    }
  }
  if (p.moments.empty()) errors.push_back(fmt::format("{}: no observed moments selected", spec.file));
  if (!errors.empty()) throw DataError(errors);
  const World initial = build_initial_world(p.base);
  for (const ObservedMoment& m : p.moments) resolve_unit(m.target, initial, m.where);
  for (const CalibrationParameter& c : spec.parameters) p.keys.push_back(c.range.key), p.ranges.push_back(c.range);
  return p;
}

SimulatedMoments simulate_moments(const CalibrationProblem& p, const std::vector<double>& theta, int replicates,
                                  int first_replicate) {
  EvaluationOptions eval;
  eval.replicates = replicates;
  eval.first_replicate = first_replicate;
  std::vector<OutputTarget> targets;
  for (const ObservedMoment& m : p.moments) targets.push_back(m.target);
  return SimulatedMoments{evaluate_points(p.base, p.keys, {theta}, targets, eval)[0], replicates};
}

CalibrationOutcome run_calibration(const CalibrationSpec& given, const std::function<void(const std::string&)>& progress) {
  CalibrationSpec spec = given;
  CalibrationOutcome out;
  with_threads(spec.threads, [&] {
    const CalibrationProblem p = prepare_calibration(spec);
    for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
      CalibrationParameter& c = spec.parameters[i];
      if (std::isnan(c.start)) c.start = std::clamp(get_parameter(p.base, c.range.key), c.range.low, c.range.high);
    }
    if (progress)
      progress(fmt::format("calibrate: {} parameters, {} moments, scenario {} ({}-{})", p.keys.size(), p.moments.size(),
                           p.base.name, p.base.start_year, p.base.end_year));
    out = spec.method == "smm" ? run_smm(spec, p, progress) : run_abc(spec, p, progress);
  });
  return out;
}

}  // namespace stosim
