#include "population/import_students.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "sim/apportion.hpp"
#include "sim/random.hpp"
#include "population/catchment.hpp"

namespace stosim {

namespace {

class StudentBuilder {
 public:
  StudentBuilder(World& world, std::uint64_t seed, int start_year)
      : w_(world), catchment_(make_catchments(world)), seed_(seed), start_year_(start_year) {}

  void add(std::size_t location, int grade, Leerweg lw, std::int8_t profile, bool male, int count) {
    Students& s = w_.students;
    for (int k = 0; k < count; ++k) {
      const std::uint64_t id = w_.next_student_id++;
      RandomStream rng(StreamKey{seed_, ~std::uint64_t{0}}, 0, Purpose::home_zone, id);
      // Propensity stays 0: it is drawn when a scenario loads the population (its parameters).
      add_student(s, {.id = id,
                      .home_zone = catchment_.draw_home(location, rng.uniform()),
                      .location = static_cast<std::int32_t>(location),
                      .cohort = start_year_ - grade + 1,
                      .grade = grade,
                      .leerweg = lw,
                      .profile = profile,
                      .male = male});
    }
  }

 private:
  World& w_;
  Catchments catchment_;
  std::uint64_t seed_;
  int start_year_;
};

using PerLeerweg = std::array<std::int64_t, n_leerwegen>;

// Year-3 students who continue from a mixed havo/vwo/vmbo brugklas: per school (BRIN).
struct SchoolYear3 {
  PerLeerweg vmbo{};
  std::int64_t havo = 0, vwo = 0;
};

std::map<std::string, SchoolYear3> year3_by_school(const DuoStudents& duo) {
  std::map<std::string, SchoolYear3> out;
  for (const UpperCell& c : duo.upper)
    if (c.grade == 3) out[duo.locations[c.location].brin].vmbo[static_cast<int>(c.leerweg)] += c.count;
  for (std::size_t d = 0; d < duo.locations.size(); ++d) {
    out[duo.locations[d].brin].havo += duo.havo_year3[d];
    out[duo.locations[d].brin].vwo += duo.vwo_year3[d];
  }
  return out;
}

class BridgeSplitter {
 public:
  BridgeSplitter(ImportedPopulation& pop, const DuoStudents& duo, const std::vector<std::int32_t>& world_of,
                 const std::vector<std::optional<PointKm>>& point_of)
      : pop_(pop), duo_(duo), world_of_(world_of), point_of_(point_of), school_(year3_by_school(duo)) {
    const std::size_t n = pop.world.locations.size();
    year3_.assign(n, PerLeerweg{});
    upper_.assign(n, 0);
    for (const UpperCell& c : duo.upper) {
      const auto l = static_cast<std::size_t>(world_of[c.location]);
      upper_[l] += c.count;
      if (c.grade == 3) year3_[l][static_cast<int>(c.leerweg)] += c.count;
    }
    for (const auto& [brin, s] : school_) {
      for (int lw = 0; lw < n_leerwegen; ++lw) national_.vmbo[lw] += s.vmbo[lw];
      national_.havo += s.havo, national_.vwo += s.vwo;
    }
  }

  // Splits a row over leerwegen (and havo/vwo, not imported); `place(location, grade, leerweg,
  // male, count)` receives each part.
  template <class Place>
  void split(const BridgeRow& row, Place place) {
    ImportReport& report = pop_.report;
    std::int64_t total = 0;
    for (const auto& grade : row.count) total += grade[0] + grade[1];
    report.bridge_in_file += total;
    const std::string where = fmt::format("{}:{}", duo_.file.path, row.line);
    std::int32_t target = world_of_[row.location];
    if (target < 0) {
      target = sibling(row);
      if (target < 0) {
        report.bridge_not_placed += total;
        report.warnings.add("year 1-2 students at a location without years 3-4 whose school (BRIN) has "
                            "none either: not imported (amount: students)", where, total);
        return;
      }
      report.bridge_moved += total;
    }
    const std::vector<double> weight = category_weights(row, static_cast<std::size_t>(target), where, total);
    for (int g = 0; g < 2; ++g)
      for (int male = 0; male < 2; ++male) {
        const std::vector<int> part = apportion(row.count[g][male], weight);
        for (int lw = 0; lw < n_leerwegen; ++lw) {
          place(static_cast<std::size_t>(target), g + 1, lw, male, part[lw]);
          report.imported_bridge[lw] += part[lw];
        }
        report.bridge_havo_vwo += part[n_leerwegen];
      }
  }

