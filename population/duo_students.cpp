#include "population/duo_students.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <utility>

namespace stosim {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Routes are small programmes inside a sector; they count with a profile of that sector.
// Techniek routes go to D&P (not a technical profile), so that the technical share is DUO's.
struct Route {
  std::string_view sector, profile;
};
constexpr std::array<Route, 4> route_sectors = {{
    {"economie", "E&O"}, {"landbouw", "Groen"}, {"zorg en welzijn", "Z&W"}, {"techniek", "D&P"}}};

enum class RowKind { upper, bridge, havo_vwo_year3, vavo, other };

struct Columns {
  std::size_t brin, vestiging, name, town, type, afdeling, opleiding;
  std::optional<std::size_t> element, province;
  std::array<std::array<std::size_t, 2>, 4> year;  // [year 1..4][female, male]
  std::vector<std::size_t> other_years;            // years 5-6, when present
};

Columns find_columns(const CsvTable& t) {
  Columns c{};
  c.brin = t.column({"BRIN NUMMER", "BRIN"});
  c.vestiging = t.column({"VESTIGINGSNUMMER"});
  c.name = t.column({"INSTELLINGSNAAM VESTIGING", "VESTIGINGSNAAM"});
  c.town = t.column({"PLAATSNAAM VESTIGING", "PLAATSNAAM"});
  c.type = t.column({"ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR"});
  c.afdeling = t.column({"AFDELING"});
  c.opleiding = t.column({"OPLEIDINGSNAAM"});
  c.element = t.find_column({"ELEMENTCODE"});
  c.province = t.find_column({"PROVINCIE VESTIGING", "PROVINCIE"});
  for (int y = 1; y <= 4; ++y) {
    const std::string female = fmt::format("LEER- OF VERBLIJFSJAAR {} - VROUW", y);
    const std::string male = fmt::format("LEER- OF VERBLIJFSJAAR {} - MAN", y);
    c.year[y - 1] = {t.column({female}), t.column({male})};
  }
  for (int y = 5; y <= 6; ++y)
    for (std::string_view sex : {"VROUW", "MAN"})
      if (auto k = t.find_column({fmt::format("LEER- OF VERBLIJFSJAAR {} - {}", y, sex)}))
        c.other_years.push_back(*k);
  return c;
}

RowKind row_kind(std::string_view type) {
  if (type == "Brugjaar 1-2") return RowKind::bridge;
  if (type == "HAVO/VWO lj 3") return RowKind::havo_vwo_year3;
  if (type.starts_with("VMBO") && type.find("VAVO") != std::string_view::npos) return RowKind::vavo;
  if (type.starts_with("VMBO") && type.find("lj 3-4") != std::string_view::npos) return RowKind::upper;
  return RowKind::other;
}

std::optional<Leerweg> upper_leerweg(std::string_view type) {
  // "VMBO BL lj 3-4": DUO writes BL/KL for the basis- and kaderberoepsgerichte leerweg.
  const std::string_view code = type.substr(5, 2);
  if (code == "BL" || code == "BB") return Leerweg::bb;
  if (code == "KL" || code == "KB") return Leerweg::kb;
  if (code == "GL") return Leerweg::gl;
  if (code == "TL") return Leerweg::tl;
  return std::nullopt;
}

class Parser {
 public:
  explicit Parser(const CsvTable& t) : t_(t), c_(find_columns(t)) {
    out_.file = {"students", t.file, std::string(encoding_name(t.encoding)), t.separator, t.size()};
  }

  DuoStudents run() {
    for (std::size_t r = 0; r < t_.size(); ++r) row(r);
    cross_check_totals();
    return std::move(out_);
  }

 private:
  std::int32_t count(std::size_t r, std::size_t column) {
    const auto n = parse_count(t_.rows[r][column]);
    if (!n)
      throw DataError(fmt::format("{}: '{}' is not a count of students", t_.where(r, column),
                                  t_.rows[r][column]));
    if (n->below_five) {
      out_.warnings.add("counts given as '<5' (imported as 2, the middle of 1-4; amount: students)", t_.where(r, column), 2);
      return 2;
    }
    return static_cast<std::int32_t>(n->value);
  }

