#pragma once
// Reads DUO's "01. Leerlingen vo per vestiging naar onderwijstype" (count date 1 October):
// students per location (BRIN + vestigingsnummer) x onderwijstype and school year x AFDELING
// (vmbo profile) x sex. See docs/POPULATION.md for how each kind of row is used.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sim/catalog.hpp"
#include "sim/csv_reader.hpp"
#include "population/import_summary.hpp"

namespace stosim {

// A location code as stosim writes it: BRIN + two-digit vestigingsnummer ("00AH07"). DUO files
// give the vestigingsnummer either as the two digits or already prefixed with the BRIN.
std::optional<std::string> location_code(std::string_view brin, std::string_view vestigingsnummer);

// Profile of a year 3-4 AFDELING (case-insensitive): the profile names of sim/catalog.hpp, and
// vakmanschaps- and beroepsroutes folded into their sector's profile (techniek routes into D&P,
// as in sim/observed_2019.hpp). nullopt: unknown name.
std::optional<int> profile_of_afdeling(std::string_view afdeling);

// Leerwegen (bit l for leerweg l) and school types of a year 1-2 OPLEIDINGSNAAM such as
// "Ljvb op VMBO-Bbg/Kbg Lw" or "Ljvb op HAVO/VMBO-Th/Gm Lw".
struct BridgeProgramme {
  std::uint8_t leerwegen = 0;
  bool vmbo = false, havo = false, vwo = false;
};
BridgeProgramme bridge_programme(std::string_view opleidingsnaam);

struct DuoLocation {
  std::string code, brin, name, town, province;
  std::string file;  // the file and
  int line = 0;      // first line mentioning it
};

// Years 3-4 students of one cell (several rows can add to it: routes fold into profiles).
struct UpperCell {
  std::int32_t location;
  Leerweg leerweg;
  std::int8_t profile;  // no_profile in TL
  std::uint8_t grade;   // 3 or 4
  std::uint8_t is_male;
  std::int32_t count;
};

// One row of year 1-2 ("Brugjaar 1-2") students that may be vmbo.
struct BridgeRow {
  std::int32_t location;
  BridgeProgramme programme;
  std::array<std::array<std::int32_t, 2>, 2> count{};  // [grade 1, 2][female, male]
  int line = 0;
  std::string name;
};

struct DuoStudents {
  FileRead file;
  std::vector<DuoLocation> locations;  // every location of a vmbo or year 1-2 row
  std::map<std::string, std::int32_t> index;
  std::vector<UpperCell> upper;
  std::vector<BridgeRow> bridge;
  std::vector<std::int32_t> havo_year3, vwo_year3;  // per location: HAVO/VWO lj 3, year 3
  // The file's own totals of years 3-4, summed straight from its rows:
  // [grade 3, 4][leerweg][profile, or n_profiles for none].
  std::array<std::array<std::array<std::int64_t, n_profiles + 1>, n_leerwegen>, 2> file_total{};
  std::int64_t other_type_rows = 0, other_type_students = 0;  // havo, vwo, pro, ...
  // Every student count of the file ('<5' as 2), summed twice: over the rows the CSV reader made,
  // and line by line with split_line (sim/csv_reader.hpp). They must agree: a parse that loses
  // or merges lines cannot.
  std::int64_t students_in_rows = 0, students_in_lines = 0;
  ImportWarnings warnings;
};

DuoStudents read_duo_students(const std::string& path);
DuoStudents parse_duo_students(const CsvTable& table);

}  // namespace stosim
