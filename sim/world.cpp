#include "sim/world.hpp"

#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <tuple>

#include "sim/parallel.hpp"

namespace stosim {

namespace {

// Students per compaction chunk: large enough that a chunk's bookkeeping costs nothing, small
// enough that a national world gives every thread several chunks.
constexpr std::size_t compaction_chunk = 16384;

// Moves the enrolled students of [begin, end) to the front of the range, in order, every column
// in one pass without branches (a store per column per student, the output advancing only for
// the kept); returns how many were kept.
std::size_t compact_chunk(Students& s, std::size_t begin, std::size_t end) {
  const StudentStatus* status = s.status.data();
  std::size_t out = begin;
  while (out < end && status[out] == StudentStatus::enrolled) ++out;  // nothing to move before
  // Raw pointers and a local output index: a store through a byte column could alias the
  // vectors themselves or a captured index, which would make the compiler reload them after each
  // store. The status column is stored last, after `keep` has read it.
  const auto data =
      std::apply([](auto&... column) { return std::make_tuple(column.data()...); }, s.columns());
  const std::size_t first_moved = out;
  const std::size_t kept_end = std::apply(
      [status, first_moved, end](auto*... column) {
        std::size_t to = first_moved;
        for (std::size_t i = first_moved; i < end; ++i) {
          const bool keep = status[i] == StudentStatus::enrolled;
          ((column[to] = column[i]), ...);
          to += keep ? 1 : 0;
        }
        return to;
      },
      data);
  return kept_end - begin;
}

}  // namespace

// Each chunk compacts itself in parallel; then every column slides the chunks' kept blocks
// together (one column per task: a column's slides overlap, different columns do not). The
// order of the kept students is that of keep_where, whatever the threads.
void remove_finished_students(Students& s) {
  const std::size_t n = s.size();
  const std::size_t chunks = (n + compaction_chunk - 1) / compaction_chunk;
  std::vector<std::size_t> kept(chunks, 0);
  tbb::parallel_for(std::size_t{0}, chunks, [&](std::size_t c) {
    kept[c] = compact_chunk(s, c * compaction_chunk, std::min(n, (c + 1) * compaction_chunk));
  });
  std::vector<std::size_t> destination(chunks + 1, 0);
  for (std::size_t c = 0; c < chunks; ++c) destination[c + 1] = destination[c] + kept[c];
  auto slide = [&](auto& column) {
    for (std::size_t c = 1; c < chunks; ++c)
      if (kept[c] > 0 && destination[c] != c * compaction_chunk)
        std::memmove(column.data() + destination[c], column.data() + c * compaction_chunk,
                     kept[c] * sizeof(column[0]));
    column.resize(destination[chunks]);
  };
  std::apply([&](auto&... column) { tbb::parallel_invoke([&] { slide(column); }...); },
             s.columns());
}

void grow_students(Students& s, std::size_t count) {
  const std::size_t n = s.size() + count;
  for_each_column(s, [&](auto& column) { column.resize(n); });
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
  f.mbo_technical_by_level.assign(regions * n_mbo_levels, 0);
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

std::vector<std::int32_t> count_programme_students(const World& world) {
  std::vector<std::int32_t> counts(world.programmes.size(), 0);
  const Students& s = world.students;
  count_over_indices(s.size(), counts, [&](std::size_t i, std::vector<std::int32_t>& c) {
    if (s.grade[i] < 3 || s.location[i] < 0) return;
    // Without a branch on the profile and status (sim/catalog.hpp, profile_slot).
    const std::size_t k = programme_index(static_cast<std::size_t>(s.location[i]),
                                          static_cast<int>(profile_slot(s.profile[i])));
    c[k] += (s.profile[i] != no_profile) & (s.status[i] == StudentStatus::enrolled);
  });
  return counts;
}

std::vector<double> bovenbouw_students_per_region(
    const World& world, const std::vector<std::int32_t>& programme_students) {
  std::vector<double> count(world.regions.size(), 0.0);
  for (std::size_t k = 0; k < programme_students.size(); ++k)
    count[static_cast<std::size_t>(world.locations.region[k / n_profiles])] +=
        programme_students[k];
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

float distance_between_locations(const World& world, std::size_t a, std::size_t b) {
  const float dx = world.locations.x_km[a] - world.locations.x_km[b];
  const float dy = world.locations.y_km[a] - world.locations.y_km[b];
  return std::sqrt(dx * dx + dy * dy);
}

DistanceDecay distance_decay(const ReachableLocations& reach, double beta) {
  DistanceDecay decay{beta, std::vector<double>(reach.distance_km.size())};
  for (std::size_t k = 0; k < decay.weight.size(); ++k) decay.weight[k] = std::exp(beta * reach.distance_km[k]);
  return decay;
}

const std::vector<double>& decay_for(const DistanceDecay& stored, const ReachableLocations& reach, double beta,
                                     std::vector<double>& scratch) {
  if (stored.beta == beta && stored.weight.size() == reach.distance_km.size()) return stored.weight;
  scratch = distance_decay(reach, beta).weight;
  return scratch;
}

}  // namespace stosim
