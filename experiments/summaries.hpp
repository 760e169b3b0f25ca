#pragma once
// Per-run summaries chosen in a sweep file: one number per replicate and spatial unit, e.g. the
// mean over 2028-2030 of the national technical share of the bovenbouw. Small enough to keep for
// 10,000 runs when the full indicators are not.
#include <string>
#include <vector>

#include "output/indicators.hpp"

namespace YAML { class Node; }

namespace stosim {

enum class Statistic { mean, sum, min, max, first, last, change };

struct SummarySpec {
  std::string name;
  std::size_t indicator = 0;
  Level level = Level::national;
  std::vector<int> years;  // empty: every simulated year
  Statistic statistic = Statistic::mean;
  // Per breakdown dimension: the category's index, or -1 to add the categories up (additive).
  std::vector<int> category;

  std::string describe() const;  // e.g. "mean of students[profile=BWI] (national) over 2028,2030"
};

std::string_view statistic_name(Statistic statistic);

// Reads the `summaries` list of a sweep file, appending "FILE:LINE: KEY: message" problems.
std::vector<SummarySpec> parse_summaries(const YAML::Node& list, const std::string& file,
                                         std::vector<std::string>& errors);
// Checks the years against a run's simulated years; returns a problem or an empty string.
std::string check_summary_years(const SummarySpec& summary, int start_year, int end_year);

// The summary of one replicate: one value per unit of the summary's level.
std::vector<double> summarise(const IndicatorFrame& frame, const SummarySpec& summary, int start_year);

}  // namespace stosim
