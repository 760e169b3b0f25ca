#include "experiments/moments.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <utility>

#include "sim/csv_reader.hpp"
#include "sim/data_error.hpp"

namespace stosim {

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : text) {
    if (c == separator) parts.push_back(std::exchange(current, {}));
    else current += c;
  }
  parts.push_back(current);
  for (auto& p : parts) {
    while (!p.empty() && std::isspace(static_cast<unsigned char>(p.back()))) p.pop_back();
    while (!p.empty() && std::isspace(static_cast<unsigned char>(p.front()))) p.erase(p.begin());
  }
  return parts;
}

std::string list(const std::vector<std::string_view>& items) {
  std::string out;
  for (auto item : items) out += (out.empty() ? "" : ", ") + std::string(item);
  return out;
}

std::size_t find_cell(const IndicatorSpec& spec, const std::string& category, const std::string& where) {
  const BreakdownShape shape = breakdown_shape(spec.breakdown);
  if (shape.categories.empty()) {
    if (category.empty()) return 0;
    throw DataError(fmt::format("{}: category: {} has no categories, got '{}'", where, spec.name, category));
  }
  const std::vector<std::string> parts = split(category, '/');
  if (parts.size() != shape.categories.size())
    throw DataError(fmt::format("{}: category: {} is broken down by {}; write one {} separated by '/', got '{}'",
                                where, spec.name, list(shape.dimension_names), list(shape.dimension_names), category));
  std::size_t cell = 0;
  for (std::size_t d = 0; d < parts.size(); ++d) {
    const auto& options = shape.categories[d];
    const auto it = std::find(options.begin(), options.end(), parts[d]);
    if (it == options.end())
      throw DataError(fmt::format("{}: category: '{}' is not a {} of {} (one of {})", where, parts[d],
                                  shape.dimension_names[d], spec.name, list(options)));
    cell = cell * options.size() + static_cast<std::size_t>(it - options.begin());
  }
  return cell;
}

double number(const std::string& text, const std::string& where, const std::string& column) {
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    throw DataError(fmt::format("{}: {}: expected a number, got '{}'", where, column, text));
  return value;
}

}  // namespace

std::string OutputTarget::label() const {
  const IndicatorSpec& spec = indicator_specs()[indicator];
  const BreakdownShape shape = breakdown_shape(spec.breakdown);
  std::string category;
  std::size_t rest = cell;
  for (std::size_t d = shape.categories.size(); d-- > 0;) {
    const auto& options = shape.categories[d];
    category = std::string(options[rest % options.size()]) + (category.empty() ? "" : "/" + category);
    rest /= options.size();
  }
  return fmt::format("{},{},{},{},{}", spec.name, level_name(level), unit, category, year);
}

OutputTarget make_target(const std::string& indicator, const std::string& level, const std::string& unit,
                         const std::string& category, const std::string& year, const std::string& where) {
  OutputTarget t;
  const auto specs = indicator_specs();
  const auto it = std::find_if(specs.begin(), specs.end(), [&](const IndicatorSpec& s) { return s.name == indicator; });
  if (it == specs.end())
    throw DataError(fmt::format("{}: indicator: '{}' has no model counterpart (docs/OUTPUT.md lists the model's "
                                "indicators)", where, indicator));
  t.indicator = static_cast<std::size_t>(it - specs.begin());
  if (level == "national") t.level = Level::national;
  else if (level == "region") t.level = Level::region;
  else if (level == "location") t.level = Level::location;
  else throw DataError(fmt::format("{}: level: expected national, region or location, got '{}'", where, level));
  if (static_cast<int>(t.level) < static_cast<int>(it->finest))
    throw DataError(fmt::format("{}: level: {} is reported at {} level and above, not per {}", where, indicator,
                                level_name(it->finest), level));
  t.unit = unit == "NL" ? "" : unit;
  if (t.level == Level::national && !t.unit.empty())
    throw DataError(fmt::format("{}: unit: national figures have no unit, got '{}'", where, unit));
  if (t.level != Level::national && t.unit.empty())
    throw DataError(fmt::format("{}: unit: a {} figure needs the {} code", where, level, level));
  t.cell = find_cell(*it, category, where);
  const double y = number(year, where, "year");
  if (std::floor(y) != y || y < 1990 || y > 2100)
    throw DataError(fmt::format("{}: year: expected a school year by its end (2020 = 2019/20), got '{}'", where, year));
  t.year = static_cast<int>(y);
  return t;
}

