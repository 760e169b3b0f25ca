// Reading and validating a calibration file (CAL.yaml) strictly: every problem names the file,
// line and key.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <filesystem>
#include <set>

#include "experiments/calibrate.hpp"

namespace stosim {

namespace {

class SpecReader {
 public:
  SpecReader(std::string file, std::vector<std::string>& errors) : file_(std::move(file)), errors_(errors) {}

  std::string where(const YAML::Node& node) const { return fmt::format("{}:{}", file_, node.Mark().line + 1); }
  void error(const YAML::Node& node, const std::string& key, const std::string& message) {
    errors_.push_back(fmt::format("{}: {}: {}", where(node), key, message));
  }

  // Refuses keys of `map` outside `allowed`.
  void only(const YAML::Node& map, const std::string& prefix, const std::set<std::string>& allowed) {
    for (const auto& entry : map) {
      const std::string key = entry.first.Scalar();
      if (!allowed.count(key)) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        error(entry.first, prefix + key, fmt::format("unknown key (allowed: {})", list));
      }
    }
  }

  std::optional<double> number(const YAML::Node& node, const std::string& key, double min, double max) {
    double value = 0.0;
    const std::string text = node.IsScalar() ? node.Scalar() : "";
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (!node.IsScalar() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
      error(node, key, fmt::format("expected a number, got '{}'", text));
      return std::nullopt;
    }
    if (value < min || value > max) {
      error(node, key, fmt::format("value {} is out of range [{}, {}]", text, min, max));
      return std::nullopt;
    }
    return value;
  }
  template <class Int>
  void whole(const YAML::Node& map, const std::string& name, const std::string& key, Int& out, double min, double max) {
    if (const YAML::Node node = map[name]) {
      if (const auto v = number(node, key, min, max)) {
        if (std::floor(*v) != *v) error(node, key, fmt::format("expected a whole number, got '{}'", node.Scalar()));
        else out = static_cast<Int>(*v);
      }
    }
  }
  void real(const YAML::Node& map, const std::string& name, const std::string& key, double& out, double min, double max) {
    if (const YAML::Node node = map[name])
      if (const auto v = number(node, key, min, max)) out = *v;
  }
  void text(const YAML::Node& map, const std::string& name, const std::string& key, std::string& out,
            const std::set<std::string>& choices = {}) {
    const YAML::Node node = map[name];
    if (!node) return;
    if (!node.IsScalar()) return error(node, key, "expected text");
    if (!choices.empty() && !choices.count(node.Scalar())) {
      std::string list;
      for (const auto& c : choices) list += (list.empty() ? "" : "|") + c;
      return error(node, key, fmt::format("'{}' is not one of {}", node.Scalar(), list));
    }
    out = node.Scalar();
  }
  bool is_map(const YAML::Node& node, const std::string& key) {
    if (node.IsMap()) return true;
    error(node, key, "expected a mapping");
    return false;
  }

 private:
  std::string file_;
  std::vector<std::string>& errors_;
};

bool known_indicator(const std::string& name) {
  for (const IndicatorSpec& s : indicator_specs())
    if (s.name == name) return true;
  return false;
}

void read_parameters(SpecReader& in, const YAML::Node& list, CalibrationSpec& spec) {
  if (!list.IsSequence() || list.size() == 0)
    return in.error(list, "parameters", "expected a list of parameters, each with a key");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node item = list[i];
    const std::string prefix = fmt::format("parameters[{}].", i);
    if (!in.is_map(item, prefix.substr(0, prefix.size() - 1))) continue;
    in.only(item, prefix, {"key", "low", "high", "start"});
    std::string key;
    in.text(item, "key", prefix + "key", key);
    if (key.empty()) {
      in.error(item, prefix + "key", "required");
      continue;
    }
    CalibrationParameter p;
    try {
      p.range = declared_range(key);
    } catch (const ScenarioError& e) {
      in.error(item["key"], prefix + "key", e.what());
      continue;
    }
    const ParameterRange declared = p.range;
    in.real(item, "low", prefix + "low", p.range.low, declared.low, declared.high);
    in.real(item, "high", prefix + "high", p.range.high, declared.low, declared.high);
    if (p.range.low >= p.range.high)
      in.error(item, prefix + "low", fmt::format("low {} must be below high {}", p.range.low, p.range.high));
    p.start = std::nan("");
    in.real(item, "start", prefix + "start", p.start, p.range.low, p.range.high);
    spec.parameters.push_back(p);
  }
}

}  // namespace

