#include "output/monitor.hpp"

#include <cmath>
#include <limits>

#include "sim/parallel.hpp"

namespace stosim {

namespace {

// One year of an additive indicator at its finest level; looked up once, outside hot loops.
class Column {
 public:
  Column(IndicatorFrame& frame, std::string_view name, std::size_t year)
      : id_(indicator_id(name)),
        level_(indicator_specs()[id_].finest),
        values_(frame.values(id_, level_).data() + frame.at(id_, level_, year, 0, 0)),
        cells_(frame.cells(id_)) {}
  double& operator()(std::size_t unit = 0, std::size_t cell = 0) {
    return values_[unit * cells_ + cell];
  }

 private:
  std::size_t id_;
  Level level_;
  double* values_;
  std::size_t cells_;
};

// Cells of the census's combined counts (StudentCensus): each student adds one to the cell of
// its case, and the sums the indicators need are added up from the cells afterwards.
std::size_t year3_cell(std::size_t location_leerweg, bool year3, bool technical) {
  return location_leerweg * 4 + static_cast<std::size_t>(year3) * 2 +
         static_cast<std::size_t>(technical);
}
std::size_t keuzevak_cell(std::size_t region_origin, bool follows, bool offered) {
  return region_origin * 4 + static_cast<std::size_t>(follows) * 2 +
         static_cast<std::size_t>(offered);
}

// Everything the monitor counts over the students, from one pass (take_census): whole counts,
// counted in parallel and exact in any order. Every student present this year counts (the
// 1 October count), except where said.
struct StudentCensus {
  std::vector<std::int32_t> all_years;        // location x leerweg: students with a school
  // Location x leerweg x (in year 3) x (technical profile), years 3-4: one count per student,
  // where separate counts of year 3 and of its technical part would take two (year3_cell).
  std::vector<std::int32_t> year3_cases;
  // Programme x leerweg: years 3-4 (each programme's students, and those in a BB, KB or GL
  // profile per location, are their sums: per_programme, record_enrolment).
  std::vector<std::int32_t> by_profile;
  std::vector<std::int32_t> programme_enrolled;  // programme: years 3-4 still enrolled
  std::vector<std::int32_t> home_zone;        // zone: every student living there, with a school or not
  std::vector<std::int32_t> year1;            // home region: year 1 with a school
  // Home region x origin (models/mbo_transition.hpp) x (follows a technical keuzevak) x (at a
  // location offering one), years 3-4: one count per student, where the four sums would take
  // four (keuzevak_cell).
  std::vector<std::int32_t> keuzevak_cases;
  std::int64_t enrolled = 0;                  // still enrolled at the end of the year

  StudentCensus(const World& world)
      : all_years(world.locations.size() * n_leerwegen, 0),
        year3_cases(all_years.size() * 4, 0),
        by_profile(world.programmes.size() * n_leerwegen, 0),
        programme_enrolled(world.programmes.size(), 0),
        home_zone(world.zones.size(), 0),
        year1(world.regions.size(), 0),
        keuzevak_cases(world.regions.size() * n_mbo_origins * 4, 0) {}

