#pragma once
// Parallel loop over agent indices. Chunks of indices go to TBB workers and the body is inlined
// into each chunk's loop, which is much cheaper than one task call per agent. Bodies must only
// write to their own agent's state (or use atomics on integer counters) so that results do not
// depend on the thread count.
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "sim/random.hpp"

namespace stosim {

// Indices per chunk. A loop over students (hundreds of thousands, light bodies) takes chunks of
// 4,096; a loop over places (some 4,000 zones, 1,000 locations, 10,000 programmes, each with a
// pass over its neighbours or a few exps) needs small chunks, or it runs as one chunk on one
// thread.
inline constexpr std::size_t student_grain = 4096;
inline constexpr std::size_t place_grain = 16;

template <class Body>
void for_each_index(std::size_t count, Body&& body, std::size_t grain = student_grain) {
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count, grain),
                    [&](const tbb::blocked_range<std::size_t>& chunk) {
                      for (std::size_t i = chunk.begin(); i != chunk.end(); ++i) body(i);
                    });
}

// for_each_index with a tally of whole counts per thread: `body(i, tally)` adds agent i's counts
// to the thread's own copy of `zero`, and `add(tally)` adds each thread's copy into the totals at
// the end. No atomic per agent; the totals do not depend on the threads because whole counts
// (integers, or floating-point numbers holding integers below 2^24 for float and 2^53 for
// double) add up exactly in any order. A body may also write its own agent's state.
template <class Tally, class Body, class Add>
void for_each_index_counting(std::size_t count, const Tally& zero, Body&& body, Add&& add) {
  tbb::enumerable_thread_specific<Tally> local(zero);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count, student_grain),
                    [&](const tbb::blocked_range<std::size_t>& chunk) {
                      Tally& tally = local.local();
                      for (std::size_t i = chunk.begin(); i != chunk.end(); ++i) body(i, tally);
                    });
  for (const Tally& tally : local) add(tally);
}

// The common case: the tally is one array of counts, added cell by cell into `counts`.
template <class Count, class Body>
void count_over_indices(std::size_t count, std::vector<Count>& counts, Body&& body) {
  for_each_index_counting(count, std::vector<Count>(counts.size(), Count{0}), std::forward<Body>(body),
                          [&](const std::vector<Count>& part) {
                            for (std::size_t k = 0; k < counts.size(); ++k) counts[k] += part[k];
                          });
}

// The agents in [begin, end) that `draws(i)` selects, in order, each with its stream of `family`
// (agent ids[i]): body(i, rng). Their first blocks are computed sixteen at a time (StreamBatch).
// `draws(i)` runs before the bodies of up to fifteen earlier agents, which is safe because a
// body writes only its own agent's state.
template <class Draws, class Body>
void draw_in_range(std::size_t begin, std::size_t end, const StreamFamily& family,
                   const std::uint64_t* ids, Draws& draws, Body& body) {
  std::size_t index[StreamBatch::width];
  std::uint64_t agent[StreamBatch::width];
  int waiting = 0;
  auto run_batch = [&] {
    const StreamBatch batch(family, agent, waiting);
    for (int j = 0; j < waiting; ++j) {
      RandomStream rng = batch.stream(j);
      body(index[j], rng);
    }
    waiting = 0;
  };
  for (std::size_t i = begin; i != end; ++i) {
    if (!draws(i)) continue;
    index[waiting] = i;
    agent[waiting] = ids[i];
    if (++waiting == StreamBatch::width) run_batch();
  }
  if (waiting > 0) run_batch();
}

// for_each_index over the agents `draws(i)` selects, each drawing from its own stream of `family`:
// body(i, rng), with ids[i] the agent's id. The loop for mechanisms that draw for many agents.
template <class Draws, class Body>
void for_each_drawing(std::size_t count, const StreamFamily& family,
                      const std::vector<std::uint64_t>& ids, Draws&& draws, Body&& body) {
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count, student_grain),
                    [&](const tbb::blocked_range<std::size_t>& chunk) {
                      draw_in_range(chunk.begin(), chunk.end(), family, ids.data(), draws, body);
                    });
}

// for_each_drawing with a tally per thread, as for_each_index_counting: body(i, rng, tally).
template <class Tally, class Draws, class Body, class Add>
void for_each_drawing_counting(std::size_t count, const Tally& zero, const StreamFamily& family,
                               const std::vector<std::uint64_t>& ids, Draws&& draws, Body&& body,
                               Add&& add) {
  tbb::enumerable_thread_specific<Tally> local(zero);
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, count, student_grain),
      [&](const tbb::blocked_range<std::size_t>& chunk) {
        Tally& tally = local.local();
        auto with_tally = [&](std::size_t i, RandomStream& rng) { body(i, rng, tally); };
        draw_in_range(chunk.begin(), chunk.end(), family, ids.data(), draws, with_tally);
      });
  for (const Tally& tally : local) add(tally);
}

}  // namespace stosim