CalibrationSpec load_calibration_spec(const std::string& path) {
  std::vector<std::string> errors;
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    throw ScenarioError({fmt::format("{}: cannot read the calibration file", path)});
  } catch (const YAML::Exception& e) {
    throw ScenarioError({fmt::format("{}:{}: (syntax): {}", path, e.mark.line + 1, e.msg)});
  }
  SpecReader in(path, errors);
  CalibrationSpec spec;
  spec.file = path;
  if (!root.IsMap()) throw ScenarioError({fmt::format("{}:1: (top level): expected a mapping of keys", path)});
  in.only(root, "", {"scenario", "set", "observed", "year_shift", "parameters", "method", "replicates",
                     "first_replicate", "threads", "seed", "smm", "abc", "output", "calibrated_scenario",
                     "indicators", "years"});
  in.text(root, "scenario", "scenario", spec.scenario);
  if (const YAML::Node set = root["set"]; set && in.is_map(set, "set"))
    for (const auto& entry : set) {
      if (!entry.second.IsScalar() && !entry.second.IsSequence())
        in.error(entry.second, "set." + entry.first.Scalar(), "expected a value");
      else
        spec.overrides.push_back({entry.first.Scalar(), YAML::Dump(entry.second)});
    }
  const std::filesystem::path dir = std::filesystem::path(path).parent_path();
  if (const YAML::Node observed = root["observed"]) {
    std::vector<YAML::Node> items;
    if (observed.IsSequence()) for (const auto& o : observed) items.push_back(o);
    else items.push_back(observed);
    for (const YAML::Node& o : items) {
      if (!o.IsScalar()) {
        in.error(o, "observed", "expected a CSV file or a list of them");
        continue;
      }
      const std::filesystem::path given(o.Scalar());
      const std::filesystem::path file = given.is_absolute() ? given : dir / given;
      if (!std::filesystem::is_regular_file(file)) in.error(o, "observed", fmt::format("no such file {}", file.string()));
      spec.observed.push_back(file.string());
    }
  } else {
    errors.push_back(fmt::format("{}: observed: required (CSV files of observed moments)", path));
  }
  in.whole(root, "year_shift", "year_shift", spec.year_shift, -100, 100);
  if (const YAML::Node list = root["indicators"]) {
    if (!list.IsSequence()) in.error(list, "indicators", "expected a list of indicator names");
    else
      for (const auto& item : list) {
        if (!item.IsScalar()) in.error(item, "indicators", "expected an indicator name");
        else if (!known_indicator(item.Scalar()))
          in.error(item, "indicators", fmt::format("'{}' is not a model indicator (docs/OUTPUT.md)", item.Scalar()));
        else spec.indicators.push_back(item.Scalar());
      }
  }
  if (const YAML::Node years = root["years"]) {
    if (!years.IsSequence() || years.size() != 2) {
      in.error(years, "years", "expected [first, last]");
    } else {
      const auto first = in.number(years[0], "years", 1990, 2100), last = in.number(years[1], "years", 1990, 2100);
      if (first && last) spec.first_year = static_cast<int>(*first), spec.last_year = static_cast<int>(*last);
      if (first && last && *first > *last) in.error(years, "years", "first is after last");
    }
  }
  if (const YAML::Node parameters = root["parameters"]) read_parameters(in, parameters, spec);
  else errors.push_back(fmt::format("{}: parameters: required", path));
  in.text(root, "method", "method", spec.method, {"smm", "abc"});
  in.whole(root, "replicates", "replicates", spec.replicates, 1, 10000);
  in.whole(root, "first_replicate", "first_replicate", spec.first_replicate, 0, 1e8);
  in.whole(root, "threads", "threads", spec.threads, 0, 4096);
  in.whole(root, "seed", "seed", spec.seed, 0, 9e15);
  if (const YAML::Node smm = root["smm"]; smm && in.is_map(smm, "smm")) {
    in.only(smm, "smm.", {"algorithm", "max_evaluations", "xtol_rel", "initial_step", "jacobian_step"});
    in.text(smm, "algorithm", "smm.algorithm", spec.smm.algorithm,
            {"LN_BOBYQA", "LN_NELDERMEAD", "LN_SBPLX", "LN_COBYLA", "LN_NEWUOA_BOUND", "LN_PRAXIS"});
    in.whole(smm, "max_evaluations", "smm.max_evaluations", spec.smm.max_evaluations, 1, 1e7);
    in.real(smm, "xtol_rel", "smm.xtol_rel", spec.smm.xtol_rel, 0, 1);
    in.real(smm, "initial_step", "smm.initial_step", spec.smm.initial_step, 1e-6, 1);
    in.real(smm, "jacobian_step", "smm.jacobian_step", spec.smm.jacobian_step, 1e-6, 0.5);
  }
  if (const YAML::Node abc = root["abc"]; abc && in.is_map(abc, "abc")) {
    in.only(abc, "abc.", {"particles", "generations", "quantile", "min_acceptance"});
    in.whole(abc, "particles", "abc.particles", spec.abc.particles, 2, 1e6);
    in.whole(abc, "generations", "abc.generations", spec.abc.generations, 1, 1000);
    in.real(abc, "quantile", "abc.quantile", spec.abc.quantile, 0.01, 0.99);
    in.real(abc, "min_acceptance", "abc.min_acceptance", spec.abc.min_acceptance, 1e-6, 1);
  }
  in.text(root, "output", "output", spec.output);
  if (spec.output.empty()) errors.push_back(fmt::format("{}: output: required (the file of results)", path));
  in.text(root, "calibrated_scenario", "calibrated_scenario", spec.calibrated_scenario);
  if (!errors.empty()) throw ScenarioError(errors);
  spec.abc.seed = spec.seed;
  spec.abc.checkpoint = spec.method == "abc" ? spec.output : "";
  return spec;
}

}  // namespace stosim