 private:
  // Weights of the four leerwegen and, last, of havo/vwo (students not imported).
  std::vector<double> category_weights(const BridgeRow& row, std::size_t target, const std::string& where,
                                       std::int64_t total) {
    const std::uint8_t offered = pop_.world.locations.leerweg_mask[target];
    std::uint8_t mask = row.programme.leerwegen & offered;
    if (mask == 0) {
      mask = offered;
      pop_.report.warnings.add("year 1-2 rows whose leerwegen have no years 3-4 at their location: "
                               "spread over the location's leerwegen (amount: students)", where, total);
    }
    std::vector<double> weight(n_leerwegen + 1, 0.0);
    double sum = 0.0;
    for (int lw = 0; lw < n_leerwegen; ++lw)
      if ((mask >> lw) & 1u) sum += weight[lw] = static_cast<double>(year3_[target][lw]);
    if (sum <= 0.0)
      for (int lw = 0; lw < n_leerwegen; ++lw) sum += weight[lw] = (mask >> lw) & 1u;
    const double vmbo = vmbo_share(row);
    for (int lw = 0; lw < n_leerwegen; ++lw) weight[lw] *= vmbo / sum;
    weight[n_leerwegen] = 1.0 - vmbo;
    return weight;
  }

  // Share of a mixed brugklas that continues in vmbo: the school's year-3 vmbo students in the
  // row's leerwegen against its year-3 havo (and vwo) students; the national ratio when the
  // school has neither.
  double vmbo_share(const BridgeRow& row) const {
    if (!row.programme.havo && !row.programme.vwo) return 1.0;
    const auto of = [&](const SchoolYear3& s) {
      double v = 0.0;
      for (int lw = 0; lw < n_leerwegen; ++lw)
        if ((row.programme.leerwegen >> lw) & 1u) v += static_cast<double>(s.vmbo[lw]);
      const double h = static_cast<double>(s.havo) + (row.programme.vwo ? static_cast<double>(s.vwo) : 0.0);
      return std::pair{v, h};
    };
    auto [v, h] = of(school_.at(duo_.locations[row.location].brin));
    if (v + h <= 0.0) std::tie(v, h) = of(national_);
    return v / (v + h);
  }

  // For a location without years 3-4: the nearest location of the same school (BRIN) with
  // years 3-4 teaching one of the row's leerwegen (any of the school's, when none does).
  std::int32_t sibling(const BridgeRow& row) const {
    const std::string& brin = duo_.locations[row.location].brin;
    const Locations& loc = pop_.world.locations;
    std::int32_t best = -1;
    std::pair<int, double> best_key{2, 0.0};  // (does not teach the leerwegen, distance or -size)
    for (std::size_t l = 0; l < loc.size(); ++l) {
      if (pop_.details.brin[l] != brin) continue;
      const int misses = (loc.leerweg_mask[l] & row.programme.leerwegen) ? 0 : 1;
      double rank = -static_cast<double>(upper_[l]);
      if (const auto& p = point_of_[row.location]) rank = std::hypot(loc.x_km[l] - p->x, loc.y_km[l] - p->y);
      if (std::pair{misses, rank} < best_key) best_key = {misses, rank}, best = static_cast<std::int32_t>(l);
    }
    return best;
  }