OutputTarget parse_target(const std::string& text, const std::string& where) {
  const std::vector<std::string> parts = split(text, ',');
  if (parts.size() != 5)
    throw DataError(fmt::format("{}: expected indicator,level,unit,category,year, got '{}'", where, text));
  return make_target(parts[0], parts[1], parts[2], parts[3], parts[4], where);
}

std::vector<ObservedMoment> parse_observed(const std::string& text, const std::string& file) {
  const CsvTable table = parse_csv(text, file);
  const std::size_t c_indicator = table.column({"indicator"}), c_level = table.column({"level"});
  const std::size_t c_unit = table.column({"unit"}), c_category = table.column({"category"});
  const std::size_t c_year = table.column({"year"}), c_value = table.column({"value"});
  const std::size_t c_se = table.column({"standard_error", "se"});
  const auto c_source = table.find_column({"source"});
  std::vector<ObservedMoment> out;
  std::vector<std::string> errors;
  for (std::size_t r = 0; r < table.size(); ++r) {
    const auto& row = table.rows[r];
    const std::string where = fmt::format("{}:{}", file, table.line[r]);
    const auto cell = [&](std::size_t c) { return c < row.size() ? row[c] : std::string(); };
    try {
      ObservedMoment m;
      m.target = make_target(cell(c_indicator), cell(c_level), cell(c_unit), cell(c_category), cell(c_year), where);
      m.value = number(cell(c_value), where, "value");
      m.standard_error = number(cell(c_se), where, "standard_error");
      if (m.standard_error <= 0)
        throw DataError(fmt::format("{}: standard_error: must be positive (it weights the moment), got {}", where,
                                    m.standard_error));
      if (c_source) m.source = cell(*c_source);
      m.where = where;
      out.push_back(std::move(m));
    } catch (const DataError& e) {
      errors.insert(errors.end(), e.messages().begin(), e.messages().end());
    }
  }
  if (!errors.empty()) throw DataError(errors);
  if (out.empty()) throw DataError(fmt::format("{}: no observed moments", file));
  return out;
}

std::vector<ObservedMoment> read_observed(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(fmt::format("{}: cannot read the observed moments", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_observed(buffer.str(), path);
}

std::size_t resolve_unit(const OutputTarget& t, const World& world, const std::string& where) {
  if (t.level == Level::national) return 0;
  const std::vector<std::string>& codes = t.level == Level::region ? world.regions.code : world.locations.code;
  const auto it = std::find(codes.begin(), codes.end(), t.unit);
  if (it != codes.end()) return static_cast<std::size_t>(it - codes.begin());
  if (t.level == Level::region) {
    const auto named = std::find(world.regions.name.begin(), world.regions.name.end(), t.unit);
    if (named != world.regions.name.end()) return static_cast<std::size_t>(named - world.regions.name.begin());
  }
  throw DataError(fmt::format("{}: unit: no {} '{}' in the scenario's population", where, level_name(t.level), t.unit));
}

double model_value(const OutputTarget& t, std::size_t unit, const IndicatorFrame& frame, int start_year) {
  const int y = t.year - start_year;
  if (y < 0 || static_cast<std::size_t>(y) >= frame.years()) return std::nan("");
  return frame.values(t.indicator, t.level)[frame.at(t.indicator, t.level, static_cast<std::size_t>(y), unit, t.cell)];
}

double model_mean(const OutputTarget& t, std::size_t unit, const std::vector<IndicatorFrame>& frames, int start_year) {
  double sum = 0.0;
  for (const IndicatorFrame& f : frames) sum += model_value(t, unit, f, start_year);
  return sum / static_cast<double>(frames.size());
}

}  // namespace stosim
