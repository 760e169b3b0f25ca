#pragma once
// DUO's exam files, the observed series for calibration and validation:
// - "Examenkandidaten en geslaagden" 2014/15-2018/19: candidates per location x opleiding
//   ("VMBO K - techniek": leerweg and exam sector) x school year;
// - "Geslaagden, gezakten en cijfers" 2015/16-2018/19: candidates per location x leerweg x profile code.
// Together they show in which exam sector DUO counts each profile.
#include <array>
#include <map>
#include <string>
#include <vector>

#include "sim/catalog.hpp"
#include "population/import_summary.hpp"

namespace stosim {

struct ExamSeries {
  FileRead file;
  std::vector<int> years;  // school years by their end: 2015 = 2014/15
  struct Cell {
    std::string location;
    Leerweg leerweg;  // BB, KB or GL (DUO: B, K, G); other leerwegen are not kept
    int sector;       // index into sector_codes
    std::vector<std::int64_t> candidates;  // per year; "<5" counted as 2
  };
  std::vector<Cell> cells;
  ImportWarnings warnings;
};
ExamSeries read_exam_series(const std::string& path);

struct ExamProfiles {
  FileRead file;
  struct Cell {
    std::string location;
    Leerweg leerweg;
    int profile;  // no_profile in TL
    std::int64_t candidates;
  };
  std::vector<Cell> cells;
  // Old programmes and intrasectoral ones (not profiles), per leerweg (TL has none).
  std::array<std::int64_t, n_leerwegen> other_programme_candidates{};
  // Each vmbo location's name, municipality and province as the file gives them, and its first line.
  struct Place {
    std::string name, gemeente, province;
    int line = 0;
  };
  std::map<std::string, Place> places;
};
ExamProfiles read_exam_profiles(const std::string& path);

// For each profile, the share of its candidates that the counts of each sector at the same
// location and leerweg can hold: sum over cells of min(profile, sector) / sum of profile. A
// profile belongs to the sector that holds (nearly) all of them.
struct SectorMapping {
  std::array<int, n_profiles> sector{};
  std::array<std::array<double, n_sectors>, n_profiles> coverage{};
  std::size_t cells = 0;  // location x leerweg cells in both files
};
SectorMapping derive_sector_mapping(const ExamProfiles& profiles, const ExamSeries& series, int year);

// The series the no-STO dynamics are calibrated on: B/K/G candidates in the techniek sector.
struct TechniekSeries {
  std::vector<int> years;
  std::vector<double> share_pct;        // techniek candidates / all B/K/G candidates
  std::vector<double> locations;        // locations with techniek candidates
  // Per pair of consecutive years (years.size() - 1): locations that lost their techniek
  // candidates minus those that gained them, among locations with B/K/G candidates in both years.
  // Locations entering or leaving the file (closed, merged, renumbered) are left out: the model
  // has a fixed set of locations.
  std::vector<double> net_loss_continuing;
};
TechniekSeries techniek_series(const ExamSeries& series);

// Least-squares slope per year, and its standard error.
struct Trend {
  double slope = 0.0, standard_error = 0.0;
};
Trend linear_trend(const std::vector<int>& years, const std::vector<double>& values);

}  // namespace stosim
