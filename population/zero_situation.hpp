#pragma once
// The STO zero situation, school year 2017/18 (§4.2 of the research report), rebuilt only from
// data about the cohorts present then, so that a run from it can forecast the DUO count of
// 1 October 2019 that it never saw (the back-test of `stosim validate`). docs/POPULATION.md
// lists each choice; in short:
// - years 3 and 4 per location x leerweg x profile: the exam candidates of 2018/19 (year 3 of
//   2017/18, a year later) and of 2017/18 (year 4); year 3 scaled per leerweg to the published
//   year-3 students and technical year-3 students of 2017/18, year 4 at the same students per
//   candidate;
// - the offer: the profiles of those cells;
// - boys and girls: each profile's national share of boys;
// - years 1-2 ("Brugjaar 1-2"), havo/vwo year 3 and the locations' names: the 2019/20 DUO file.
#include <array>
#include <string>
#include <vector>

#include "population/duo_students.hpp"
#include "population/import_summary.hpp"

namespace stosim {

struct ZeroSituationFiles {
  std::string exams_2017_18, exams_2018_19, national_figures;
};
ZeroSituationFiles default_zero_situation_files(const std::string& dir);

// How each leerweg's exam candidates became students of 2017/18: year-3 students per exam
// candidate a year later (BB, KB, GL, TL), and the published figures behind them.
struct ZeroSituationScaling {
  std::array<double, n_leerwegen> year3_per_candidate{};
  std::array<double, n_leerwegen> year3_students{};  // the 2017/18 totals aimed at
  std::array<double, n_leerwegen> year3_technical{};  // of which in the technical profiles (TL: 0)
  std::vector<FileRead> files;
};

// The students of `duo_2019` with years 3-4 replaced by those of 2017/18; years 1-2 and the
// locations stay, locations found only in the exam files are added. Throws DataError naming the
// file and line when a figure it needs is missing.
DuoStudents zero_situation_students(const DuoStudents& duo_2019, const ZeroSituationFiles& files,
                                    ZeroSituationScaling& scaling);

}  // namespace stosim