  void add(const StudentCensus& part) {
    for (auto member :
         {&StudentCensus::all_years, &StudentCensus::year3_cases, &StudentCensus::by_profile,
          &StudentCensus::programme_enrolled, &StudentCensus::home_zone, &StudentCensus::year1,
          &StudentCensus::keuzevak_cases}) {
      std::vector<std::int32_t>& total = this->*member;
      const std::vector<std::int32_t>& counts = part.*member;
      for (std::size_t k = 0; k < total.size(); ++k) total[k] += counts[k];
    }
    enrolled += part.enrolled;
  }
};

// `keuzevak_offered`: per location, whether it offers a technical keuzevak (keuzevak_offer).
StudentCensus take_census(const World& world, const MonitorSetup& setup,
                          const std::vector<std::uint8_t>& keuzevak_offered) {
  const Students& s = world.students;
  StudentCensus census(world);
  for_each_index_counting(
      s.size(), census,
      [&](std::size_t i, StudentCensus& c) {
        ++c.home_zone[static_cast<std::size_t>(s.home_zone[i])];
        c.enrolled += s.status[i] == StudentStatus::enrolled;
        if (s.location[i] < 0) return;  // an entrant with no school in the leerweg anywhere
        const auto l = static_cast<std::size_t>(s.location[i]);
        const auto lw = static_cast<std::size_t>(s.leerweg[i]);
        const auto region = static_cast<std::size_t>(world.zones.region[s.home_zone[i]]);
        ++c.all_years[l * n_leerwegen + lw];
        if (s.grade[i] < 3) {
          c.year1[region] += s.grade[i] == 1;
          return;
        }
        // Years 3-4 without branches: profiles, keuzevakken and offers alternate at random in
        // the students' order, so every count adds its condition (0 or 1) instead.
        const bool profiled = s.profile[i] != no_profile;
        const std::size_t p = profile_slot(s.profile[i]);
        const bool technical = is_technical(s.profile[i], setup.technical);
        const bool year3 = s.grade[i] == 3;
        ++c.year3_cases[year3_cell(l * n_leerwegen + lw, year3, technical)];
        const std::size_t origin = region * n_mbo_origins + static_cast<std::size_t>(mbo_origin(
                                                                s.profile[i], setup.technical));
        ++c.keuzevak_cases[keuzevak_cell(origin, s.technical_keuzevak[i] != 0,
                                         keuzevak_offered[l] != 0)];
        const std::size_t k = programme_index(l, static_cast<int>(p));
        c.by_profile[k * n_leerwegen + lw] += profiled;
        c.programme_enrolled[k] += profiled & (s.status[i] == StudentStatus::enrolled);
      },
      [&](const StudentCensus& part) { census.add(part); });
  return census;
}

// Students in years 3-4 per programme, any status (the census's by_profile over the leerwegen).
std::vector<std::int32_t> per_programme(const StudentCensus& census) {
  std::vector<std::int32_t> students(census.programme_enrolled.size(), 0);
  for (std::size_t k = 0; k < students.size(); ++k)
    for (std::size_t lw = 0; lw < n_leerwegen; ++lw) students[k] += census.by_profile[k * n_leerwegen + lw];
  return students;
}

void record_enrolment(IndicatorFrame& frame, std::size_t year, const World& world,
                      const MonitorSetup& setup, const StudentCensus& census) {
  Column students(frame, "students", year);
  Column students_all_years(frame, "students_all_years", year);
  Column year3_students(frame, "year3_students", year);
  Column year3_technical(frame, "year3_technical", year);
  Column bovenbouw_bkg_students(frame, "bovenbouw_bkg_students", year);
  Column bovenbouw_bkg_technical(frame, "bovenbouw_bkg_technical", year);
  for (std::size_t l = 0; l < world.locations.size(); ++l) {
    for (std::size_t lw = 0; lw < n_leerwegen; ++lw) {
      students_all_years(l, lw) += census.all_years[l * n_leerwegen + lw];
      const std::size_t cell = l * n_leerwegen + lw;
      year3_students(l, lw) += census.year3_cases[year3_cell(cell, true, false)] +
                               census.year3_cases[year3_cell(cell, true, true)];
      year3_technical(l, lw) += census.year3_cases[year3_cell(cell, true, true)];
      for (std::size_t p = 0; p < n_profiles; ++p)
        students(l, p * n_leerwegen + lw) += census.by_profile[(l * n_profiles + p) * n_leerwegen + lw];
    }
    std::int32_t bkg = 0, bkg_technical = 0;
    for (std::size_t p = 0; p < n_profiles; ++p)
      for (std::size_t lw = 0; lw < n_leerwegen; ++lw) {
        const std::int32_t n = census.by_profile[(l * n_profiles + p) * n_leerwegen + lw];
        bkg += n;
        if (setup.technical[p]) bkg_technical += n;
      }
    bovenbouw_bkg_students(l) += bkg;
    bovenbouw_bkg_technical(l) += bkg_technical;
  }
}

void record_offer(IndicatorFrame& frame, std::size_t year, const World& world, const MonitorSetup& setup,
                  const std::vector<std::int32_t>& programme_students) {
  Column programmes_offered(frame, "programmes_offered", year);
  Column programmes_taught(frame, "programmes_taught", year);
  Column small_duplicate_pairs(frame, "small_duplicate_pairs", year);
  for (std::size_t l = 0; l < world.locations.size(); ++l)
    for (int p = 0; p < n_profiles; ++p) {
      const std::size_t k = programme_index(l, p);
      programmes_offered(l, static_cast<std::size_t>(p)) = world.programmes.offered[k];
      programmes_taught(l, static_cast<std::size_t>(p)) = programme_students[k] > 0 ? 1.0 : 0.0;
    }
  const int small = setup.params.small_programme_students;
  for (const auto& [a, b] : setup.nearby_location_pairs)
    for (int p = 0; p < n_profiles; ++p) {
      const std::size_t pa = programme_index(static_cast<std::size_t>(a), p);
      const std::size_t pb = programme_index(static_cast<std::size_t>(b), p);
      if (world.programmes.offered[pa] && world.programmes.offered[pb] &&
          programme_students[pa] < small && programme_students[pb] < small)
        small_duplicate_pairs(static_cast<std::size_t>(world.locations.region[a]),
            static_cast<std::size_t>(p)) += 1;
    }
}

// Distance from a zone to the nearest location offering the profile: first along the zone's
// sorted reachable list, else over the locations offering it (NaN when none does).
double nearest_offer_km(const World& world, std::size_t zone, int profile,
                        const std::vector<std::int32_t>& offering) {
  const ReachableLocations& reach = world.zones.reachable;
  for (std::uint32_t k = reach.offset[zone]; k < reach.offset[zone + 1]; ++k)
    if (world.programmes.offered[programme_index(static_cast<std::size_t>(reach.location[k]), profile)])
      return reach.distance_km[k];
  // Beyond reach: the nearest by squared distance, as distance_km computes it before its square
  // root (the root keeps the order), then the one distance; the same as the least distance.
  const float x = world.zones.x_km[zone], y = world.zones.y_km[zone];
  float least_squared = std::numeric_limits<float>::infinity();
  std::int32_t nearest = -1;
  for (std::int32_t l : offering) {
    const float dx = x - world.locations.x_km[static_cast<std::size_t>(l)];
    const float dy = y - world.locations.y_km[static_cast<std::size_t>(l)];
    const float squared = dx * dx + dy * dy;
    if (squared < least_squared) least_squared = squared, nearest = l;
  }
  return nearest < 0
             ? std::numeric_limits<double>::quiet_NaN()
             : static_cast<double>(distance_km(world, zone, static_cast<std::size_t>(nearest)));
}

void record_access(IndicatorFrame& frame, std::size_t year, const World& world, const MonitorSetup& setup,
                   const StudentCensus& census) {
  Column access_students(frame, "access_students", year);
  Column access_distance_total(frame, "access_distance_total", year);
  Column access_beyond(frame, "access_beyond", year);
  Column access_within_technical(frame, "access_within_technical", year);
  Column access_technical_cases(frame, "access_technical_cases", year);
  const std::vector<std::int32_t>& per_zone = census.home_zone;
  std::array<std::vector<std::int32_t>, n_profiles> offering;
  for (std::size_t l = 0; l < world.locations.size(); ++l)
    for (int p = 0; p < n_profiles; ++p)
      if (world.programmes.offered[programme_index(l, p)]) offering[p].push_back(static_cast<std::int32_t>(l));
  // The distances in parallel, per zone; the sums below in the zones' order, as always.
  std::vector<double> nearest(world.zones.size() * n_profiles, 0.0);
  for_each_index(
      world.zones.size(),
      [&](std::size_t z) {
        if (per_zone[z] == 0) return;
        for (int p = 0; p < n_profiles; ++p)
          nearest[z * n_profiles + p] = nearest_offer_km(world, z, p, offering[p]);
      },
      place_grain);
  for (std::size_t z = 0; z < world.zones.size(); ++z) {
    if (per_zone[z] == 0) continue;
    const auto region = static_cast<std::size_t>(world.zones.region[z]);
    access_students(region) += per_zone[z];
    for (int p = 0; p < n_profiles; ++p) {
      const double d = nearest[z * n_profiles + static_cast<std::size_t>(p)];
      access_distance_total(region, static_cast<std::size_t>(p)) += per_zone[z] * d;
      const bool within = d <= setup.params.far_km;
      if (!within) access_beyond(region, static_cast<std::size_t>(p)) += per_zone[z];
      if (!setup.technical[p]) continue;
      access_technical_cases(region) += per_zone[z];
      if (within) access_within_technical(region) += per_zone[z];
    }
  }
}

void record_flows(IndicatorFrame& frame, std::size_t year, const World& world,
                  const StudentCensus& census) {
  Column exam_candidates(frame, "exam_candidates", year);
  Column exam_passed(frame, "exam_passed", year);
  Column mbo_entrants(frame, "mbo_entrants", year);
  Column mbo_technical(frame, "mbo_technical", year);
  Column entered(frame, "entered", year);
  Column entered_year3(frame, "entered_year3", year);
  Column graduated(frame, "graduated", year);
  Column dropped_out(frame, "dropped_out", year);
  Column left(frame, "left", year);
  Column programmes_closed(frame, "programmes_closed", year);
  Column programmes_concentrated(frame, "programmes_concentrated", year);
  Column programmes_opened(frame, "programmes_opened", year);
  Column mbo_job_chance_total(frame, "mbo_job_chance_total", year);
  Column mbo_job_chance_all_total(frame, "mbo_job_chance_all_total", year);
  Column mbo_entrants_all(frame, "mbo_entrants_all", year);
  Column mbo_dropouts(frame, "mbo_dropouts", year);
  Column mbo_technical_by_level(frame, "mbo_technical_by_level", year);
  Column teachers_hired(frame, "teachers_hired", year);
  Column teachers_retired(frame, "teachers_retired", year);
  Column teachers_left(frame, "teachers_left", year);
  Column vacancy_fte(frame, "vacancy_fte", year);
  Column facility_investment(frame, "facility_investment", year);
  Column cofinancing_cash(frame, "cofinancing_cash", year);
  Column cofinancing_in_kind(frame, "cofinancing_in_kind", year);
  Column budget_received(frame, "budget_received", year);
  Column budget_spent(frame, "budget_spent", year);
  Column budget_by_envelope(frame, "budget_by_envelope", year);
  Column enrolled(frame, "enrolled", year);
  const YearFlows& f = world.flows;
  const std::size_t exam_cells = n_leerwegen * n_sectors;
  for (std::size_t l = 0; l < world.locations.size(); ++l)
    for (std::size_t c = 0; c < exam_cells; ++c) {
      exam_candidates(l, c) = f.exam_candidates[l * exam_cells + c];
      exam_passed(l, c) = f.exam_passed[l * exam_cells + c];
    }
  for (std::size_t r = 0; r < world.regions.size(); ++r)
    for (std::size_t o = 0; o < n_mbo_origins; ++o) {
      mbo_entrants(r, o) = f.mbo_entrants[r * n_mbo_origins + o];
      mbo_technical(r, o) = f.mbo_technical[r * n_mbo_origins + o];
      const double job_chance = static_cast<double>(f.mbo_job_chance_millionths[r * n_mbo_origins + o]) / 1e6;
      mbo_job_chance_total(r, o) = job_chance;
      mbo_job_chance_all_total(r) += job_chance;
      mbo_entrants_all(r) += f.mbo_entrants[r * n_mbo_origins + o];
      mbo_dropouts(r, o) = f.mbo_dropouts[r * n_mbo_origins + o];
    }
  for (std::size_t r = 0; r < world.regions.size(); ++r) {
    for (std::size_t level = 0; level < n_mbo_levels; ++level)
      mbo_technical_by_level(r, level) = f.mbo_technical_by_level[r * n_mbo_levels + level];
    facility_investment(r) = f.facility_investment[r];
    cofinancing_cash(r) = f.cofinancing_cash[r];
    cofinancing_in_kind(r) = f.cofinancing_in_kind[r];
    budget_received(r) = f.budget_received[r];
    budget_spent(r) = f.budget_spent[r];
    for (std::size_t e = 0; e < n_envelopes; ++e) budget_by_envelope(r, e) = f.envelope[r * n_envelopes + e];
  }
  for (std::size_t k = 0; k < world.programmes.size(); ++k)
    vacancy_fte(k / n_profiles, k % n_profiles) = f.vacancy_fte[k];
  teachers_hired(0, 0) = static_cast<double>(f.teachers_hired_regular);
  teachers_hired(0, 1) = static_cast<double>(f.teachers_hired_side_entrant);
  teachers_hired(0, 2) = static_cast<double>(f.teachers_hired_hybrid);
  teachers_hired(0, 3) = static_cast<double>(f.teachers_hired_unqualified);
  teachers_retired() = static_cast<double>(f.teachers_retired);
  teachers_left() = static_cast<double>(f.teachers_left);
  programmes_concentrated() = static_cast<double>(f.concentrated_programmes);
  programmes_opened() = static_cast<double>(f.opened_programmes);
  entered() = static_cast<double>(f.entered);
  entered_year3() = static_cast<double>(f.entered_year3);
  graduated() = static_cast<double>(f.graduated);
  dropped_out() = static_cast<double>(f.dropped_out);
  left() = static_cast<double>(f.left);
  programmes_closed() = static_cast<double>(f.closed_programmes);
  enrolled() = static_cast<double>(census.enrolled);
}

int age_band(int age) {
  if (age < 35) return 0;
  if (age < 45) return 1;
  if (age < 55) return 2;
  if (age < 60) return 3;
  return 4;
}

void record_teachers(IndicatorFrame& frame, std::size_t year, const World& world, const MonitorSetup& setup,
                     const std::vector<std::int32_t>& programme_students) {
  Column headcount(frame, "teachers_headcount", year), fte(frame, "teachers_fte", year);
  Column qualified(frame, "teachers_qualified_fte", year), fte_total(frame, "teachers_fte_total", year);
  Column qualified_total(frame, "teachers_qualified_fte_total", year);
  Column by_age(frame, "teachers_by_age", year), from_industry(frame, "teachers_from_industry", year);
  Column hours(frame, "development_hours", year), expected(frame, "expected_teachers_5y", year);
  Column needed(frame, "teachers_needed_fte", year), staffed(frame, "teachers_staffed_fte", year);
  const TeacherParams& tp = setup.model.teachers;
  const Teachers& t = world.teachers;
  std::vector<double> present(world.programmes.size(), 0.0);
  const double survive_5y = std::pow(1.0 - tp.attrition_base, 5);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t.status[i] != TeacherStatus::active || t.location[i] < 0 || t.profile[i] == no_profile) continue;
    const auto l = static_cast<std::size_t>(t.location[i]);
    const auto p = static_cast<std::size_t>(t.profile[i]);
    const auto region = static_cast<std::size_t>(world.locations.region[l]);
    const bool is_qualified = t.qualification[i] == Qualification::qualified;
    headcount(l, p) += 1;
    fte(l, p) += t.fte[i];
    fte_total(l) += t.fte[i];
    if (is_qualified) qualified(l, p) += t.fte[i], qualified_total(l) += t.fte[i];
    by_age(region, static_cast<std::size_t>(age_band(t.age[i]))) += 1;
    if (t.origin[i] != TeacherOrigin::regular) from_industry(region) += 1;
    hours(region) += t.development_hours[i];
    if (t.age[i] + 5 < tp.retirement_age) expected(region) += t.fte[i] * survive_5y;
    present[programme_index(l, static_cast<int>(p))] += t.fte[i];
  }
  for (std::size_t k = 0; k < world.programmes.size(); ++k) {
    if (!world.programmes.offered[k] || !setup.technical[k % n_profiles]) continue;
    const double need = needed_fte(tp, programme_students[k]);
    needed(k / n_profiles) += need;
    staffed(k / n_profiles) += std::min(need, present[k]);
  }
}

