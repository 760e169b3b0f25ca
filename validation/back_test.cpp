#include "validation/back_test.hpp"

#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <cmath>
#include <limits>
#include <map>
#include <string>

#include "population/population_file.hpp"
#include "population/population_import.hpp"
#include "run/simulation.hpp"
#include "validation/temporary_file.hpp"

namespace stosim {

namespace {

constexpr int start_year = 2018;  // the zero situation 2017/18
constexpr int count_year = 2020;  // DUO's count of 1 October 2019 opens school year 2019/20
constexpr int bkg = 3;            // BB, KB, GL: the leerwegen with profiles
// DUO's student file counts techniek routes with D&P, the published 2017/18 technical counts may
// not: the definitions differ by about this much (validation/README.md).
constexpr double definition_pp = 0.3;
// Technical programmes lost from one year to the next at the programme level, DUO exam files
// 2017/18-2018/19 (14 of 451); openings taken as frequent. Two years of both, as Poisson counts,
// are the noise in a programme count that a right model would still miss by.
constexpr double yearly_programme_churn = 0.03;

struct Year3 {
  std::array<double, bkg> all{}, technical{};
  // BB and KB together: GL's count differs by definition between the exam files (where many
  // GL/TL students sit TL exams) and DUO's student file, so its regional spread is not comparable.
  double share_bb_kb_pct() const {
    const double a = all[0] + all[1];
    return a > 0 ? 100.0 * (technical[0] + technical[1]) / a : std::numeric_limits<double>::quiet_NaN();
  }
  double share_pct(int lw) const { return all[lw] > 0 ? 100.0 * technical[lw] / all[lw] : 0.0; }
};

// Year-3 students of a world by region of `regions_of` (its location -> region).
std::vector<Year3> year3_by_region(const World& w, const std::vector<std::int32_t>& region_of, std::size_t regions,
                                   const std::array<bool, n_profiles>& technical) {
  std::vector<Year3> out(regions);
  const Students& s = w.students;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.grade[i] != 3 || !has_profile(s.leerweg[i]) || s.location[i] < 0) continue;
    Year3& r = out[static_cast<std::size_t>(region_of[static_cast<std::size_t>(s.location[i])])];
    const int lw = static_cast<int>(s.leerweg[i]);
    r.all[lw] += 1;
    if (technical[static_cast<std::size_t>(s.profile[i])]) r.technical[lw] += 1;
  }
  return out;
}

// Each observed location's region in the back-test's world: the region of the same location, or
// of the nearest one for locations that opened since 2017/18.
std::vector<std::int32_t> back_test_regions(const World& observed, const World& back) {
  std::map<std::string, std::int32_t> region_of_code;
  for (std::size_t l = 0; l < back.locations.size(); ++l) region_of_code[back.locations.code[l]] = back.locations.region[l];
  std::vector<std::int32_t> out(observed.locations.size());
  for (std::size_t l = 0; l < observed.locations.size(); ++l) {
    if (const auto it = region_of_code.find(observed.locations.code[l]); it != region_of_code.end()) {
      out[l] = it->second;
      continue;
    }
    double best = std::numeric_limits<double>::max();
    for (std::size_t b = 0; b < back.locations.size(); ++b) {
      const double dx = back.locations.x_km[b] - observed.locations.x_km[l], dy = back.locations.y_km[b] - observed.locations.y_km[l];
      if (dx * dx + dy * dy < best) best = dx * dx + dy * dy, out[l] = back.locations.region[b];
    }
  }
  return out;
}

struct Forecast {
  std::vector<std::vector<Year3>> regions;                // [replicate][region], count year
  std::vector<Year3> nation;                              // [replicate]
  std::vector<std::array<double, n_profiles>> offered;    // [replicate], the count date
};

