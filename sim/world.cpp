#include "sim/world.hpp"

#include <cmath>

namespace stosim {


void remove_finished_students(Students& s) {
  constexpr StudentStatus keep = StudentStatus::enrolled;
  keep_where(s.id, s.status, keep);
  keep_where(s.home_zone, s.status, keep);
  keep_where(s.location, s.status, keep);
  keep_where(s.cohort, s.status, keep);
  keep_where(s.grade, s.status, keep);
  keep_where(s.leerweg, s.status, keep);
  keep_where(s.profile, s.status, keep);
  keep_where(s.is_male, s.status, keep);
  keep_where(s.propensity, s.status, keep);
  keep_where(s.technical_keuzevak, s.status, keep);
  keep_where(s.status, s.status, keep);  // last: the others read it
}

void grow_students(Students& s, std::size_t count) {
  const std::size_t n = s.size() + count;
  s.id.resize(n), s.home_zone.resize(n), s.location.resize(n), s.cohort.resize(n);
  s.grade.resize(n), s.leerweg.resize(n), s.profile.resize(n), s.is_male.resize(n);
  s.propensity.resize(n), s.status.resize(n), s.technical_keuzevak.resize(n);
}

void set_student(Students& s, std::size_t i, const NewStudent& n) {
  s.id[i] = n.id;
  s.home_zone[i] = n.home_zone;
  s.location[i] = n.location;
  s.cohort[i] = static_cast<std::int16_t>(n.cohort);
  s.grade[i] = static_cast<std::uint8_t>(n.grade);
  s.leerweg[i] = n.leerweg;
  s.profile[i] = n.profile;
  s.is_male[i] = n.male ? 1 : 0;
  s.propensity[i] = n.propensity;
  s.status[i] = StudentStatus::enrolled;
  s.technical_keuzevak[i] = 0;
}

void add_student(Students& s, const NewStudent& n) {
  grow_students(s, 1);
  set_student(s, s.size() - 1, n);
}

void reset_flows(World& world) {
  YearFlows& f = world.flows;
  f.entered = f.entered_year3 = f.graduated = f.dropped_out = f.left = 0;
  f.closed_programmes = f.opened_programmes = f.moved_by_closure = 0;
  const std::size_t exam_cells = world.locations.size() * n_leerwegen * n_sectors;
  f.exam_candidates.assign(exam_cells, 0);
  f.exam_passed.assign(exam_cells, 0);
  const std::size_t regions = world.regions.size();
  f.mbo_entrants.assign(regions * n_mbo_origins, 0);
  f.mbo_technical.assign(regions * n_mbo_origins, 0);
  f.mbo_job_chance_millionths.assign(regions * n_mbo_origins, 0);
  f.mbo_dropouts.assign(regions * n_mbo_origins, 0);
  f.mbo_technical_by_level.assign(regions * 4, 0);
  for (auto* money : {&f.budget_received, &f.budget_spent, &f.cofinancing_cash,
                      &f.cofinancing_in_kind, &f.facility_investment})
    money->assign(regions, 0.0);
  f.envelope.assign(regions * n_envelopes, 0.0);
  f.programme_impulse.assign(world.programmes.size(), 0.0);
  f.teachers_hired_regular = f.teachers_hired_side_entrant = f.teachers_hired_hybrid = 0;
  f.teachers_hired_unqualified = f.teachers_retired = f.teachers_left = 0;
  f.vacancy_fte.assign(world.programmes.size(), 0.0f);
  f.concentrated_programmes = 0;
}

void count_programme_students(const World& world, std::vector<std::int32_t>& counts) {
  counts.assign(world.programmes.size(), 0);
  const Students& s = world.students;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.status[i] != StudentStatus::enrolled || s.grade[i] < 3 || s.profile[i] == no_profile)
      continue;
    ++counts[programme_index(static_cast<std::size_t>(s.location[i]), s.profile[i])];
  }
}

std::vector<double> bovenbouw_students_per_region(const World& world) {
  std::vector<double> count(world.regions.size(), 0.0);
  const Students& s = world.students;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s.grade[i] >= 3 && s.profile[i] != no_profile && s.location[i] >= 0)
      count[static_cast<std::size_t>(world.locations.region[static_cast<std::size_t>(s.location[i])])] += 1.0;
  return count;
}

void record_starting_point(World& world) {
  const std::size_t regions = world.regions.size();
  StartingPoint& start = world.start;
  start.region_cohort.assign(regions, 0.0);
  start.region_leerweg_share.assign(regions * n_leerwegen, 0.0f);
  const Students& s = world.students;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.grade[i] != 1) continue;
    const auto r = static_cast<std::size_t>(world.zones.region[s.home_zone[i]]);
    start.region_cohort[r] += 1.0;
    start.region_leerweg_share[r * n_leerwegen + static_cast<std::size_t>(s.leerweg[i])] += 1.0f;
  }
  for (std::size_t r = 0; r < regions; ++r) {
    const double total = start.region_cohort[r];
    for (int l = 0; l < n_leerwegen; ++l) {
      float& share = start.region_leerweg_share[r * n_leerwegen + l];
      share = total > 0 ? static_cast<float>(share / total) : 0.25f;
    }
  }
  start.profile_constant.assign(3 * n_profiles, 0.0f);
  std::array<double, n_leerwegen> year1{}, year2{}, year3{};
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto l = static_cast<std::size_t>(s.leerweg[i]);
    if (s.grade[i] == 1) year1[l] += 1.0;
    if (s.grade[i] == 2) year2[l] += 1.0;
    if (s.grade[i] == 3) year3[l] += 1.0;
  }
  for (std::size_t l = 0; l < n_leerwegen; ++l) {
    start.year3_per_year2[l] = year2[l] > 0.0 && year3[l] > 0.0 ? year3[l] / year2[l] : 1.0;
    start.year3_per_year1[l] = year1[l] > 0.0 && year3[l] > 0.0 ? year3[l] / year1[l] : 1.0;
  }
  world.programmes.opened_year.assign(world.programmes.size(), 0);
}

float distance_km(const World& world, std::size_t zone, std::size_t location) {
  const float dx = world.zones.x_km[zone] - world.locations.x_km[location];
  const float dy = world.zones.y_km[zone] - world.locations.y_km[location];
  return std::sqrt(dx * dx + dy * dy);
}

}  // namespace stosim
