#include "population/national_figures.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <utility>

#include "sim/csv_reader.hpp"
#include "sim/data_error.hpp"

namespace stosim {

int NationalFigure::year_end() const {
  if (school_year.size() != 7 || school_year[4] != '/') return 0;
  return std::stoi(school_year.substr(0, 4)) + 1;
}

std::optional<NationalFigure> NationalFigures::find(std::string_view indicator, std::string_view leerweg,
                                                    std::string_view group, std::string_view school_year) const {
  for (const NationalFigure& f : figures)
    if (f.indicator == indicator && f.leerweg == leerweg && f.group == group && f.school_year == school_year) return f;
  return std::nullopt;
}

namespace {

// The file is ';'-separated, but its last column (a note) may itself hold ';': the fields after
// the seventh belong to the note.
std::vector<std::string> split_figure_line(const std::string& line) {
  std::vector<std::string> fields;
  std::string current;
  for (char c : line) {
    if (c == ';' && fields.size() < 7) fields.push_back(std::exchange(current, {}));
    else current += c;
  }
  fields.push_back(current);
  return fields;
}

}  // namespace

NationalFigures read_national_figures(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw DataError(fmt::format("{}: cannot read", path));
  NationalFigures out{path, {}};
  const std::vector<std::string> expected = {"bron_url", "indicator", "leerweg", "groep", "schooljaar", "waarde", "eenheid"};
  int line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::vector<std::string> f = split_figure_line(line);
    if (line_number == 1) {
      if (f.size() < expected.size() || !std::equal(expected.begin(), expected.end(), f.begin()))
        throw DataError(fmt::format("{}:1: expected the columns bron_url;indicator;leerweg;groep;schooljaar;waarde;"
                                    "eenheid;opmerking", path));
      continue;
    }
    if (f.size() < expected.size()) continue;
    const auto value = parse_decimal(f[5]);
    if (!value) continue;
    out.figures.push_back({f[0], f[1], f[2], f[3], f[4], f[6], *value, line_number});
  }
  return out;
}

}  // namespace stosim
