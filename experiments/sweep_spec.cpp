#include "experiments/sweep_spec.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <optional>
#include <set>
#include <sstream>

#include "experiments/abc_smc.hpp"
#include "experiments/design.hpp"
#include "experiments/yaml_errors.hpp"
#include "run/simulation.hpp"
#include "sim/random.hpp"
#include "sim/version.hpp"

namespace stosim {

namespace {

using sweep_yaml::Errors;

constexpr int max_runs = 10'000'000;
constexpr std::size_t max_messages = 20;

// A key of `set` or of a list point, with the node of its name (its line) and its value.
struct Entry {
  std::string key;
  YAML::Node key_node, value;
};

// Nested mappings become dotted keys: population: {scale: 1} and population.scale: 1 alike.
void flatten(const YAML::Node& map, const std::string& prefix, const std::string& where_key, Errors& e,
             std::vector<Entry>& out) {
  if (!map.IsMap()) {
    e.add(map, where_key, "expected a mapping of scenario keys to values");
    return;
  }
  for (const auto& entry : map) {
    const std::string key = prefix.empty() ? entry.first.Scalar() : prefix + "." + entry.first.Scalar();
    if (entry.second.IsMap()) flatten(entry.second, key, where_key, e, out);
    else out.push_back({key, entry.first, entry.second});
  }
}

Override make_override(const std::string& key, const YAML::Node& value, const std::string& where) {
  return Override{key, sweep_yaml::value_text(value), where};
}

// A continuous factor of a Latin hypercube or Sobol design.
struct Range {
  std::string key;
  double min = 0, max = 0;
  bool integer = false;
  std::string where;
};

std::string range_value(const Range& r, double u) {
  if (r.integer) {
    const double span = std::floor(r.max) - std::ceil(r.min) + 1;
    return fmt::format("{}", static_cast<long long>(std::min(std::ceil(r.min) + std::floor(u * span), std::floor(r.max))));
  }
  return fmt::format("{}", r.min + u * (r.max - r.min));
}

class DesignReader {
 public:
  DesignReader(SweepSpec& spec, Errors& e, std::string base, std::vector<Override> fixed)
      : spec_(spec), e_(e), base_(std::move(base)), fixed_(std::move(fixed)) {}

  void read(const YAML::Node& design) {
    if (!design) return add_run(base_, {}, {});  // no design: one run of the scenario
    if (!design.IsMap()) return e_.add(design, "design", "expected a mapping with type and its factors");
    const YAML::Node type = design["type"];
    spec_.design = type && type.IsScalar() ? type.Scalar() : "";
    const bool posterior = spec_.design == "posterior";
    const std::vector<std::string> allowed =
        posterior ? std::vector<std::string>{"type", "file", "points", "seed", "scenarios"}
                  : std::vector<std::string>{"type", "parameters", "points", "seed"};
    for (const auto& entry : design)
      if (std::find(allowed.begin(), allowed.end(), entry.first.Scalar()) == allowed.end())
        e_.add(entry.first, "design." + entry.first.Scalar(),
               fmt::format("unknown key ({})", fmt::join(allowed, ", ")));
    if (spec_.design == "list") return read_list(design["points"]);
    if (spec_.design == "grid") return read_grid(design["parameters"]);
    if (spec_.design == "latin_hypercube" || spec_.design == "sobol") return read_sampled(design);
    if (posterior) return read_posterior(design);
    e_.add(type ? type : design, "design.type", "expected list, grid, latin_hypercube, sobol or posterior");
  }

 private:
  void add_run(const std::string& scenario, std::vector<Override> point, std::vector<std::string> values) {
    // A key the design varies replaces the value `set:` gives it for every run.
    SweepRunSpec run{scenario, {}, std::move(values)};
    for (const Override& f : fixed_)
      if (std::none_of(point.begin(), point.end(), [&](const Override& o) { return o.key == f.key; }))
        run.overrides.push_back(f);
    run.overrides.insert(run.overrides.end(), point.begin(), point.end());
    spec_.runs.push_back(std::move(run));
  }

