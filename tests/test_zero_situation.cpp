// The STO zero situation 2017/18 (population/zero_situation.hpp): years 3-4 rebuilt from the exam
// files and the published 2017/18 counts, never from the 2019/20 count it is tested against.
#include <algorithm>
#include <set>

#include "import_helpers.hpp"
#include "population/duo_exams.hpp"
#include "population/population_file.hpp"
#include "run_helpers.hpp"
#include "run/simulation.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

ImportOptions zero_situation_options() {
  ImportOptions o = default_import_files(shared_data.string());
  o.start_year = 2018;
  return o;
}

const ImportedPopulation& zero_situation() {
  static const ImportedPopulation p = import_population(zero_situation_options());
  return p;
}

// The 2019/20 import, for comparison.
const ImportedPopulation& count_2019() {
  static const ImportedPopulation p = import_population(default_import_files(shared_data.string()));
  return p;
}

// Year-3 students of leerweg `lw` in the imported world: all, or technical only.
std::int64_t year3(const ImportReport& r, int lw, bool technical_only) {
  const auto technical = technical_mask(default_technical_profiles);
  std::int64_t n = 0;
  for (int p = 0; p <= n_profiles; ++p)
    if (!technical_only || (p < n_profiles && technical[static_cast<std::size_t>(p)])) n += r.imported_upper[0][lw][p];
  return n;
}

}  // namespace

TEST_CASE("ZeroSituation.Year3IsThePublishedCountOf2017_18", "[import][data]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const ImportedPopulation& p = zero_situation();
  CHECK(p.world.year == 2018);
  CHECK(p.report.imported_upper == p.report.file_upper);
  // national_vmbo_figures_pre2019.csv: ocwincijfers year-3 BB and KB, Techniekpact technical
  // year-3 students (GL: 1,520 at 9 %).
  CHECK(year3(p.report, 0, false) == 19967);
  CHECK(year3(p.report, 1, false) == 30224);
  CHECK(year3(p.report, 2, false) == 16889);
  CHECK(year3(p.report, 0, true) == 4743);
  CHECK(year3(p.report, 1, true) == 6589);
  CHECK(year3(p.report, 2, true) == 1520);
  CHECK(year3(p.report, 3, false) > 0);
}

TEST_CASE("ZeroSituation.OfferAndLocationsComeFromTheExamFiles", "[import][data]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const ImportedPopulation& zero = zero_situation();
  // Every location with B/K/G candidates by profile in 2018/19 is a location of 2017/18 offering
  // those profiles, including those that no longer have years 3-4 in the 2019/20 count.
  const ExamProfiles exams = read_exam_profiles(zero_situation_options().zero_situation.exams_2018_19);
  const World& w = zero.world;
  std::map<std::string, std::size_t> index;
  for (std::size_t l = 0; l < w.locations.size(); ++l) index[w.locations.code[l]] = l;
  std::size_t missing = 0, not_offered = 0;
  for (const auto& c : exams.cells) {
    if (c.candidates == 0) continue;
    const auto it = index.find(c.location);
    if (it == index.end()) {
      ++missing;
      continue;
    }
    if (c.profile != no_profile) not_offered += !w.programmes.offered[programme_index(it->second, c.profile)];
  }
  CHECK(missing == 0);
  CHECK(not_offered == 0);
  std::set<std::string> in_2019;
  for (const std::string& code : count_2019().world.locations.code)
    in_2019.insert(code);
  const auto closed_since = std::count_if(w.locations.code.begin(), w.locations.code.end(),
                                          [&](const std::string& code) { return !in_2019.count(code); });
  CHECK(closed_since > 0);
}

TEST_CASE("ZeroSituation.AMissingPublishedFigureNamesTheFile", "[import][data]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const TempFile figures("figures_without_bb.csv");
  ImportOptions o = zero_situation_options();
  std::vector<std::string> lines = split_lines(read_bytes(o.zero_situation.national_figures));
  std::erase_if(lines, [](const std::string& line) {
    return line.find(";leerlingen leerjaar 3;vmbo-b;totaal;2017/18;") != std::string::npos;
  });
  write_bytes(figures.path, join_lines(lines));
  o.zero_situation.national_figures = figures.path.string();
  const std::string error = import_error(o);
  CHECK_THAT(error, Catch::Contains(figures.path.string()));
  CHECK_THAT(error, Catch::Contains("'leerlingen leerjaar 3', leerweg 'vmbo-b'"));
}

TEST_CASE("Scenarios.Nl2017StartsBeforeStoAndIsPaidFromItsFirstYear", "[scenario][import][data]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const TempFile file("stosim_scenarios_nl_2017.h5");
  write_population_file(file.path.string(), zero_situation());
  const std::vector<Override> o = {{"population.path", file.path.string()}, {"end_year", "2021"}};
  const Scenario sto = load_scenario("nl_2017", o), none = load_scenario("nl_2017_no_sto", o);
  const IndicatorFrame with = run_replicate(build_initial_world(sto), sto, 0);
  const IndicatorFrame without = run_replicate(build_initial_world(none), none, 0);
  for (int year = 2018; year <= 2021; ++year) {
    INFO(year);
    const auto y = static_cast<std::size_t>(year - sto.start_year);
    CHECK(national(with, "budget_received", y) > 0.0);
    CHECK(national(without, "budget_received", y) == 0.0);
  }
  // The plans of the aanloop year are assessed, agreements follow.
  CHECK(national(with, "plan_approved", 1) > 0.0);
  CHECK(national(with, "agreements", 3) > 0.0);
}

TEST_CASE("ZeroSituation.BridgingCohortsAreThe2019CountWhereTheProgrammesOf2017_18Are", "[import][data]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const ImportedPopulation& zero = zero_situation();
  const ImportedPopulation& now = count_2019();
  // Years 1-2 are the 2019/20 count's (split over leerwegen by each school's 2017/18 year 3, so
  // the havo/vwo part of mixed classes differs a little)...
  const auto sum = [](const std::array<std::int64_t, n_leerwegen>& a) { return static_cast<double>(a[0] + a[1] + a[2] + a[3]); };
  CHECK(zero.report.bridge_in_file == now.report.bridge_in_file);
  CHECK(sum(zero.report.imported_bridge) == Approx(sum(now.report.imported_bridge)).epsilon(0.02));
  // ...spread over the locations by their 2017/18 year-3 students: every location with year-3 KB
  // students has year-1/2 KB students in proportion (up to rounding), including those closed since.
  const World& w = zero.world;
  std::vector<double> year3(w.locations.size(), 0.0), bridge(w.locations.size(), 0.0);
  for (std::size_t i = 0; i < w.students.size(); ++i) {
    if (w.students.leerweg[i] != Leerweg::kb) continue;
    const auto l = static_cast<std::size_t>(w.students.location[i]);
    if (w.students.grade[i] == 3) year3[l] += 1;
    if (w.students.grade[i] <= 2) bridge[l] += 1;
  }
  double all3 = 0, all12 = 0;
  for (std::size_t l = 0; l < year3.size(); ++l) all3 += year3[l], all12 += bridge[l];
  std::size_t off = 0;
  for (std::size_t l = 0; l < year3.size(); ++l)
    off += std::abs(bridge[l] - year3[l] * all12 / all3) > 4.0;  // two grades x two sexes, half a student each
  CHECK(off == 0);
}
