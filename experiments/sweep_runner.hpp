#pragma once
// Runs a sweep: every (run, replicate) of the shard, in parallel with TBB on this node and across
// the ranks of an MPI job; each finished replicate goes to the journal and is dropped, so memory
// grows with the threads, not with the runs. The output file is written from the journal at the
// end. Results do not depend on threads, ranks, shards or interruptions.
#include <string>

#include "experiments/sweep_spec.hpp"

namespace stosim {

struct SweepOptions {
  std::string output;
  int threads = 0;          // 0: all cores
  bool resume = false;      // continue from OUTPUT.journal
  int shard = 0, shards = 1;
  bool run_file = false;    // write a `stosim run` file (one run, every indicator)
  bool progress = true;     // report on stderr
};

struct SweepReport {
  std::size_t tasks = 0;    // replicates of this shard
  std::size_t resumed = 0;  // of which found in the journal
  int threads = 0, ranks = 1;
  double seconds = 0.0;
  bool wrote_output = true;  // false on MPI ranks other than 0
};

std::string journal_path(const std::string& output);

SweepReport run_sweep(const SweepSpec& spec, const SweepOptions& options);

}  // namespace stosim
