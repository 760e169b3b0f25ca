#include <tbb/global_control.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "channel_helpers.hpp"
#include "models/teachers.hpp"
#include "small_world.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {
constexpr int bwi = 0, pie = 1, zw = 8;

StepContext context(int year) { return test_context(year, 11); }

// `regions` regions, each with `locations` locations offering BWI, PIE and Z&W with
// `students` students in years 3-4 in each profile.
World& technical_world(SmallWorld& sw, int regions, int locations, int students) {
  for (int r = 0; r < regions; ++r) {
    sw.add_region();
    const std::size_t z = sw.add_zone(static_cast<float>(100 * r), 0, r);
    for (int l = 0; l < locations; ++l) {
      const std::size_t loc =
          sw.add_location(static_cast<float>(100 * r), static_cast<float>(l), all_leerwegen, r);
      for (int p : {bwi, pie, zw}) {
        sw.offer(loc, p);
        for (int i = 0; i < students; ++i)
          sw.add_student(z, loc, 3 + i % 2, Leerweg::kb, static_cast<std::int8_t>(p));
      }
    }
  }
  return sw.finish();
}

double active_fte(const Teachers& t) {
  double sum = 0.0;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (t.status[i] == TeacherStatus::active) sum += t.fte[i];
  return sum;
}

std::int64_t count_status(const Teachers& t, TeacherStatus status) {
  std::int64_t n = 0;
  for (std::size_t i = 0; i < t.size(); ++i) n += t.status[i] == status;
  return n;
}

double total_vacancy(const World& w) {
  double sum = 0.0;
  for (float v : w.flows.vacancy_fte) sum += v;
  return sum;
}

void fund(World& w, std::size_t region, Envelope e, double euro) {
  w.flows.envelope[region * n_envelopes + static_cast<std::size_t>(e)] = euro;
}

// One year of the teacher phase with fresh flows and the given envelopes.
void year(World& w, const TeacherParams& params, const PathwayParams& pathways, int t,
          double h3_euro = 0.0) {
  reset_flows(w);
  for (std::size_t r = 0; r < w.regions.size(); ++r) fund(w, r, Envelope::teachers, h3_euro);
  resolve_for_test(w, pathways);
  update_teachers(w, params, count_programme_students(w), context(t));
}
}  // namespace

TEST_CASE("Teachers.NeededFteGrowsWithStudents", "[teachers]") {
  TeacherParams params;
  CHECK(needed_fte(params, 0) == Approx(params.base_fte_per_programme));
  CHECK(needed_fte(params, 60) ==
        Approx(params.base_fte_per_programme + 60 / params.students_per_fte));
}

TEST_CASE("Teachers.InitialStaffMatchesNeed", "[teachers]") {
  SmallWorld sw;
  World& w = technical_world(sw, 1, 3, 60);
  TeacherParams params;
  initialise_teachers(w, params, context(2018).technical, {5, ~0ull});
  std::vector<double> fte(w.programmes.size(), 0.0);
  const Teachers& t = w.teachers;
  for (std::size_t i = 0; i < t.size(); ++i) {
    CHECK(t.id[i] == i);
    CHECK(t.age[i] >= 23);
    CHECK(t.age[i] < params.retirement_age);
    CHECK(t.status[i] == TeacherStatus::active);
    fte[programme_index(static_cast<std::size_t>(t.location[i]), t.profile[i])] += t.fte[i];
  }
  CHECK(w.next_teacher_id == t.size());
  for (std::size_t l = 0; l < 3; ++l) {
    CHECK(std::abs(fte[programme_index(l, bwi)] - needed_fte(params, 60)) <= 0.5);
    CHECK(std::abs(fte[programme_index(l, pie)] - needed_fte(params, 60)) <= 0.5);
    CHECK(fte[programme_index(l, zw)] == 0.0);  // not technical: no technical teachers
  }
}

// The initial ages stop a year short of the retirement age, whatever it is: a teacher at or
// above it would retire in the first year, a spike that no data shows.
TEST_CASE("Teachers.InitialAgesStopBelowAnyRetirementAge", "[teachers]") {
  for (int retirement_age : {58, 67, 72}) {
    SmallWorld sw;
    World& w = technical_world(sw, 2, 5, 60);
    TeacherParams params;
    params.retirement_age = retirement_age;
    initialise_teachers(w, params, context(2018).technical, {5, ~0ull});
    int oldest = 0;
    for (std::size_t i = 0; i < w.teachers.size(); ++i)
      oldest = std::max(oldest, int{w.teachers.age[i]});
    CHECK(oldest < retirement_age);
    // With ages normal(47, 11) over some 75 teachers the tail reaches the cap's neighbourhood
    // (for 72: P(age > 66) is 4 %), so the cap is what stops it.
    CHECK(oldest >= std::min(retirement_age - 5, 62));
  }
}

