// Import files that are wrong in ways that once went unnoticed (tests/data/bad_csv): a stray
// quote that swallowed lines, counts beyond any school or postcode, a directory for a file.
// Each is a DataError naming file, line and column; none is imported silently.
#include <catch2/catch.hpp>

#include "cli_helpers.hpp"
#include "population/cbs_zones.hpp"
#include "population/duo_students.hpp"
#include "population/population_import.hpp"
#include "sim/csv_reader.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

const fs::path bad_csv = test_data / "bad_csv";

std::string students_error(const std::string& name) {
  try {
    read_duo_students((bad_csv / name).string());
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

std::string youth_error(const std::string& name) {
  try {
    read_postcode_zones((bad_csv / name).string(), read_postcode_centroids((bad_csv / "centroids.csv").string()));
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("ImportLimits.TheValidSampleImports", "[import][limits]") {
  const DuoStudents duo = read_duo_students((bad_csv / "students_valid.csv").string());
  CHECK(duo.file.rows == 4);
  CHECK(duo.students_in_lines == 7 + 7 + 4 + 3 + 11 + 1 + 9 + 5 + 6 + 1 + 3 + 2);
  CHECK(duo.students_in_rows == duo.students_in_lines);
  const PostcodeZones zones = read_postcode_zones((bad_csv / "cbs_youth_valid.csv").string(),
                                                  read_postcode_centroids((bad_csv / "centroids.csv").string()));
  CHECK(zones.pc4.size() == 3);
  CHECK(zones.youth_in_file == 700 + 355);  // -99997: CBS keeps the count secret
}

TEST_CASE("ImportLimits.AStrayQuoteLosesNoLines", "[import][limits]") {
  // Lines 2-4 once merged into one record of the header's width, and 2 of 4 rows were imported.
  CHECK_THAT(students_error("students_stray_quote.csv"),
             Catch::Contains("students_stray_quote.csv:2: a quoted field runs past the end of its line"));
  // The reader's own cross-check: one record per non-blank line, counted independently.
  CHECK_THROWS_WITH(parse_csv("a;b\n\"x\n;y\"\n", "f.csv"), Catch::Contains("f.csv:2:"));
}

TEST_CASE("ImportLimits.ImplausibleCountsNameFileLineAndColumn", "[import][limits]") {
  CHECK_THAT(students_error("students_huge_count.csv"),
             Catch::Contains("students_huge_count.csv:3: LEER- OF VERBLIJFSJAAR 3 - MAN: '2000000000' is not"));
  CHECK_THAT(students_error("students_negative_count.csv"),
             Catch::Contains("students_negative_count.csv:3: LEER- OF VERBLIJFSJAAR 3 - MAN: '-700'"));
  CHECK_THAT(youth_error("cbs_youth_1e308.csv"), Catch::Contains("cbs_youth_1e308.csv:3: inwoners_tot_15_jaar: '1e308'"));
  CHECK_THAT(youth_error("cbs_youth_negative.csv"), Catch::Contains("cbs_youth_negative.csv:3: inwoners_tot_15_jaar: '-700'"));
  CHECK_THAT(youth_error("cbs_youth_huge.csv"), Catch::Contains("cbs_youth_huge.csv:3: inwoners_tot_15_jaar: '2000000000'"));
  CHECK_THROWS_WITH(read_postcode_centroids((bad_csv / "centroids_1e308.csv").string()),
                    Catch::Contains("centroids_1e308.csv:3: lat: '1e308', '4.91'"));
}

TEST_CASE("ImportLimits.ParseCountRange", "[import][limits][csv]") {
  CHECK(parse_count("100000")->value == 100000);
  CHECK_FALSE(parse_count("100001").has_value());
  CHECK_FALSE(parse_count("2000000000").has_value());
  CHECK_FALSE(parse_count("-700").has_value());
  CHECK_FALSE(parse_count("99999999999999999999").has_value());
}

TEST_CASE("ImportLimits.ADirectoryIsNotACsvFile", "[import][limits]") {
  CHECK_THROWS_WITH(read_csv(bad_csv.string()), Catch::Contains("is a directory, not a CSV file"));
  // Every input named as the import expects it, each a directory.
  const fs::path dir = fresh_folder("csv_directory");
  const ImportOptions files = default_import_files(dir.string());
  for (const std::string& f : {files.students, files.addresses, files.geocoded, files.cbs_youth, files.centroids})
    fs::create_directories(f);
  const Outcome r = stosim_run("import --data " + dir.string() + " -o " + (dir / "p.h5").string());
  INFO(r.output);
  CHECK(r.code == 2);
  CHECK_THAT(r.output, Catch::Contains("is a directory, not a CSV file"));
  CHECK_FALSE(fs::exists(dir / "p.h5"));
}

TEST_CASE("ImportLimits.SummaryOfExtremeTotalsHasNoOverflow", "[import][limits]") {
  ImportedPopulation p;
  p.report.youth_in_file = 1e308;
  p.report.youth_in_zones = -1e308;
  const std::string summary = import_summary(p);
  CHECK_THAT(summary, !Catch::Contains("-0 inhabitants"));
  CHECK_THAT(summary, Catch::Contains("(the CBS file has 1e+308)"));
}
