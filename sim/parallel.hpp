#pragma once
// Parallel loop over agent indices. Chunks of indices go to TBB workers and the body is inlined
// into each chunk's loop, which is much cheaper than one task call per agent. Bodies must only
// write to their own agent's state (or use atomics on integer counters) so that results do not
// depend on the thread count.
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <cstddef>
#include <mutex>
#include <vector>

namespace stosim {

template <class Body>
void for_each_index(std::size_t count, Body&& body) {
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count, 4096),
                    [&](const tbb::blocked_range<std::size_t>& chunk) {
                      for (std::size_t i = chunk.begin(); i != chunk.end(); ++i) body(i);
                    });
}

// for_each_index with a tally of integer counts per chunk, added into the totals by `add` once
// per chunk (under a lock): cheaper than an atomic per agent, and exact whatever the order.
template <class Tally, class Body, class Add>
void for_each_index_counting(std::size_t count, const Tally& zero, Body&& body, Add&& add) {
  std::mutex lock;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count, 4096),
                    [&](const tbb::blocked_range<std::size_t>& chunk) {
                      Tally tally = zero;
                      for (std::size_t i = chunk.begin(); i != chunk.end(); ++i) body(i, tally);
                      const std::lock_guard<std::mutex> guard(lock);
                      add(tally);
                    });
}

// Counts over agents in parallel: `body(i, counts)` adds agent i's counts into an array of
// counts.size() cells, each thread into its own array; the arrays are added into `counts` at the
// end. Like for_each_index, a body may also write its own agent's state. Only for whole counts
// (integers, or floating-point numbers holding integers below 2^24 for float and 2^53 for
// double): their sums are exact in any order, so the result does not depend on the threads.
// Costs one array per thread, not per chunk.
template <class Count, class Body>
void count_over_indices(std::size_t count, std::vector<Count>& counts, Body&& body) {
  tbb::enumerable_thread_specific<std::vector<Count>> local(counts.size(), Count{0});
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count, 4096),
                    [&](const tbb::blocked_range<std::size_t>& chunk) {
                      std::vector<Count>& mine = local.local();
                      for (std::size_t i = chunk.begin(); i != chunk.end(); ++i) body(i, mine);
                    });
  for (const std::vector<Count>& part : local)
    for (std::size_t k = 0; k < counts.size(); ++k) counts[k] += part[k];
}

}  // namespace stosim