// Also with a retirement age below the oldest hires of the routes: without graduates and
// side-entrants the vacancies go to unqualified staff, who come at 23-62, and nobody may be hired
// at or past the retirement age, or retire above it.
TEST_CASE("Teachers.WithoutAttritionOnlyRetirementAtTheAge", "[teachers][degenerate]") {
  for (int retirement_age : {67, 55}) {
    SmallWorld sw;
    World& w = technical_world(sw, 1, 4, 60);
    TeacherParams params;
    params.attrition_base = 0.0;
    params.early_retirement_rate = 0.0;
    params.retirement_age = retirement_age;
    params.graduates_per_year = 0.0;
    params.side_entrants_per_year = 0.0;
    initialise_teachers(w, params, context(2018).technical, {5, ~0ull});
    PathwayParams pathways;
    std::int64_t hired = 0;
    for (int t = 2018; t < 2030; ++t) {
      year(w, params, pathways, t);
      hired += w.flows.teachers_hired_regular + w.flows.teachers_hired_side_entrant +
               w.flows.teachers_hired_hybrid + w.flows.teachers_hired_unqualified;
      CHECK(w.flows.teachers_left == 0);
      CHECK(count_status(w.teachers, TeacherStatus::left) == 0);
      CHECK(w.flows.teachers_retired == count_status(w.teachers, TeacherStatus::retired));
      for (std::size_t i = 0; i < w.teachers.size(); ++i) {
        if (w.teachers.status[i] == TeacherStatus::retired)
          CHECK(w.teachers.age[i] == params.retirement_age);
        else
          CHECK(w.teachers.age[i] < params.retirement_age);
      }
    }
    CHECK(hired > 0);  // retirements were replaced, so the hiring ages were tested
  }
}

TEST_CASE("Teachers.FteInEqualsOutPlusStay", "[teachers][accounting]") {
  SmallWorld sw;
  World& w = technical_world(sw, 2, 5, 40);
  TeacherParams params;
  params.attrition_base = 0.1;
  initialise_teachers(w, params, context(2018).technical, {5, ~0ull});
  PathwayParams pathways;
  for (int t = 2018; t < 2028; ++t) {
    if (t == 2021) w.programmes.offered[programme_index(2, pie)] = 0;  // its teachers move or leave
    // Last year's leavers are dropped at the start of the phase: the stock is the active staff.
    const double start = active_fte(w.teachers);
    const std::uint64_t first_new = w.next_teacher_id;
    year(w, params, pathways, t);
    const Teachers& s = w.teachers;
    double hired = 0.0, out = 0.0;
    std::int64_t new_teachers = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s.id[i] >= first_new) hired += s.fte[i], ++new_teachers;
      if (s.status[i] != TeacherStatus::active) out += s.fte[i];
    }
    CHECK(start + hired == Approx(active_fte(s) + out).epsilon(1e-9));
    const YearFlows& f = w.flows;
    CHECK(new_teachers == f.teachers_hired_regular + f.teachers_hired_side_entrant +
                              f.teachers_hired_hybrid + f.teachers_hired_unqualified);
    CHECK(f.teachers_retired + f.teachers_left ==
          count_status(s, TeacherStatus::retired) + count_status(s, TeacherStatus::left));
  }
  for (std::size_t i = 0; i < w.teachers.size(); ++i)  // nobody teaches the closed programme
    CHECK((w.teachers.location[i] != 2 || w.teachers.profile[i] != pie));
}

TEST_CASE("Teachers.ClosedProgrammeTeachersMoveToAVacancyOrLeave", "[teachers]") {
  SmallWorld sw;
  World& w = technical_world(sw, 1, 1, 60);
  TeacherParams params;
  params.attrition_base = params.early_retirement_rate = 0.0;
  params.retirement_age = 80;
  params.graduates_per_year = params.side_entrants_per_year = params.unqualified_hire_share = 0.0;
  initialise_teachers(w, params, context(2018).technical, {5, ~0ull});
  // BWI lost about half its staff last year; then PIE closes. PIE's teachers fill BWI's
  // vacancy and the others leave.
  const double need = needed_fte(params, 60);
  double bwi_staff = 0.0, pie_staff = 0.0;
  for (std::size_t i = 0; i < w.teachers.size(); ++i) {
    if (w.teachers.profile[i] == pie) pie_staff += w.teachers.fte[i];
    if (w.teachers.profile[i] != bwi) continue;
    if (bwi_staff < 0.5 * need)
      bwi_staff += w.teachers.fte[i];
    else
      w.teachers.status[i] = TeacherStatus::left;
  }
  w.programmes.offered[programme_index(0, pie)] = 0;
  year(w, params, PathwayParams{}, 2018);
  double bwi_after = 0.0, left = 0.0;
  for (std::size_t i = 0; i < w.teachers.size(); ++i) {
    if (w.teachers.status[i] == TeacherStatus::left) left += w.teachers.fte[i];
    if (w.teachers.status[i] != TeacherStatus::active) continue;
    CHECK(w.teachers.profile[i] == bwi);
    bwi_after += w.teachers.fte[i];
  }
  CHECK(bwi_after >= need);
  CHECK(bwi_after < need + 1.0);  // the last one to move may overfill by less than one FTE
  CHECK(bwi_after + left == Approx(bwi_staff + pie_staff));
  CHECK(w.flows.teachers_left > 0);
  CHECK(w.flows.vacancy_fte[programme_index(0, bwi)] == 0.0f);
}

