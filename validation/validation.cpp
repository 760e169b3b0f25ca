#include "validation/validation.hpp"

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>

#include <cmath>
#include <filesystem>

#include "population/duo_exams.hpp"
#include "population/population_file.hpp"
#include "population/population_import.hpp"
#include "run/simulation.hpp"
#include "validation/back_test.hpp"
#include "validation/temporary_file.hpp"

namespace stosim {

bool ValidationLine::pass() const { return std::abs(simulated - observed) <= tolerance + 1e-9; }

int ValidationResult::failures() const {
  int n = 0;
  for (const ValidationLine& line : lines) n += line.pass() ? 0 : 1;
  return n;
}

namespace {

// Published figures for 2019/20 (shared/data/SOURCES.md, FACTS.md; sim/observed_2019.hpp).
constexpr double published_share_pct = 18.7;
constexpr std::array<double, 3> published_share_bkg_pct = {22.4, 21.7, 9.2};
constexpr std::array<std::pair<std::string_view, double>, 5> published_locations = {
    {{"PIE", 223}, {"BWI", 179}, {"M&T", 98}, {"MVI", 53}, {"MaT", 6}}};
// Exam years whose candidates chose their profile in the model: those in year 2 at the start
// choose in its first step, are in year 3 the next year and sit exams the year after.
constexpr int first_modelled_exam_offset = 2;

void initial_state_lines(ValidationResult& r, const World& w, const std::array<bool, n_profiles>& technical) {
  std::array<double, 3> all{}, tech{};
  const Students& s = w.students;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const int lw = static_cast<int>(s.leerweg[i]);
    if (s.grade[i] != 3 || !has_profile(s.leerweg[i])) continue;
    all[lw] += 1;
    if (technical[s.profile[i]]) tech[lw] += 1;
  }
  const std::string group = "initial state 2019/20 (published figures, DUO 1 Oct 2019)";
  const double share = 100.0 * (tech[0] + tech[1] + tech[2]) / (all[0] + all[1] + all[2]);
  const std::string students = "DUO students 1 Oct 2019 (input)";
  r.lines.push_back({group, "technical share of year 3 BB/KB/GL (%)", published_share_pct, share, 0.05, 2, LineKind::fitted, students});
  for (int lw = 0; lw < 3; ++lw)
    r.lines.push_back({group, fmt::format("  of which {} (%)", leerweg_codes[lw]), published_share_bkg_pct[lw],
                       100.0 * tech[lw] / all[lw], 0.05, 2, LineKind::fitted, students});
  // As the published count: locations with students of the profile in years 3-4 (programmes
  // being phased out, with year-4 students only, included; the model no longer offers those).
  std::vector<std::uint8_t> taught(w.programmes.size(), 0);
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s.grade[i] >= 3 && s.profile[i] != no_profile && s.location[i] >= 0)
      taught[programme_index(static_cast<std::size_t>(s.location[i]), s.profile[i])] = 1;
  for (const auto& [code, published] : published_locations) {
    const int p = *profile_index(code);
    double offering = 0;
    for (std::size_t l = 0; l < w.locations.size(); ++l) offering += taught[programme_index(l, p)];
    r.lines.push_back({group, fmt::format("locations offering {}", code), published, offering, 0, 0, LineKind::fitted, students});
  }
  r.lines.push_back({group, "locations with vmbo years 3-4", 925, static_cast<double>(w.locations.size()), 0, 0,
                     LineKind::fitted, students});
}

void sector_lines(ValidationResult& r, const SectorMapping& m, const Scenario& s) {
  int differ = 0;
  std::string table = "Exam sector of each profile, derived from the 2018/19 files (share of the profile's "
                      "candidates the sector's count holds at the same location and leerweg):\n";
  for (int p = 0; p < n_profiles; ++p) {
    const std::string& configured = s.model.exams.sector_of_profile[static_cast<std::size_t>(p)];
    differ += configured != sector_codes[m.sector[p]];
    std::string coverage;
    for (int k = 0; k < n_sectors; ++k) coverage += fmt::format(" {} {:.3f}", sector_codes[k], m.coverage[p][k]);
    table += fmt::format("  {:<6} -> {:<16} (scenario: {});{}\n", profile_codes[p], sector_codes[m.sector[p]],
                         configured, coverage);
  }
  r.details += table + fmt::format("  ({} location x leerweg cells in both files)\n", m.cells);
  r.lines.push_back({"exam sectors (DUO 2018/19 files)", "profiles whose exams.sector_of_profile differs from DUO's",
                     0, static_cast<double>(differ), 0, 0, LineKind::fitted, "DUO exam files 2018/19 (mapping derived)"});
}