  std::int32_t location(std::size_t r) {
    const auto& row = t_.rows[r];
    const auto code = location_code(row[c_.brin], row[c_.vestiging]);
    if (!code)
      throw DataError(fmt::format("{}: '{}' is neither a two-digit vestigingsnummer nor BRIN '{}' "
                                  "followed by one", t_.where(r, c_.vestiging), row[c_.vestiging], row[c_.brin]));
    const auto [it, added] = out_.index.emplace(*code, static_cast<std::int32_t>(out_.locations.size()));
    if (added) {
      out_.locations.push_back({*code, row[c_.brin], row[c_.name], row[c_.town],
                                c_.province ? row[*c_.province] : std::string(), t_.file, t_.line[r]});
      out_.havo_year3.push_back(0);
      out_.vwo_year3.push_back(0);
    }
    return it->second;
  }

  void check_duplicate(std::size_t r) {
    const auto& row = t_.rows[r];
    std::string key = *location_code(row[c_.brin], row[c_.vestiging]);
    for (std::size_t k : {c_.type, c_.afdeling, c_.opleiding}) key += '\x1f' + row[k];
    if (c_.element) key += '\x1f' + row[*c_.element];
    const auto [it, added] = seen_.emplace(key, t_.line[r]);
    if (!added)
      throw DataError(fmt::format("{}:{}: duplicate row: same location, onderwijstype, AFDELING "
                                  "and opleiding as line {}", t_.file, t_.line[r], it->second));
  }

  void row(std::size_t r) {
    const auto& row = t_.rows[r];
    const RowKind kind = row_kind(row[c_.type]);
    if (kind == RowKind::other) {
      ++out_.other_type_rows;
      for (const auto& year : c_.year) out_.other_type_students += count(r, year[0]) + count(r, year[1]);
      for (std::size_t k : c_.other_years) out_.other_type_students += count(r, k);
      return;
    }
    check_duplicate(r);
    const std::int32_t loc = location(r);
    switch (kind) {
      case RowKind::upper: upper(r, loc); break;
      case RowKind::bridge: bridge(r, loc); break;
      case RowKind::havo_vwo_year3: {
        const std::int32_t n = count(r, c_.year[2][0]) + count(r, c_.year[2][1]);
        (row[c_.opleiding] == "HAVO" ? out_.havo_year3 : out_.vwo_year3)[static_cast<std::size_t>(loc)] += n;
        break;
      }
      case RowKind::vavo: {
        std::int64_t n = 0;
        for (const auto& year : c_.year) n += count(r, year[0]) + count(r, year[1]);
        for (std::size_t k : c_.other_years) n += count(r, k);
        if (n > 0)
          out_.warnings.add("vmbo students taught at adult education (VAVO): not imported (amount: students)",
                            fmt::format("{}:{}", t_.file, t_.line[r]), n);
        break;
      }
      case RowKind::other: break;
    }
  }

  void upper(std::size_t r, std::int32_t loc) {
    const auto& row = t_.rows[r];
    const auto lw = upper_leerweg(row[c_.type]);
    if (!lw)
      throw DataError(fmt::format("{}: unknown leerweg in '{}' (expected VMBO BL, KL, GL or TL lj 3-4)",
                                  t_.where(r, c_.type), row[c_.type]));
    int profile = no_profile;
    if (has_profile(*lw)) {
      const auto p = profile_of_afdeling(row[c_.afdeling]);
      if (!p)
        throw DataError(fmt::format("{}: unknown profile name '{}' (known: the ten vmbo profiles "
                                    "such as 'Produceren, installeren en energie', and "
                                    "vakmanschaps- or beroepsroutes of a sector)",
                                    t_.where(r, c_.afdeling), row[c_.afdeling]));
      profile = *p;
    }
    for (int grade = 3; grade <= 4; ++grade)
      for (int male = 0; male < 2; ++male) {
        const std::int32_t n = count(r, c_.year[grade - 1][male]);
        if (n == 0) continue;
        out_.upper.push_back({loc, *lw, static_cast<std::int8_t>(profile),
                              static_cast<std::uint8_t>(grade), static_cast<std::uint8_t>(male), n});
        out_.file_total[grade - 3][static_cast<int>(*lw)][profile == no_profile ? n_profiles : profile] += n;
      }
    std::int64_t elsewhere = 0;
    for (int y : {0, 1}) elsewhere += count(r, c_.year[y][0]) + count(r, c_.year[y][1]);
    for (std::size_t k : c_.other_years) elsewhere += count(r, k);
    if (elsewhere > 0)
      out_.warnings.add("students in years 1-2 or 5-6 of a vmbo years 3-4 row: not imported (amount: students)",
                        fmt::format("{}:{}", t_.file, t_.line[r]), elsewhere);
  }

