#pragma once
// The logistic function: the probability of a binary choice from its log-odds.
#include <cmath>

namespace stosim {

inline double logistic(double log_odds) {
  return 1.0 / (1.0 + std::exp(-log_odds));
}

}  // namespace stosim