TEST_CASE("Teachers.VacanciesFallWhenSupplyRises", "[teachers]") {
  TeacherParams scarce;
  scarce.attrition_base = 0.15;
  scarce.graduates_per_year = 2;
  scarce.side_entrants_per_year = 1;
  scarce.unqualified_hire_share = 0.0;
  TeacherParams ample = scarce;
  ample.graduates_per_year = 20;
  ample.side_entrants_per_year = 10;
  double vacancy[2] = {0.0, 0.0};
  int run = 0;
  for (const TeacherParams* params : {&scarce, &ample}) {
    SmallWorld sw;
    World& w = technical_world(sw, 2, 5, 40);
    initialise_teachers(w, *params, context(2018).technical, {5, ~0ull});
    for (int t = 2018; t < 2023; ++t) year(w, *params, PathwayParams{}, t);
    vacancy[run++] = total_vacancy(w);
  }
  CHECK(vacancy[0] > 1.0);
  CHECK(vacancy[1] < 0.5 * vacancy[0]);
}

TEST_CASE("Teachers.UnqualifiedStaffFillTheirShareOfTheVacancy", "[teachers]") {
  SmallWorld sw;
  World& w = technical_world(sw, 1, 1, 60);
  TeacherParams params;
  params.graduates_per_year = params.side_entrants_per_year = 0.0;
  params.unqualified_hire_share = 0.5;
  initialise_teachers(w, params, context(2018).technical, {5, ~0ull});
  for (std::size_t i = 0; i < w.teachers.size(); ++i)  // every BWI teacher left last year
    if (w.teachers.profile[i] == bwi) w.teachers.status[i] = TeacherStatus::left;
  year(w, params, PathwayParams{}, 2018);
  const double need = needed_fte(params, 60);
  double hired = 0.0;
  for (std::size_t i = 0; i < w.teachers.size(); ++i)
    if (w.teachers.profile[i] == bwi && w.teachers.status[i] == TeacherStatus::active) {
      CHECK(w.teachers.qualification[i] == Qualification::unqualified);
      hired += w.teachers.fte[i];
    }
  CHECK(hired == Approx(0.5 * need).margin(0.1));
  CHECK(w.flows.vacancy_fte[programme_index(0, bwi)] == Approx(need - hired).margin(1e-4));
}

TEST_CASE("Teachers.FundedRetentionLowersAttrition", "[teachers][statistical]") {
  // Two identical regions, H3 funded in the second. Without workload and labour-market effects
  // and retirement, each teacher leaves with exactly attrition_base, times (1 - retention_effect)
  // where funded: the numbers of leavers are binomial.
  SmallWorld sw;
  World& w = technical_world(sw, 2, 20, 60);
  TeacherParams params;
  params.attrition_base = 0.2;
  params.workload_effect = params.labour_pull_effect = 0.0;
  params.early_retirement_rate = 0.0;
  params.retirement_age = 80;
  initialise_teachers(w, params, context(2018).technical, {5, ~0ull});
  const std::uint64_t first_new = w.next_teacher_id;
  PathwayParams pathways;
  reset_flows(w);
  fund(w, 1, Envelope::teachers, 1e5);
  resolve_for_test(w, pathways);
  update_teachers(w, params, count_programme_students(w), context(2018));
  double n[2] = {0, 0}, left[2] = {0, 0};
  for (std::size_t i = 0; i < w.teachers.size(); ++i) {
    if (w.teachers.id[i] >= first_new) continue;  // hired this year, after the leaving
    const auto l = static_cast<std::size_t>(w.teachers.location[i]);
    const auto r = static_cast<std::size_t>(w.locations.region[l]);
    n[r] += 1;
    left[r] += w.teachers.status[i] == TeacherStatus::left ? 1 : 0;
  }
  const double p[2] = {params.attrition_base,
                       params.attrition_base * (1.0 - pathways.h3.retention_effect)};
  for (int r = 0; r < 2; ++r) {
    const double sd = std::sqrt(n[r] * p[r] * (1.0 - p[r]));
    CHECK(std::abs(left[r] - n[r] * p[r]) < 4.0 * sd);
  }
  CHECK(w.flows.budget_spent[0] == 0.0);
  CHECK(w.flows.budget_spent[1] == 1e5);  // the funded envelope is spent in full
}

