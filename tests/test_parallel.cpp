#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "sim/parallel.hpp"

using stosim::Purpose;
using stosim::RandomStream;

TEST_CASE("Parallel.DrawingLoopGivesEachSelectedAgentItsOwnStream", "[parallel][random]") {
  // Every third agent is left out; the others get exactly one body call with their own stream of
  // the family, whatever batch and chunk they fell into.
  const std::size_t count = 10007;  // not a multiple of a batch or a chunk
  std::vector<std::uint64_t> ids(count);
  for (std::size_t i = 0; i < count; ++i) ids[i] = 3 * i + 11;
  const stosim::StreamFamily family{{99, 2}, 2025, Purpose::dropout};
  std::vector<double> first(count, -1.0);
  std::vector<int> calls(count, 0);
  stosim::for_each_drawing(
      count, family, ids, [](std::size_t i) { return i % 3 != 0; },
      [&](std::size_t i, RandomStream& rng) {
        ++calls[i];
        rng.uniform();
        first[i] = rng.uniform();  // the second number: the stream, not only its first word
      });
  for (std::size_t i = 0; i < count; ++i) {
    if (i % 3 == 0) {
      REQUIRE(calls[i] == 0);
      continue;
    }
    REQUIRE(calls[i] == 1);
    RandomStream own = family.of(ids[i]);
    own.uniform();
    REQUIRE(first[i] == own.uniform());
  }
}

TEST_CASE("Parallel.DrawingLoopTalliesEverySelectedAgent", "[parallel][random]") {
  const std::size_t count = 20000;
  std::vector<std::uint64_t> ids(count);
  for (std::size_t i = 0; i < count; ++i) ids[i] = i;
  const stosim::StreamFamily family{{5, 0}, 2020, Purpose::exam};
  std::int64_t selected = 0, below_half = 0, expected_below_half = 0;
  stosim::for_each_drawing_counting(
      count, std::vector<std::int64_t>(2, 0), family, ids, [](std::size_t i) { return i % 2 == 1; },
      [](std::size_t, RandomStream& rng, std::vector<std::int64_t>& tally) {
        ++tally[0];
        if (rng.uniform() < 0.5) ++tally[1];
      },
      [&](const std::vector<std::int64_t>& tally) {
        selected += tally[0], below_half += tally[1];
      });
  for (std::size_t i = 1; i < count; i += 2)
    if (family.of(ids[i]).uniform() < 0.5) ++expected_below_half;
  CHECK(selected == static_cast<std::int64_t>(count / 2));
  CHECK(below_half == expected_below_half);
}
