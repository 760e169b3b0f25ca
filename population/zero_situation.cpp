#include "population/zero_situation.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <map>

#include "population/duo_exams.hpp"
#include "population/national_figures.hpp"
#include "population/observed_2019.hpp"
#include "sim/apportion.hpp"
#include "sim/data_error.hpp"

namespace stosim {

ZeroSituationFiles default_zero_situation_files(const std::string& dir) {
  const auto at = [&](std::string_view name) { return (std::filesystem::path(dir) / name).string(); };
  return {at("duo_geslaagden-gezakten-en-cijfers-2017-2018.csv"), at("duo_geslaagden-gezakten-en-cijfers-2018-2019.csv"),
          at("national_vmbo_figures_pre2019.csv")};
}

namespace {

using PerLeerweg = std::array<double, n_leerwegen>;

double required(const NationalFigures& f, std::string_view indicator, std::string_view leerweg, std::string_view group) {
  const auto figure = f.find(indicator, leerweg, group, "2017/18");
  if (!figure)
    throw DataError(fmt::format("{}: no line with indicator '{}', leerweg '{}', groep '{}' for 2017/18 (the zero "
                                "situation needs it)", f.path, indicator, leerweg, group));
  return figure->value;
}

bool is_technical(const ExamProfiles::Cell& c) {
  static const auto technical = technical_mask(default_technical_profiles);
  return c.profile != no_profile && technical[static_cast<std::size_t>(c.profile)];
}

// Candidates per leerweg, all or only those in the technical profiles.
PerLeerweg candidates_per_leerweg(const ExamProfiles& exams, bool technical_only = false) {
  PerLeerweg n{};
  for (const auto& c : exams.cells)
    if (!technical_only || is_technical(c)) n[static_cast<int>(c.leerweg)] += static_cast<double>(c.candidates);
  return n;
}

// Year-3 students of 2017/18 per leerweg, all and technical, from the published figures: BB and
// KB counted (ocwincijfers), GL from its technical count and share (Techniekpact monitor), TL
// (no figure) with GL at KB's students per candidate: many GL/TL students are counted GL in DUO's
// student file but sit TL exams, so the two are scaled together.
void year3_students_2017_18(const NationalFigures& f, const PerLeerweg& candidates, ZeroSituationScaling& z) {
  const std::string_view technical = "techniek (BWI+PIE+M&T+MVI+MaT+oud Techniek Breed)";
  const std::array<std::string_view, 3> published = {"vmbo-bb", "vmbo-kb", "vmbo-gl"};
  for (std::size_t lw = 0; lw < published.size(); ++lw)
    z.year3_technical[lw] = required(f, "leerlingen leerjaar 3 betatechniek", published[lw], technical);
  z.year3_students[0] = required(f, "leerlingen leerjaar 3", "vmbo-b", "totaal");
  z.year3_students[1] = required(f, "leerlingen leerjaar 3", "vmbo-k", "totaal");
  z.year3_students[2] = z.year3_technical[2] / (required(f, "aandeel leerjaar 3 betatechniek", "vmbo-gl", "techniek") / 100.0);
  z.year3_students[3] = (candidates[2] + candidates[3]) * z.year3_students[1] / candidates[1] - z.year3_students[2];
}

double male_share(int profile) {
  return profile == no_profile ? observed_2019::male_share_tl
                               : observed_2019::male_share_per_profile[static_cast<std::size_t>(profile)];
}

class ZeroSituationBuilder {
 public:
  explicit ZeroSituationBuilder(const DuoStudents& duo) : out_(duo) {
    out_.upper.clear();
    out_.file_total = {};
  }

