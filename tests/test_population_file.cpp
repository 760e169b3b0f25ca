// Population files: what `stosim import` writes is what a scenario with population.source: file
// starts from; files that are not population files are refused with a clear message.
#include <catch2/catch.hpp>
#include <unistd.h>

#include "import_helpers.hpp"
#include "sim/hdf5_file.hpp"
#include "population/population_file.hpp"
#include "run/simulation.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {


std::string load_error(const std::vector<Override>& overrides) {
  try {
    build_initial_world(load_scenario("nl_2019", overrides));
  } catch (const std::exception& e) {  // DataError, or ScenarioError for an empty path
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("PopulationFile.RoundTrip", "[population]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const ImportedPopulation imported = import_population(default_import_files(shared_data.string()));
  const TempFile file("stosim_population_roundtrip.h5");
  write_population_file(file.path.string(), imported);
  const PopulationFile p = read_population_file(file.path.string());
  const World& a = imported.world;
  const World& b = p.world;
  CHECK(p.start_year == 2020);
  CHECK(p.zone_code == imported.zone_code);
  CHECK(b.regions.code == a.regions.code);
  CHECK(b.regions.name == a.regions.name);
  CHECK(b.zones.x_km == a.zones.x_km);
  CHECK(b.zones.youth_weight == a.zones.youth_weight);
  CHECK(b.zones.region == a.zones.region);
  CHECK(b.locations.code == a.locations.code);
  CHECK(b.locations.name == a.locations.name);
  CHECK(b.locations.leerweg_mask == a.locations.leerweg_mask);
  CHECK(b.locations.y_km == a.locations.y_km);
  CHECK(b.programmes.offered == a.programmes.offered);
  CHECK(b.students.id == a.students.id);
  CHECK(b.students.home_zone == a.students.home_zone);
  CHECK(b.students.location == a.students.location);
  CHECK(b.students.cohort == a.students.cohort);
  CHECK(b.students.grade == a.students.grade);
  CHECK(b.students.leerweg == a.students.leerweg);
  CHECK(b.students.profile == a.students.profile);
  CHECK(b.students.is_male == a.students.is_male);
  CHECK(b.next_student_id == a.next_student_id);
  CHECK_THAT(p.summary, Catch::Contains("18.7 %"));
}

TEST_CASE("PopulationFile.ScenarioStartsFromIt", "[population]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const TempFile file("stosim_population_scenario.h5");
  write_population_file(file.path.string(), import_population(default_import_files(shared_data.string())));
  Scenario s = load_scenario("nl_2019", {{"population.path", file.path.string()}, {"end_year", "2021"}});
  const World w = build_initial_world(s);
  CHECK(w.year == 2020);
  CHECK(w.locations.size() == 925);
  CHECK(w.zones.reachable.offset.size() == w.zones.size() + 1);
  // Propensity follows the scenario: boys above girls on average.
  double boys = 0, girls = 0, n_boys = 0, n_girls = 0;
  for (std::size_t i = 0; i < w.students.size(); ++i) {
    if (w.students.grade[i] > 2) continue;
    (w.students.is_male[i] ? boys : girls) += w.students.propensity[i];
    (w.students.is_male[i] ? n_boys : n_girls) += 1;
  }
  CHECK(boys / n_boys - girls / n_girls == Approx(1.2).margin(0.05));
  const IndicatorFrame frame = run_replicate(w, s, 0);
  const std::size_t id = indicator_id("exam_candidates");
  double candidates = 0;
  for (std::size_t cell = 0; cell < frame.cells(id); ++cell)
    candidates += frame.values(id, Level::national)[frame.at(id, Level::national, 0, 0, cell)];
  CHECK(candidates > 90000);  // year-4 students of 2019/20 sit their exams
}

TEST_CASE("PopulationFile.RefusesOtherFiles", "[population]") {
  CHECK_THAT(load_error({{"population.path", "\"\""}}), Catch::Contains("population.path: required when population.source is file"));
  CHECK_THAT(load_error({{"population.path", "/nonexistent/p.h5"}}),
             Catch::Contains("/nonexistent/p.h5: cannot open it as an HDF5 file"));
  const TempFile text("stosim_population_text.h5");
  write_bytes(text.path, "not hdf5\n");
  CHECK_THAT(load_error({{"population.path", text.path.string()}}), Catch::Contains("cannot open it as an HDF5 file"));
  const TempFile other("stosim_population_other.h5");
  {
    const h5::Handle f = h5::create_file(other.path.string());
    h5::write_attribute(f.id(), "format", std::string("stosim-run"));
  }
  h5::seal_file(other.path.string());  // a sound HDF5 file, only not a population
  CHECK_THAT(load_error({{"population.path", other.path.string()}}), Catch::Contains("not a stosim population file"));
  {
    const h5::Handle f = h5::create_file(other.path.string());
    h5::write_attribute(f.id(), "format", std::string("stosim-population"));
    h5::write_attribute(f.id(), "format_version", std::int64_t{population_file_format_version});
    h5::write_attribute(f.id(), "start_year", std::int64_t{2020});
    h5::write_attribute(f.id(), "import_summary", std::string(""));
  }
  h5::seal_file(other.path.string());
  CHECK_THAT(load_error({{"population.path", other.path.string()}}), Catch::Contains(other.path.string() + ": missing group /regions"));
}

TEST_CASE("PopulationFile.StartYearMustMatch", "[population]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const TempFile file("stosim_population_year.h5");
  write_population_file(file.path.string(), import_population(default_import_files(shared_data.string())));
  CHECK_THAT(load_error({{"population.path", file.path.string()}, {"start_year", "2018"}}),
             Catch::Contains("the population is the state of school year 2019/20 (start_year 2020), but the scenario has start_year 2018"));
}
