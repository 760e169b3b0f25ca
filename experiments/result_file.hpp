#pragma once
// What a sweep (or a streamed `stosim run`) stores, how one replicate's results are encoded in
// the worker that made them, and how the output file is written from the journal
// (docs/EXPERIMENTS.md describes the sweep file; docs/OUTPUT.md the run file).
#include <cstdint>
#include <string>
#include <vector>

#include "experiments/sweep_spec.hpp"
#include "output/indicators.hpp"
#include "sim/world.hpp"

namespace stosim {

// One dataset of the output; a replicate contributes one block of `shape` to it.
struct StoredBlock {
  std::string path;              // "summaries/NAME" or "indicators/LEVEL/NAME"
  bool summary = false;
  std::size_t index = 0;         // the summary's index, or the indicator's id
  Level level = Level::national;
  std::vector<std::uint64_t> shape;     // [units] or [years, units, categories...]
  std::vector<std::string> dimensions;  // names of `shape`'s dimensions
};

struct ResultLayout {
  bool run_file = false;  // a `stosim run` file: no run dimension, run-file metadata
  std::size_t runs = 0, replicates = 0;
  std::vector<StoredBlock> blocks;
};

// The layout for a sweep whose runs have `regions` regions and `locations` locations (national
// only when the design varies the population).
ResultLayout make_layout(const SweepSpec& spec, std::size_t regions, std::size_t locations, bool run_file);

// A replicate's results as journal payload: summaries as doubles, indicators as the HDF5 chunk
// (shuffled and deflated) that the writer stores without touching it again.
std::vector<char> encode_replicate(const ResultLayout& layout, const SweepSpec& spec,
                                   const IndicatorFrame& frame);

struct ResultInfo {
  int threads = 0;
  double seconds = 0.0;
  int shard = 0, shards = 1;  // a shard holds the runs r with r % shards == shard
};

// Writes the output file (atomically) from a complete journal. `population` is the initial
// population of run 0 (entity tables). Throws when a replicate of the file's runs is missing.
void write_results(const std::string& output, const std::string& journal, const SweepSpec& spec,
                   const ResultLayout& layout, const World& population, const ResultInfo& info);

// `stosim merge`: joins shard files of one sweep into one file; throws DataError when they are
// not shards of the same sweep, or runs are missing or given twice.
void merge_shards(const std::string& output, const std::vector<std::string>& shards);

}  // namespace stosim
