#pragma once
// Paired effects of one scenario against another (common random numbers: the same seed and
// replicate draw the same numbers), for the statistical tests of pathways, money and scenarios.
// An effect counts when its mean lies more than three standard errors of the paired differences
// from zero, in the expected direction.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "run_helpers.hpp"

namespace stosim::testing {

struct PairedDesign {
  int replicates = 10;
  double scale = 0.15;
  std::string seed = "77";
};

// One run per (scenario, overrides), kept for the whole test executable.
inline const RunResult& cached_run(const std::string& scenario, std::vector<Override> overrides,
                                   const PairedDesign& design = {}) {
  static std::map<std::string, RunResult> cache;
  overrides.push_back({"population.scale", std::to_string(design.scale)});
  overrides.push_back({"replicates", std::to_string(design.replicates)});
  overrides.push_back({"seed", design.seed});
  std::string key = scenario;
  for (const Override& o : overrides) key += "|" + o.key + "=" + o.value;
  auto it = cache.find(key);
  if (it == cache.end()) it = cache.emplace(key, run_scenario(load_scenario(scenario, overrides))).first;
  return it->second;
}

struct Arm {
  std::string scenario;
  std::vector<Override> overrides;
};

using Cells = std::vector<std::size_t>;

// National value of an indicator averaged over the last `years` years (or the given year index
// when years is 0 and `year` is set) and summed over the cells (all when empty).
inline double outcome(const IndicatorFrame& f, std::string_view name, const Cells& cells, int years) {
  const std::size_t i = indicator_id(name);
  Cells all(f.cells(i));
  std::iota(all.begin(), all.end(), std::size_t{0});
  const Cells& use = cells.empty() ? all : cells;
  double sum = 0.0;
  for (std::size_t y = f.years() - static_cast<std::size_t>(years); y < f.years(); ++y)
    for (std::size_t c : use) sum += national(f, name, y, c);
  return sum / years;
}

struct Effect {
  double mean, standard_error;
};

inline Effect paired_effect(const Arm& on, const Arm& off, std::string_view indicator,
                            const Cells& cells = {}, int years = 5, const PairedDesign& design = {}) {
  const RunResult& a = cached_run(on.scenario, on.overrides, design);
  const RunResult& b = cached_run(off.scenario, off.overrides, design);
  std::vector<double> d;
  for (int r = 0; r < design.replicates; ++r)
    d.push_back(outcome(a.replicates[r], indicator, cells, years) -
                outcome(b.replicates[r], indicator, cells, years));
  const double mean = std::accumulate(d.begin(), d.end(), 0.0) / design.replicates;
  double ss = 0.0;
  for (double x : d) ss += (x - mean) * (x - mean);
  return {mean, std::sqrt(ss / (design.replicates - 1) / design.replicates)};
}

inline std::string arm_name(const Arm& a) {
  std::string s = a.scenario;
  for (const Override& o : a.overrides) s += " " + o.key + "=" + o.value;
  return s;
}

inline void check_rises(const Arm& on, const Arm& off, std::string_view indicator,
                        const Cells& cells = {}, int years = 5, const PairedDesign& design = {}) {
  const Effect e = paired_effect(on, off, indicator, cells, years, design);
  INFO(arm_name(on) << " vs " << arm_name(off) << ": " << indicator << " effect " << e.mean
                    << " (se " << e.standard_error << ")");
  CHECK(e.mean > 3.0 * e.standard_error);
  CHECK(e.mean > 0.0);
}

inline void check_falls(const Arm& on, const Arm& off, std::string_view indicator,
                        const Cells& cells = {}, int years = 5, const PairedDesign& design = {}) {
  const Effect e = paired_effect(on, off, indicator, cells, years, design);
  INFO(arm_name(on) << " vs " << arm_name(off) << ": " << indicator << " effect " << e.mean
                    << " (se " << e.standard_error << ")");
  CHECK(-e.mean > 3.0 * e.standard_error);
  CHECK(e.mean < 0.0);
}

inline const Cells technical_profiles = {0, 1, 2, 3, 4};  // BWI PIE M&T MaT MVI

}  // namespace stosim::testing