TEST_CASE("Teachers.RetentionNeedsTheSwitchAndTheMoney", "[teachers]") {
  // The same seed with H3 switched off, or on without money, gives the same leavers.
  auto leavers = [](bool enabled, double euro) {
    SmallWorld sw;
    World& w = technical_world(sw, 1, 10, 60);
    TeacherParams params;
    params.attrition_base = 0.2;
    initialise_teachers(w, params, context(2018).technical, {5, ~0ull});
    PathwayParams pathways;
    pathways.h3.enabled = enabled;
    year(w, params, pathways, 2018, euro);
    return std::make_pair(w.flows.teachers_left, w.flows.budget_spent[0]);
  };
  const auto base = leavers(false, 0.0);
  CHECK(leavers(false, 1e5).first == base.first);  // money without the switch keeps no one
  CHECK(leavers(false, 1e5).second == 1e5);        // but it is spent as the plan says
  CHECK(leavers(true, 0.0) == base);
  CHECK(leavers(true, 1e5).first < base.first);
  CHECK(leavers(true, 1e5).second == 1e5);
}

TEST_CASE("Teachers.FundedDevelopmentBringsHybridsAndQualifies", "[teachers]") {
  SmallWorld sw;
  World& w = technical_world(sw, 1, 4, 60);
  for (int i = 0; i < 40; ++i) {  // core partner firms
    w.firms.id.push_back(static_cast<std::uint64_t>(i));
    w.firms.region.push_back(0);
    w.firms.sector.push_back(0);
    w.firms.employees.push_back(50);
    w.firms.partnership.push_back(Partnership::core);
    w.firms.years_as_partner.push_back(1);
  }
  TeacherParams params;
  params.initial_unqualified_share = 0.5;
  params.attrition_base = 0.3;
  params.graduates_per_year = params.side_entrants_per_year = 0.0;
  initialise_teachers(w, params, context(2018).technical, {5, ~0ull});
  PathwayParams pathways;
  pathways.h8.training_speedup = 5.0;  // every funded teacher of at least 0.2 FTE qualifies
  reset_flows(w);
  fund(w, 0, Envelope::development, 5e4);
  const std::uint64_t first_new = w.next_teacher_id;
  resolve_for_test(w, pathways);
  update_teachers(w, params, count_programme_students(w), context(2018));
  const double hybrids = pathways.h8.hybrid_per_core_partner * 40;
  CHECK(w.flows.teachers_hired_hybrid > 0);
  CHECK(w.flows.teachers_hired_hybrid <= static_cast<std::int64_t>(std::ceil(hybrids)));
  for (std::size_t i = 0; i < w.teachers.size(); ++i) {
    const Teachers& t = w.teachers;
    if (t.status[i] != TeacherStatus::active) continue;
    if (t.id[i] < first_new) CHECK(t.qualification[i] == Qualification::qualified);
    if (t.origin[i] == TeacherOrigin::hybrid) CHECK(t.qualification[i] == Qualification::qualified);
    const double per_fte = params.development_hours_base + pathways.h8.development_hours;
    CHECK(t.development_hours[i] == Approx(per_fte * t.fte[i]));
  }
  CHECK(w.flows.budget_spent[0] == 5e4);
}

TEST_CASE("Teachers.OneThreadEqualsManyThreads", "[teachers][determinism]") {
  auto run = [](int threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                              static_cast<std::size_t>(threads));
    SmallWorld sw;
    World& w = technical_world(sw, 3, 8, 50);
    TeacherParams params;
    params.attrition_base = 0.1;
    initialise_teachers(w, params, context(2018).technical, {5, ~0ull});
    PathwayParams pathways;
    for (int t = 2018; t < 2024; ++t) year(w, params, pathways, t, t % 2 ? 1e5 : 0.0);
    return w.teachers;
  };
  const Teachers one = run(1), many = run(4);
  CHECK(one.id == many.id);
  CHECK(one.fte == many.fte);
  CHECK(one.age == many.age);
  CHECK(one.profile == many.profile);
  CHECK(one.qualification == many.qualification);
  CHECK(one.status == many.status);
}
