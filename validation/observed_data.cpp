#include "validation/observed_data.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <utility>

#include "sim/catalog.hpp"
#include "sim/csv_reader.hpp"
#include <algorithm>
#include "sim/data_error.hpp"
#include "population/duo_exams.hpp"
#include "population/national_figures.hpp"
#include "sim/atomic_write.hpp"
#include "population/population_import.hpp"

namespace stosim {

namespace {

const std::array<std::string_view, 5> technical_profiles = {"BWI", "PIE", "M&T", "MaT", "MVI"};

bool is_technical(int profile) {
  for (auto code : technical_profiles)
    if (profile_codes[static_cast<std::size_t>(profile)] == code) return true;
  return false;
}

struct Rows {
  std::string text = "indicator,level,unit,category,year,value,standard_error,source\n";
  void add(std::string_view indicator, std::string_view level, const std::string& unit, const std::string& category,
           int year, double value, double se, const std::string& source) {
    text += fmt::format("{},{},{},{},{},{:.6g},{:.4g},{}\n", indicator, level, unit, category, year, value, se, source);
  }
  // A complete count: its Poisson standard error (year-to-year noise the model cannot match).
  void count(std::string_view indicator, std::string_view level, const std::string& unit, const std::string& category,
             int year, double value, const std::string& source) {
    add(indicator, level, unit, category, year, value, std::sqrt(std::max(value, 1.0)), source);
  }
  // A share of complete counts: binomial standard error, at least that of rounding to 0.1 pp.
  void share(std::string_view indicator, std::string_view level, const std::string& unit, const std::string& category,
             int year, double part, double whole, const std::string& source) {
    const double p = part / whole;
    add(indicator, level, unit, category, year, p, std::max(std::sqrt(p * (1 - p) / whole), 0.001 / std::sqrt(12.0)),
        source);
  }
};

std::string leerweg_of(const std::string& text) {
  if (text == "vmbo-b" || text == "vmbo-bb") return "BB";
  if (text == "vmbo-k" || text == "vmbo-kb") return "KB";
  if (text == "vmbo-gl") return "GL";
  return "";
}

// The national figures before 2019/20 that have a model counterpart (the others are listed in
// docs/CALIBRATION.md with the reason they are left out).
void national_figures(const std::string& path, Rows& national, Rows& leerweg) {
  const NationalFigures figures = read_national_figures(path);
  const std::string file = std::filesystem::path(path).filename().string();
  for (const NationalFigure& f : figures.figures) {
    const int year = f.year_end();
    if (year == 0) continue;
    const std::string& indicator = f.indicator;
    const std::string source = fmt::format("{}:{}", file, f.line);
    const std::string lw = leerweg_of(f.leerweg);
    const std::string& group = f.group;
    if (indicator == "leerlingen leerjaar 3" && group == "totaal" && !lw.empty())
      leerweg.count("year3_students", "national", "", lw, year, f.value, source);
    else if (indicator == "leerlingen leerjaar 3 betatechniek" && !lw.empty())
      leerweg.count("year3_technical", "national", "", lw, year, f.value, source);
    else if (indicator == "aandeel leerjaar 3 betatechniek" && !lw.empty())
      // Published in whole percent: the rounding's standard error (1 pp / sqrt 12).
      leerweg.add("technical_share_year3", "national", "", lw, year, f.value / 100, 0.01 / std::sqrt(12.0), source);
    else if (indicator == "vestigingen die profiel aanbieden")
      national.count("programmes_offered", "national", "", group, year, f.value, source);
    else if (indicator == "docenten in technische profielen" && f.unit.rfind("fte", 0) == 0)
      // "about 1,000 fte": a tenth of it as the standard error.
      national.add("teachers_fte_total", "national", "", "", year, f.value, 0.1 * f.value, source);
  }
}

void exam_series(const ExamSeries& series, const std::map<std::string, std::size_t>& region_of,
                 const std::vector<std::string>& region_codes, Rows& leerweg, Rows& region) {
  // [year][leerweg][sector], nationally and per region.
  const std::size_t years = series.years.size();
  std::vector<std::array<std::array<double, n_sectors>, 3>> nation(years);
  std::vector<std::vector<std::array<std::array<double, n_sectors>, 3>>> by_region(
      region_codes.size(), std::vector<std::array<std::array<double, n_sectors>, 3>>(years));
  for (const ExamSeries::Cell& c : series.cells) {
    const auto lw = static_cast<std::size_t>(c.leerweg);
    const auto it = region_of.find(c.location);
    for (std::size_t y = 0; y < years; ++y) {
      const auto n = static_cast<double>(c.candidates[y]);
      nation[y][lw][static_cast<std::size_t>(c.sector)] += n;
      if (it != region_of.end()) by_region[it->second][y][lw][static_cast<std::size_t>(c.sector)] += n;
    }
  }
  const std::string source = "duo_examenkandidaten-en-geslaagden-2014-2019.csv";
  for (std::size_t lw = 0; lw < 3; ++lw)
    for (std::size_t k = 0; k < n_sectors; ++k) {
      const std::string category = fmt::format("{}/{}", leerweg_codes[lw], sector_codes[k]);
      for (std::size_t y = 0; y < years; ++y)
        leerweg.count("exam_candidates", "national", "", category, series.years[y], nation[y][lw][k], source);
      for (std::size_t g = 0; g < region_codes.size(); ++g) {
        double any = 0;
        for (std::size_t y = 0; y < years; ++y) any += by_region[g][y][lw][k];
        if (any == 0) continue;
        for (std::size_t y = 0; y < years; ++y)
          region.count("exam_candidates", "region", region_codes[g], category, series.years[y], by_region[g][y][lw][k],
                       source + " (locations of 2019/20)");
      }
    }
}

// Figures of 1 October 2019 (school year 2019/20) from the imported DUO file.
void students_2019(const ImportedPopulation& pop, Rows& national, Rows& leerweg, Rows& region) {
  const std::string source = "duo_leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv";
  const int year = pop.options.start_year;
  const auto& upper = pop.report.file_upper;
  double bkg = 0, bkg_technical = 0;
  for (std::size_t lw = 0; lw < n_leerwegen; ++lw) {
    double all = 0, technical = 0;
    for (std::size_t p = 0; p <= n_profiles; ++p) {
      all += static_cast<double>(upper[0][lw][p]);
      if (p < n_profiles && is_technical(static_cast<int>(p))) technical += static_cast<double>(upper[0][lw][p]);
      if (lw < 3)
        for (std::size_t g = 0; g < 2; ++g) {
          bkg += static_cast<double>(upper[g][lw][p]);
          if (p < n_profiles && is_technical(static_cast<int>(p))) bkg_technical += static_cast<double>(upper[g][lw][p]);
        }
    }
    const std::string code(leerweg_codes[lw]);
    leerweg.count("year3_students", "national", "", code, year, all, source);
    if (lw < 3) {
      leerweg.count("year3_technical", "national", "", code, year, technical, source);
      leerweg.share("technical_share_year3", "national", "", code, year, technical, all, source);
    }
  }
  national.count("bovenbouw_bkg_students", "national", "", "", year, bkg, source);
  national.count("bovenbouw_bkg_technical", "national", "", "", year, bkg_technical, source);
  national.share("technical_share_bovenbouw", "national", "", "", year, bkg_technical, bkg, source);
  // Per location and region, from the imported world (the import reproduces the file's counts).
  const World& w = pop.world;
  const std::size_t regions = w.regions.size();
  std::vector<std::array<double, n_leerwegen>> year3(regions);
  std::vector<double> r_bkg(regions), r_technical(regions);
  std::vector<std::array<bool, n_profiles>> offers(w.locations.size());
  for (std::size_t i = 0; i < w.students.size(); ++i) {
    const auto loc = static_cast<std::size_t>(w.students.location[i]);
    const auto g = static_cast<std::size_t>(w.locations.region[loc]);
    const auto lw = static_cast<std::size_t>(w.students.leerweg[i]);
    const int p = w.students.profile[i];
    if (w.students.grade[i] == 3) year3[g][lw] += 1;
    if (w.students.grade[i] >= 3 && lw < 3) {
      r_bkg[g] += 1;
      if (p >= 0 && is_technical(p)) r_technical[g] += 1;
    }
    if (w.students.grade[i] >= 3 && p >= 0) offers[loc][static_cast<std::size_t>(p)] = true;
  }
  std::vector<std::array<double, n_profiles>> offered(regions);
  std::array<double, n_profiles> nation_offered{};
  for (std::size_t l = 0; l < offers.size(); ++l)
    for (std::size_t p = 0; p < n_profiles; ++p)
      if (offers[l][p]) offered[static_cast<std::size_t>(w.locations.region[l])][p] += 1, nation_offered[p] += 1;
  for (std::size_t p = 0; p < n_profiles; ++p)
    national.count("programmes_taught", "national", "", std::string(profile_codes[p]), year, nation_offered[p],
                   source + " (locations with students in years 3-4)");
  for (std::size_t g = 0; g < regions; ++g) {
    const std::string& code = w.regions.code[g];
    for (std::size_t lw = 0; lw < n_leerwegen; ++lw)
      region.count("year3_students", "region", code, std::string(leerweg_codes[lw]), year, year3[g][lw], source);
    if (r_bkg[g] > 0) region.share("technical_share_bovenbouw", "region", code, "", year, r_technical[g], r_bkg[g], source);
    for (std::size_t p = 0; p < n_profiles; ++p)
      region.count("programmes_taught", "region", code, std::string(profile_codes[p]), year, offered[g][p], source);
  }
}

}  // namespace

std::vector<std::pair<std::string, std::string>> build_observed(const std::string& data_dir) {
  const std::filesystem::path dir(data_dir);
  const ImportedPopulation pop = import_population(default_import_files(data_dir));
  std::map<std::string, std::size_t> region_of;
  for (std::size_t l = 0; l < pop.world.locations.size(); ++l)
    region_of[pop.world.locations.code[l]] = static_cast<std::size_t>(pop.world.locations.region[l]);
  Rows national, leerweg, region;
  national_figures((dir / "national_vmbo_figures_pre2019.csv").string(), national, leerweg);
  exam_series(read_exam_series((dir / "duo_examenkandidaten-en-geslaagden-2014-2019.csv").string()), region_of,
              pop.world.regions.code, leerweg, region);
  students_2019(pop, national, leerweg, region);
  return {{"national.csv", national.text}, {"leerweg.csv", leerweg.text}, {"region.csv", region.text}};
}

int observed_command(const std::string& data_dir, const std::string& output_dir, bool quiet) {
  const auto files = build_observed(data_dir);
  std::filesystem::create_directories(output_dir);
  for (const auto& [name, text] : files) {
    const std::string path = (std::filesystem::path(output_dir) / name).string();
    write_text_atomically(path, text);
    if (!quiet) std::fprintf(stderr, "stosim: wrote %s\n", path.c_str());
  }
  return 0;
}

}  // namespace stosim