  std::size_t column(const std::string& key) {
    const auto it = std::find(spec_.varied_keys.begin(), spec_.varied_keys.end(), key);
    if (it != spec_.varied_keys.end()) return static_cast<std::size_t>(it - spec_.varied_keys.begin());
    spec_.varied_keys.push_back(key);
    return spec_.varied_keys.size() - 1;
  }

  bool check_key(const std::string& key, const YAML::Node& where, const std::string& context) {
    if (key == "scenario") return true;
    if (key == "replicates") {
      e_.add(where, context + "." + key, "replicates cannot vary within a sweep: set it at the top level");
      return false;
    }
    static const std::vector<std::string> keys = parameter_keys();
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      e_.add(where, context + "." + key, "not a scenario key (`stosim describe --keys` lists them)");
      return false;
    }
    return true;
  }

  void read_list(const YAML::Node& points) {
    if (!points || !points.IsSequence() || points.size() == 0)
      return e_.add(points ? points : YAML::Node(), "design.points", "a list design needs a list of points");
    std::vector<std::vector<Entry>> flat(points.size());
    for (std::size_t p = 0; p < points.size(); ++p) {
      const std::string context = fmt::format("design.points[{}]", p);
      flatten(points[p], "", context, e_, flat[p]);
      for (const Entry& entry : flat[p])
        if (check_key(entry.key, entry.key_node, context)) column(entry.key);
    }
    for (std::size_t p = 0; p < points.size(); ++p) {
      std::string scenario = base_;
      std::vector<Override> overrides;
      std::vector<std::string> values(spec_.varied_keys.size());
      for (const Entry& entry : flat[p]) {
        values[column(entry.key)] = sweep_yaml::value_text(entry.value);
        if (entry.key == "scenario") scenario = entry.value.Scalar();
        else overrides.push_back(make_override(entry.key, entry.value, e_.where(entry.key_node)));
      }
      add_run(scenario, std::move(overrides), std::move(values));
    }
  }

  void read_grid(const YAML::Node& parameters) {
    if (!parameters || !parameters.IsMap() || parameters.size() == 0)
      return e_.add(parameters ? parameters : YAML::Node(), "design.parameters",
                    "a grid needs a mapping of keys to lists of values");
    std::vector<std::string> keys;
    std::vector<YAML::Node> key_nodes, levels_of;
    std::vector<std::size_t> levels;
    for (const auto& entry : parameters) {
      const std::string key = entry.first.Scalar();
      if (!check_key(key, entry.first, "design.parameters")) continue;
      if (!entry.second.IsSequence() || entry.second.size() == 0) {
        e_.add(entry.first, "design.parameters." + key, "expected a non-empty list of values");
        continue;
      }
      keys.push_back(key), key_nodes.push_back(entry.first), levels_of.push_back(entry.second);
      levels.push_back(entry.second.size());
      column(key);
    }
    if (!e_.messages.empty()) return;
    double total = 1;
    for (std::size_t l : levels) total *= static_cast<double>(l);
    if (total > max_runs) return e_.add(parameters, "design.parameters", fmt::format("{} runs is too many", total));
    for (const auto& combination : full_factorial(levels)) {
      std::string scenario = base_;
      std::vector<Override> overrides;
      std::vector<std::string> values;
      for (std::size_t k = 0; k < keys.size(); ++k) {
        const YAML::Node value = levels_of[k][combination[k]];
        values.push_back(sweep_yaml::value_text(value));
        if (keys[k] == "scenario") scenario = value.Scalar();
        else overrides.push_back(make_override(keys[k], value, e_.where(value)));
      }
      add_run(scenario, std::move(overrides), std::move(values));
    }
  }

  std::optional<int> read_points(const YAML::Node& design) {
    const auto points = design["points"] ? sweep_yaml::whole_number(design["points"]) : std::nullopt;
    if (!points || *points < 1 || *points > max_runs) {
      e_.add(design["points"] ? design["points"] : design, "design.points",
             fmt::format("expected the number of points, 1 to {}", max_runs));
      return std::nullopt;
    }
    return static_cast<int>(*points);
  }

