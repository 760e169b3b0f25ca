#pragma once
// Error collection for the sweep file: every message reads "FILE:LINE: KEY: message", like the
// scenario loader's. Internal to experiments/.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

namespace stosim::sweep_yaml {

struct Errors {
  std::string file;
  std::vector<std::string> messages;

  std::string where(const YAML::Node& node) const { return fmt::format("{}:{}", file, node.Mark().line + 1); }
  void add(const YAML::Node& node, const std::string& key, const std::string& message) {
    messages.push_back(fmt::format("{}: {}: {}", where(node), key, message));
  }
};

inline std::string describe(const YAML::Node& node) {
  if (!node || node.IsNull()) return "nothing";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return fmt::format("'{}'", node.Scalar());
}

std::optional<double> number(const YAML::Node& node);
std::optional<long long> whole_number(const YAML::Node& node);
// The YAML text of a value, as an override's value (scalars as written, lists in flow style).
std::string value_text(const YAML::Node& node);

}  // namespace stosim::sweep_yaml
