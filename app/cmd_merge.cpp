// `stosim merge`: the shards of a sweep joined into one file.
#include <cstdio>
#include <memory>

#include "app/commands.hpp"
#include "experiments/result_file.hpp"

namespace stosim::app {

namespace {

struct MergeArgs {
  std::string output;
  std::vector<std::string> shards;
};

int merge(const MergeArgs& a) {
  merge_shards(a.output, a.shards);
  std::fprintf(stderr, "stosim: wrote %s from %zu shards\n", a.output.c_str(), a.shards.size());
  return 0;
}

}  // namespace

Command add_merge_command(CLI::App& app) {
  auto a = std::make_shared<MergeArgs>();
  CLI::App* cmd = app.add_subcommand("merge", R"TEXT(Join the shards of a sweep into one file.

Each shard is the output of `stosim sweep SWEEP --shard I/N`; together they must hold every run
exactly once, all from the same sweep file and stosim build. The joined file is the file one
unsharded sweep writes.

Example:
  stosim merge big.h5 part0.h5 part1.h5 part2.h5)TEXT");
  cmd->add_option("OUTPUT", a->output, "HDF5 file to write")->required();
  cmd->add_option("SHARDS", a->shards, "Shard files")->required()->check(CLI::ExistingFile);
  return {cmd, [a] { return merge(*a); }};
}

}  // namespace stosim::app
