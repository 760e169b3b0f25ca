#pragma once
// `stosim compare SWEEP.h5 --scenarios A,B`: effects of scenario A against B over the runs of a
// sweep, paired by design point (runs of A and B whose other design values are equal, e.g. the
// same posterior draw) and by replicate (common random numbers). For every national summary:
// both means, the mean effect, the interval that holds 95 % of the paired differences over
// points and replicates (parameter plus replicate uncertainty for a posterior design), and the
// interval of the points' mean effects alone (parameter uncertainty), as tidy CSV.
#include <ostream>
#include <string>

namespace stosim {

void compare_sweep(const std::string& path, const std::string& scenario, const std::string& counterfactual,
                   std::ostream& out);

}  // namespace stosim
