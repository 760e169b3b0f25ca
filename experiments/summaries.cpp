#include "experiments/summaries.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "experiments/yaml_errors.hpp"

namespace stosim {

namespace {

using sweep_yaml::Errors;

constexpr std::string_view statistic_names[] = {"mean", "sum", "min", "max", "first", "last", "change"};

std::optional<Level> parse_level(const std::string& text) {
  for (int lv = 0; lv < n_levels; ++lv)
    if (level_name(static_cast<Level>(lv)) == text) return static_cast<Level>(lv);
  return std::nullopt;
}

std::optional<std::size_t> find_indicator(const std::string& name) {
  const auto specs = indicator_specs();
  for (std::size_t i = 0; i < specs.size(); ++i)
    if (specs[i].name == name) return i;
  return std::nullopt;
}

// years: 2030, "2026-2030" or [2026, 2030].
std::vector<int> parse_years(const YAML::Node& node, const std::string& key, Errors& e) {
  std::vector<int> years;
  auto add = [&](const YAML::Node& item) {
    if (const auto y = sweep_yaml::whole_number(item)) return years.push_back(static_cast<int>(*y)), true;
    return false;
  };
  if (node.IsSequence()) {
    for (const auto& item : node)
      if (!add(item)) e.add(item, key, fmt::format("expected a year, got {}", sweep_yaml::describe(item)));
  } else if (!add(node)) {
    const std::string text = node.IsScalar() ? node.Scalar() : "";
    const auto dash = text.find('-');
    int from = 0, to = 0;
    if (dash != std::string::npos && std::sscanf(text.c_str(), "%d-%d", &from, &to) == 2 && from <= to) {
      for (int y = from; y <= to; ++y) years.push_back(y);
    } else {
      e.add(node, key, fmt::format("expected a year, a range such as 2026-2030 or a list of years, got {}",
                                   sweep_yaml::describe(node)));
    }
  }
  return years;
}

std::vector<int> parse_category(const YAML::Node& node, const std::string& key, const IndicatorSpec& spec,
                                Errors& e) {
  const BreakdownShape shape = breakdown_shape(spec.breakdown);
  std::vector<int> category(shape.dimension_names.size(), -1);
  if (node && !node.IsMap()) {
    e.add(node, key, "expected a mapping of dimension to category, e.g. {profile: BWI}");
    return category;
  }
  if (node)
    for (const auto& entry : node) {
      const std::string dimension = entry.first.Scalar();
      const auto d = std::find(shape.dimension_names.begin(), shape.dimension_names.end(), dimension);
      if (d == shape.dimension_names.end()) {
        std::string dims;
        for (auto n : shape.dimension_names) dims += (dims.empty() ? "" : ", ") + std::string(n);
        e.add(entry.first, key + "." + dimension,
              fmt::format("{} has no such dimension (it has: {})", spec.name, dims.empty() ? "none" : dims));
        continue;
      }
      const auto& labels = shape.categories[static_cast<std::size_t>(d - shape.dimension_names.begin())];
      const std::string label = entry.second.IsScalar() ? entry.second.Scalar() : "";
      const auto l = std::find(labels.begin(), labels.end(), label);
      if (l == labels.end()) {
        std::string all;
        for (auto n : labels) all += (all.empty() ? "" : "|") + std::string(n);
        e.add(entry.second, key + "." + dimension, fmt::format("'{}' is not one of {}", label, all));
        continue;
      }
      category[static_cast<std::size_t>(d - shape.dimension_names.begin())] = static_cast<int>(l - labels.begin());
    }
  for (std::size_t d = 0; d < category.size(); ++d)
    if (category[d] < 0 && spec.kind != Kind::additive)
      e.add(node ? node : YAML::Node(), key,
            fmt::format("{} is a {} indicator: name its {} (only counts add up over categories)", spec.name,
                        spec.kind == Kind::ratio ? "ratio" : "derived", shape.dimension_names[d]));
  return category;
}

SummarySpec parse_summary(const YAML::Node& node, std::size_t index, Errors& e) {
  const std::string prefix = fmt::format("summaries[{}]", index);
  SummarySpec s;
  if (!node.IsMap()) {
    e.add(node, prefix, "expected a mapping with indicator, level, years, statistic");
    return s;
  }
  static const std::vector<std::string> known = {"name", "indicator", "level", "years", "statistic", "category"};
  for (const auto& entry : node)
    if (std::find(known.begin(), known.end(), entry.first.Scalar()) == known.end())
      e.add(entry.first, prefix + "." + entry.first.Scalar(),
            "unknown key (a summary has name, indicator, level, years, statistic, category)");
  const YAML::Node indicator = node["indicator"];
  const auto id = indicator && indicator.IsScalar() ? find_indicator(indicator.Scalar()) : std::nullopt;
  if (!indicator) {
    e.add(node, prefix + ".indicator", "required (an indicator of docs/OUTPUT.md)");
    return s;
  }
  if (!id) {
    e.add(indicator, prefix + ".indicator",
          fmt::format("{} is not an indicator (docs/OUTPUT.md lists them)", sweep_yaml::describe(indicator)));
    return s;
  }
  s.indicator = *id;
  const IndicatorSpec& spec = indicator_specs()[*id];
  if (const YAML::Node level = node["level"]) {
    const auto parsed = level.IsScalar() ? parse_level(level.Scalar()) : std::nullopt;
    if (!parsed) e.add(level, prefix + ".level", "expected national, region or location");
    else s.level = *parsed;
    if (parsed && static_cast<int>(*parsed) < static_cast<int>(spec.finest))
      e.add(level, prefix + ".level",
            fmt::format("{} is reported from the {} level up", spec.name, level_name(spec.finest)));
  }
  if (const YAML::Node years = node["years"]) s.years = parse_years(years, prefix + ".years", e);
  if (const YAML::Node statistic = node["statistic"]) {
    const auto it = std::find(std::begin(statistic_names), std::end(statistic_names),
                              statistic.IsScalar() ? statistic.Scalar() : "");
    if (it == std::end(statistic_names)) e.add(statistic, prefix + ".statistic", "expected mean|sum|min|max|first|last|change");
    else s.statistic = static_cast<Statistic>(it - std::begin(statistic_names));
  }
  s.category = parse_category(node["category"], prefix + ".category", spec, e);
  if (const YAML::Node name = node["name"]; name && name.IsScalar()) {
    s.name = name.Scalar();
  } else {
    s.name = fmt::format("{}_{}_{}", spec.name, level_name(s.level), statistic_name(s.statistic));
    const BreakdownShape shape = breakdown_shape(spec.breakdown);
    for (std::size_t d = 0; d < s.category.size(); ++d)
      if (s.category[d] >= 0) s.name += "_" + std::string(shape.categories[d][static_cast<std::size_t>(s.category[d])]);
  }
  return s;
}

}  // namespace

std::string_view statistic_name(Statistic statistic) { return statistic_names[static_cast<int>(statistic)]; }

std::string SummarySpec::describe() const {
  const IndicatorSpec& spec = indicator_specs()[indicator];
  const BreakdownShape shape = breakdown_shape(spec.breakdown);
  std::string cell;
  for (std::size_t d = 0; d < category.size(); ++d)
    cell += fmt::format("{}{}={}", cell.empty() ? "[" : ",", shape.dimension_names[d],
                        category[d] < 0 ? "all" : shape.categories[d][static_cast<std::size_t>(category[d])]);
  if (!cell.empty()) cell += "]";
  std::string year_list;
  for (int y : years) year_list += (year_list.empty() ? "" : ",") + std::to_string(y);
  return fmt::format("{} of {}{} ({}) over {}", statistic_name(statistic), spec.name, cell, level_name(level),
                     years.empty() ? "every year" : year_list);
}

std::vector<SummarySpec> parse_summaries(const YAML::Node& list, const std::string& file,
                                         std::vector<std::string>& errors) {
  Errors e{file, {}};
  std::vector<SummarySpec> out;
  if (!list.IsSequence()) {
    e.add(list, "summaries", "expected a list of summaries");
  } else {
    for (std::size_t i = 0; i < list.size(); ++i) out.push_back(parse_summary(list[i], i, e));
    for (std::size_t i = 0; i < out.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (out[i].name == out[j].name)
          e.add(list[i], fmt::format("summaries[{}].name", i), fmt::format("'{}' is used twice", out[i].name));
  }
  errors.insert(errors.end(), e.messages.begin(), e.messages.end());
  return out;
}

std::string check_summary_years(const SummarySpec& summary, int start_year, int end_year) {
  for (int y : summary.years)
    if (y < start_year || y > end_year)
      return fmt::format("year {} is outside the simulated years {}-{}", y, start_year, end_year);
  return {};
}

std::vector<double> summarise(const IndicatorFrame& frame, const SummarySpec& summary, int start_year) {
  const IndicatorSpec& spec = indicator_specs()[summary.indicator];
  const BreakdownShape shape = breakdown_shape(spec.breakdown);
  const std::vector<double>& values = frame.values(summary.indicator, summary.level);
  std::vector<std::size_t> years;
  if (summary.years.empty())
    for (std::size_t y = 0; y < frame.years(); ++y) years.push_back(y);
  for (int y : summary.years) years.push_back(static_cast<std::size_t>(y - start_year));
  std::vector<double> out(frame.units(summary.level));
  for (std::size_t unit = 0; unit < out.size(); ++unit) {
    // The chosen cell of each year (categories left open are added up).
    std::vector<double> series;
    for (std::size_t y : years) {
      double sum = 0.0;
      for (std::size_t cell = 0; cell < shape.cells(); ++cell) {
        std::size_t rest = cell;
        bool chosen = true;
        for (std::size_t d = shape.categories.size(); d-- > 0;) {
          const std::size_t label = rest % shape.categories[d].size();
          rest /= shape.categories[d].size();
          if (summary.category[d] >= 0 && label != static_cast<std::size_t>(summary.category[d])) chosen = false;
        }
        if (chosen) sum += values[frame.at(summary.indicator, summary.level, y, unit, cell)];
      }
      series.push_back(sum);
    }
    double v = std::numeric_limits<double>::quiet_NaN();
    if (!series.empty()) switch (summary.statistic) {
        case Statistic::mean: v = 0; for (double x : series) v += x; v /= static_cast<double>(series.size()); break;
        case Statistic::sum: v = 0; for (double x : series) v += x; break;
        case Statistic::min: v = *std::min_element(series.begin(), series.end()); break;
        case Statistic::max: v = *std::max_element(series.begin(), series.end()); break;
        case Statistic::first: v = series.front(); break;
        case Statistic::last: v = series.back(); break;
        case Statistic::change: v = series.back() - series.front(); break;
      }
    out[unit] = v;
  }
  return out;
}

}  // namespace stosim
