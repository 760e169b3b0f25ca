#include "output/statistics.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace stosim {

namespace {
constexpr double undefined = std::numeric_limits<double>::quiet_NaN();
}

ReplicateSummary summarise_replicates(std::span<const double> values) {
  double sum = 0, low = std::numeric_limits<double>::infinity(), high = -low;
  std::size_t n = 0;
  for (double x : values) {
    if (std::isnan(x)) continue;
    sum += x, ++n, low = std::min(low, x), high = std::max(high, x);
  }
  if (n == 0) return {undefined, undefined, undefined, 0};
  return {sum / static_cast<double>(n), low, high, n};
}

PairedEffect paired_effect(std::span<const double> a, std::span<const double> b) {
  if (a.size() != b.size()) throw std::logic_error("paired_effect: runs of different length");
  double sum_a = 0, sum_b = 0, sum_d = 0;
  std::size_t n = 0;
  for (std::size_t r = 0; r < a.size(); ++r) {
    if (std::isnan(a[r]) || std::isnan(b[r])) continue;
    sum_a += a[r], sum_b += b[r], sum_d += a[r] - b[r], ++n;
  }
  if (n == 0) return {undefined, undefined, undefined, undefined, undefined, 0};
  const auto count = static_cast<double>(n);
  const double mean = sum_d / count;
  PairedEffect e{sum_a / count, sum_b / count, mean, undefined, undefined, n};
  if (n < 2) return e;
  double squares = 0;  // two passes: the differences are small next to the values
  for (std::size_t r = 0; r < a.size(); ++r)
    if (!std::isnan(a[r]) && !std::isnan(b[r])) squares += (a[r] - b[r] - mean) * (a[r] - b[r] - mean);
  const double sd = std::sqrt(squares / (count - 1));
  const double t = boost::math::quantile(boost::math::complement(boost::math::students_t(count - 1), 0.025));
  e.low = mean - t * sd / std::sqrt(count);
  e.high = mean + t * sd / std::sqrt(count);
  return e;
}

}  // namespace stosim