// B/K/G exam candidates of one location in year y: all of them and those in techniek.
struct LocationCandidates {
  double all = 0, techniek = 0;
};

LocationCandidates location_candidates(const IndicatorFrame& f, std::size_t id, std::size_t y, std::size_t l) {
  constexpr int techniek = 0;  // sector_codes[0]
  LocationCandidates c;
  for (int lw = 0; lw < 3; ++lw)
    for (int k = 0; k < n_sectors; ++k) {
      const double n = f.values(id, Level::location)[f.at(id, Level::location, y, l, static_cast<std::size_t>(lw * n_sectors + k))];
      c.all += n;
      if (k == techniek) c.techniek += n;
    }
  return c;
}

// Techniek share of B/K/G candidates, locations with techniek candidates and their net loss
// among locations with B/K/G candidates in both years (as TechniekSeries), per simulated year.
SimulatedExamSeries simulated_series(const std::vector<IndicatorFrame>& frames, const Scenario& s, std::size_t locations) {
  const std::size_t id = indicator_id("exam_candidates");
  const auto replicates = static_cast<double>(frames.size());
  SimulatedExamSeries out;
  for (int year = s.start_year; year <= s.end_year; ++year) {
    const auto y = static_cast<std::size_t>(year - s.start_year);
    double share = 0, with = 0, net_loss = 0;
    for (const IndicatorFrame& f : frames) {
      double all = 0, tech = 0, count = 0;
      for (std::size_t l = 0; l < locations; ++l) {
        const LocationCandidates now = location_candidates(f, id, y, l);
        all += now.all, tech += now.techniek;
        count += now.techniek > 0 ? 1 : 0;
        if (year == s.end_year) continue;
        const LocationCandidates next = location_candidates(f, id, y + 1, l);
        if (now.all == 0 || next.all == 0) continue;
        net_loss += ((now.techniek > 0 && next.techniek == 0) - (now.techniek == 0 && next.techniek > 0)) / replicates;
      }
      share += 100.0 * tech / all / replicates;
      with += count / replicates;
    }
    out.years.push_back(year);
    out.share_pct.push_back(share);
    out.locations.push_back(with);
    if (year < s.end_year) out.net_loss_continuing.push_back(net_loss);
  }
  return out;
}

double mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return sum / static_cast<double>(v.size());
}

double standard_error_of_mean(const std::vector<double>& v) {
  const double m = mean(v);
  double squares = 0;
  for (double x : v) squares += (x - m) * (x - m);
  return std::sqrt(squares / static_cast<double>(v.size() - 1) / static_cast<double>(v.size()));
}

std::vector<double> window(const std::vector<double>& v, std::size_t first, std::size_t n) {
  return std::vector<double>(v.begin() + static_cast<std::ptrdiff_t>(first), v.begin() + static_cast<std::ptrdiff_t>(first + n));
}

