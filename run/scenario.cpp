#include "run/scenario.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <numeric>
#include <sstream>
#include <utility>

#include "run/scenario_limits.hpp"

namespace stosim {

namespace fs = std::filesystem;

namespace {

// The first max_error_messages messages, then how many more there were.
std::vector<std::string> capped(std::vector<std::string> messages) {
  if (messages.size() <= max_error_messages) return messages;
  const std::size_t more = messages.size() - max_error_messages;
  messages.resize(max_error_messages);
  messages.push_back(fmt::format("... and {} more problems", more));
  return messages;
}

}  // namespace

ScenarioError::ScenarioError(std::vector<std::string> messages)
    : std::runtime_error(messages.empty() ? "invalid scenario" : messages.front()),
      messages_(capped(std::move(messages))) {}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

namespace {

// One leaf value of a scenario file, with where it was written.
struct Setting {
  YAML::Node value;
  std::string where;  // "FILE:LINE" or "command line"
};
using Settings = std::map<std::string, Setting>;

// Puts a setting in place of any earlier one under its key. Not `settings[key] = setting`:
// assigning one YAML::Node to another rewrites the node the first refers to (yaml-cpp's reference
// semantics), and a run's settings are a copy of its scenario template's, sharing their nodes. A
// sweep's override then changed the template itself, for the runs after it, from every thread at
// once (a data race that corrupted the heap in sweeps of thousands of runs).
void put(Settings& settings, const std::string& key, Setting setting) {
  settings.erase(key);
  settings.emplace(key, std::move(setting));
}

std::string location_of(const std::string& file, const YAML::Mark& mark) {
  return fmt::format("{}:{}", file, mark.line + 1);
}

std::string join(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

// ---------------------------------------------------------------- reading files (extends)

void flatten(const YAML::Node& map, const std::string& prefix, const std::string& file,
             Settings& out, std::vector<std::string>& errors) {
  std::map<std::string, int> seen;  // key -> line
  for (const auto& entry : map) {
    const YAML::Node& key_node = entry.first;
    const std::string where = location_of(file, key_node.Mark());
    if (!key_node.IsScalar()) {
      errors.push_back(fmt::format("{}: {}: keys must be plain names", where, prefix));
      continue;
    }
    const std::string key = join(prefix, key_node.Scalar());
    if (const auto [first, added] = seen.emplace(key_node.Scalar(), key_node.Mark().line + 1); !added) {
      errors.push_back(fmt::format("{}: {}: duplicate key (first on line {})", where, key, first->second));
      continue;
    }
    if (prefix.empty() && key == "extends") continue;
    if (entry.second.IsMap()) {
      flatten(entry.second, key, file, out, errors);
    } else {
      put(out, key, Setting{entry.second, where});
    }
  }
}

fs::path resolve_parent(const fs::path& child, const std::string& name) {
  const fs::path dir = child.parent_path();
  const fs::path direct = dir / name;
  std::error_code error;
  if (fs::exists(direct, error)) return direct;  // a directory too: reading it says so
  const fs::path with_extension = dir / (name + ".yaml");
  if (fs::exists(with_extension, error)) return with_extension;
  return fs::path(find_scenario_file(name));
}

void read_scenario_file(const fs::path& path, std::vector<fs::path>& chain, Settings& out,
                        std::vector<std::string>& errors) {
  const std::string file = path.string();
  chain.push_back(fs::weakly_canonical(path));
  const std::optional<std::string> text = read_scenario_text(file, errors);
  if (!text) return;
  YAML::Node root;
  try {
    root = YAML::Load(*text);
  } catch (const YAML::Exception& e) {
    errors.push_back(fmt::format("{}: (syntax): {}", location_of(file, e.mark), e.msg));
    return;
  }
  if (root.IsNull()) {
    errors.push_back(fmt::format("{}:1: (top level): the scenario is empty (only comments or nothing); a "
                                 "scenario sets at least one key, e.g. `name:` or `extends:`", file));
    return;
  }
  if (!root.IsMap()) {
    errors.push_back(fmt::format("{}: (top level): a scenario must be a mapping of keys to values",
                                 location_of(file, root.Mark())));
    return;
  }
  if (const YAML::Node parent = root["extends"]) {
    if (!parent.IsScalar()) {
      errors.push_back(fmt::format("{}: extends: expected the name or path of a scenario",
                                   location_of(file, parent.Mark())));
    } else {
      try {
        const fs::path parent_path = resolve_parent(path, parent.Scalar());
        if (std::find(chain.begin(), chain.end(), fs::weakly_canonical(parent_path)) != chain.end())
          errors.push_back(fmt::format("{}: extends: '{}' is already in the chain of extended "
                                       "scenarios (a cycle)",
                                       location_of(file, parent.Mark()), parent.Scalar()));
        else
          read_scenario_file(parent_path, chain, out, errors);
      } catch (const ScenarioError& e) {
        errors.push_back(fmt::format("{}: extends: {}", location_of(file, parent.Mark()), e.what()));
      }
    }
  }
  flatten(root, "", file, out, errors);
}

// ---------------------------------------------------------------- converting values

std::string describe_node(const YAML::Node& node) {
  if (!node || node.IsNull()) return "nothing";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return fmt::format("'{}'", node.Scalar());
}

std::optional<double> parse_number(const YAML::Node& node) {
  if (!node.IsScalar()) return std::nullopt;
  const std::string& text = node.Scalar();
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::string number_text(double value) {
  if (std::abs(value) < 1e15 && std::floor(value) == value)
    return fmt::format("{}", static_cast<long long>(value));
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

std::string range_text(const ParamInfo& info) {
  const bool has_min = std::isfinite(info.min), has_max = std::isfinite(info.max);
  if (has_min && has_max) return fmt::format("[{}, {}]", number_text(info.min), number_text(info.max));
  if (has_min) return fmt::format(">= {}", number_text(info.min));
  if (has_max) return fmt::format("<= {}", number_text(info.max));
  return "any number";
}

std::vector<std::string> split_choices(std::string_view choices) {
  std::vector<std::string> out;
  std::string current;
  for (char c : choices) {
    if (c == '|') out.push_back(std::exchange(current, {}));
    else current += c;
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

// Converts a node into a field's type, or returns an explanation of what is wrong.
std::optional<std::string> convert(const YAML::Node& node, const ParamInfo& info, double& out) {
  const auto value = parse_number(node);
  if (!value) return fmt::format("expected a number, got {}", describe_node(node));
  if (*value < info.min || *value > info.max)
    return fmt::format("value {} is out of range {}", node.Scalar(), range_text(info));
  out = *value;
  return std::nullopt;
}

template <class Integer>
std::optional<std::string> convert_integer(const YAML::Node& node, const ParamInfo& info, Integer& out) {
  const auto value = parse_number(node);
  if (!value || std::floor(*value) != *value)
    return fmt::format("expected a whole number, got {}", describe_node(node));
  if (*value < info.min || *value > info.max || *value < double(std::numeric_limits<Integer>::min()) ||
      *value > double(std::numeric_limits<Integer>::max()))
    return fmt::format("value {} is out of range {}", node.Scalar(), range_text(info));
  out = static_cast<Integer>(*value);
  return std::nullopt;
}

std::optional<std::string> convert(const YAML::Node& node, const ParamInfo& info, int& out) {
  return convert_integer(node, info, out);
}
// Exact: a seed such as 9007199254740993 must not pass through a double.
std::optional<std::string> convert(const YAML::Node& node, const ParamInfo& info, std::uint64_t& out) {
  const std::string text = node.IsScalar() ? node.Scalar() : std::string();
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size())
    return fmt::format("expected a whole number from 0 to {}, got {}", std::numeric_limits<std::uint64_t>::max(),
                       describe_node(node));
  if (static_cast<double>(value) < info.min || static_cast<double>(value) > info.max)
    return fmt::format("value {} is out of range {}", text, range_text(info));
  out = value;
  return std::nullopt;
}

std::optional<std::string> convert(const YAML::Node& node, const ParamInfo&, bool& out) {
  if (node.IsScalar() && (node.Scalar() == "true" || node.Scalar() == "false")) {
    out = node.Scalar() == "true";
    return std::nullopt;
  }
  return fmt::format("expected true or false, got {}", describe_node(node));
}

std::optional<std::string> check_choice(const std::string& value, const ParamInfo& info) {
  if (info.choices.empty()) return std::nullopt;
  const auto allowed = split_choices(info.choices);
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return std::nullopt;
  return fmt::format("'{}' is not one of {}", value, info.choices);
}

std::optional<std::string> convert(const YAML::Node& node, const ParamInfo& info, std::string& out) {
  if (!node.IsScalar()) return fmt::format("expected text, got {}", describe_node(node));
  if (auto problem = check_choice(node.Scalar(), info)) return problem;
  out = node.Scalar();
  return std::nullopt;
}

std::optional<std::string> convert(const YAML::Node& node, const ParamInfo& info,
                                   std::vector<std::string>& out) {
  if (!node.IsSequence()) return fmt::format("expected a list, got {}", describe_node(node));
  if (node.size() > max_list_items) return fmt::format("a list of more than {} items", max_list_items);
  std::vector<std::string> values;
  for (const auto& item : node) {
    if (!item.IsScalar()) return fmt::format("expected a list of text, got {}", describe_node(item));
    if (auto problem = check_choice(item.Scalar(), info)) return problem;
    values.push_back(item.Scalar());
  }
  out = std::move(values);
  return std::nullopt;
}

std::optional<std::string> convert(const YAML::Node& node, const ParamInfo& info,
                                   std::vector<double>& out) {
  if (!node.IsSequence()) return fmt::format("expected a list of numbers, got {}", describe_node(node));
  if (node.size() > max_list_items) return fmt::format("a list of more than {} items", max_list_items);
  std::vector<double> values;
  for (const auto& item : node) {
    double value = 0.0;
    if (auto problem = convert(item, info, value)) return problem;
    values.push_back(value);
  }
  out = std::move(values);
  return std::nullopt;
}

// ---------------------------------------------------------------- visitors over the declaration

// Applies settings to a Scenario and records problems and the keys it used.
class Applier {
 public:
  Applier(const Settings& settings, std::vector<std::string>& errors)
      : settings_(settings), errors_(errors) {}

  template <class T>
  void operator()(T& field, std::string_view name, const ParamInfo& info) {
    const std::string key = join(prefix_, std::string(name));
    known_.push_back(key);
    const auto it = settings_.find(key);
    if (it == settings_.end()) return;
    used_.insert(key);
    if (auto problem = convert(it->second.value, info, field))
      errors_.push_back(fmt::format("{}: {}: {}", it->second.where, key, *problem));
  }

  template <class Section>
  void section(std::string_view name, Section& s) {
    const std::string saved = prefix_;
    prefix_ = join(prefix_, std::string(name));
    sections_.push_back(prefix_);
    s.visit(*this);
    prefix_ = saved;
  }

  const std::set<std::string>& used() const { return used_; }
  const std::vector<std::string>& known() const { return known_; }
  const std::vector<std::string>& sections() const { return sections_; }

 private:
  const Settings& settings_;
  std::vector<std::string>& errors_;
  std::string prefix_;
  std::set<std::string> used_;
  std::vector<std::string> known_, sections_;
};

class KeyLister {
 public:
  template <class T>
  void operator()(T&, std::string_view name, const ParamInfo&) {
    keys.push_back(join(prefix_, std::string(name)));
  }
  template <class Section>
  void section(std::string_view name, Section& s) {
    const std::string saved = prefix_;
    prefix_ = join(prefix_, std::string(name));
    s.visit(*this);
    prefix_ = saved;
  }
  std::vector<std::string> keys;

 private:
  std::string prefix_;
};

class Emitter {
 public:
  explicit Emitter(YAML::Emitter& out) : out_(out) {}
  void operator()(const double& v, std::string_view name, const ParamInfo&) {
    out_ << YAML::Key << std::string(name) << YAML::Value << number_text(v);
  }
  void operator()(const int& v, std::string_view name, const ParamInfo&) {
    out_ << YAML::Key << std::string(name) << YAML::Value << v;
  }
  void operator()(const std::uint64_t& v, std::string_view name, const ParamInfo&) {
    out_ << YAML::Key << std::string(name) << YAML::Value << v;
  }
  void operator()(const bool& v, std::string_view name, const ParamInfo&) {
    out_ << YAML::Key << std::string(name) << YAML::Value << (v ? "true" : "false");
  }
  void operator()(const std::string& v, std::string_view name, const ParamInfo&) {
    out_ << YAML::Key << std::string(name) << YAML::Value << YAML::DoubleQuoted << v;
  }
  void operator()(const std::vector<std::string>& v, std::string_view name, const ParamInfo&) {
    out_ << YAML::Key << std::string(name) << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& item : v) out_ << YAML::DoubleQuoted << item;
    out_ << YAML::EndSeq;
  }
  void operator()(const std::vector<double>& v, std::string_view name, const ParamInfo&) {
    out_ << YAML::Key << std::string(name) << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (double item : v) out_ << number_text(item);
    out_ << YAML::EndSeq;
  }
  template <class Section>
  void section(std::string_view name, Section& s) {
    out_ << YAML::Key << std::string(name) << YAML::Value << YAML::BeginMap;
    s.visit(*this);
    out_ << YAML::EndMap;
  }

 private:
  YAML::Emitter& out_;
};

// The candidate nearest to `key` by edit distance, when it is near enough to be a likely typo.
std::optional<std::string> nearest(const std::string& key, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const std::string& candidate : candidates) {
    const std::size_t d = edit_distance(key, candidate);
    if (d < best_distance) best_distance = d, best = candidate;
  }
  if (best.empty() || best_distance > std::max<std::size_t>(2, key.size() / 3)) return std::nullopt;
  return best;
}

std::string unknown_key_message(const std::string& key, const Applier& applier) {
  // A mapping given where a value belongs: "population.scale.x" under the field "population.scale".
  for (const std::string& field : applier.known())
    if (key.rfind(field + ".", 0) == 0)
      return fmt::format("{} takes a value, not a mapping", field);
  for (const std::string& section : applier.sections())
    if (key == section) return fmt::format("expected a mapping of {} keys", section);
  const std::string head = key.substr(0, key.find('.'));
  const auto& sections = applier.sections();
  const bool head_known =
      std::find(sections.begin(), sections.end(), head) != sections.end() ||
      std::find(applier.known().begin(), applier.known().end(), head) != applier.known().end();
  if (!head_known && head != key) {
    std::string list;
    for (const std::string& section : sections)
      if (section.find('.') == std::string::npos) list += (list.empty() ? "" : ", ") + section;
    if (const auto guess = nearest(head, sections))
      return fmt::format("unknown section '{}'; did you mean '{}'?", head, *guess);
    return fmt::format("unknown section '{}' (sections: {})", head, list);
  }
  if (const auto guess = nearest(key, applier.known()))
    return fmt::format("unknown key; did you mean '{}'?", *guess);
  return "unknown key (`stosim describe --keys` lists the valid keys)";
}

void check_consistency(const Scenario& s, const Settings& settings, std::vector<std::string>& errors) {
  auto where = [&](const std::string& key) {
    const auto it = settings.find(key);
    return it == settings.end() ? std::string("(defaults)") : it->second.where;
  };
  if (s.end_year < s.start_year) {
    // Blame the year given on the command line, not the file's other one.
    if (where("start_year") == "command line" && where("end_year") != "command line")
      errors.push_back(fmt::format("command line: start_year: {} is after end_year {} ({}); give an earlier "
                                   "start year or --end-year too",
                                   s.start_year, s.end_year, where("end_year")));
    else
      errors.push_back(fmt::format("{}: end_year: {} is before start_year {} ({})", where("end_year"), s.end_year,
                                   s.start_year, where("start_year")));
  }
  if (s.population.source == "file" && s.population.path.empty())
    errors.push_back(fmt::format("{}: population.path: required when population.source is file",
                                 where("population.source")));
  if (s.model.exams.sector_of_profile.size() != n_profiles)
    errors.push_back(fmt::format("{}: exams.sector_of_profile: expected {} sectors, one per profile, got {}",
                                 where("exams.sector_of_profile"), n_profiles,
                                 s.model.exams.sector_of_profile.size()));
  if (s.model.exams.tl_sector_shares.size() != n_sectors)
    errors.push_back(fmt::format("{}: exams.tl_sector_shares: expected {} shares, got {}",
                                 where("exams.tl_sector_shares"), n_sectors,
                                 s.model.exams.tl_sector_shares.size()));
}

Scenario apply_settings(const Settings& settings, std::vector<std::string>& errors) {
  Scenario scenario;
  Applier applier(settings, errors);
  scenario.visit(applier);
  for (const auto& [key, setting] : settings)
    if (!applier.used().count(key))
      // Suggestions cost an edit distance to every key: only for the messages that are printed.
      errors.push_back(fmt::format("{}: {}: {}", setting.where, key,
                                   errors.size() < max_error_messages ? unknown_key_message(key, applier)
                                                                      : std::string("unknown key")));
  if (errors.empty()) check_consistency(scenario, settings, errors);
  return scenario;
}

void add_overrides(const std::vector<Override>& overrides, Settings& settings,
                   std::vector<std::string>& errors) {
  std::map<std::string, std::string> given;  // key -> value, on this command line
  for (const Override& o : overrides) {
    if (const auto [first, added] = given.emplace(o.key, o.value); !added) {
      errors.push_back(fmt::format("command line: {}: given twice ('{}' and '{}'); give each key once", o.key,
                                   first->second, o.value));
      continue;
    }
    if (const auto bad = invalid_utf8(o.value)) {
      errors.push_back(fmt::format("command line: {}: byte 0x{:02X} is not UTF-8", o.key, bad->byte));
      continue;
    }
    try {
      put(settings, o.key, Setting{YAML::Load(o.value), o.where});
    } catch (const YAML::Exception& e) {
      errors.push_back(fmt::format("{}: {}: cannot read value '{}': {}", o.where, o.key, o.value, e.msg));
    }
  }
}

}  // namespace

std::array<bool, n_profiles> Scenario::technical_profiles() const {
  return technical_mask(profiles.technical);
}

std::vector<std::string> scenario_search_dirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("STOSIM_SCENARIO_PATH")) {
    std::stringstream list(env);
    for (std::string dir; std::getline(list, dir, ':');)
      if (!dir.empty()) dirs.push_back(dir);
  }
  dirs.push_back("scenarios");
  // Installed (`cmake --install`): PREFIX/bin/stosim finds PREFIX/share/stosim/scenarios.
  std::error_code ignored;
  const fs::path executable = fs::read_symlink("/proc/self/exe", ignored);
  const fs::path installed = executable.parent_path().parent_path() / "share/stosim/scenarios";
  if (!executable.empty() && fs::is_directory(installed, ignored)) dirs.push_back(installed.string());
  dirs.push_back(STOSIM_SOURCE_SCENARIO_DIR);
  return dirs;
}

std::string find_scenario_file(const std::string& name_or_path) {
  if (name_or_path.size() > 255)
    throw ScenarioError({fmt::format("{}...: the scenario name is {} characters long; a name or path of at "
                                     "most 255 characters is expected", name_or_path.substr(0, 40),
                                     name_or_path.size())});
  std::error_code error;
  if (fs::is_regular_file(name_or_path, error) || fs::is_directory(name_or_path, error)) return name_or_path;
  const auto in_library = [&error](const std::string& name) -> std::optional<std::string> {
    for (const std::string& dir : scenario_search_dirs()) {
      const fs::path candidate = fs::path(dir) / (name + ".yaml");
      if (fs::is_regular_file(candidate, error)) return candidate.string();
    }
    return std::nullopt;
  };
  // A path (a directory or a .yaml extension) is a file the user means, not a name to look up.
  const fs::path path(name_or_path);
  if (path.has_parent_path() || path.extension() == ".yaml" || path.extension() == ".yml") {
    const auto named = path.has_parent_path() ? std::nullopt : in_library(path.stem().string());
    throw ScenarioError({named ? fmt::format("{}: no such scenario file; did you mean the scenario '{}' ({})?",
                                             name_or_path, path.stem().string(), *named)
                               : fmt::format("{}: no such scenario file", name_or_path)});
  }
  if (const auto found = in_library(name_or_path)) return *found;
  std::string looked;
  for (const std::string& dir : scenario_search_dirs()) looked += "\n  " + dir;
  throw ScenarioError({fmt::format(
      "{}: no such scenario file, and no {}.yaml in the scenario directories:{}", name_or_path,
      name_or_path, looked)});
}

Scenario load_scenario(const std::string& name_or_path, const std::vector<Override>& overrides) {
  std::vector<std::string> errors;
  Settings settings;
  std::vector<fs::path> chain;
  read_scenario_file(find_scenario_file(name_or_path), chain, settings, errors);
  add_overrides(overrides, settings, errors);
  if (!errors.empty()) throw ScenarioError(errors);
  Scenario scenario = apply_settings(settings, errors);
  if (!errors.empty()) throw ScenarioError(errors);
  return scenario;
}

struct ScenarioTemplate::Parsed {
  stosim::Settings values;
};

ScenarioTemplate::ScenarioTemplate(const std::string& name_or_path) {
  std::vector<std::string> errors;
  auto settings = std::make_shared<Parsed>();
  std::vector<fs::path> chain;
  read_scenario_file(find_scenario_file(name_or_path), chain, settings->values, errors);
  if (!errors.empty()) throw ScenarioError(errors);
  settings_ = std::move(settings);
}

Scenario ScenarioTemplate::resolve(const std::vector<Override>& overrides) const {
  std::vector<std::string> errors;
  stosim::Settings settings = settings_->values;
  add_overrides(overrides, settings, errors);
  if (!errors.empty()) throw ScenarioError(errors);
  Scenario scenario = apply_settings(settings, errors);
  if (!errors.empty()) throw ScenarioError(errors);
  return scenario;
}

Scenario default_scenario(const std::vector<Override>& overrides) {
  std::vector<std::string> errors;
  Settings settings;
  add_overrides(overrides, settings, errors);
  Scenario scenario = apply_settings(settings, errors);
  if (!errors.empty()) throw ScenarioError(errors);
  return scenario;
}

std::string to_yaml(const Scenario& scenario) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  Emitter emitter(out);
  Scenario copy = scenario;  // visit() is shared with loading, so it takes a mutable scenario
  copy.visit(emitter);
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

namespace {

class KindFinder {
 public:
  explicit KindFinder(std::string key) : key_(std::move(key)) {}
  void operator()(double&, std::string_view name, const ParamInfo&) { found(name, ParameterKind::number); }
  void operator()(int&, std::string_view name, const ParamInfo&) { found(name, ParameterKind::integer); }
  void operator()(std::uint64_t&, std::string_view name, const ParamInfo&) { found(name, ParameterKind::integer); }
  void operator()(bool&, std::string_view name, const ParamInfo&) { found(name, ParameterKind::boolean); }
  void operator()(std::string&, std::string_view name, const ParamInfo&) { found(name, ParameterKind::text); }
  template <class T>
  void operator()(std::vector<T>&, std::string_view name, const ParamInfo&) { found(name, ParameterKind::list); }
  template <class Section>
  void section(std::string_view name, Section& s) {
    const std::string saved = prefix_;
    prefix_ = join(prefix_, std::string(name));
    s.visit(*this);
    prefix_ = saved;
  }
  std::optional<ParameterKind> kind;