  std::uint64_t read_seed(const YAML::Node& design) {
    if (const YAML::Node s = design["seed"]) {
      const auto value = sweep_yaml::whole_number(s);
      if (value && *value >= 0) return static_cast<std::uint64_t>(*value);
      e_.add(s, "design.seed", "expected a whole number >= 0");
    }
    return 1;
  }

  // Parameter sets drawn by weight from the last generation of an ABC-SMC posterior (stosim
  // calibrate), each run under every scenario of `scenarios` in turn (the draw pairs them: same
  // parameters, same replicates), so that effects carry the parameters' uncertainty too.
  void read_posterior(const YAML::Node& design) {
    const std::optional<int> points = read_points(design);
    const std::uint64_t seed = read_seed(design);
    const YAML::Node file = design["file"];
    if (!file || !file.IsScalar())
      return e_.add(file ? file : design, "design.file", "a posterior design needs the HDF5 file of `stosim calibrate` (ABC-SMC)");
    AbcResult posterior;
    try {
      posterior = read_abc_file(file.Scalar());
    } catch (const std::exception& error) {
      return e_.add(file, "design.file", fmt::format("cannot read it as an ABC-SMC posterior: {}", error.what()));
    }
    if (posterior.generations.empty()) return e_.add(file, "design.file", "the posterior holds no generation");
    std::vector<std::string> scenarios = {base_};
    if (const YAML::Node list = design["scenarios"]) {
      scenarios.clear();
      if (!list.IsSequence() || list.size() == 0)
        return e_.add(list, "design.scenarios", "expected a list of scenarios, e.g. [baseline, no_sto]");
      for (const auto& name : list) scenarios.push_back(name.Scalar());
      column("scenario");
    }
    for (const std::string& key : posterior.keys)
      if (check_key(key, file, "design.file")) column(key);
    if (!points || !e_.messages.empty()) return;
    if (static_cast<double>(*points) * static_cast<double>(scenarios.size()) > max_runs)
      return e_.add(design, "design.points", "too many runs");
    const AbcGeneration& last = posterior.generations.back();
    const std::size_t parameters = posterior.keys.size();
    std::vector<double> cumulative(last.weights.size());
    double total = 0.0;
    for (std::size_t k = 0; k < cumulative.size(); ++k) cumulative[k] = total += last.weights[k];
    for (int draw = 0; draw < *points; ++draw) {
      RandomStream rng(StreamKey{seed, 0}, 1, Purpose::sweep_design, static_cast<std::uint64_t>(draw));
      const double u = rng.uniform() * total;
      const auto particle = static_cast<std::size_t>(
          std::min<std::ptrdiff_t>(std::upper_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin(),
                                   static_cast<std::ptrdiff_t>(cumulative.size()) - 1));
      for (const std::string& scenario : scenarios) {
        std::vector<Override> overrides;
        std::vector<std::string> values(spec_.varied_keys.size());
        if (design["scenarios"]) values[column("scenario")] = scenario;
        for (std::size_t j = 0; j < parameters; ++j) {
          const double x = last.particles[particle * parameters + j];
          const bool whole = parameter_kind(posterior.keys[j]) == ParameterKind::integer;
          values[column(posterior.keys[j])] =
              whole ? fmt::format("{}", std::llround(x)) : fmt::format("{}", x);
          overrides.push_back(Override{posterior.keys[j], values[column(posterior.keys[j])], e_.where(file)});
        }
        add_run(scenario, std::move(overrides), std::move(values));
      }
    }
  }

