#pragma once
// Parallel loop over agent indices. Chunks of indices go to TBB workers and the body is inlined
// into each chunk's loop, which is much cheaper than one task call per agent. Bodies must only
// write to their own agent's state (or use atomics on integer counters) so that results do not
// depend on the thread count.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cstddef>
#include <mutex>

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

}  // namespace stosim