 private:
  void found(std::string_view name, ParameterKind k) {
    if (join(prefix_, std::string(name)) == key_) kind = k;
  }
  std::string key_, prefix_;
};

}  // namespace

std::optional<ParameterKind> parameter_kind(const std::string& key) {
  Scenario scenario;
  KindFinder finder(key);
  scenario.visit(finder);
  return finder.kind;
}

namespace {

// "key=value" lines: the scenario as text without the cost of a YAML emitter.
class FlatWriter {
 public:
  void operator()(const double& v, std::string_view name, const ParamInfo&) { line(name, number_text(v)); }
  void operator()(const int& v, std::string_view name, const ParamInfo&) { line(name, std::to_string(v)); }
  void operator()(const std::uint64_t& v, std::string_view name, const ParamInfo&) { line(name, std::to_string(v)); }
  void operator()(const bool& v, std::string_view name, const ParamInfo&) { line(name, v ? "true" : "false"); }
  void operator()(const std::string& v, std::string_view name, const ParamInfo&) { line(name, v); }
  void operator()(const std::vector<std::string>& v, std::string_view name, const ParamInfo&) {
    std::string items;
    for (const auto& item : v) items += item + "|";
    line(name, items);
  }
  void operator()(const std::vector<double>& v, std::string_view name, const ParamInfo&) {
    std::string items;
    for (double item : v) items += number_text(item) + "|";
    line(name, items);
  }
  template <class Section>
  void section(std::string_view name, Section& s) {
    const std::string saved = prefix_;
    prefix_ = join(prefix_, std::string(name));
    s.visit(*this);
    prefix_ = saved;
  }
  std::string text;

 private:
  void line(std::string_view name, const std::string& value) {
    text += join(prefix_, std::string(name));
    text += '=';
    text += value;
    text += '\n';
  }
  std::string prefix_;
};

}  // namespace

std::string flat_text(const Scenario& scenario) {
  FlatWriter writer;
  Scenario copy = scenario;
  copy.visit(writer);
  return std::move(writer.text);
}

std::vector<std::string> parameter_keys() {
  Scenario scenario;
  KeyLister lister;
  scenario.visit(lister);
  return lister.keys;
}

}  // namespace stosim
