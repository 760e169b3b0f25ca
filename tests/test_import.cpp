// `stosim import` on the real DUO and CBS files, and on malformed copies of them made here:
// each problem is a clear error naming file, line and column, or a counted warning.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "import_helpers.hpp"
#include "population/duo_students.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

const ImportedPopulation& real_import() {
  static const ImportedPopulation population = import_population(default_import_files(shared_data.string()));
  return population;
}

std::int64_t total(const ImportReport& r, int grade) {
  std::int64_t n = 0;
  for (const auto& leerweg : r.imported_upper[grade - 3])
    for (std::int64_t v : leerweg) n += v;
  return n;
}

std::int64_t warnings_of(const ImportedPopulation& p, const std::string& start) {
  for (const auto& [what, e] : p.report.warnings.entries)
    if (what.rfind(start, 0) == 0) return e.count;
  return 0;
}

// Index (0-based) of the first line containing `text`.
std::size_t line_with(const std::vector<std::string>& lines, const std::string& text) {
  const auto it = std::find_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
  REQUIRE(it != lines.end());
  return static_cast<std::size_t>(it - lines.begin());
}

std::vector<std::string> fields(const std::string& line, char separator = ';') {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == separator) out.emplace_back();
    else out.back() += c;
  }
  return out;
}

std::string joined(const std::vector<std::string>& f, char separator = ';') {
  std::string out;
  for (std::size_t i = 0; i < f.size(); ++i) out += (i ? std::string(1, separator) : "") + f[i];
  return out;
}

const std::string students_file = "duo_leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv";
constexpr std::size_t year3_male_column = 14;  // LEER- OF VERBLIJFSJAAR 3 - MAN

}  // namespace

TEST_CASE("Import.RealFiles.CountsAgreeWithTheFile", "[import]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const ImportedPopulation& p = real_import();
  CHECK(p.report.imported_upper == p.report.file_upper);
  CHECK(total(p.report, 3) == 99591);
  CHECK(total(p.report, 4) == 101975);
  CHECK(p.world.locations.size() == 925);
  CHECK(p.world.regions.size() == 78);
  CHECK(p.world.zones.size() > 4000);
  // Year 3 BB/KB/GL: 61,508 students, 11,509 technical (shared/data/SOURCES.md).
  std::int64_t bkg = 0, technical = 0;
  for (int lw = 0; lw < 3; ++lw)
    for (int pr = 0; pr < n_profiles; ++pr) {
      bkg += p.report.imported_upper[0][lw][pr];
      if (pr <= 4) technical += p.report.imported_upper[0][lw][pr];  // BWI PIE M&T MaT MVI
    }
  CHECK(bkg == 61508);
  CHECK(technical == 11509);
  const std::string summary = import_summary(p);
  CHECK_THAT(summary, Catch::Contains("11,509 of 61,508 = 18.7 % (BB 22.4 %, KB 21.7 %, GL 9.2 %)"));
  CHECK_THAT(summary, Catch::Contains("BWI 179, PIE 223, M&T 98, MaT 6, MVI 53"));
  // Every year 1-2 student of the file is imported or accounted for.
  std::int64_t bridge = 0;
  for (std::int64_t n : p.report.imported_bridge) bridge += n;
  CHECK(bridge + p.report.bridge_havo_vwo + p.report.bridge_not_placed == p.report.bridge_in_file);
  CHECK(static_cast<std::int64_t>(p.world.students.size()) == total(p.report, 3) + total(p.report, 4) + bridge);
}

TEST_CASE("Import.RealFiles.ConsistentWorld", "[import]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const World& w = real_import().world;
  std::size_t leerweg_not_taught = 0, profile_not_offered = 0, bad_region = 0, far_away = 0;
  for (std::size_t i = 0; i < w.students.size(); ++i) {
    const auto l = static_cast<std::size_t>(w.students.location[i]);
    leerweg_not_taught += !w.locations.offers(l, w.students.leerweg[i]);
    if (w.students.profile[i] != no_profile) profile_not_offered += !w.programmes.offered[programme_index(l, w.students.profile[i])];
  }
  for (std::int32_t r : w.zones.region) bad_region += r < 0 || r >= 78;
  // Coordinates are in km around the middle of the country (sim/projection.hpp).
  for (std::size_t l = 0; l < w.locations.size(); ++l)
    far_away += std::abs(w.locations.x_km[l]) > 200 || std::abs(w.locations.y_km[l]) > 250;
  CHECK(leerweg_not_taught == 0);
  CHECK(profile_not_offered == 0);
  CHECK(bad_region == 0);
  CHECK(far_away == 0);
}

TEST_CASE("Import.RealFiles.Deterministic", "[import]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const ImportedPopulation again = import_population(default_import_files(shared_data.string()));
  CHECK(again.world.students.home_zone == real_import().world.students.home_zone);
  CHECK(again.world.locations.region == real_import().world.locations.region);
  CHECK(again.world.regions.name == real_import().world.regions.name);
}

