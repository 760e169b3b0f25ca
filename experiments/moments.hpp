#pragma once
// Observed moments: one CSV row per observed figure, each mapped to a model indicator
// (output/indicators.hpp) at a level, unit, category and school year (docs/CALIBRATION.md):
//
//   indicator,level,unit,category,year,value,standard_error,source
//   technical_share_year3,national,,BB,2020,0.224,0.0029,DUO 1 Oct 2019
//
// A row whose indicator, level, category or unit has no model counterpart is a DataError naming
// the file and line.
#include <string>
#include <vector>

#include "output/indicators.hpp"
#include "sim/world.hpp"

namespace stosim {

// Where in the model output a figure lies; also the form of --target in `stosim sensitivity`.
struct OutputTarget {
  std::size_t indicator = 0;
  Level level = Level::national;
  std::string unit;  // "" nationally; a region or location code
  std::size_t cell = 0;
  int year = 0;      // school year by its end: 2020 = 2019/20
  std::string label() const;  // "indicator,level,unit,category,year"
};

struct ObservedMoment {
  OutputTarget target;
  double value = 0.0, standard_error = 0.0;
  std::string source;
  std::string where;  // "FILE:LINE"
};

// Parses "indicator,level,unit,category,year"; `where` prefixes error messages.
OutputTarget parse_target(const std::string& text, const std::string& where);
OutputTarget make_target(const std::string& indicator, const std::string& level, const std::string& unit,
                         const std::string& category, const std::string& year, const std::string& where);

std::vector<ObservedMoment> read_observed(const std::string& path);
std::vector<ObservedMoment> parse_observed(const std::string& text, const std::string& file);

// The model value of a target in one replicate. `unit_index` is the target's unit in the world
// (resolve_unit); NaN when the year is outside the run.
std::size_t resolve_unit(const OutputTarget& target, const World& world, const std::string& where);
double model_value(const OutputTarget& target, std::size_t unit_index, const IndicatorFrame& frame,
                   int start_year);
// Mean over replicates.
double model_mean(const OutputTarget& target, std::size_t unit_index, const std::vector<IndicatorFrame>& frames,
                  int start_year);

}  // namespace stosim