  // One grade's cells: each leerweg's candidates, technical and other profiles apart, apportioned
  // to that leerweg's `technical` and `students` (all).
  void add_grade(int grade, const ExamProfiles& exams, const PerLeerweg& students, const PerLeerweg& technical) {
    for (int lw = 0; lw < n_leerwegen; ++lw)
      for (const bool tech : {true, false}) {
        std::vector<const ExamProfiles::Cell*> cells;
        std::vector<double> weight;
        for (const auto& c : exams.cells)
          if (static_cast<int>(c.leerweg) == lw && c.candidates > 0 && is_technical(c) == tech)
            cells.push_back(&c), weight.push_back(static_cast<double>(c.candidates));
        const double total = tech ? technical[lw] : students[lw] - technical[lw];
        const std::vector<int> count = apportion(static_cast<int>(std::lround(total)), weight);
        for (std::size_t k = 0; k < cells.size(); ++k) add_cell(*cells[k], exams, grade, count[k]);
      }
  }

  DuoStudents take() { return std::move(out_); }

 private:
  void add_cell(const ExamProfiles::Cell& c, const ExamProfiles& exams, int grade, int students) {
    const std::int32_t location = location_index(c.location, exams);
    const int boys = static_cast<int>(std::lround(students * male_share(c.profile)));
    for (const auto& [male, n] : {std::pair{0, students - boys}, std::pair{1, boys}}) {
      if (n == 0) continue;
      out_.upper.push_back({location, c.leerweg, static_cast<std::int8_t>(c.profile), static_cast<std::uint8_t>(grade),
                            static_cast<std::uint8_t>(male), n});
      out_.file_total[grade - 3][static_cast<int>(c.leerweg)][c.profile == no_profile ? n_profiles : c.profile] += n;
    }
  }

  // A location of the 2019/20 file, or one added from the exam file (closed since).
  std::int32_t location_index(const std::string& code, const ExamProfiles& exams) {
    const auto [it, added] = out_.index.emplace(code, static_cast<std::int32_t>(out_.locations.size()));
    if (added) {
      const ExamProfiles::Place& p = exams.places.at(code);
      out_.locations.push_back({code, code.substr(0, 4), p.name, p.gemeente, p.province, exams.file.path, p.line});
      out_.havo_year3.push_back(0);
      out_.vwo_year3.push_back(0);
    }
    return it->second;
  }

  DuoStudents out_;
};

}  // namespace

DuoStudents zero_situation_students(const DuoStudents& duo_2019, const ZeroSituationFiles& files,
                                    ZeroSituationScaling& scaling) {
  ExamProfiles year4 = read_exam_profiles(files.exams_2017_18);
  ExamProfiles year3 = read_exam_profiles(files.exams_2018_19);
  const NationalFigures figures = read_national_figures(files.national_figures);
  const PerLeerweg year3_candidates = candidates_per_leerweg(year3);
  for (int lw = 0; lw < n_leerwegen; ++lw)
    if (year3_candidates[lw] <= 0)
      throw DataError(fmt::format("{}: no exam candidates in leerweg {}", files.exams_2018_19, leerweg_codes[lw]));
  year3_students_2017_18(figures, year3_candidates, scaling);
  // Year 4 of 2017/18 at each leerweg's students per candidate, counting the candidates of old
  // programmes (spread over the leerweg's profiles), technical ones in the proportion of the file.
  const PerLeerweg year4_candidates = candidates_per_leerweg(year4);
  const PerLeerweg year4_technical_candidates = candidates_per_leerweg(year4, true);
  PerLeerweg year4_students{}, year4_technical{};
  for (int lw = 0; lw < n_leerwegen; ++lw) {
    scaling.year3_per_candidate[lw] = scaling.year3_students[lw] / year3_candidates[lw];
    const double scale = (year4_candidates[lw] + static_cast<double>(year4.other_programme_candidates[lw])) /
                         year4_candidates[lw] * scaling.year3_per_candidate[lw];
    year4_students[lw] = year4_candidates[lw] * scale;
    year4_technical[lw] = year4_technical_candidates[lw] * scale;
  }
  year4.file.role = "exams_2017_18";
  year3.file.role = "exams_2018_19";
  scaling.files = {year4.file, year3.file, {"figures", files.national_figures, "UTF-8", ';', figures.figures.size()}};
  ZeroSituationBuilder builder(duo_2019);
  builder.add_grade(3, year3, scaling.year3_students, scaling.year3_technical);
  builder.add_grade(4, year4, year4_students, year4_technical);
  return builder.take();
}

}  // namespace stosim