void record_facilities(IndicatorFrame& frame, std::size_t year, const World& world, const MonitorSetup& setup,
                       const std::vector<std::int32_t>& programme_students) {
  Column quality(frame, "facility_quality_total", year), technical(frame, "technical_programmes", year);
  Column viable(frame, "viable_technical_programmes", year);
  Column technical_quality(frame, "technical_facility_quality_total", year);
  Column hub_students(frame, "hub_students", year);
  const H2Params& h2 = setup.model.pathways.h2;
  const RegionState& rs = world.region_state;
  for (std::size_t k = 0; k < world.programmes.size(); ++k) {
    if (!world.programmes.offered[k]) continue;
    const std::size_t l = k / n_profiles;
    quality(l, k % n_profiles) += world.programmes.facility_quality[k];
    if (!setup.technical[k % n_profiles]) continue;
    technical(l) += 1;
    if (programme_students[k] >= setup.model.programme_viability.min_students) viable(l) += 1;
    technical_quality(l) += effective_facility_quality(world, k, h2);
    const auto region = static_cast<std::size_t>(world.locations.region[l]);
    const std::int32_t hub = rs.hub_location[region];
    if (hub < 0 || rs.hub_quality[region] <= 0.0f) continue;  // a hub exists only where H2 built it
    // The same distance as facilities' hub access (effective_facility_quality).
    if (distance_between_locations(world, l, static_cast<std::size_t>(hub)) <= h2.access_km)
      hub_students(region) += programme_students[k];
  }
}

