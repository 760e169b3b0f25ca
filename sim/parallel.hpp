#pragma once
// Parallel loop over agent indices. Chunks of indices go to TBB workers and the body is inlined
// into each chunk's loop, which is much cheaper than one task call per agent. Bodies must only
// write to their own agent's state (or use atomics on integer counters) so that results do not
// depend on the thread count.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cstddef>

namespace stosim {

template <class Body>
void for_each_index(std::size_t count, Body&& body) {
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count, 4096),
                    [&](const tbb::blocked_range<std::size_t>& chunk) {
                      for (std::size_t i = chunk.begin(); i != chunk.end(); ++i) body(i);
                    });
}

}  // namespace stosim
