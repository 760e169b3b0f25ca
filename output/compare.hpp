#pragma once
// `stosim compare SCENARIO.h5 COUNTERFACTUAL.h5`: effects of a scenario against a counterfactual,
// paired by replicate (both runs must share seed, replicates and years, so replicate r of each
// drew the same random numbers for the same agents: common random numbers). For every national
// indicator cell and year: the mean in each run, the mean paired difference and its 95 %
// confidence interval (Student's t over replicates), as tidy CSV.
#include <ostream>
#include <string>

namespace stosim {

struct CompareOptions {
  bool all_years = false;  // otherwise the last year only
  std::string level = "national";
};

void compare_runs(const std::string& scenario_path, const std::string& counterfactual_path,
                  const CompareOptions& options, std::ostream& out);

}  // namespace stosim