  void read_sampled(const YAML::Node& design) {
    const std::optional<int> points = read_points(design);
    const std::uint64_t seed = read_seed(design);
    if (!points) return;
    const YAML::Node parameters = design["parameters"];
    if (!parameters || !parameters.IsMap() || parameters.size() == 0)
      return e_.add(parameters ? parameters : design, "design.parameters",
                    "expected a mapping of keys to {min: ..., max: ...}");
    std::vector<Range> ranges;
    for (const auto& entry : parameters) ranges.push_back(read_range(entry.first.Scalar(), entry.first, entry.second));
    if (!e_.messages.empty()) return;
    const int n = *points, d = static_cast<int>(ranges.size());
    const UnitPoints unit = spec_.design == "sobol" ? sobol_sequence(n, d) : latin_hypercube(n, d, seed);
    for (const auto& range : ranges) column(range.key);
    for (const auto& u : unit) {
      std::vector<Override> overrides;
      std::vector<std::string> values;
      for (std::size_t k = 0; k < ranges.size(); ++k) {
        values.push_back(range_value(ranges[k], u[k]));
        overrides.push_back(Override{ranges[k].key, values.back(), ranges[k].where});
      }
      add_run(base_, std::move(overrides), std::move(values));
    }
  }

  Range read_range(const std::string& key, const YAML::Node& key_node, const YAML::Node& value) {
    const std::string name = "design.parameters." + key;
    Range r{key, 0, 0, false, e_.where(key_node)};
    if (key == "scenario") {
      e_.add(key_node, name, "scenarios cannot be sampled: use a grid or a list design");
      return r;
    }
    if (!check_key(key, key_node, "design.parameters")) return r;
    const auto kind = parameter_kind(key);
    if (kind != ParameterKind::number && kind != ParameterKind::integer) {
      e_.add(key_node, name, "only numeric keys can be sampled (use a grid or a list for others)");
      return r;
    }
    r.integer = kind == ParameterKind::integer;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    r.min = value.IsMap() ? sweep_yaml::number(value["min"]).value_or(nan) : nan;
    r.max = value.IsMap() ? sweep_yaml::number(value["max"]).value_or(nan) : nan;
    if (!(r.min <= r.max)) e_.add(key_node, name, "expected {min: LOW, max: HIGH} with LOW <= HIGH");
    return r;
  }

  SweepSpec& spec_;
  Errors& e_;
  std::string base_;
  std::vector<Override> fixed_;
};

IndicatorRequest read_indicators(const YAML::Node& node, Errors& e) {
  IndicatorRequest request;
  if (!node || (node.IsScalar() && node.Scalar() == "none")) return request;
  const auto all_indicators = [&] {
    for (std::size_t i = 0; i < indicator_specs().size(); ++i) request.indicators.push_back(i);
  };
  if (node.IsScalar() && node.Scalar() == "all") {
    request.levels = {Level::national, Level::region, Level::location};
    all_indicators();
    return request;
  }
  if (!node.IsMap()) {
    e.add(node, "indicators", "expected none, all, or a mapping with levels and names");
    return request;
  }
  for (const auto& entry : node)
    if (entry.first.Scalar() != "levels" && entry.first.Scalar() != "names")
      e.add(entry.first, "indicators." + entry.first.Scalar(), "unknown key (levels, names)");
  const YAML::Node levels = node["levels"];
  if (!levels) request.levels = {Level::national};
  else if (!levels.IsSequence()) e.add(levels, "indicators.levels", "expected a list of national, region, location");
  else
    for (const auto& item : levels) {
      bool found = false;
      for (int lv = 0; lv < n_levels; ++lv)
        if (item.IsScalar() && level_name(static_cast<Level>(lv)) == item.Scalar())
          request.levels.push_back(static_cast<Level>(lv)), found = true;
      if (!found) e.add(item, "indicators.levels", fmt::format("{} is not national, region or location", sweep_yaml::describe(item)));
    }
  const YAML::Node names = node["names"];
  if (!names) all_indicators();
  else if (!names.IsSequence()) e.add(names, "indicators.names", "expected a list of indicator names");
  else
    for (const auto& item : names) {
      const auto specs = indicator_specs();
      const auto it = std::find_if(specs.begin(), specs.end(),
                                   [&](const IndicatorSpec& s) { return item.IsScalar() && s.name == item.Scalar(); });
      if (it == specs.end()) e.add(item, "indicators.names", fmt::format("{} is not an indicator", sweep_yaml::describe(item)));
      else request.indicators.push_back(static_cast<std::size_t>(it - specs.begin()));
    }
  return request;
}

}  // namespace