  void bridge(std::size_t r, std::int32_t loc) {
    const auto& row = t_.rows[r];
    BridgeRow b{loc, bridge_programme(row[c_.opleiding]), {}, t_.line[r], row[c_.opleiding]};
    std::int64_t total = 0;
    for (int g = 0; g < 2; ++g)
      for (int male = 0; male < 2; ++male) total += b.count[g][male] = count(r, c_.year[g][male]);
    if (!b.programme.vmbo) return;  // a havo/vwo brugklas
    if (b.programme.leerwegen == 0) {
      out_.warnings.add(fmt::format("year 1-2 programme '{}' names no known leerweg: not imported (amount: students)", b.name),
                        fmt::format("{}:{}", t_.file, t_.line[r]), total);
      return;
    }
    out_.bridge.push_back(std::move(b));
  }

  std::vector<std::size_t> count_columns() const {
    std::vector<std::size_t> columns = c_.other_years;
    for (const auto& year : c_.year) columns.insert(columns.end(), year.begin(), year.end());
    return columns;
  }

  static std::int64_t students_in(const std::vector<std::string>& fields, const std::vector<std::size_t>& columns) {
    std::int64_t n = 0;
    for (std::size_t k : columns) {
      const auto count = k < fields.size() ? parse_count(fields[k]) : std::nullopt;
      if (count) n += count->below_five ? 2 : count->value;
    }
    return n;
  }

  // The file's own total, from its lines, against the rows the reader made.
  void cross_check_totals() {
    const std::vector<std::size_t> columns = count_columns();
    for (const auto& row : t_.rows) out_.students_in_rows += students_in(row, columns);
    bool header = true;
    for (const std::string& line : t_.lines) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      if (!std::exchange(header, false)) out_.students_in_lines += students_in(split_line(line, t_.separator), columns);
    }
    if (out_.students_in_rows != out_.students_in_lines)
      throw DataError(fmt::format("{}: the rows read hold {} students, but the file's lines, summed one by one, "
                                  "hold {}: lines were lost or merged (a stray '\"'?)",
                                  t_.file, out_.students_in_rows, out_.students_in_lines));
  }

  const CsvTable& t_;
  Columns c_;
  DuoStudents out_;
  std::map<std::string, int> seen_;
};

}  // namespace

std::optional<std::string> location_code(std::string_view brin, std::string_view vestiging) {
  if (brin.size() != 4) return std::nullopt;
  const auto digits = [](std::string_view s) {
    return s.size() == 2 && std::isdigit(static_cast<unsigned char>(s[0])) &&
           std::isdigit(static_cast<unsigned char>(s[1]));
  };
  if (digits(vestiging)) return std::string(brin) + std::string(vestiging);
  if (vestiging.size() == 6 && vestiging.substr(0, 4) == brin && digits(vestiging.substr(4)))
    return std::string(vestiging);
  return std::nullopt;
}

std::optional<int> profile_of_afdeling(std::string_view afdeling) {
  const std::string name = lower(afdeling);
  for (int p = 0; p < n_profiles; ++p)
    if (lower(profile_names[p]) == name) return p;
  for (std::string_view prefix : {"vakmanschapsroute ", "beroepsroute "})
    if (name.starts_with(prefix))
      for (const Route& route : route_sectors)
        if (std::string_view(name).substr(prefix.size()) == route.sector) return profile_index(route.profile);
  return std::nullopt;
}

BridgeProgramme bridge_programme(std::string_view name) {
  BridgeProgramme b;
  std::string token;
  const auto take = [&] {
    const std::string t = lower(token);
    token.clear();
    if (t == "vmbo" || t == "lwoo" || t == "mavo" || t == "lw") b.vmbo = true;
    if (t == "bbg") b.leerwegen |= 1u << 0;
    if (t == "kbg") b.leerwegen |= 1u << 1;
    if (t == "gm") b.leerwegen |= 1u << 2;
    if (t == "th" || t == "theor" || t == "mavo") b.leerwegen |= 1u << 3;
    if (t == "alle" || t == "maritiem") b.leerwegen |= 0b1111u;  // MaT schools teach every leerweg
    if (t == "havo") b.havo = true;
    if (t == "vwo") b.vwo = true;
  };
  for (char c : name) {
    if (c == ' ' || c == '/' || c == '-') take();
    else token += c;
  }
  take();
  return b;
}

DuoStudents parse_duo_students(const CsvTable& table) { return Parser(table).run(); }

DuoStudents read_duo_students(const std::string& path) { return parse_duo_students(read_csv(path)); }

}  // namespace stosim