  ImportedPopulation& pop_;
  const DuoStudents& duo_;
  const std::vector<std::int32_t>& world_of_;
  const std::vector<std::optional<PointKm>>& point_of_;
  std::map<std::string, SchoolYear3> school_;
  SchoolYear3 national_;
  std::vector<PerLeerweg> year3_;
  std::vector<std::int64_t> upper_;
};

// Every student read must be in the world, or counted as set aside: a failed check is a bug.
void check_totals(ImportedPopulation& pop) {
  ImportReport& r = pop.report;
  const Students& s = pop.world.students;
  PerLeerweg bridge{};
  for (std::size_t i = 0; i < s.size(); ++i) {
    const int lw = static_cast<int>(s.leerweg[i]);
    if (s.grade[i] >= 3) ++r.imported_upper[s.grade[i] - 3][lw][s.profile[i] == no_profile ? n_profiles : s.profile[i]];
    else ++bridge[lw];
  }
  std::int64_t imported_bridge = 0;
  for (int lw = 0; lw < n_leerwegen; ++lw) imported_bridge += r.imported_bridge[lw];
  if (r.imported_upper != r.file_upper || bridge != r.imported_bridge ||
      imported_bridge + r.bridge_havo_vwo + r.bridge_not_placed != r.bridge_in_file)
    throw std::logic_error("import: the students built do not add up to the file's counts (a bug)");
}

// The zero situation (start 2017/18) takes its years 1-2 from the 2019/20 count, whose schools
// are not all those of 2017/18: the count's national totals per grade, sex and leerweg are spread
// over the locations in proportion to their 2017/18 year-3 students of the leerweg, so that the
// cohorts choose where the programmes of 2017/18 are.
void spread_by_year3(const DuoStudents& duo, const std::vector<std::int32_t>& world_of,
                     const std::array<std::array<PerLeerweg, 2>, 2>& total, std::size_t locations,
                     StudentBuilder& builder) {
  std::array<std::vector<double>, n_leerwegen> year3;
  year3.fill(std::vector<double>(locations, 0.0));
  for (const UpperCell& c : duo.upper)
    if (c.grade == 3) year3[static_cast<int>(c.leerweg)][static_cast<std::size_t>(world_of[c.location])] += c.count;
  for (int g = 0; g < 2; ++g)
    for (int male = 0; male < 2; ++male)
      for (int lw = 0; lw < n_leerwegen; ++lw) {
        const std::vector<int> part = apportion(static_cast<int>(total[g][male][lw]), year3[lw]);
        for (std::size_t l = 0; l < locations; ++l)
          builder.add(l, g + 1, static_cast<Leerweg>(lw), no_profile, male == 1, part[l]);
      }
}

}  // namespace

void add_imported_students(ImportedPopulation& pop, const DuoStudents& duo, const std::vector<std::int32_t>& world_of,
                           const std::vector<std::optional<PointKm>>& point_of) {
  StudentBuilder builder(pop.world, pop.options.seed, pop.options.start_year);
  for (const UpperCell& c : duo.upper)
    builder.add(static_cast<std::size_t>(world_of[c.location]), c.grade, c.leerweg, c.profile, c.is_male == 1, c.count);
  BridgeSplitter splitter(pop, duo, world_of, point_of);
  if (pop.options.start_year == 2018) {
    std::array<std::array<PerLeerweg, 2>, 2> total{};  // [grade 1, 2][female, male][leerweg]
    for (const BridgeRow& row : duo.bridge)
      splitter.split(row, [&](std::size_t, int grade, int lw, int male, int n) { total[grade - 1][male][lw] += n; });
    spread_by_year3(duo, world_of, total, pop.world.locations.size(), builder);
  } else {
    for (const BridgeRow& row : duo.bridge)
      splitter.split(row, [&](std::size_t l, int grade, int lw, int male, int n) {
        builder.add(l, grade, static_cast<Leerweg>(lw), no_profile, male == 1, n);
      });
  }
  check_totals(pop);
}

}  // namespace stosim