bool IndicatorRequest::wanted(std::size_t indicator, Level level) const {
  return std::find(levels.begin(), levels.end(), level) != levels.end() &&
         std::find(indicators.begin(), indicators.end(), indicator) != indicators.end() &&
         static_cast<int>(level) >= static_cast<int>(indicator_specs()[indicator].finest);
}

Scenario SweepSpec::scenario(std::size_t run) const {
  const SweepRunSpec& r = runs.at(run);
  return templates.at(r.scenario)->resolve(r.overrides);
}

namespace {

std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 14695981039346656037ull) {
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

void read_fixed(const YAML::Node& root, Errors& e, std::vector<Override>& fixed) {
  const YAML::Node set = root["set"];
  if (!set) return;
  std::vector<Entry> flat;
  flatten(set, "", "set", e, flat);
  for (const Entry& entry : flat) fixed.push_back(make_override(entry.key, entry.value, e.where(entry.key_node)));
}

void resolve_runs(SweepSpec& spec, Errors& e, const YAML::Node& root) {
  std::set<std::string> names;
  for (const auto& run : spec.runs) names.insert(run.scenario);
  for (const std::string& name : names) {
    try {
      spec.templates[name] = std::make_shared<const ScenarioTemplate>(name);
    } catch (const ScenarioError& error) {
      for (const auto& m : error.messages()) e.add(root["scenario"] ? root["scenario"] : root, "scenario", m);
    }
  }
  if (!e.messages.empty()) return;
  std::map<std::string, int> population_ids;
  std::size_t failed = 0;
  for (std::size_t r = 0; r < spec.runs.size(); ++r) {
    try {
      const Scenario s = spec.scenario(r);
      if (r == 0) spec.replicates = s.replicates, spec.start_year = s.start_year, spec.end_year = s.end_year;
      if (s.replicates != spec.replicates || s.start_year != spec.start_year || s.end_year != spec.end_year)
        e.messages.push_back(fmt::format(
            "{}: run {}: every run must simulate the same years with the same replicates (run 0: {}-{}, {} "
            "replicates; run {}: {}-{}, {})", e.file, r, spec.start_year, spec.end_year, spec.replicates, r,
            s.start_year, s.end_year, s.replicates));
      const auto [it, added] = population_ids.emplace(population_key(s), static_cast<int>(population_ids.size()));
      spec.population_of_run.push_back(it->second);
    } catch (const ScenarioError& error) {
      if (++failed <= max_messages)
        for (const auto& m : error.messages()) e.messages.push_back(fmt::format("run {}: {}", r, m));
    }
    if (e.messages.size() > max_messages) break;
  }
  if (failed > max_messages) e.messages.push_back(fmt::format("{} runs have invalid scenarios", failed));
  spec.populations = static_cast<int>(population_ids.size());
}

void check_outputs(SweepSpec& spec, const YAML::Node& root, Errors& e) {
  for (std::size_t i = 0; i < spec.summaries.size(); ++i) {
    const std::string problem = check_summary_years(spec.summaries[i], spec.start_year, spec.end_year);
    if (!problem.empty()) e.add(root["summaries"][i], fmt::format("summaries[{}].years", i), problem);
  }
  if (spec.populations <= 1) return;
  // Regions and locations differ between populations: only national values line up across runs.
  for (std::size_t i = 0; i < spec.summaries.size(); ++i)
    if (spec.summaries[i].level != Level::national)
      e.add(root["summaries"][i], fmt::format("summaries[{}].level", i),
            "the design varies the population (its regions and locations), so only national summaries "
            "are comparable across runs");
  for (Level level : spec.indicators.levels)
    if (level != Level::national)
      e.add(root["indicators"], "indicators.levels",
            fmt::format("the design varies the population, so {} indicators do not line up across runs: "
                        "keep national only", level_name(level)));
}

}  // namespace

