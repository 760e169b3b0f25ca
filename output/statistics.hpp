#pragma once
// Summaries over replicates, shared by `stosim compare` and `stosim report`. Undefined values
// (NaN: a ratio with a zero denominator) are left out; a summary of no values is NaN.
#include <cstddef>
#include <span>

namespace stosim {

struct ReplicateSummary {
  double mean, low, high;  // mean, lowest and highest replicate
  std::size_t n;           // replicates with a defined value
};
ReplicateSummary summarise_replicates(std::span<const double> values);

// The mean paired difference a - b over replicates (common random numbers) and its 95 %
// confidence interval (Student's t with n - 1 degrees of freedom); the interval is NaN for fewer
// than two pairs. Pairs where either value is undefined are left out.
struct PairedEffect {
  double mean_a, mean_b, effect, low, high;
  std::size_t n;  // pairs with both values defined
};
PairedEffect paired_effect(std::span<const double> a, std::span<const double> b);

}  // namespace stosim
