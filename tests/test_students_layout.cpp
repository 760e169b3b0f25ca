// The students' arrays kept by sim/world: compaction and counts that run in parallel must give
// what the plain serial loops give, in the same order, whatever the threads.
#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include <catch2/catch.hpp>

#include "sim/parallel.hpp"
#include "sim/random.hpp"
#include "sim/world.hpp"

using namespace stosim;

namespace {

// Students with every column distinct per student and about one in five finished, spread so
// that some compaction chunks lose none, some many.
Students mixed_students(std::size_t n) {
  Students s;
  for (std::size_t i = 0; i < n; ++i) {
    RandomStream rng(StreamKey{7, 0}, 2020, Purpose::test, i);
    NewStudent x{.id = 1000 + i,
                 .home_zone = static_cast<std::int32_t>(i % 97),
                 .location = static_cast<std::int32_t>(i % 13),
                 .cohort = 2000 + static_cast<int>(i % 7),
                 .grade = 1 + static_cast<int>(i % 4),
                 .leerweg = static_cast<Leerweg>(i % n_leerwegen),
                 .profile = static_cast<std::int8_t>(i % 3 == 0 ? no_profile : static_cast<int>(i % n_profiles)),
                 .male = i % 2 == 0,
                 .propensity = static_cast<float>(i) * 0.5f};
    add_student(s, x);
    s.technical_keuzevak[i] = static_cast<std::uint8_t>(i % 5 == 0);
    const bool block_without_leavers = (i / 20000) % 3 == 1;
    const double u = rng.uniform();
    if (!block_without_leavers && u < 0.2)
      s.status[i] = u < 0.1 ? StudentStatus::graduated : StudentStatus::dropped_out;
  }
  return s;
}

// The plain serial compaction: every column (status last) by keep_where.
Students compacted_serially(Students s) {
  for_each_column(s, [&](auto& column) { keep_where(column, s.status, StudentStatus::enrolled); });
  return s;
}

void require_same(const Students& a, const Students& b) {
  REQUIRE(a.size() == b.size());
  CHECK(a.id == b.id);
  CHECK(a.home_zone == b.home_zone);
  CHECK(a.location == b.location);
  CHECK(a.cohort == b.cohort);
  CHECK(a.grade == b.grade);
  CHECK(a.leerweg == b.leerweg);
  CHECK(a.profile == b.profile);
  CHECK(a.is_male == b.is_male);
  CHECK(a.propensity == b.propensity);
  CHECK(a.technical_keuzevak == b.technical_keuzevak);
  CHECK(a.status == b.status);
  CHECK(a.columns() == b.columns());  // and any column added since
}

}  // namespace

TEST_CASE("StudentsLayout.CompactionKeepsTheEnrolledInOrderAtAnyThreadCount", "[world]") {
  const Students before = mixed_students(70001);  // several chunks and a partial last one
  const Students expected = compacted_serially(before);
  REQUIRE(expected.size() < before.size());
  for (int threads : {1, 2, 4}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    Students s = before;
    tbb::task_arena(threads).execute([&] { remove_finished_students(s); });
    require_same(s, expected);
  }
  Students none_left = expected;
  remove_finished_students(none_left);
  require_same(none_left, expected);
  Students empty;
  remove_finished_students(empty);
  CHECK(empty.size() == 0);
}

TEST_CASE("StudentsLayout.CountsInParallelEqualTheSerialCounts", "[world]") {
  const std::size_t n = 100003;
  std::vector<std::int32_t> serial(97, 0);
  for (std::size_t i = 0; i < n; ++i)
    if (i % 3 != 0) serial[(i * i) % 97] += static_cast<std::int32_t>(1 + i % 2);
  for (int threads : {1, 2, 4}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    std::vector<std::int32_t> counts(97, 5);  // adds to what is there
    tbb::task_arena(threads).execute([&] {
      count_over_indices(n, counts, [](std::size_t i, std::vector<std::int32_t>& c) {
        if (i % 3 != 0) c[(i * i) % 97] += static_cast<std::int32_t>(1 + i % 2);
      });
    });
    for (auto& c : counts) c -= 5;
    CHECK(counts == serial);
  }
}

TEST_CASE("StudentsLayout.ProgrammeCountsAreTheEnrolledInYears3And4", "[world]") {
  World world;
  world.students = mixed_students(70001);
  world.programmes.offered.assign(13 * n_profiles, 1);  // mixed_students uses 13 locations
  const Students& s = world.students;
  std::vector<std::int32_t> expected(world.programmes.size(), 0);
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s.status[i] == StudentStatus::enrolled && s.grade[i] >= 3 && s.profile[i] != no_profile)
      ++expected[programme_index(static_cast<std::size_t>(s.location[i]), s.profile[i])];
  std::int32_t counted = 0;
  for (const std::int32_t c : expected) counted += c;
  REQUIRE(counted > 0);
  REQUIRE(static_cast<std::size_t>(counted) < s.size() / 2);  // years 1-2, TL and leavers left out
  for (int threads : {1, 2, 4}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                              static_cast<std::size_t>(threads));
    std::vector<std::int32_t> counts;
    tbb::task_arena(threads).execute([&] { counts = count_programme_students(world); });
    CHECK(counts == expected);
  }
}
