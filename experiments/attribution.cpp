#include "experiments/attribution.hpp"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <fmt/format.h>

#include <bit>
#include <cmath>
#include <map>

#include "experiments/model_runs.hpp"
#include "experiments/parameter_space.hpp"
#include "experiments/sensitivity_analysis.hpp"
#include "experiments/shapley.hpp"

namespace stosim {

namespace {

void check_comparable(const Scenario& a, const Scenario& b) {
  std::vector<std::string> errors;
  const auto differ = [&](bool d, const std::string& what) {
    if (d) errors.push_back(fmt::format("{}: {} differs between {} and {}; the effect must compare like with like",
                                        what, what, a.name, b.name));
  };
  differ(a.seed != b.seed, "seed");
  differ(a.start_year != b.start_year || a.end_year != b.end_year, "start_year/end_year");
  differ(a.population.source != b.population.source || a.population.path != b.population.path ||
             a.population.scale != b.population.scale,
         "population");
  if (!errors.empty()) throw ScenarioError(errors);
}

// Mean and confidence interval over replicates (Student t).
Interval mean_interval(const std::vector<double>& x, double confidence) {
  const auto n = static_cast<double>(x.size());
  double mean = 0.0, sq = 0.0;
  for (double v : x) mean += v / n;
  for (double v : x) sq += (v - mean) * (v - mean);
  if (x.size() < 2) return {mean, std::nan(""), std::nan("")};
  const boost::math::students_t t(n - 1);
  const double half = boost::math::quantile(t, 0.5 + confidence / 2) * std::sqrt(sq / (n - 1) / n);
  return {mean, mean - half, mean + half};
}

}  // namespace

std::vector<std::string> default_players() {
  std::vector<std::string> players;
  for (int h = 1; h <= 9; ++h) players.push_back(fmt::format("h{}.enabled", h));
  return players;
}

std::vector<AttributionRow> run_attribution(const Scenario& to, const Scenario& from, const AttributionOptions& o) {
  check_comparable(to, from);
  const int n = static_cast<int>(o.players.size());
  if (n < 1 || (o.orderings == 0 && n > 14))
    throw ScenarioError({fmt::format("players: between 1 and 14 for exact Shapley values (got {}); use --orderings",
                                     n)});
  // Player i takes the scenario's value when in the coalition, the counterfactual's otherwise.
  std::vector<double> on, off;
  for (const std::string& key : o.players) on.push_back(get_parameter(to, key)), off.push_back(get_parameter(from, key));
  const auto coalition_point = [&](std::uint32_t s) {
    std::vector<double> x(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) x[static_cast<std::size_t>(i)] = (s >> i & 1u) ? on[static_cast<std::size_t>(i)] : off[static_cast<std::size_t>(i)];
    return x;
  };
  EvaluationOptions eval;
  eval.replicates = o.replicates;
  eval.progress = o.progress;
  const std::size_t T = o.targets.size();
  const auto R = static_cast<std::size_t>(o.replicates);
  // v[S] per target and replicate; the empty coalition is the counterfactual itself.
  const auto worth_of = [&](const std::vector<std::uint32_t>& coalitions) {
    std::vector<std::vector<double>> points;
    for (std::uint32_t s : coalitions)
      if (s != 0) points.push_back(coalition_point(s));
    const std::vector<PointValues> evaluated = evaluate_points(to, o.players, points, o.targets, eval);
    std::vector<PointValues> values;
    std::size_t next = 0;
    for (std::uint32_t s : coalitions)
      values.push_back(s != 0 ? evaluated[next++] : evaluate_points(from, {}, {{}}, o.targets, eval)[0]);
    return values;
  };
  std::vector<AttributionRow> rows;
  const auto player_name = [&](int i) { return o.players[static_cast<std::size_t>(i)]; };
  if (o.orderings == 0) {
    const std::uint32_t all = std::uint32_t{1} << n;
    std::vector<std::uint32_t> coalitions(all);
    for (std::uint32_t s = 0; s < all; ++s) coalitions[s] = s;
    const std::vector<PointValues> values = worth_of(coalitions);
    for (std::size_t t = 0; t < T; ++t) {
      const std::string label = o.targets[t].label();
      std::vector<std::vector<double>> phi(static_cast<std::size_t>(n)), alone(static_cast<std::size_t>(n)),
          pair(static_cast<std::size_t>(n * n));
      std::vector<double> total;
      for (std::size_t r = 0; r < R; ++r) {
        CoalitionValues v(all);
        for (std::uint32_t s = 0; s < all; ++s) v[s] = values[s][t * R + r];
        const ShapleyResult sh = exact_shapley(v, n);
        total.push_back(v[all - 1] - v[0]);
        for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) phi[i].push_back(sh.value[i]), alone[i].push_back(sh.alone[i]);
        for (std::size_t i = 0; i < pair.size(); ++i) pair[i].push_back(sh.interaction[i]);
      }
      const auto add = [&](const std::string& kind, const std::string& a, const std::string& b, const std::vector<double>& x) {
        const Interval ci = mean_interval(x, o.confidence);
        rows.push_back({label, kind, a, b, ci.estimate, ci.low, ci.high});
      };
      add("total", "", "", total);
      for (int i = 0; i < n; ++i) add("shapley", player_name(i), "", phi[static_cast<std::size_t>(i)]);
      for (int i = 0; i < n; ++i) add("alone", player_name(i), "", alone[static_cast<std::size_t>(i)]);
      for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) add("interaction", player_name(i), player_name(j), pair[static_cast<std::size_t>(i * n + j)]);
    }
    return rows;
  }
  // Sampled: the worth of each coalition on the orderings' paths, as the mean over replicates.
  std::map<std::uint32_t, std::vector<double>> cache;
  for (std::size_t t = 0; t < T; ++t) {
    const auto worth = [&](std::uint32_t s) {
      auto it = cache.find(s);
      if (it == cache.end()) it = cache.emplace(s, replicate_means(worth_of({s})[0], T, o.replicates)).first;
      return it->second[t];
    };
    const SampledShapley sh = sampled_shapley(worth, n, o.orderings, o.seed);
    const std::string label = o.targets[t].label();
    const double z = boost::math::quantile(boost::math::normal(), 0.5 + o.confidence / 2);
    const double total = worth((std::uint32_t{1} << n) - 1) - worth(0);
    rows.push_back({label, "total", "", "", total, std::nan(""), std::nan("")});
    for (int i = 0; i < n; ++i) {
      const auto k = static_cast<std::size_t>(i);
      rows.push_back({label, "shapley", player_name(i), "", sh.value[k], sh.value[k] - z * sh.standard_error[k],
                      sh.value[k] + z * sh.standard_error[k]});
    }
  }
  return rows;
}

std::string attribution_csv(const std::vector<AttributionRow>& rows) {
  std::string out = "indicator,level,unit,category,year,kind,player,other,estimate,low,high\n";
  const auto number = [](double x) { return std::isnan(x) ? std::string() : fmt::format("{:.6g}", x); };
  for (const AttributionRow& r : rows)
    out += fmt::format("{},{},{},{},{},{},{}\n", r.target, r.kind, r.player, r.other, number(r.estimate),
                       number(r.low), number(r.high));
  return out;
}

}  // namespace stosim