void record_regions(IndicatorFrame& frame, std::size_t year, const World& world, const MonitorSetup& setup) {
  Column regions(frame, "regions", year), collaboration(frame, "collaboration_total", year);
  Column innovation(frame, "innovation_total", year), agreements(frame, "agreements", year);
  Column approved(frame, "plan_approved", year), partners(frame, "firm_partners", year);
  const RegionState& rs = world.region_state;
  for (std::size_t r = 0; r < world.regions.size(); ++r) {
    regions(r) = 1;
    collaboration(r) = rs.collaboration[r];
    innovation(r) = rs.innovation[r];
    agreements(r) = agreements_active(world, r, setup.model.regional_coordination) ? 1 : 0;
    approved(r) = rs.plan_status[r] == PlanStatus::approved ? 1 : 0;
  }
  for (std::size_t i = 0; i < world.firms.size(); ++i) {
    const Partnership p = world.firms.partnership[i];
    if (p == Partnership::none) continue;
    partners(static_cast<std::size_t>(world.firms.region[i]), p == Partnership::core ? 1 : 0) += 1;
  }
}

void record_students(IndicatorFrame& frame, std::size_t year, const World& world, const MonitorSetup& setup,
                     const StudentCensus& census, const std::vector<std::int32_t>& programme_students,
                     const std::vector<std::uint8_t>& offer) {
  Column satisfaction(frame, "satisfaction_total", year), satisfied(frame, "satisfaction_students", year);
  Column keuzevak_students(frame, "keuzevak_students", year);
  Column technical_keuzevak(frame, "technical_keuzevak", year);
  Column students_offered(frame, "keuzevak_students_offered", year);
  Column following_offered(frame, "technical_keuzevak_offered", year);
  Column offered(frame, "keuzevak_offered", year), expected(frame, "expected_students_5y", year);
  const std::vector<float> quality = programme_quality(world, setup.model.quality, setup.model.pathways.h2,
                                                       census.programme_enrolled);
  const std::size_t regions = world.regions.size();
  std::vector<double> year1(regions, 0.0);
  for (std::size_t r = 0; r < regions; ++r) {
    year1[r] = census.year1[r];
    for (std::size_t o = 0; o < n_mbo_origins; ++o) {
      const std::size_t cell = r * n_mbo_origins + o;
      const std::int32_t neither = census.keuzevak_cases[keuzevak_cell(cell, false, false)];
      const std::int32_t following = census.keuzevak_cases[keuzevak_cell(cell, true, false)];
      const std::int32_t offered_only = census.keuzevak_cases[keuzevak_cell(cell, false, true)];
      const std::int32_t both = census.keuzevak_cases[keuzevak_cell(cell, true, true)];
      keuzevak_students(r, o) += neither + following + offered_only + both;
      technical_keuzevak(r, o) += following + both;
      students_offered(r, o) += offered_only + both;
      following_offered(r, o) += both;
    }
  }
  // Students in years 3-4 with a profile, and their programmes' quality summed, per location: a
  // programme's students times its quality (exact: a whole count below 2^29 times a float).
  for (std::size_t l = 0; l < world.locations.size(); ++l)
    for (int p = 0; p < n_profiles; ++p) {
      const std::size_t k = programme_index(l, p);
      satisfied(l) += programme_students[k];
      satisfaction(l) += programme_students[k] * static_cast<double>(quality[k]);
    }
  for (std::size_t l = 0; l < offer.size(); ++l) offered(l) = offer[l];
  // Entrants carried forward: at t+5 years 3 and 4 hold those entering at t+3 and t+2.
  const int elapsed = world.year - setup.start_year;
  for (std::size_t r = 0; r < world.regions.size(); ++r) {
    const double start = world.start.region_cohort[r];
    const double growth = (elapsed > 0 && start > 0 && year1[r] > 0) ? std::pow(year1[r] / start, 1.0 / elapsed) : 1.0;
    expected(r) = year1[r] * (std::pow(growth, 2) + std::pow(growth, 3));
  }
}

}  // namespace

