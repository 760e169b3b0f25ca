#include "experiments/parameter_space.hpp"

#include <fmt/format.h>

#include <cmath>
#include <optional>

namespace stosim {

namespace {

// Finds one key in the declaration and reads, writes or describes it.
class KeyVisitor {
 public:
  enum class Mode { describe, read, write };
  KeyVisitor(std::string key, Mode mode, double value = 0.0) : key_(std::move(key)), mode_(mode), value_(value) {}

  void operator()(double& field, std::string_view name, const ParamInfo& info) { number(field, name, info, false); }
  void operator()(int& field, std::string_view name, const ParamInfo& info) { number(field, name, info, true); }
  void operator()(bool& field, std::string_view name, const ParamInfo&) {
    if (!matches(name)) return;
    range_ = ParameterRange{key_, 0.0, 1.0, true};
    if (mode_ == Mode::read) value_ = field ? 1.0 : 0.0;
    if (mode_ == Mode::write) field = value_ >= 0.5;
  }
  template <class Other>
  void operator()(Other&, std::string_view name, const ParamInfo&) {
    if (matches(name)) problem_ = "is not a number (only numbers, whole numbers and switches can be parameters)";
  }
  template <class Section>
  void section(std::string_view name, Section& s) {
    const std::string saved = prefix_;
    prefix_ = prefix_.empty() ? std::string(name) : prefix_ + "." + std::string(name);
    s.visit(*this);
    prefix_ = saved;
  }

  const std::optional<ParameterRange>& range() const { return range_; }
  const std::string& problem() const { return problem_; }
  double value() const { return value_; }

 private:
  bool matches(std::string_view name) const {
    return (prefix_.empty() ? std::string(name) : prefix_ + "." + std::string(name)) == key_;
  }
  template <class T>
  void number(T& field, std::string_view name, const ParamInfo& info, bool integer) {
    if (!matches(name)) return;
    if (!std::isfinite(info.min) || !std::isfinite(info.max)) {
      problem_ = "has no finite declared range";
      return;
    }
    range_ = ParameterRange{key_, info.min, info.max, integer};
    if (mode_ == Mode::read) value_ = static_cast<double>(field);
    if (mode_ == Mode::write) {
      if (value_ < info.min || value_ > info.max) {
        problem_ = fmt::format("value {} is out of range [{}, {}]", value_, info.min, info.max);
        return;
      }
      field = integer ? static_cast<T>(std::lround(value_)) : static_cast<T>(value_);
    }
  }

  std::string key_, prefix_, problem_;
  Mode mode_;
  double value_;
  std::optional<ParameterRange> range_;
};

// Model keys are written without the "model." prefix in scenario files (sections are flat).
KeyVisitor visit_key(Scenario& scenario, const std::string& key, KeyVisitor::Mode mode, double value = 0.0) {
  KeyVisitor visitor(key, mode, value);
  scenario.visit(visitor);
  if (!visitor.problem().empty()) throw ScenarioError({fmt::format("{}: {}", key, visitor.problem())});
  if (!visitor.range())
    throw ScenarioError({fmt::format("{}: unknown key (`stosim describe --keys` lists the valid keys)", key)});
  return visitor;
}

}  // namespace

ParameterRange declared_range(const std::string& key) {
  Scenario scenario;
  return *visit_key(scenario, key, KeyVisitor::Mode::describe).range();
}

void set_parameter(Scenario& scenario, const std::string& key, double value) {
  visit_key(scenario, key, KeyVisitor::Mode::write, value);
}

double get_parameter(const Scenario& scenario, const std::string& key) {
  Scenario copy = scenario;
  return visit_key(copy, key, KeyVisitor::Mode::read).value();
}

Scenario with_parameters(const Scenario& base, const std::vector<std::string>& keys, const std::vector<double>& values) {
  Scenario s = base;
  for (std::size_t i = 0; i < keys.size(); ++i) set_parameter(s, keys[i], values[i]);
  return s;
}

std::vector<double> from_unit(const std::vector<ParameterRange>& ranges, const double* unit) {
  std::vector<double> x(ranges.size());
  for (std::size_t i = 0; i < ranges.size(); ++i) x[i] = ranges[i].low + unit[i] * (ranges[i].high - ranges[i].low);
  return x;
}

}  // namespace stosim