void dynamics_lines(ValidationResult& r, const TechniekSeries& observed, const SimulatedExamSeries& sim) {
  const std::size_t n = observed.years.size();
  const std::vector<double> share = window(sim.share_pct, first_modelled_exam_offset, n);
  const std::vector<double> locations = window(sim.locations, first_modelled_exam_offset, n);
  std::vector<int> years(sim.years.begin() + first_modelled_exam_offset, sim.years.begin() + first_modelled_exam_offset + static_cast<std::ptrdiff_t>(n));
  const Trend observed_share = linear_trend(observed.years, observed.share_pct);
  const Trend simulated_share = linear_trend(years, share);
  const double observed_loss = mean(observed.net_loss_continuing);
  const double simulated_loss = mean(window(sim.net_loss_continuing, first_modelled_exam_offset, n - 1));
  const std::string group = fmt::format("no-STO dynamics (DUO {}/{:02d}-{}/{:02d} vs simulated {}/{:02d}-{}/{:02d})",
                                        observed.years.front() - 1, observed.years.front() % 100, observed.years.back() - 1,
                                        observed.years.back() % 100, years.front() - 1, years.front() % 100,
                                        years.back() - 1, years.back() % 100);
  // The observed trend of the share is known to +-1 standard error of its slope. The locations'
  // net loss is counted, in both, among locations with B/K/G candidates in both years: the model
  // has a fixed set of locations, while DUO's lose 9-15 a year to closures, mergers and new
  // numbers and gain 4-13. Its tolerance is the standard error of the mean of the four yearly
  // observed values (7, -6, 15, 7).
  const std::string exams = "DUO exam series 2014/15-2018/19";
  r.lines.push_back({group, "trend of the techniek share of B/K/G candidates (pp/year)", observed_share.slope,
                     simulated_share.slope, std::max(0.1, 2 * observed_share.standard_error), 3, LineKind::fitted,
                     exams + " (demography.interest_trend)"});
  // Held out since closure_hazard is estimated at the programme level (2017/18-2018/19): this
  // series, through the switch to profiles, asks for a far higher hazard than the back-test allows.
  r.lines.push_back({group, "net loss of locations with techniek candidates, among those with B/K/G in both years (per year)",
                     observed_loss, simulated_loss, standard_error_of_mean(observed.net_loss_continuing), 2,
                     LineKind::held_out, exams});
  // The first simulated year against the observed trend carried one year on: checks the import
  // and the sector mapping (DUO counts techniek routes as techniek, stosim as D&P: about 0.3 pp).
  const double next = observed.share_pct.back() + observed_share.slope;
  r.lines.push_back({"first simulated year 2019/20 (DUO trend carried on one year)",
                     "techniek share of B/K/G candidates (%)", next, sim.share_pct.front(), 1.0, 2, LineKind::fitted,
                     exams + "; year 4 of 1 Oct 2019 (input)"});
  const double total_loss = (observed.locations.front() - observed.locations.back()) / static_cast<double>(n - 1);
  const double next_locations = observed.locations.back() - total_loss;
  r.lines.push_back({"first simulated year 2019/20 (DUO trend carried on one year)",
                     "locations with techniek candidates", next_locations, sim.locations.front(), 8.0, 1, LineKind::fitted,
                     exams + "; year 4 of 1 Oct 2019 (input)"});
  std::string series = "Series (observed DUO, then simulated mean over replicates):\n  year  share%  locations\n";
  for (std::size_t y = 0; y < observed.years.size(); ++y)
    series += fmt::format("  {}  {:6.2f}  {:6.1f}   observed\n", observed.years[y], observed.share_pct[y], observed.locations[y]);
  for (std::size_t y = 0; y < sim.years.size(); ++y)
    series += fmt::format("  {}  {:6.2f}  {:6.1f}   simulated{}\n", sim.years[y], sim.share_pct[y], sim.locations[y],
                          y >= first_modelled_exam_offset && y < first_modelled_exam_offset + n ? " (trend window)" : "");
  r.details += series;
}

// Year-3 students per leerweg (BB, KB, GL) and technical teaching FTE per simulated year, mean
// over replicates.
struct SimulatedTotals {
  std::vector<std::array<double, 3>> year3;
  std::vector<double> teachers_fte;
};

SimulatedTotals simulated_totals(const std::vector<IndicatorFrame>& frames, const Scenario& s) {
  const std::size_t year3 = indicator_id("year3_students"), fte = indicator_id("teachers_fte_total");
  SimulatedTotals out;
  for (std::size_t y = 0; y < static_cast<std::size_t>(s.years()); ++y) {
    std::array<double, 3> students{};
    double teachers = 0.0;
    for (const IndicatorFrame& f : frames) {
      for (std::size_t lw = 0; lw < 3; ++lw)
        students[lw] += f.values(year3, Level::national)[f.at(year3, Level::national, y, 0, lw)] / static_cast<double>(frames.size());
      teachers += f.values(fte, Level::national)[f.at(fte, Level::national, y, 0, 0)] / static_cast<double>(frames.size());
    }
    out.year3.push_back(students);
    out.teachers_fte.push_back(teachers);
  }
  return out;
}

// Observed yearly changes of year-3 BB and KB, 2015/16-2018/19 (ocwincijfers via
// national_vmbo_figures_pre2019.csv; FACTS.md): the 2019/20 count is left out, as it is the
// initial state. Neither series went into a fit.
constexpr std::array<double, 4> observed_bb = {22679, 21709, 19967, 18624};
constexpr std::array<double, 4> observed_kb = {30503, 30610, 30224, 29471};

