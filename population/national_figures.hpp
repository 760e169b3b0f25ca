#pragma once
// shared/data's national_vmbo_figures_pre2019.csv: published national figures before 2019/20
// (ocwincijfers, Techniekpact monitor, STO monitor), one per line with its source and unit.
#include <optional>
#include <string>
#include <vector>

namespace stosim {

struct NationalFigure {
  std::string source_url, indicator, leerweg, group, school_year, unit;
  double value = 0.0;
  int line = 0;
  int year_end() const;  // "2017/18" -> 2018; 0 when the school year is not of that form
};

struct NationalFigures {
  std::string path;
  std::vector<NationalFigure> figures;  // the lines whose value is a number
  // The figure with this indicator, leerweg, group and school year ("2017/18"), if present.
  std::optional<NationalFigure> find(std::string_view indicator, std::string_view leerweg, std::string_view group,
                                     std::string_view school_year) const;
};

// Throws DataError naming the file when it cannot be read or its header is not the expected one.
NationalFigures read_national_figures(const std::string& path);

}  // namespace stosim
