#pragma once
// `stosim compare SWEEP.h5 --scenarios A,B`: effects of scenario A against B over the runs of a
// sweep, paired by design point (runs of A and B whose other design values are equal, e.g. the
// same posterior draw) and by replicate (common random numbers). For every national summary:
// both means, the mean effect, the interval that holds 95 % of the paired differences over
// points and replicates (parameter plus replicate uncertainty for a posterior design), and the
// interval of the points' mean effects alone (parameter uncertainty), as tidy CSV.
#include <ostream>
#include <string>
#include <vector>

namespace stosim {

struct SweepEffect {
  std::string summary;
  std::size_t points = 0, replicates = 0;
  double scenario_mean = 0, counterfactual_mean = 0, effect = 0;
  double interval_low = 0, interval_high = 0;              // paired differences, points x replicates
  double point_interval_low = 0, point_interval_high = 0;  // the points' mean effects
};

// The effects of every national summary; throws DataError when a scenario has no run or no run
// of one shares a design point with a run of the other.
std::vector<SweepEffect> sweep_effects(const std::string& path, const std::string& scenario,
                                       const std::string& counterfactual);

// The same as tidy CSV.
void compare_sweep(const std::string& path, const std::string& scenario, const std::string& counterfactual,
                   std::ostream& out);

}  // namespace stosim