void totals_lines(ValidationResult& r, const SimulatedTotals& t) {
  double low = 0.0, high = 0.0;
  bool first = true;
  for (const auto* series : {&observed_bb, &observed_kb})
    for (std::size_t y = 1; y < series->size(); ++y) {
      const double change = 100.0 * ((*series)[y] / (*series)[y - 1] - 1.0);
      low = first ? change : std::min(low, change), high = first ? change : std::max(high, change);
      first = false;
    }
  const double middle = (low + high) / 2, half = (high - low) / 2;
  double furthest = middle;
  for (std::size_t y = 1; y < t.year3.size(); ++y)
    for (std::size_t lw = 0; lw < 3; ++lw) {
      const double change = 100.0 * (t.year3[y][lw] / t.year3[y - 1][lw] - 1.0);
      if (std::abs(change - middle) > std::abs(furthest - middle)) furthest = change;
    }
  r.lines.push_back({fmt::format("year-3 intake (observed range of yearly changes {:+.1f} % .. {:+.1f} %)", low, high),
                     "yearly change of year-3 BB, KB, GL furthest from the range's middle (%)", middle, furthest, half, 2,
                     LineKind::held_out, "ocwincijfers year 3 BB, KB 2015/16-2018/19"});
  r.lines.push_back({"teachers (STO vmbo monitor 2020)", "technical teaching FTE in the first year (observed 2017/18)", 1000,
                     t.teachers_fte.front(), 150, 0, LineKind::fitted,
                     "about 1,000 fte in 2017/18 (teachers.students_per_fte)"});
}

}  // namespace

ValidationResult run_validation(const ValidationOptions& o) {
  const ImportOptions files = default_import_files(o.data_dir);
  const ImportedPopulation population = import_population(files);
  const TemporaryFile file("stosim-validate");
  write_population_file(file.path(), population);
  std::vector<Override> overrides = o.overrides;
  overrides.push_back({"population.source", "file"});
  overrides.push_back({"population.path", file.path()});
  Scenario s = load_scenario(o.scenario, overrides);
  const ExamSeries series = read_exam_series((std::filesystem::path(o.data_dir) / "duo_examenkandidaten-en-geslaagden-2014-2019.csv").string());
  const ExamProfiles profiles = read_exam_profiles((std::filesystem::path(o.data_dir) / "duo_geslaagden-gezakten-en-cijfers-2018-2019.csv").string());
  const TechniekSeries observed = techniek_series(series);
  // Only the years the dynamics lines need are run.
  s.end_year = s.start_year + first_modelled_exam_offset + static_cast<int>(observed.years.size()) - 1;
  s.replicates = o.replicates;

  ValidationResult r;
  r.scenario = s.name;
  const int threads = o.threads > 0 ? o.threads : tbb::info::default_concurrency();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  const World initial = build_initial_world(s);
  initial_state_lines(r, initial, s.technical_profiles());
  sector_lines(r, derive_sector_mapping(profiles, series, 2019), s);
  if (!o.dynamics) return r;
  std::vector<IndicatorFrame> frames(static_cast<std::size_t>(o.replicates), IndicatorFrame(s.years(), initial.regions.size(), initial.locations.size()));
  tbb::parallel_for(0, o.replicates, [&](int k) { frames[static_cast<std::size_t>(k)] = run_replicate(initial, s, k); });
  dynamics_lines(r, observed, simulated_series(frames, s, initial.locations.size()));
  totals_lines(r, simulated_totals(frames, s));
  back_test_lines(r, o, initial);
  return r;
}

std::string validation_report(const ValidationResult& r) {
  std::string out = r.details + "\n";
  out += fmt::format("{:<62} {:>10} {:>10} {:>10}  {:<7}  {:<8}  {}\n", fmt::format("Validation of scenario {}", r.scenario),
                     "observed", "simulated", "tolerance", "result", "kind", "data");
  std::string group;
  for (const ValidationLine& line : r.lines) {
    if (line.group != group) out += (group = line.group) + "\n";
    const int d = line.decimals;
    out += fmt::format("  {:<60} {:>10.{}f} {:>10.{}f} {:>10.{}f}  {:<7}  {:<8}  {}\n", line.name, line.observed, d,
                       line.simulated, d, line.tolerance, d, line.pass() ? "ok" : "OUTSIDE",
                       line.kind == LineKind::fitted ? "fitted" : "held out", line.data);
  }
  out += fmt::format("{} of {} lines within tolerance\n", static_cast<int>(r.lines.size()) - r.failures(), r.lines.size());
  return out;
}

}  // namespace stosim
