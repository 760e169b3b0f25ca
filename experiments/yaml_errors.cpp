#include "experiments/yaml_errors.hpp"

#include <charconv>
#include <cmath>

namespace stosim::sweep_yaml {

std::optional<double> number(const YAML::Node& node) {
  if (!node || !node.IsScalar()) return std::nullopt;
  const std::string& text = node.Scalar();
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<long long> whole_number(const YAML::Node& node) {
  const auto value = number(node);
  if (!value || std::floor(*value) != *value || std::abs(*value) > 9e15) return std::nullopt;
  return static_cast<long long>(*value);
}

std::string value_text(const YAML::Node& node) {
  if (node.IsScalar()) return node.Scalar();
  YAML::Emitter out;
  out << YAML::Flow << node;
  return out.c_str();
}

}  // namespace stosim::sweep_yaml