Forecast forecast(const std::vector<IndicatorFrame>& frames, std::size_t regions) {
  const std::size_t all = indicator_id("year3_students"), technical = indicator_id("year3_technical");
  const std::size_t offered = indicator_id("programmes_offered");
  const auto y = static_cast<std::size_t>(count_year - start_year);
  Forecast out;
  for (const IndicatorFrame& f : frames) {
    std::vector<Year3> by_region(regions);
    Year3 nation;
    for (std::size_t r = 0; r < regions; ++r)
      for (std::size_t lw = 0; lw < bkg; ++lw) {
        by_region[r].all[lw] = f.values(all, Level::region)[f.at(all, Level::region, y, r, lw)];
        by_region[r].technical[lw] = f.values(technical, Level::region)[f.at(technical, Level::region, y, r, lw)];
        nation.all[lw] += by_region[r].all[lw], nation.technical[lw] += by_region[r].technical[lw];
      }
    // Offered at the count date: after the choices of the step before (2018/19), before the
    // closures of 2019/20.
    std::array<double, n_profiles> o{};
    for (std::size_t p = 0; p < n_profiles; ++p) o[p] = f.values(offered, Level::national)[f.at(offered, Level::national, y - 1, 0, p)];
    out.regions.push_back(std::move(by_region));
    out.nation.push_back(nation);
    out.offered.push_back(o);
  }
  return out;
}

struct MeanSd {
  double mean = 0.0, sd = 0.0;
};
template <class F>
MeanSd over_replicates(std::size_t n, F value) {
  MeanSd m;
  for (std::size_t k = 0; k < n; ++k) m.mean += value(k) / static_cast<double>(n);
  for (std::size_t k = 0; k < n; ++k) m.sd += (value(k) - m.mean) * (value(k) - m.mean);
  m.sd = n > 1 ? std::sqrt(m.sd / static_cast<double>(n - 1)) : 0.0;
  return m;
}

const std::string group = "back-test from the zero situation 2017/18 (forecast of DUO 1 Oct 2019)";
const std::string data = "DUO students 1 Oct 2019; start: exam files 2017/18-2018/19";
// h1.concentration_rate was chosen so that these counts fit (0.5 closed 18 BWI programmes).
const std::string programme_data = data + " (h1.concentration_rate)";

void share_lines(ValidationResult& r, const Forecast& f, const Year3& observed, const Year3& start) {
  const std::size_t n = f.nation.size();
  const auto R = static_cast<double>(n);
  for (int lw = 0; lw < bkg; ++lw) {
    const MeanSd sim = over_replicates(n, [&](std::size_t k) { return f.nation[k].share_pct(lw); });
    // A right model misses the observed share by the spread of one more replicate.
    const double tolerance = 2.0 * sim.sd * std::sqrt(1.0 + 1.0 / R) + definition_pp;
    r.lines.push_back({group, fmt::format("year-3 technical share {} (%; 2017/18: {:.2f})", leerweg_codes[lw], start.share_pct(lw)),
                       observed.share_pct(lw), sim.mean, tolerance, 2, LineKind::held_out, data});
  }
}

void region_line(ValidationResult& r, const Forecast& f, const std::vector<Year3>& observed,
                 const std::vector<Year3>& start) {
  const auto n = f.nation.size();
  double squared = 0.0, noise = 0.0, persistence = 0.0;
  int regions = 0;
  for (std::size_t g = 0; g < observed.size(); ++g) {
    const MeanSd sim = over_replicates(n, [&](std::size_t k) { return f.regions[k][g].share_bb_kb_pct(); });
    const double seen = observed[g].share_bb_kb_pct();
    if (!std::isfinite(seen) || !std::isfinite(sim.mean)) continue;
    ++regions;
    squared += (sim.mean - seen) * (sim.mean - seen);
    noise += sim.sd * sim.sd * (1.0 + 1.0 / static_cast<double>(n));
    if (std::isfinite(start[g].share_bb_kb_pct())) persistence += (start[g].share_bb_kb_pct() - seen) * (start[g].share_bb_kb_pct() - seen);
  }
  const double rmse = std::sqrt(squared / regions), floor = std::sqrt(noise / regions);
  r.lines.push_back({group, fmt::format("year-3 technical share BB+KB by region, RMSE (pp; noise floor; no change {:.2f})",
                                        std::sqrt(persistence / regions)),
                     floor, rmse, floor, 2, LineKind::held_out, data});
}

