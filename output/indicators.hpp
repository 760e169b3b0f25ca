#pragma once
// The output schema, declared once: every indicator with its level, breakdown, unit and meaning.
// The monitor fills the additive measures at their finest level; coarser levels, ratios and
// thresholds are derived here, the HDF5 writer and CSV export follow this table, and
// docs/OUTPUT.md is generated from it.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace stosim {

enum class Level { location, region, national };
inline constexpr int n_levels = 3;
std::string_view level_name(Level level);

// Categorical breakdown of an indicator (at most two dimensions).
enum class Breakdown {
  none,
  profile,
  leerweg,
  profile_leerweg,
  leerweg_sector,
  mbo_origin,
  mbo_level,
  age_band,
  partnership,
  envelope,
  hire_origin
};
struct BreakdownShape {
  std::vector<std::string_view> dimension_names;  // e.g. {"profile", "leerweg"}
  std::vector<std::vector<std::string_view>> categories;
  std::size_t cells() const;
};
BreakdownShape breakdown_shape(Breakdown breakdown);

enum class Kind {
  additive,   // counts or sums: coarser levels add up
  ratio,      // numerator / denominator, each additive (denominator may have no breakdown)
  below,      // 1 when the ratio `numerator` is below `threshold_key`'s value; coarser levels add
  composite,  // mean of the indicators listed (comma-separated) in `numerator`, each in [0, 1]
};
std::string_view kind_name(Kind kind);  // as stored in the `kind` attribute of result files

struct IndicatorSpec {
  std::string_view name;
  Kind kind;
  Level finest;
  Breakdown breakdown;
  std::string_view unit;
  std::string_view description;
  std::string_view numerator = {};    // ratio: additive indicator; below: ratio indicator
  std::string_view denominator = {};  // ratio only
  std::string_view undefined_for = {};  // ratio only: a category whose cells are always NaN
};

std::span<const IndicatorSpec> indicator_specs();
std::size_t indicator_id(std::string_view name);

// Values of every indicator for one replicate: [indicator][level] -> [year][unit][cell].
class IndicatorFrame {
 public:
  IndicatorFrame(int years, std::size_t regions, std::size_t locations);
  std::size_t units(Level level) const;
  std::size_t years() const { return years_; }
  std::vector<double>& values(std::size_t indicator, Level level);
  const std::vector<double>& values(std::size_t indicator, Level level) const;
  std::size_t cells(std::size_t indicator) const;
  // Offset of (year index, unit, cell) in values(indicator, level).
  std::size_t at(std::size_t indicator, Level level, std::size_t year, std::size_t unit,
                 std::size_t cell) const;
  bool reported(std::size_t indicator, Level level) const;

 private:
  std::size_t years_;
  std::size_t units_[n_levels];
  std::vector<std::size_t> cells_;
  std::vector<std::vector<double>> data_;  // indicator * n_levels + level
};

// Derives coarser levels, ratios and thresholds for one year, after the monitor filled the
// finest level of the additive indicators. `region_of_location` maps locations to regions.
void derive_indicators(IndicatorFrame& frame, std::size_t year,
                       std::span<const std::int32_t> region_of_location, double below_threshold);

}  // namespace stosim