TEST_CASE("Import.Malformed.MissingColumn", "[import]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const DataCopy data("missing_column");
  data.edit_lines("leerlingen", [](std::vector<std::string>& lines) {
    for (std::string& line : lines) {
      std::vector<std::string> f = fields(line);
      f.erase(f.begin() + 7);  // AFDELING
      line = joined(f);
    }
  });
  CHECK_THAT(import_error(data.options()), Catch::Contains(students_file + ":1: missing column 'AFDELING' (the file has: BRIN NUMMER"));
}

TEST_CASE("Import.Malformed.BrokenEncoding", "[import]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const DataCopy data("broken_encoding");
  const std::string original = read_bytes(data.file("leerlingen"));
  const auto first_high = std::find_if(original.begin(), original.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  const auto latin_line = 1 + std::count(original.begin(), first_high, '\n');
  // A name pasted in UTF-8 into the Windows-1252 file on line 10.
  data.edit_lines("leerlingen", [](std::vector<std::string>& lines) { lines[9] += "\xC3\xAB"; });
  CHECK_THAT(import_error(data.options()),
             Catch::Contains(fmt::format("{}:{}: broken encoding: byte 0x{:02X} is not UTF-8, but line 10 is UTF-8",
                                         students_file, latin_line, static_cast<unsigned char>(*first_high))));
}

TEST_CASE("Import.Malformed.DuplicateRow", "[import]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const DataCopy data("duplicate_row");
  std::size_t copied = 0, last = 0;
  data.edit_lines("leerlingen", [&](std::vector<std::string>& lines) {
    copied = line_with(lines, ";VMBO KL lj 3-4;");
    lines.push_back(lines[copied]);
    last = lines.size();
  });
  CHECK_THAT(import_error(data.options()),
             Catch::Contains(fmt::format("{}:{}: duplicate row: same location, onderwijstype, AFDELING and opleiding as line {}",
                                         students_file, last, copied + 1)));
}

TEST_CASE("Import.Malformed.UnknownProfileName", "[import]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const DataCopy data("unknown_profile");
  std::size_t at = 0;
  data.edit_lines("leerlingen", [&](std::vector<std::string>& lines) {
    at = line_with(lines, ";Produceren, installeren en energie;");
    std::vector<std::string> f = fields(lines[at]);
    f[7] = "Produceren en installeren";
    lines[at] = joined(f);
  });
  CHECK_THAT(import_error(data.options()),
             Catch::Contains(fmt::format("{}:{}: AFDELING: unknown profile name 'Produceren en installeren'", students_file, at + 1)));
}

TEST_CASE("Import.Malformed.CountNotANumber", "[import]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const DataCopy data("bad_count");
  std::size_t at = 0;
  data.edit_lines("leerlingen", [&](std::vector<std::string>& lines) {
    at = line_with(lines, ";VMBO BL lj 3-4;");
    std::vector<std::string> f = fields(lines[at]);
    f[year3_male_column] = "12a";
    lines[at] = joined(f);
  });
  CHECK_THAT(import_error(data.options()),
             Catch::Contains(fmt::format("{}:{}: LEER- OF VERBLIJFSJAAR 3 - MAN: '12a' is not a count of students", students_file, at + 1)));
}

TEST_CASE("Import.Malformed.SmallCountIsACountedWarning", "[import]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const DataCopy data("small_count");
  std::int64_t was = 0;
  Leerweg leerweg = Leerweg::bb;
  int profile = 0;
  data.edit_lines("leerlingen", [&](std::vector<std::string>& lines) {
    const std::size_t at = line_with(lines, ";VMBO BL lj 3-4;");
    std::vector<std::string> f = fields(lines[at]);
    was = std::stoll(f[year3_male_column]);
    profile = *profile_of_afdeling(f[7]);
    f[year3_male_column] = "<5";
    lines[at] = joined(f);
  });
  const ImportedPopulation p = import_population(data.options());
  CHECK(warnings_of(p, "counts given as '<5'") == 1);
  const auto& real = real_import().report.file_upper[0][static_cast<int>(leerweg)][profile];
  CHECK(p.report.file_upper[0][static_cast<int>(leerweg)][profile] == real - was + 2);
  CHECK(p.report.imported_upper == p.report.file_upper);
}

TEST_CASE("Import.Malformed.LocationWithoutCoordinates", "[import]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const ImportedPopulation& real = real_import();
  // A geocoded location in a town with other locations, taken out of both place files.
  std::string code;
  for (std::size_t l = 0; l < real.world.locations.size() && code.empty(); ++l)
    for (std::size_t k = 0; k < real.world.locations.size(); ++k)
      if (k != l && real.details.coordinate_source[l] == "geocoded" && real.details.town[k] == real.details.town[l])
        code = real.world.locations.code[l];
  REQUIRE_FALSE(code.empty());
  const DataCopy data("no_coordinates");
  const auto drop = [&](std::vector<std::string>& lines, const std::string& marker) {
    lines.erase(std::remove_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(marker) != std::string::npos; }), lines.end());
  };
  data.edit_lines("geocoded", [&](std::vector<std::string>& lines) { drop(lines, code + ","); });
  data.edit_lines("alle-vestigingen", [&](std::vector<std::string>& lines) { drop(lines, ";" + code + ";"); });
  const ImportedPopulation p = import_population(data.options());
  const std::string warning = "locations without geocode or postcode, placed at the mean of the locations in their town";
  CHECK(warnings_of(p, warning) == warnings_of(real, warning) + 1);
  CHECK(warnings_of(p, "locations missing from the address file") == warnings_of(real, "locations missing from the address file") + 1);
  CHECK(p.report.imported_upper == real.report.imported_upper);
}

