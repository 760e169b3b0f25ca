#include "output/compare.hpp"

#include <fmt/format.h>

#include <cmath>
#include <sstream>
#include <stdexcept>

#include "output/run_reader.hpp"
#include "output/statistics.hpp"
#include "sim/data_error.hpp"

namespace stosim {

namespace {

std::string number(double v) { return std::isnan(v) ? "NA" : fmt::format("{:.6g}", v); }

std::string category_of(const IndicatorTable& t, std::size_t cell) {
  std::string category;
  std::size_t rest = cell;
  for (std::size_t d = t.labels.size(); d-- > 0;) {
    category = t.labels[d][rest % t.labels[d].size()] + (category.empty() ? "" : "/" + category);
    rest /= t.labels[d].size();
  }
  return category;
}

}  // namespace

void compare_runs(const std::string& scenario_path, const std::string& counterfactual_path,
                  const CompareOptions& options, std::ostream& out) {
  if (options.level != "national" && options.level != "region")
    throw std::runtime_error("compare: level must be national or region, not '" + options.level + "'");
  const RunFile a_run(scenario_path), b_run(counterfactual_path);
  const RunInfo &a = a_run.info(), &b = b_run.info();
  // Each file whole and consistent first, so that a damaged file is named as such.
  a_run.check_all();
  b_run.check_all();
  check_paired(a, b, "compare");
  const std::vector<std::string> names = a_run.indicators(options.level);
  if (b_run.indicators(options.level) != names)
    throw DataError(fmt::format("compare: {} and {} hold different indicators at the {} level (made by "
                                "different versions of stosim?)", a.path, b.path, options.level));
  const auto n = static_cast<std::size_t>(a.replicates);
  // Everything is read and checked before the first line goes out: a refused file writes nothing.
  std::ostringstream text;
  text << "scenario,counterfactual,level,unit,indicator,category,year,scenario_mean,counterfactual_mean,"
         "effect,ci_low,ci_high,replicates\n";
  const std::vector<std::string>& units = a.units(options.level);
  for (const std::string& name : names) {
    const IndicatorTable x = a_run.indicator(options.level, name), y = b_run.indicator(options.level, name);
    if (x.shape != y.shape || x.labels != y.labels)
      throw DataError(fmt::format("compare: /indicators/{}/{} has different categories in {} and {}",
                                  options.level, name, a.path, b.path));
    const std::size_t years = x.shape[1], cells = x.cells();
    for (std::size_t yi = options.all_years ? 0 : years - 1; yi < years; ++yi)
      for (std::size_t u = 0; u < units.size(); ++u)
        for (std::size_t c = 0; c < cells; ++c) {
          std::vector<double> xs(n), ys(n);
          for (std::size_t r = 0; r < n; ++r) xs[r] = x.at(r, yi, u, c), ys[r] = y.at(r, yi, u, c);
          const PairedEffect e = paired_effect(xs, ys);
          text << a.scenario << ',' << b.scenario << ',' << options.level << ',' << units[u] << ',' << name << ','
               << category_of(x, c) << ',' << a.years[yi] << ',' << number(e.mean_a) << ',' << number(e.mean_b) << ','
               << number(e.effect) << ',' << number(e.low) << ',' << number(e.high) << ',' << e.n << '\n';
        }
  }
  out << text.str();
}

}  // namespace stosim