MonitorSetup make_monitor_setup(const World& world, const MonitorParams& params,
                                const ModelParameters& model, int start_year,
                                const std::array<bool, n_profiles>& technical) {
  MonitorSetup setup{params, model, start_year, technical, {}};
  const Locations& loc = world.locations;
  const double limit = params.duplicate_distance_km * params.duplicate_distance_km;
  for (std::size_t a = 0; a < loc.size(); ++a)
    for (std::size_t b = a + 1; b < loc.size(); ++b) {
      const double dx = loc.x_km[a] - loc.x_km[b], dy = loc.y_km[a] - loc.y_km[b];
      if (dx * dx + dy * dy < limit)
        setup.nearby_location_pairs.emplace_back(static_cast<std::int32_t>(a), static_cast<std::int32_t>(b));
    }
  return setup;
}

void record_year(IndicatorFrame& frame, std::size_t year_index, const World& world,
                 const MonitorSetup& setup) {
  const std::vector<std::uint8_t> keuzevak_offered = keuzevak_offer(world, setup.technical);
  const StudentCensus census = take_census(world, setup, keuzevak_offered);
  const std::vector<std::int32_t> programme_students = per_programme(census);
  record_enrolment(frame, year_index, world, setup, census);
  record_offer(frame, year_index, world, setup, programme_students);
  record_access(frame, year_index, world, setup, census);
  record_flows(frame, year_index, world, census);
  record_teachers(frame, year_index, world, setup, programme_students);
  record_facilities(frame, year_index, world, setup, programme_students);
  record_regions(frame, year_index, world, setup);
  record_students(frame, year_index, world, setup, census, programme_students, keuzevak_offered);
  derive_indicators(frame, year_index, world.locations.region, setup.params.techniekarm_share);
}

}  // namespace stosim
