#include "population/duo_exams.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>

#include "sim/csv_reader.hpp"
#include "population/duo_students.hpp"

namespace stosim {

namespace {

std::optional<int> sector_of(std::string_view text) {
  if (text == "zorg & welzijn" || text == "zorg en welzijn") return 2;
  for (int k = 0; k < n_sectors; ++k)
    if (sector_codes[k] == text) return k;
  return std::nullopt;
}

// "B", "K", "G" in the series; "BL", "KL", "GL" in the profile file.
std::optional<Leerweg> bkg(std::string_view code) {
  if (code == "B" || code == "BL") return Leerweg::bb;
  if (code == "K" || code == "KL") return Leerweg::kb;
  if (code == "G" || code == "GL") return Leerweg::gl;
  return std::nullopt;
}

std::string code_at(const CsvTable& t, std::size_t r, std::size_t brin, std::size_t vestiging) {
  const auto code = location_code(t.rows[r][brin], t.rows[r][vestiging]);
  if (!code)
    throw DataError(fmt::format("{}: '{}' is not a location code", t.where(r, vestiging), t.rows[r][vestiging]));
  return *code;
}

std::int64_t candidates_at(const CsvTable& t, std::size_t r, std::size_t column, ImportWarnings& warnings) {
  const auto n = parse_count(t.rows[r][column]);
  if (!n) throw DataError(fmt::format("{}: '{}' is not a number of candidates", t.where(r, column), t.rows[r][column]));
  if (n->below_five) {
    warnings.add("candidate counts given as '<5' (counted as 2, the middle of 1-4)", t.where(r, column));
    return 2;
  }
  return n->value;
}

}  // namespace

ExamSeries read_exam_series(const std::string& path) {
  const CsvTable t = read_csv(path);
  ExamSeries out;
  out.file = {"exam_series", path, std::string(encoding_name(t.encoding)), t.separator, t.size()};
  const std::size_t brin = t.column({"BRIN NUMMER"}), vestiging = t.column({"VESTIGINGSNUMMER"});
  const std::size_t type = t.column({"ONDERWIJSTYPE VO"}), programme = t.column({"OPLEIDINGSNAAM"});
  const std::regex total(R"(EXAMENKANDIDATEN SCHOOLJAAR (\d{4})-(\d{4}) - TOTAAL)", std::regex::icase);
  std::vector<std::size_t> year_column;
  for (std::size_t c = 0; c < t.header.size(); ++c)
    if (std::smatch m; std::regex_match(t.header[c], m, total)) {
      out.years.push_back(std::stoi(m[2].str()));
      year_column.push_back(c);
    }
  if (year_column.empty())
    throw DataError(fmt::format("{}:1: missing column 'EXAMENKANDIDATEN SCHOOLJAAR YYYY-YYYY - TOTAAL'", path));
  for (std::size_t r = 0; r < t.size(); ++r) {
    const std::string& name = t.rows[r][programme];
    if (t.rows[r][type] != "VMBO") continue;
    // "VMBO K - techniek": leerweg, then sector; "VMBO T" has no sector.
    const auto dash = name.find(" - ");
    if (dash == std::string::npos || !name.starts_with("VMBO ")) continue;
    const auto leerweg = bkg(name.substr(5, dash - 5));
    if (!leerweg) continue;  // TL and leerwerktrajecten: not part of the B/K/G series
    const auto sector = sector_of(name.substr(dash + 3));
    if (!sector)
      throw DataError(fmt::format("{}: unknown exam sector '{}' (known: techniek, economie, zorg en welzijn, "
                                  "landbouw, intersectoraal)", t.where(r, programme), name.substr(dash + 3)));
    ExamSeries::Cell cell{code_at(t, r, brin, vestiging), *leerweg, *sector, {}};
    for (std::size_t c : year_column) cell.candidates.push_back(candidates_at(t, r, c, out.warnings));
    out.cells.push_back(std::move(cell));
  }
  return out;
}

ExamProfiles read_exam_profiles(const std::string& path) {
  const CsvTable t = read_csv(path);
  ExamProfiles out;
  out.file = {"exam_profiles", path, std::string(encoding_name(t.encoding)), t.separator, t.size()};
  const std::size_t brin = t.column({"BRIN NUMMER"}), vestiging = t.column({"VESTIGINGSNUMMER"});
  const std::size_t type = t.column({"ONDERWIJSTYPE VO"}), leerweg_column = t.column({"LEERWEG VMBO"});
  const std::size_t afdeling = t.column({"AFDELING"}), candidates = t.column({"EXAMENKANDIDATEN"});
  const std::size_t name = t.column({"INSTELLINGSNAAM VESTIGING"}), gemeente = t.column({"GEMEENTENAAM VESTIGING"});
  const std::size_t province = t.column({"PROVINCIE VESTIGING"});
  // DUO's profile codes in this file.
  const std::map<std::string, std::string_view> profile_code = {
      {"BWI", "BWI"}, {"PIE", "PIE"}, {"MTR", "M&T"}, {"MTE", "MaT"}, {"MVI", "MVI"},
      {"G", "Groen"}, {"DP", "D&P"},  {"EO", "E&O"},  {"ZWE", "Z&W"}, {"HBR", "HBR"}};
  ImportWarnings ignored;
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (t.rows[r][type] != "VMBO") continue;
    const std::string& lw = t.rows[r][leerweg_column];
    const auto leerweg = lw == "TL" ? std::optional<Leerweg>(Leerweg::tl) : bkg(lw);
    if (!leerweg) continue;
    const std::string location = code_at(t, r, brin, vestiging);
    out.places.try_emplace(location, ExamProfiles::Place{t.rows[r][name], t.rows[r][gemeente], t.rows[r][province], t.line[r]});
    const std::int64_t n = candidates_at(t, r, candidates, ignored);
    if (*leerweg == Leerweg::tl) {
      out.cells.push_back({location, *leerweg, no_profile, n});
      continue;
    }
    const auto code = profile_code.find(t.rows[r][afdeling]);
    if (code == profile_code.end()) {
      out.other_programme_candidates[static_cast<int>(*leerweg)] += n;
      continue;
    }
    out.cells.push_back({location, *leerweg, *profile_index(code->second), n});
  }
  return out;
}