TEST_CASE("Import.Malformed.DuplicateIdsInPlaceFiles", "[import]") {
  STOSIM_REQUIRE_SHARED_DATA();
  {
    const DataCopy data("geocoded_duplicate");
    std::string code;
    std::size_t last = 0;
    data.edit_lines("geocoded", [&](std::vector<std::string>& lines) {
      std::vector<std::string> f = fields(lines[1], ',');
      code = f[0];
      f.back() = std::to_string(std::stod(f.back()) + 0.5);  // lat half a degree north
      lines.push_back(joined(f, ','));
      last = lines.size();
    });
    CHECK_THAT(import_error(data.options()),
               Catch::Contains(fmt::format("vo_vestigingen_geocoded_2024-11-22.csv:{}: vestigingscode: duplicate location {}", last, code)));
    CHECK_THAT(import_error(data.options()), Catch::Contains("km away from line 2"));
  }
  {
    const DataCopy data("address_duplicate");
    std::size_t last = 0;
    data.edit_lines("alle-vestigingen", [&](std::vector<std::string>& lines) {
      lines.push_back(lines[1]);
      last = lines.size();
    });
    CHECK_THAT(import_error(data.options()),
               Catch::Contains(fmt::format("duo_alle-vestigingen-vo_ginberg-2020-12.csv:{}: VESTIGINGSNUMMER: duplicate location 18BR00 (also on line 2)", last)));
  }
}

TEST_CASE("Import.Malformed.YouthCount", "[import]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const DataCopy data("youth");
  data.edit_lines("cbs_pc4", [](std::vector<std::string>& lines) {
    std::vector<std::string> f = fields(lines[1], ',');
    f[2] = "7x0";
    lines[1] = joined(f, ',');
  });
  CHECK_THAT(import_error(data.options()),
             Catch::Contains("cbs_pc4_2023_v2_vmbo_afstand_subset.csv:2: inwoners_tot_15_jaar: '7x0' is not a number of inhabitants"));
}

TEST_CASE("Import.RegionTable", "[import]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const ImportedPopulation& real = real_import();
  const DataCopy data("region_table");
  std::string table = "location,region,region_name\n";
  for (std::size_t l = 0; l < real.world.locations.size(); ++l)
    table += fmt::format("{},R{},Regio {}\n", real.world.locations.code[l], l % 3, l % 3);
  ImportOptions o = data.options();
  o.region_table = (data.dir() / "regions.csv").string();
  write_bytes(o.region_table, table);
  const ImportedPopulation p = import_population(o);
  CHECK(p.world.regions.code == std::vector<std::string>{"R0", "R1", "R2"});
  CHECK(p.world.locations.region[4] == 1);
  // A location left out is an error, not a silent drop.
  write_bytes(o.region_table, table.substr(0, table.rfind('\n', table.size() - 2) + 1));
  CHECK_THAT(import_error(o), Catch::Contains("regions.csv: 1 imported locations have no region, e.g. " + real.world.locations.code.back()));
}

TEST_CASE("Import.CommandLine.BadInputWritesNothing", "[import][e2e]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const DataCopy data("cli");
  data.edit_lines("leerlingen", [](std::vector<std::string>& lines) { lines.push_back(lines[line_with(lines, ";VMBO GL lj 3-4;")]); });
  const fs::path out = data.dir() / "population.h5", log = data.dir() / "log.txt";
  const std::string command = fmt::format("{} import --data {} -o {} > {} 2>&1", STOSIM_EXECUTABLE, data.dir().string(), out.string(), log.string());
  const int status = std::system(command.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  CHECK_THAT(read_bytes(log), Catch::Contains("duplicate row") && Catch::Contains("nothing was written"));
  CHECK_FALSE(fs::exists(out));
  for (const auto& e : fs::directory_iterator(data.dir())) CHECK(e.path().string().find(".tmp-") == std::string::npos);
}
