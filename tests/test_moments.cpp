// Observed moments: the CSV format, its mapping to model indicators, and the files of
// validation/observed/ rebuilt from the publishers' data.
#include <catch2/catch.hpp>

#include "experiments/moments.hpp"
#include "import_helpers.hpp"
#include "run_helpers.hpp"
#include "validation/observed_data.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

std::string first_message(const std::string& csv) {
  try {
    parse_observed(csv, "obs.csv");
  } catch (const DataError& e) {
    return e.messages().front();
  }
  return "";
}

const std::string header = "indicator,level,unit,category,year,value,standard_error\n";

}  // namespace

TEST_CASE("Observed moments map to model indicators", "[moments]") {
  const auto m = parse_observed(header + "technical_share_year3,national,,KB,2020,0.217,0.003\n"
                                         "exam_candidates,region,R01,GL/techniek,2019,12,3.5\n"
                                         "students,location,00AH00,PIE/BB,2020,10,3\n", "obs.csv");
  REQUIRE(m.size() == 3u);
  CHECK(m[0].target.indicator == indicator_id("technical_share_year3"));
  CHECK(m[0].target.cell == 1u);  // KB
  CHECK(m[0].where == "obs.csv:2");
  CHECK(m[1].target.level == Level::region);
  CHECK(m[1].target.label() == "exam_candidates,region,R01,GL/techniek,2019");
  CHECK(m[2].target.label() == "students,location,00AH00,PIE/BB,2020");
}

TEST_CASE("A moment without a model counterpart is an error naming file and line", "[moments]") {
  CHECK(first_message(header + "dropped_out,national,,,2020,10,1\nno_such_thing,national,,,2020,1,1\n") ==
        "obs.csv:3: indicator: 'no_such_thing' has no model counterpart (docs/OUTPUT.md lists the model's indicators)");
  CHECK(first_message(header + "technical_share_year3,national,,XX,2020,0.2,0.01\n").rfind("obs.csv:2: category: 'XX'", 0) == 0);
  CHECK(first_message(header + "techniekarm,location,00AH00,,2020,1,1\n").rfind("obs.csv:2: level:", 0) == 0);
  CHECK(first_message(header + "dropped_out,national,,,2020,10,0\n").rfind("obs.csv:2: standard_error:", 0) == 0);
  CHECK(first_message(header + "dropped_out,national,,,20x,10,1\n").rfind("obs.csv:2: year:", 0) == 0);
  CHECK(first_message("indicator,level,unit,category,year,value\n").find("standard_error") != std::string::npos);
}

TEST_CASE("Model values of targets are read at the right year, unit and cell", "[moments]") {
  const Scenario s = small_scenario(0.02, 1, {{"end_year", "2020"}});
  const World initial = build_initial_world(s);
  const IndicatorFrame frame = run_replicate(initial, s, 0);
  const OutputTarget t = parse_target("year3_students,national,,KB,2019", "test");
  CHECK(model_value(t, 0, frame, s.start_year) == national(frame, "year3_students", 1, 1));
  CHECK(std::isnan(model_value(parse_target("year3_students,national,,KB,2025", "test"), 0, frame, s.start_year)));
  const std::string region = initial.regions.code[1];
  const OutputTarget r = parse_target("regions,region," + region + ",,2020", "test");
  CHECK(model_value(r, resolve_unit(r, initial, "test"), frame, s.start_year) == 1.0);
  CHECK_THROWS_AS(resolve_unit(parse_target("regions,region,NOPE,,2020", "x.csv:4"), initial, "x.csv:4"), DataError);
}

TEST_CASE("validation/observed is rebuilt from the publishers' files", "[moments][shared_data]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const auto files = build_observed(shared_data.string());
  REQUIRE(files.size() == 3u);
  for (const auto& [name, text] : files) {
    INFO(name);
    // Every row maps to a model indicator.
    const auto moments = parse_observed(text, name);
    CHECK(moments.size() > 10u);
    // The committed files are exactly what the script builds (validation/observed/build.sh).
    CHECK(read_bytes(fs::path(STOSIM_SOURCE_DIR) / "validation" / "observed" / name) == text);
  }
  // Year 3 BB/KB/GL in 2019/20: 11,509 technical of 61,508 (shared/data/SOURCES.md).
  double technical = 0, all = 0;
  for (const auto& m : parse_observed(files[1].second, "leerweg.csv")) {
    if (m.target.year != 2020 || m.target.cell == 3) continue;
    if (m.target.indicator == indicator_id("year3_technical")) technical += m.value;
    if (m.target.indicator == indicator_id("year3_students")) all += m.value;
  }
  CHECK(technical == 11509);
  CHECK(all == 61508);
}