SectorMapping derive_sector_mapping(const ExamProfiles& profiles, const ExamSeries& series, int year) {
  const auto y = std::find(series.years.begin(), series.years.end(), year);
  if (y == series.years.end())
    throw DataError(fmt::format("{}: no column for school year {}/{}", series.file.path, year - 1, year));
  const auto column = static_cast<std::size_t>(y - series.years.begin());
  using Key = std::pair<std::string, int>;  // location, leerweg
  std::map<Key, std::array<std::int64_t, n_profiles>> by_profile;
  std::map<Key, std::array<std::int64_t, n_sectors>> by_sector;
  for (const auto& c : profiles.cells)
    if (c.profile != no_profile) by_profile[{c.location, static_cast<int>(c.leerweg)}][c.profile] += c.candidates;
  for (const auto& c : series.cells) by_sector[{c.location, static_cast<int>(c.leerweg)}][c.sector] += c.candidates[column];
  SectorMapping m;
  std::array<std::array<double, n_sectors>, n_profiles> held{};
  std::array<double, n_profiles> total{};
  for (const auto& [key, p] : by_profile) {
    const auto s = by_sector.find(key);
    if (s == by_sector.end()) continue;
    ++m.cells;
    for (int pr = 0; pr < n_profiles; ++pr) {
      total[pr] += static_cast<double>(p[pr]);
      for (int k = 0; k < n_sectors; ++k) held[pr][k] += static_cast<double>(std::min(p[pr], s->second[k]));
    }
  }
  for (int pr = 0; pr < n_profiles; ++pr) {
    for (int k = 0; k < n_sectors; ++k) m.coverage[pr][k] = total[pr] > 0 ? held[pr][k] / total[pr] : 0.0;
    m.sector[pr] = static_cast<int>(std::max_element(m.coverage[pr].begin(), m.coverage[pr].end()) - m.coverage[pr].begin());
  }
  return m;
}

TechniekSeries techniek_series(const ExamSeries& series) {
  const std::size_t years = series.years.size();
  std::vector<double> all(years, 0.0), techniek(years, 0.0);
  std::vector<std::set<std::string>> with_techniek(years), with_any(years);
  const int techniek_sector = *sector_of("techniek");
  for (const auto& c : series.cells)
    for (std::size_t y = 0; y < years; ++y) {
      all[y] += static_cast<double>(c.candidates[y]);
      if (c.candidates[y] > 0) with_any[y].insert(c.location);
      if (c.sector != techniek_sector || c.candidates[y] == 0) continue;
      techniek[y] += static_cast<double>(c.candidates[y]);
      with_techniek[y].insert(c.location);
    }
  TechniekSeries out{series.years, {}, {}, {}};
  for (std::size_t y = 0; y < years; ++y) {
    out.share_pct.push_back(all[y] > 0 ? 100.0 * techniek[y] / all[y] : 0.0);
    out.locations.push_back(static_cast<double>(with_techniek[y].size()));
  }
  for (std::size_t y = 0; y + 1 < years; ++y) {
    double lost = 0, gained = 0;
    for (const std::string& l : with_any[y]) {
      if (!with_any[y + 1].contains(l)) continue;
      lost += with_techniek[y].contains(l) && !with_techniek[y + 1].contains(l);
      gained += !with_techniek[y].contains(l) && with_techniek[y + 1].contains(l);
    }
    out.net_loss_continuing.push_back(lost - gained);
  }
  return out;
}

Trend linear_trend(const std::vector<int>& years, const std::vector<double>& values) {
  const auto n = static_cast<double>(years.size());
  if (years.size() < 2) return {};
  double mean_x = 0, mean_y = 0;
  for (std::size_t i = 0; i < years.size(); ++i) mean_x += years[i] / n, mean_y += values[i] / n;
  double sxx = 0, sxy = 0;
  for (std::size_t i = 0; i < years.size(); ++i) {
    sxx += (years[i] - mean_x) * (years[i] - mean_x);
    sxy += (years[i] - mean_x) * (values[i] - mean_y);
  }
  Trend t{sxy / sxx, 0.0};
  if (years.size() > 2) {
    double ssr = 0;
    for (std::size_t i = 0; i < years.size(); ++i) {
      const double residual = values[i] - (mean_y + t.slope * (years[i] - mean_x));
      ssr += residual * residual;
    }
    t.standard_error = std::sqrt(ssr / (n - 2) / sxx);
  }
  return t;
}

}  // namespace stosim