std::string SweepSpec::fingerprint() const {
  if (!fingerprint_.empty()) return fingerprint_;
  std::uint64_t hash = fnv1a(std::string(version()) + git_commit());
  hash = fnv1a(fmt::format("{} {} {}", runs.size(), replicates, design), hash);
  for (std::size_t r = 0; r < runs.size(); ++r) hash = fnv1a(flat_text(scenario(r)), hash);
  for (const auto& s : summaries) hash = fnv1a(s.name + "|" + s.describe(), hash);
  for (Level l : indicators.levels) hash = fnv1a(level_name(l), hash);
  for (std::size_t i : indicators.indicators) hash = fnv1a(indicator_specs()[i].name, hash);
  fingerprint_ = fmt::format("{:016x}", hash);
  return fingerprint_;
}

SweepSpec load_sweep(const std::string& path) {
  SweepSpec spec;
  spec.path = path;
  Errors e{path, {}};
  std::ifstream in(path);
  if (!in) throw ScenarioError({path + ": cannot read the sweep file"});
  std::stringstream buffer;
  buffer << in.rdbuf();
  spec.text = buffer.str();
  YAML::Node root;
  try {
    root = YAML::Load(spec.text);
  } catch (const YAML::Exception& error) {
    throw ScenarioError({fmt::format("{}:{}: (syntax): {}", path, error.mark.line + 1, error.msg)});
  }
  if (!root.IsMap()) throw ScenarioError({path + ":1: (top level): a sweep must be a mapping of keys to values"});
  const std::vector<std::string> known = {"name", "description", "scenario", "set", "replicates",
                                          "design", "summaries", "indicators"};
  for (const auto& entry : root)
    if (std::find(known.begin(), known.end(), entry.first.Scalar()) == known.end())
      e.add(entry.first, entry.first.Scalar(),
            "unknown key (a sweep has name, description, scenario, set, replicates, design, summaries, indicators)");
  spec.name = root["name"] && root["name"].IsScalar() ? root["name"].Scalar() : "sweep";
  spec.description = root["description"] && root["description"].IsScalar() ? root["description"].Scalar() : "";
  const YAML::Node scenario = root["scenario"];
  if (!scenario || !scenario.IsScalar()) e.add(scenario ? scenario : root, "scenario", "required: the base scenario");
  std::vector<Override> fixed;
  read_fixed(root, e, fixed);
  if (const YAML::Node replicates = root["replicates"]) {
    const auto n = sweep_yaml::whole_number(replicates);
    if (!n || *n < 1 || *n > 100000) e.add(replicates, "replicates", "expected a whole number, 1 to 100000");
    else fixed.push_back(Override{"replicates", std::to_string(*n), e.where(replicates)});
  }
  spec.design = "single";
  if (e.messages.empty()) DesignReader(spec, e, scenario.Scalar(), fixed).read(root["design"]);
  if (root["summaries"]) spec.summaries = parse_summaries(root["summaries"], path, e.messages);
  spec.indicators = read_indicators(root["indicators"], e);
  if (spec.summaries.empty() && spec.indicators.levels.empty() && e.messages.empty())
    e.add(root, "summaries", "the sweep keeps nothing: ask for summaries, indicators, or both");
  if (e.messages.empty()) resolve_runs(spec, e, root);
  if (e.messages.empty()) check_outputs(spec, root, e);
  if (!e.messages.empty()) throw ScenarioError(e.messages);
  return spec;
}

SweepSpec single_run_sweep(const std::string& scenario, const std::vector<Override>& overrides) {
  SweepSpec spec;
  spec.path = scenario;
  spec.design = "single";
  spec.runs.push_back({scenario, overrides, {}});
  spec.indicators.levels = {Level::location, Level::region, Level::national};
  for (std::size_t i = 0; i < indicator_specs().size(); ++i) spec.indicators.indicators.push_back(i);
  Errors e{scenario, {}};
  YAML::Node root;
  spec.templates[scenario] = std::make_shared<const ScenarioTemplate>(scenario);
  const Scenario s = spec.scenario(0);  // throws ScenarioError for a bad scenario or override
  spec.name = s.name;
  spec.replicates = s.replicates, spec.start_year = s.start_year, spec.end_year = s.end_year;
  spec.population_of_run = {0};
  spec.populations = 1;
  return spec;
}

}  // namespace stosim