void programme_lines(ValidationResult& r, const Forecast& f, const World& observed, const World& start,
                     const std::array<bool, n_profiles>& technical) {
  const auto n = f.offered.size();
  const auto count = [](const World& w, std::size_t p) {
    double c = 0;
    for (std::size_t l = 0; l < w.locations.size(); ++l) c += w.programmes.offered[programme_index(l, static_cast<int>(p))];
    return c;
  };
  double seen_total = 0, start_total = 0;
  for (std::size_t p = 0; p < n_profiles; ++p) {
    if (!technical[p]) continue;
    const double seen = count(observed, p);
    seen_total += seen, start_total += count(start, p);
    const MeanSd sim = over_replicates(n, [&](std::size_t k) { return f.offered[k][p]; });
    const double tolerance = 2.0 * std::sqrt(2.0 * 2.0 * yearly_programme_churn * seen + sim.sd * sim.sd);
    r.lines.push_back({group, fmt::format("programmes of {} with year-3 students (2017/18: {:.0f})", profile_codes[p], count(start, p)),
                       seen, sim.mean, tolerance, 1, LineKind::fitted, programme_data});
  }
  const MeanSd sim = over_replicates(n, [&](std::size_t k) {
    double t = 0;
    for (std::size_t p = 0; p < n_profiles; ++p) t += technical[p] ? f.offered[k][p] : 0.0;
    return t;
  });
  const double tolerance = 2.0 * std::sqrt(2.0 * 2.0 * yearly_programme_churn * seen_total + sim.sd * sim.sd);
  r.lines.push_back({group, fmt::format("technical programmes with year-3 students (2017/18: {:.0f})", start_total),
                     seen_total, sim.mean, tolerance, 1, LineKind::fitted, programme_data});
}

}  // namespace

void back_test_lines(ValidationResult& r, const ValidationOptions& o, const World& observed) {
  ImportOptions files = default_import_files(o.data_dir);
  files.start_year = start_year;
  const TemporaryFile file("stosim-validate-2017");
  write_population_file(file.path(), import_population(files));
  std::vector<Override> overrides = o.overrides;
  overrides.push_back({"population.path", file.path()});
  Scenario s = load_scenario("nl_2017", overrides);
  s.end_year = count_year;
  s.replicates = o.replicates;
  const World start = build_initial_world(s);
  std::vector<IndicatorFrame> frames(static_cast<std::size_t>(o.replicates),
                                     IndicatorFrame(s.years(), start.regions.size(), start.locations.size()));
  tbb::parallel_for(0, o.replicates, [&](int k) { frames[static_cast<std::size_t>(k)] = run_replicate(start, s, k); });
  const Forecast f = forecast(frames, start.regions.size());

  const auto technical = s.technical_profiles();
  const std::vector<Year3> seen = year3_by_region(observed, back_test_regions(observed, start), start.regions.size(), technical);
  const std::vector<Year3> before = year3_by_region(start, start.locations.region, start.regions.size(), technical);
  Year3 seen_nation, before_nation;
  for (std::size_t g = 0; g < seen.size(); ++g)
    for (int lw = 0; lw < bkg; ++lw) {
      seen_nation.all[lw] += seen[g].all[lw], seen_nation.technical[lw] += seen[g].technical[lw];
      before_nation.all[lw] += before[g].all[lw], before_nation.technical[lw] += before[g].technical[lw];
    }
  share_lines(r, f, seen_nation, before_nation);
  region_line(r, f, seen, before);
  programme_lines(r, f, observed, start, technical);
}

}  // namespace stosim
